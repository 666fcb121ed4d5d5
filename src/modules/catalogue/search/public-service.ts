import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { displayName, type TerritoriesModule, type Territory } from '../../territories/index.js';
import { searchSolutions } from './search.js';
import type { NearInput } from './search.params.js';
import type { NearState, SolutionQuery, SolutionRestrictions, SolutionSearchResult } from './search.types.js';

/** Names of régions and départements by code, for facets, maps and lists. */
export interface PlaceNames {
  region(code: string): string;
  departement(code: string): string;
}

/**
 * The public side's reads over the search: « utilisée près de chez moi » resolved through the territories'
 * picker, place names, and what a territory's page lists.
 *
 * @example
 * const { result, near } = await publicSearch.search(parsed.query, parsed.near);
 */
export function createPublicSearch(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  territories: Pick<TerritoriesModule['territories'], 'resolvePick' | 'regionsWithDepartements'>;
}) {
  let names: { at: number; names: PlaceNames } | null = null;

  async function resolveNear(
    input: NearInput,
  ): Promise<{ state: NearState; restrict: SolutionRestrictions | null }> {
    const pick = await deps.territories.resolvePick({ code: input.code, text: input.text }, ['commune']);
    if (pick.status === 'choices') {
      return {
        state: {
          status: 'choices',
          text: input.text ?? '',
          portee: input.portee,
          candidates: pick.candidates,
        },
        restrict: null,
      };
    }
    if (pick.status !== 'chosen') {
      return {
        state: { status: 'none', text: input.text ?? input.code ?? '', portee: input.portee },
        restrict: null,
      };
    }
    const t = pick.territory;
    let restrict: SolutionRestrictions;
    if (input.portee === 'epci' && t.epciCode) restrict = { epcis: [t.epciCode] };
    else if (input.portee === 'departement' && t.departementCode)
      restrict = { departements: [t.departementCode] };
    else restrict = { communes: [t.code] };
    const label = `${displayName(t)}${t.departementCode ? ` (${t.departementCode})` : ''}`;
    return { state: { status: 'chosen', code: t.code, label, portee: input.portee }, restrict };
  }

  return {
    async search(
      query: SolutionQuery,
      near: NearInput | null = null,
    ): Promise<{ result: SolutionSearchResult; near: NearState | null }> {
      const resolved = near ? await resolveNear(near) : null;
      const restrict = { ...query.restrict, ...(resolved?.restrict ?? {}) };
      const result = await searchSolutions(deps.db, deps.dialect, { ...query, restrict });
      return { result, near: resolved?.state ?? null };
    },

    /** Région and département names from the COG, kept ten minutes (codes shown as they are before it loads). */
    async names(): Promise<PlaceNames> {
      if (names && Date.now() - names.at < 600_000) return names.names;
      const groups = await deps.territories.regionsWithDepartements();
      const regions = new Map<string, string>();
      const departements = new Map<string, string>();
      for (const { region, departements: list } of groups) {
        regions.set(region.code, displayName(region));
        for (const d of list) departements.set(d.code, displayName(d));
      }
      const value: PlaceNames = {
        region: (code) => regions.get(code) ?? `Région ${code}`,
        departement: (code) => departements.get(code) ?? `Département ${code}`,
      };
      if (regions.size > 0) names = { at: Date.now(), names: value };
      return value;
    },

    /** The solutions used in a territory: by its organisations (a commune's, an EPCI's and its communes'…). */
    async inTerritory(t: Territory) {
      const restrict: SolutionRestrictions =
        t.kind === 'commune' || t.kind === 'arrondissement'
          ? { communes: [t.code] }
          : t.kind === 'epci'
            ? { epcis: [t.code] }
            : {};
      const facets =
        t.kind === 'departement'
          ? { departements: [t.code] }
          : t.kind === 'region'
            ? { regions: [t.code] }
            : {};
      const result = await searchSolutions(deps.db, deps.dialect, {
        restrict,
        facets,
        sort: 'utilisateurs',
        perPage: 5,
      });
      const param =
        t.kind === 'departement'
          ? `departement=${t.code}`
          : t.kind === 'region'
            ? `region=${t.code}`
            : t.kind === 'commune'
              ? `pres=${t.code}&portee=commune`
              : null;
      return { total: result.total, items: result.items, href: param ? `/catalogue?${param}` : null };
    },
  };
}

export type PublicSearch = ReturnType<typeof createPublicSearch>;
