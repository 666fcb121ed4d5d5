/**
 * What a person may manage in the fund, asked of the platform’s policy (`can`, never a role tested here): whole
 * dispositifs (an operator with the scope `dispositif:axe-2`, an administrator: all), and axe 3 in the
 * départements of a préfecture’s operator (`departement:38`), since each préfecture ran axe 3 in its own.
 */
import { type Actor, can } from '../../accounts/index.js';
import { DISPOSITIF_CODES, type DispositifCode } from '../fund.domain.js';
import type { ManagedScope } from '../fund.repository.js';
import type { ImportScope } from '../import/plan.js';

export interface FundScope extends ImportScope {
  /** Dispositifs managed whole. */
  dispositifs: DispositifCode[];
  /** Départements whose axe 3 lauréats are managed (when axe 3 is not managed whole). */
  axe3Departements: string[];
  /** The repository’s filter: null for everything. */
  managed: ManagedScope;
  /** Nothing to manage: the fund’s administration pages are refused. */
  empty: boolean;
}

/**
 * The scope of an actor. `departementCodes` are every département’s code (asking the policy about each is
 * how a préfecture’s operator is found without reading their grants).
 *
 * @example
 * fundScopeOf(operatorOfAxe2, codes).allows({ dispositifCode: 'axe-3', departementCode: '38' }) // false
 */
export function fundScopeOf(actor: Actor, departementCodes: readonly string[]): FundScope {
  if (can(actor, 'fund:manage')) return FULL_SCOPE;
  const dispositifs = DISPOSITIF_CODES.filter((code) =>
    can(actor, 'fund:manage', { scope: `dispositif:${code}` }),
  );
  const axe3Departements = dispositifs.includes('axe-3')
    ? []
    : departementCodes.filter((code) => can(actor, 'fund:manage', { scope: `departement:${code}` }));
  return scopeOf(dispositifs, axe3Departements);
}

/**
 * A scope from its parts (the command line, tests).
 *
 * @example
 * scopeOf(['axe-2'], []).description // 'vous gérez : axe-2'
 */
export function scopeOf(dispositifs: DispositifCode[], axe3Departements: string[]): FundScope {
  const parts: string[] = [...dispositifs];
  if (axe3Departements.length > 0) {
    parts.push(
      `axe-3 dans le${axe3Departements.length > 1 ? 's' : ''} département${axe3Departements.length > 1 ? 's' : ''} ${axe3Departements.join(', ')}`,
    );
  }
  return {
    dispositifs,
    axe3Departements,
    managed: { dispositifs, axe3Departements },
    empty: parts.length === 0,
    description: parts.length > 0 ? `vous gérez : ${parts.join(' ; ')}` : 'vous ne gérez aucun dispositif',
    allows: ({ dispositifCode, departementCode }) =>
      dispositifs.includes(dispositifCode) ||
      (dispositifCode === 'axe-3' && departementCode !== null && axe3Departements.includes(departementCode)),
  };
}

/** Everything: an administrator, or the command line run by whoever runs the server. */
export const FULL_SCOPE: FundScope = {
  dispositifs: [...DISPOSITIF_CODES],
  axe3Departements: [],
  managed: null,
  empty: false,
  description: 'tous les dispositifs',
  allows: () => true,
};

/**
 * The dispositifs a scope touches at all (whole or in some départements), for the administration’s home.
 *
 * @example
 * dispositifsIn(scopeOf([], ['38'])) // ['axe-3']
 */
export function dispositifsIn(scope: FundScope): DispositifCode[] {
  return DISPOSITIF_CODES.filter(
    (code) => scope.dispositifs.includes(code) || (code === 'axe-3' && scope.axe3Departements.length > 0),
  );
}
