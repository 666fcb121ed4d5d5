import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { parseSearchText } from '../../../adapters/search/query.js';
import { ADOPTER_KINDS, ADOPTION_MODES, LICENCES, MATURITIES } from '../catalogue.domain.js';
import { THEMES } from '../catalogue.themes.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { cursorKeyOf, runFacetQuery } from './facet-engine.js';
import { facetTableOf } from './facet-store.js';
import type { FacetTable } from './facet-table.js';
import {
  DEFAULT_PER_PAGE,
  FACETS,
  type FacetCount,
  type FacetKey,
  MAX_PER_PAGE,
  SORTS,
  type SolutionCard,
  type SolutionQuery,
  type SolutionRestrictions,
  type SolutionSearchResult,
  type SolutionSort,
} from './search.types.js';
import { matchText } from './text-index.js';

/** The order facet values are listed in: the vocabulary's, then values met in the data. */
const VOCABULARY: Partial<Record<FacetKey, readonly string[]>> = {
  themes: Object.keys(THEMES),
  maturites: Object.keys(MATURITIES),
  licences: Object.keys(LICENCES),
  adoptions: Object.keys(ADOPTION_MODES),
  adoptants: Object.keys(ADOPTER_KINDS),
  verification: ['verifiee', 'declaree'],
};

function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 60))].slice(
    0,
    200,
  );
}

/** Clamps whatever the caller passed into a query the engine can run. */
function normalize(query: SolutionQuery) {
  const facets = {} as Record<FacetKey, string[]>;
  for (const key of FACETS) facets[key] = cleanList(query.facets?.[key]);
  const restrict: SolutionRestrictions = {};
  for (const key of ['communes', 'epcis', 'departements', 'sirens'] as const) {
    if (query.restrict?.[key] !== undefined) restrict[key] = cleanList(query.restrict[key]);
  }
  const sort: SolutionSort = SORTS.includes(query.sort as SolutionSort)
    ? (query.sort as SolutionSort)
    : 'pertinence';
  const perPage = Number.isFinite(query.perPage)
    ? Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage!)))
    : DEFAULT_PER_PAGE;
  const page = Number.isFinite(query.page) ? Math.min(1_000_000, Math.max(1, Math.floor(query.page!))) : 1;
  const text = typeof query.text === 'string' ? query.text : '';
  const after = typeof query.after === 'string' ? decodeCursor(query.after, sort) : null;
  return { facets, restrict, sort, perPage, page, text, after };
}

/** Text tiers of every row: 0 no match, 1 a match, 2 every word in the name. */
async function tiersOf(db: Kysely<Database>, dialect: Dialect, table: FacetTable, text: string) {
  const parsed = parseSearchText(text);
  if (parsed.terms.length === 0) return null;
  const found = await matchText(db, dialect, parsed);
  const tiers = new Uint8Array(table.size);
  for (const [list, tier] of [
    [found.matched, 1],
    [found.inTitle, 2],
  ] as const) {
    if (!list) continue;
    for (const rid of list.split(',')) {
      const row = table.rowOfRid.get(Number(rid));
      if (row !== undefined) tiers[row] = tier;
    }
  }
  return tiers;
}

/**
 * The catalogue's faceted search over the published solutions: French full text (accents, plurals and
 * feminines ignored, the last word also as a prefix; a word of the name ranks first), multi-select facets with
 * disjunctive counts, restrictions (« utilisée près de chez moi », an organisation's), three sorts, a page or a
 * cursor. Never throws on what a visitor can type.
 *
 * @example
 * const r = await searchSolutions(db, 'sqlite', { text: 'réservation de salles', facets: { maturites: ['production'] } });
 * r.facets.maturites // [{ value: 'experimentation', count: 0, selected: false }, { value: 'production', count: 3, … }, …]
 */
export async function searchSolutions(
  db: Kysely<Database>,
  dialect: Dialect,
  query: SolutionQuery,
): Promise<SolutionSearchResult> {
  const q = normalize(query);
  const table = await facetTableOf(db, dialect);
  const tiers = q.text ? await tiersOf(db, dialect, table, q.text) : null;
  // Without words, « pertinence » has nothing to rank: the most used first.
  const result = runFacetQuery(table, {
    selections: q.facets,
    restrict: q.restrict,
    tiers,
    sort: q.sort,
    page: q.page,
    limit: q.perPage,
    after: q.after,
    withMap: query.withMap === true,
  });
  const items = cardsOf(table, result.rows);
  const last = result.rows.at(-1);
  const usersByDepartement: Record<string, number> = {};
  table.columns.departements.values.forEach((code, i) => {
    if (result.departementUsers[i]! > 0) usersByDepartement[code] = result.departementUsers[i]!;
  });
  return {
    total: result.total,
    items,
    page: q.after ? 1 : result.page,
    perPage: q.perPage,
    pageCount: result.pageCount,
    sort: q.sort,
    facets: facetsOf(table, result.counts, q.facets),
    nextCursor:
      result.more && last !== undefined
        ? encodeCursor(q.sort, cursorKeyOf(table, last, tiers ? tiers[last]! : 0))
        : null,
    usersByDepartement,
  };
}

function facetsOf(
  table: FacetTable,
  counts: Record<FacetKey, Int32Array>,
  selections: Record<FacetKey, string[]>,
): Record<FacetKey, FacetCount[]> {
  const out = {} as Record<FacetKey, FacetCount[]>;
  for (const key of FACETS) {
    const column = table.columns[key];
    const selected = new Set(selections[key]);
    const known = VOCABULARY[key] ?? [];
    const found = column.values.filter((v) => !known.includes(v)).sort();
    const extra = [...selected].filter((v) => !known.includes(v) && !column.index.has(v)).sort();
    out[key] = [...known, ...found, ...extra].map((value) => {
      const code = column.index.get(value);
      return { value, count: code === undefined ? 0 : counts[key][code]!, selected: selected.has(value) };
    });
  }
  return out;
}

/** The page's cards, in the page's order, from the table (no query). */
function cardsOf(table: FacetTable, rows: number[]): SolutionCard[] {
  return rows.map((r) => ({ ...table.cards[r]!, users: table.users[r]!, interested: table.interested[r]! }));
}
