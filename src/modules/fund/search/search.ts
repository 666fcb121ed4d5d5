import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { parseSearchText } from '../../../adapters/search/query.js';
import {
  AMOUNT_BANDS,
  DISPOSITIFS,
  POPULATION_BANDS,
  PORTEUR_KIND_LABELS,
  STATUS_LABELS,
  THEMES,
} from '../fund.domain.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { cursorKeyOf, runFacetQuery } from './facet-engine.js';
import { facetTableOf } from './facet-store.js';
import type { FacetTable } from './facet-table.js';
import {
  DEFAULT_PER_PAGE,
  FACETS,
  type FacetCount,
  type FacetKey,
  type LaureatCard,
  type LaureatQuery,
  type LaureatRestrictions,
  type LaureatSearchResult,
  type LaureatSort,
  MAX_PER_PAGE,
  NEAR_RADII,
  type NearFilter,
  SORTS,
} from './search.types.js';
import { textTiers } from './text-cache.js';

/**
 * The order facet values are listed in: the domain's vocabulary where there is one (values met in the data
 * but unknown to it come after), the codes' order for places and years.
 */
const VOCABULARY: Partial<Record<FacetKey, readonly string[]>> = {
  dispositifs: DISPOSITIFS.map((d) => d.code),
  themes: Object.keys(THEMES),
  kinds: Object.keys(PORTEUR_KIND_LABELS),
  populations: POPULATION_BANDS.map((b) => b.code),
  montants: AMOUNT_BANDS.map((b) => b.code),
  statuts: Object.keys(STATUS_LABELS),
};

/** At most this many values per facet or restriction: a longer list is a crafted address. */
const MAX_VALUES = 200;

/** A list of short strings from anything: garbage becomes an empty list, never an error. */
function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 60))].slice(
    0,
    MAX_VALUES,
  );
}

/** Clamps what the caller passed into a query the engine can run, whatever it was. */
function normalize(query: LaureatQuery) {
  const facets = {} as Record<FacetKey, string[]>;
  for (const key of FACETS) facets[key] = cleanList(query.facets?.[key]);
  const restrict: LaureatRestrictions = {};
  for (const key of ['communes', 'epcis', 'departements', 'sirens'] as const) {
    // An empty list given on purpose (a zone with no département) restricts to nothing; absent restricts nothing.
    if (query.restrict?.[key] !== undefined) restrict[key] = cleanList(query.restrict[key]);
  }
  const sort: LaureatSort = SORTS.includes(query.sort as LaureatSort)
    ? (query.sort as LaureatSort)
    : 'pertinence';
  const perPage = Number.isFinite(query.perPage)
    ? Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage!)))
    : DEFAULT_PER_PAGE;
  const page = Number.isFinite(query.page) ? Math.min(1_000_000, Math.max(1, Math.floor(query.page!))) : 1;
  const text = typeof query.text === 'string' ? query.text : '';
  const after = typeof query.after === 'string' ? decodeCursor(query.after, sort) : null;
  const near =
    query.near && Number.isFinite(query.near.km) && query.near.distances instanceof Map ? query.near : null;
  return { facets, restrict, near, sort, perPage, page, text, after };
}

/** Each `territoire` value's distance from the chosen commune (Infinity when out of reach). */
function distancesOf(table: FacetTable, near: NearFilter): Float64Array {
  const dict = table.columns.territoire;
  return Float64Array.from(dict.values, (key) => near.distances.get(key) ?? Number.POSITIVE_INFINITY);
}

/**
 * The faceted search over the lauréats: French full text (accents, plurals and feminines ignored, the last
 * word also as a prefix), multi-select facets with disjunctive counts, restrictions (a territory, a porteur,
 * « près de chez moi »), four sorts, and a page or a cursor. Never throws on what a visitor can type: unknown
 * values select nothing, bad numbers fall back to defaults, a bad cursor is ignored (the API checks cursors
 * itself, to answer 400). « À moins de N km » comes as distances per territory key (`query.near`, built by
 * the public service from the territories' `near`): a row is in reach when its porteur's key is within `km`.
 *
 * The text is matched by the database (FTS5 or a GIN-indexed tsvector, over the same JS stems); facets,
 * counts, sorting and paging run over the in-memory facet table (see facet-table.ts); the page's cards are
 * read in one query.
 *
 * @example
 * const result = await searchLaureats(db, 'sqlite', {
 *   text: 'réservation de salles', facets: { dispositifs: ['axe-1'], statuts: ['livre', 'en-cours'] },
 *   sort: 'pertinence', page: 1, perPage: 20,
 * });
 * result.facets.statuts; // [{ value: 'finance', count: 3, selected: false }, { value: 'en-cours', … }, …]
 */
