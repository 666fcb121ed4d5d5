/**
 * Whether a porteur could be a lauréat of a dispositif under one version of its rules: the demo only draws
 * eligible porteurs, and its tests check every row against the version in force on the day it was filed.
 */
import type { DispositifRule } from '../fund.domain.js';

export interface EligibilityFacts {
  kind: string;
  population: number | null;
  /** For a structure de mutualisation: the population of the collectivités it works for. */
  coveredPopulation?: number | null;
}

/**
 * A département is eligible when the rule says so; anyone else by population (a structure de mutualisation
 * by the population it serves). No threshold: everyone.
 *
 * @example
 * isEligible(ruleInForce('axe-2', '2021-11-15')!, { kind: 'departement', population: 180000 }) // true
 * isEligible(ruleInForce('axe-2', '2021-05-15')!, { kind: 'departement', population: 180000 }) // false
 */
export function isEligible(rule: DispositifRule, facts: EligibilityFacts): boolean {
  if (rule.minPopulation === null) return true;
  if (facts.kind === 'departement' && rule.departementEligible) return true;
  const population = facts.kind === 'structure-mutualisation' ? facts.coveredPopulation : facts.population;
  return population !== null && population !== undefined && population >= rule.minPopulation;
}
