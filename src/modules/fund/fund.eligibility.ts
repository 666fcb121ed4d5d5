/**
 * Eligibility of a lauréat under the dispositif rule in force when it was filed: the checks an operator sees
 * as warnings at import and on the edit form. Pure; no I/O.
 */
import {
  DISPOSITIF_RULES,
  type DispositifRule,
  type Laureat,
  ruleInForce,
  stateShare,
} from './fund.domain.js';

/** Something a lauréat does not meet in the rule it is judged by: shown, never blocking (old data predates rules). */
export interface EligibilityWarning {
  code: 'sans-regle' | 'population' | 'part-etat' | 'forfait' | 'cout-total';
  /** The form field or import column it is about. */
  field: 'montant' | 'coutTotal' | 'idBeneficiaire' | 'dateDepot';
  message: string;
}

/**
 * Checks a lauréat against the rule version in force on the day it was filed (the decision date when the
 * filing date is unknown): population threshold, State share, flat amount. Warnings, not errors: historic
 * data and exceptions granted by the operator are legitimate.
 *
 * @example
 * eligibilityWarnings({ dispositifCode: 'axe-2', filedOn: '2021-11-15', population: 120_000, … })
 * // [{ code: 'population', message: 'Population du porteur (120 000 habitants) sous le seuil de 300 000 … ' }]
 */
export function eligibilityWarnings(
  l: Pick<
    Laureat,
    'dispositifCode' | 'filedOn' | 'decidedOn' | 'population' | 'amountEur' | 'totalCostEur'
  > & {
    porteur: Pick<Laureat['porteur'], 'kind'>;
  },
  rules: DispositifRule[] = DISPOSITIF_RULES,
): EligibilityWarning[] {
  const warnings: EligibilityWarning[] = [];
  const day = l.filedOn ?? l.decidedOn;
  if (l.totalCostEur !== null && l.amountEur > l.totalCostEur) {
    warnings.push({
      code: 'cout-total',
      field: 'coutTotal',
      message: `Le montant accordé (${euros(l.amountEur)}) dépasse le coût total du projet (${euros(l.totalCostEur)}).`,
    });
  }
  const rule = ruleInForce(l.dispositifCode, day, rules);
  if (!rule) {
    const first = rules
      .filter((r) => r.dispositifCode === l.dispositifCode)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
    if (first) {
      warnings.push({
        code: 'sans-regle',
        field: 'dateDepot',
        message: `Dossier déposé le ${frenchDate(day)}, avant la première règle connue du dispositif (${frenchDate(first.validFrom)}).`,
      });
    }
    return warnings;
  }
  const since = `règle en vigueur depuis le ${frenchDate(rule.validFrom)}`;
  const exempt = rule.departementEligible && l.porteur.kind === 'departement';
  if (rule.minPopulation !== null && l.population !== null && l.population < rule.minPopulation && !exempt) {
    warnings.push({
      code: 'population',
      field: 'idBeneficiaire',
      message: `Population du porteur (${integer(l.population)} habitants) sous le seuil de ${integer(rule.minPopulation)} habitants (${since}).`,
    });
  }
  const share = stateShare(l);
  if (rule.maxStateShare !== null && share !== null && share > rule.maxStateShare + 1e-9) {
    warnings.push({
      code: 'part-etat',
      field: 'montant',
      message: `Part de l’État de ${percent(share)}, au-delà du plafond de ${percent(rule.maxStateShare)} (${since}).`,
    });
  }
  if (rule.flatAmountEur !== null && l.amountEur !== rule.flatAmountEur) {
    warnings.push({
      code: 'forfait',
      field: 'montant',
      message: `Montant de ${euros(l.amountEur)}, différent du forfait de ${euros(rule.flatAmountEur)} (${since}).`,
    });
  }
  return warnings;
}

// Built once: a formatter costs more to make than a hundred formatted numbers.
const integerFormat = new Intl.NumberFormat('fr-FR');
const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const integer = (n: number) => integerFormat.format(n);
const euros = (n: number) => `${integer(n)} €`;
const percent = (share: number) => `${percentFormat.format(share * 100)} %`;
function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
