import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { TerritoriesModule, Territory } from '../../territories/index.js';
import { displayName } from '../../territories/index.js';
import { csvStream, jsonStream, xlsxStream } from '../opendata/exports.js';
import { createNearDistances } from './near.js';
import { createPlaceNames } from './places.js';
import { dispositifsWithRules, hasDemonstration, laureatsByIds, laureatsFingerprint } from './reads.js';
import { searchLaureats } from './search.js';
import type { NearInput } from './search.params.js';
import {
  DEFAULT_RADIUS,
  type LaureatQuery,
  type LaureatSearchResult,
  type NearFilter,
  type NearState,
} from './search.types.js';

export interface FundPublicDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  territories: Pick<TerritoriesModule, 'territories'>;
}

/**
 * What a territory's page links to, and the restriction behind it.
 *
 * @example
 * territoryScope(grenoble).href // '/laureats?commune=38185'
 */
export function territoryScope(t: Territory): {
  query: LaureatQuery;
  href: string;
  scope: string;
} {
  switch (t.kind) {
    case 'commune':
    case 'arrondissement':
      return {
        query: { restrict: { communes: [t.code] } },
        href: `/laureats?commune=${t.code}`,
        scope: 'pour des projets portés par cette commune',
      };
    case 'epci':
      return {
        query: { restrict: { epcis: [t.code] } },
        href: `/laureats?epci=${t.code}`,
        scope: 'pour des projets portés par cette intercommunalité ou ses communes',
      };
    case 'departement':
      return {
        query: { facets: { departements: [t.code] } },
        href: `/laureats?departement=${t.code}`,
        scope: 'pour des projets portés dans ce département',
      };
    default:
      return {
        query: { facets: { regions: [t.code] } },
        href: `/laureats?region=${t.code}`,
        scope: 'pour des projets portés dans cette région',
      };
  }
}

/**
 * The public side's use cases over the search: the search with « à moins de N km » resolved, a lauréat, the
 * dispositifs with their figures, and what a territory's page shows.
 *
 * @example
 * const service = createFundPublicService({ db, dialect: 'sqlite', territories });
 * const { result, near } = await service.search(parsed.query, parsed.near);
 */
export function createFundPublicService(deps: FundPublicDeps) {
  const { db, dialect } = deps;
  const territories = deps.territories.territories;
  const names = createPlaceNames(territories);

  const distances = createNearDistances(territories);

  /** The commune « à moins de N km de » names, and the distances it becomes. */
  async function resolveNear(input: NearInput): Promise<{ state: NearState; filter: NearFilter | null }> {
    const { km } = input;
    const pick = await territories.resolvePick({ code: input.code, text: input.text }, ['commune']);
    if (pick.status === 'choices') {
      return {
        state: { status: 'choices', text: input.text ?? '', km, candidates: pick.candidates },
        filter: null,
      };
    }
    const typed = input.text ?? input.code ?? '';
    if (pick.status !== 'chosen') {
      return { state: { status: 'none', text: typed, km, reason: 'inconnue' }, filter: null };
    }
    const t = pick.territory;
    const around = await distances.around(t.code);
    if (!around) return { state: { status: 'none', text: typed, km, reason: 'sans-position' }, filter: null };
    const dep = t.departementCode;
    return {
      state: {
        status: 'chosen',
        code: t.code,
        label: `${displayName(t)}${dep ? ` (${dep})` : ''}`,
        km,
        estimated: around.estimated,
      },
      filter: { km, distances: around.distances },
    };
  }

  return {
    names,

    /**
     * Searches, « à moins de N km de <commune> » included: a commune that is not found (or is ambiguous, or
     * has no point) restricts nothing, and the page says so on the field.
     */
    async search(
      query: LaureatQuery,
      near: NearInput | null = null,
    ): Promise<{ result: LaureatSearchResult; near: NearState | null }> {
      const resolved = near ? await resolveNear(near) : null;
      const result = await searchLaureats(db, dialect, { ...query, near: resolved?.filter ?? null });
      return { result, near: resolved?.state ?? null };
    },

    /** One lauréat, whole, or null. */
    async laureat(id: string) {
      if (id.length > 200) return null;
      return (await laureatsByIds(db, [id]))[0] ?? null;
    },

    /** The dispositifs, their rules, and how many lauréats and euros each counts. */
    async dispositifs() {
      const { dispositifs, rules } = await dispositifsWithRules(db);
      const stats: Record<string, { count: number; amountEur: number }> = {};
      for (const d of dispositifs) {
        const r = await searchLaureats(db, dialect, {
          facets: { dispositifs: [d.code] },
          perPage: 5,
          sort: 'date',
        });
        stats[d.code] = { count: r.total, amountEur: r.totalAmountEur };
      }
      return { dispositifs, rules, stats };
    },

    /** The open data files (streams) and what their ETag and the `/donnees` page are made from. */
    opendata: {
      csv: () => csvStream(db),
      json: () => jsonStream(db),
      xlsx: () => xlsxStream(db),
      fingerprint: () => laureatsFingerprint(db),
      async summary() {
        const [r, demonstration] = await Promise.all([
          searchLaureats(db, dialect, { perPage: 1 }),
          hasDemonstration(db),
        ]);
        return { count: r.total, demonstration };
      },
    },

    /** Lauréats whole, in the order of `ids` (the API's items). */
    laureats: (ids: string[]) => laureatsByIds(db, ids),

    /** A territory's figures: count, amount, the five latest, and where « voir tout » goes. */
    async territoryFigures(t: Territory) {
      const scope = territoryScope(t);
      const r = await searchLaureats(db, dialect, { ...scope.query, sort: 'date', perPage: 5 });
      return {
        total: r.total,
        amountEur: r.totalAmountEur,
        latest: r.items,
        href: scope.href,
        scope: scope.scope,
        ...(t.kind === 'commune' ? { nearHref: `/laureats?pres_de=${t.code}&rayon=${DEFAULT_RADIUS}` } : {}),
      };
    },
  };
}

export type FundPublicService = ReturnType<typeof createFundPublicService>;