export async function searchLaureats(
  db: Kysely<Database>,
  dialect: Dialect,
  query: LaureatQuery,
): Promise<LaureatSearchResult> {
  const q = normalize(query);
  const table = await facetTableOf(db, dialect);
  const parsed = parseSearchText(q.text);
  const tiers = parsed.terms.length > 0 ? await textTiers(db, dialect, table, parsed) : null;
  // Pertinence without words has nothing to rank: it is the date order, and a cursor says so.
  const sort = q.sort === 'pertinence' && !tiers ? 'date' : q.sort;
  const result = runFacetQuery(table, {
    selections: q.facets,
    restrict: q.restrict,
    near: q.near ? { distances: distancesOf(table, q.near), km: q.near.km, radii: NEAR_RADII } : null,
    tiers,
    sort,
    page: q.page,
    limit: q.perPage,
    after: q.after,
  });
  const items = await cardsOf(
    db,
    result.rows.map((r) => table.ids[r]!),
  );
  if (q.near) {
    for (const card of items) {
      const km = card.territoryKey === null ? undefined : q.near.distances.get(card.territoryKey);
      if (km !== undefined) card.distanceKm = km;
    }
  }
  const last = result.rows.at(-1);
  return {
    total: result.total,
    totalAmountEur: result.totalAmount,
    items,
    page: q.after ? 1 : result.page,
    perPage: q.perPage,
    pageCount: result.pageCount,
    sort: q.sort,
    facets: facetsOf(table, result.counts, q.facets),
    near:
      q.near && result.nearCounts
        ? NEAR_RADII.map((km, i) => ({ km, count: result.nearCounts![i]!, selected: km === q.near!.km }))
        : null,
    nextCursor:
      result.more && last !== undefined
        ? encodeCursor(q.sort, cursorKeyOf(table, last, tiers ? tiers[last]! : 0))
        : null,
  };
}

function facetsOf(
  table: FacetTable,
  counts: Record<FacetKey, Int32Array>,
  selections: Record<FacetKey, string[]>,
): Record<FacetKey, FacetCount[]> {
  const out = {} as Record<FacetKey, FacetCount[]>;
  for (const key of FACETS) {
    const dict = key === 'themes' ? table.themes : table.columns[key];
    const selected = new Set(selections[key]);
    const known = VOCABULARY[key] ?? [];
    const found = dict.values.filter((v) => !known.includes(v)).sort();
    const extra = [...selected].filter((v) => !known.includes(v) && !dict.index.has(v)).sort();
    const ordered = [...known, ...found, ...extra];
    const values = key === 'annees' ? ordered.sort().reverse() : ordered;
    out[key] = values.map((value) => {
      const code = dict.index.get(value);
      return { value, count: code === undefined ? 0 : counts[key][code]!, selected: selected.has(value) };
    });
  }
  return out;
}

/** The cards of a page, in the page's order, with one query for the rows and one for their themes. */
async function cardsOf(db: Kysely<Database>, ids: string[]): Promise<LaureatCard[]> {
  if (ids.length === 0) return [];
  const [rows, themes] = await Promise.all([
    db
      .selectFrom('laureat')
      .select([
        'id',
        'title',
        'porteur_name',
        'porteur_kind',
        'porteur_siren',
        'territory_key',
        'commune_code',
        'departement_code',
        'region_code',
        'dispositif_code',
        'amount_eur',
        'status',
        'decided_on',
        'demonstration',
      ])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('laureat_theme')
      .select(['laureat_id', 'theme_code'])
      .where('laureat_id', 'in', ids)
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        title: r.title,
        porteurName: r.porteur_name,
        porteurKind: r.porteur_kind,
        porteurSiren: r.porteur_siren,
        territoryKey: r.territory_key,
        communeCode: r.commune_code,
        departementCode: r.departement_code,
        regionCode: r.region_code,
        dispositifCode: r.dispositif_code,
        themes: themes
          .filter((t) => t.laureat_id === id)
          .map((t) => t.theme_code)
          .sort(),
        amountEur: Number(r.amount_eur),
        status: r.status,
        decidedOn: r.decided_on,
        demonstration: Number(r.demonstration) === 1,
      },
    ];
  });
}
