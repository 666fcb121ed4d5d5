import type { FacetTable, ScalarColumn, ScalarFacet } from './facet-table.js';
import { FACETS, type FacetKey, type LaureatRestrictions, type LaureatSort } from './search.types.js';

/** Where a page resumes: the last row's sort key (see cursorKeyOf). */
export interface CursorKey {
  tier: number;
  decided: string;
  amount: number;
  title: string;
  id: string;
}

/**
 * « À moins de `km` km »: each `territoire` dictionary value's distance (Infinity: out of reach), the chosen
 * distance, and the distances to count.
 */
export interface EngineNear {
  distances: Float64Array;
  km: number;
  radii: readonly number[];
}

export interface EngineQuery {
  selections: Partial<Record<FacetKey, string[]>>;
  restrict: LaureatRestrictions;
  near?: EngineNear | null;
  /** Per row: 0 no text match, 1 matched, 2 every word in the title. Null: no text, every row is a candidate. */
  tiers: Uint8Array | null;
  sort: LaureatSort;
  /** 1-based, clamped to the last page (ignored with `after`). */
  page: number;
  limit: number;
  after: CursorKey | null;
}

export interface EngineResult {
  total: number;
  totalAmount: number;
  /** The page's row numbers, in order. */
  rows: number[];
  /** Per facet, the count of each dictionary value (index-aligned with the table's values). */
  counts: Record<FacetKey, Int32Array>;
  /** With `near`: per radius (index-aligned with `near.radii`), the rows within it matching everything else. */
  nearCounts: Int32Array | null;
  /** Whether rows follow the page. */
  more: boolean;
  page: number;
  pageCount: number;
}

const RESTRICTION_COLUMNS: Record<keyof LaureatRestrictions, ScalarColumn> = {
  communes: 'territoire',
  epcis: 'epci',
  departements: 'departements',
  sirens: 'siren',
};

/** A "wanted" flag per dictionary value, for a list of selected values (unknown values match no row). */
function wanted(values: Map<string, number>, size: number, selected: string[]): Uint8Array {
  const want = new Uint8Array(size);
  for (const value of selected) {
    const code = values.get(value);
    if (code !== undefined) want[code] = 1;
  }
  return want;
}

/**
 * Filters, counts and pages the table for one query, in two passes. The first visits every candidate row
 * (text matches, within the restrictions), notes which selected facets it fails, and counts it under a facet
 * when it fails no selected facet other than that one: the standard disjunctive counts, where a facet's
 * counts ignore its own selection, so choosing a value yields exactly its count. The second walks the
 * chosen sort order and keeps the page.
 *
 * @example
 * const result = runFacetQuery(table, { selections: { statuts: ['livre'] }, restrict: {}, tiers: null,
 *   sort: 'date', page: 1, limit: 20, after: null });
 * result.counts.statuts[table.columns.statuts.index.get('livre')!] === result.total; // true
 */
export function runFacetQuery(table: FacetTable, query: EngineQuery): EngineResult {
  const { size, columns, themes } = table;
  const facetKeys = FACETS;
  const counts = {} as Record<FacetKey, Int32Array>;
  for (const key of facetKeys) {
    counts[key] = new Int32Array(key === 'themes' ? themes.values.length : columns[key].values.length);
  }

  // Restrictions: every row must pass all of them.
  const restrictions: Array<{ codes: Int32Array; want: Uint8Array }> = [];
  for (const [key, column] of Object.entries(RESTRICTION_COLUMNS) as Array<
    [keyof LaureatRestrictions, ScalarColumn]
  >) {
    const list = query.restrict[key];
    // Absent restricts nothing; present and empty (a zone with no département) restricts to nothing.
    if (!list) continue;
    const dict = columns[column];
    restrictions.push({ codes: dict.codes, want: wanted(dict.index, dict.values.length, list) });
  }

  // Selected facets, numbered 0..n-1 in `active`; the themes facet is handled apart (multi-valued).
  const scalarFacets = facetKeys.filter((k): k is ScalarFacet => k !== 'themes');
  const active: Array<{ facet: number; codes: Int32Array; want: Uint8Array }> = [];
  scalarFacets.forEach((key, facet) => {
    const selected = query.selections[key];
    if (!selected || selected.length === 0) return;
    const dict = columns[key];
    active.push({ facet, codes: dict.codes, want: wanted(dict.index, dict.values.length, selected) });
  });
  const themeSelection = query.selections.themes ?? [];
  const words = themes.words;
  const themeWant = new Uint32Array(words);
  for (const value of themeSelection) {
    const bit = themes.index.get(value);
    if (bit !== undefined) themeWant[bit >>> 5]! |= 1 << (bit & 31);
  }
  const themesActive = themeSelection.length > 0;
  const THEMES_SLOT = active.length;
  const masks = themes.masks;
  // « À moins de N km » is one more selected facet: a row out of reach fails it, and its counts are per radius.
  const near = query.near ?? null;
  const NEAR_SLOT = active.length + 1;
  const nearCodes = columns.territoire.codes;
  const distanceOf = (r: number) => {
    const code = nearCodes[r]!;
    return code < 0 ? Number.POSITIVE_INFINITY : near!.distances[code]!;
  };

  // Pass 1, row by row: which rows match everything (`all`), and which fail exactly one selected facet
  // (`failedOne[slot]`). Counting then runs column by column over these lists, in tight monomorphic loops.
  const all: number[] = [];
  const failedOne: number[][] = Array.from({ length: active.length + 2 }, () => []);
  const matched = new Uint8Array(size);
  const tiers = query.tiers;
  const amounts = table.amounts;
  let totalAmount = 0;
  candidates: for (let r = 0; r < size; r++) {
    if (tiers !== null && tiers[r] === 0) continue;
    for (let i = 0; i < restrictions.length; i++) {
      const { codes, want } = restrictions[i]!;
      const code = codes[r]!;
      if (code < 0 || want[code] === 0) continue candidates;
    }
    let failed = -1;
    for (let a = 0; a < active.length; a++) {
      const { codes, want } = active[a]!;
      const code = codes[r]!;
      if (code < 0 || want[code] === 0) {
        if (failed >= 0) continue candidates;
        failed = a;
      }
    }
    if (themesActive) {
      let hit = false;
      for (let w = 0; w < words; w++) if ((masks[r * words + w]! & themeWant[w]!) !== 0) hit = true;
      if (!hit) {
        if (failed >= 0) continue;
        failed = THEMES_SLOT;
      }
    }
    if (near !== null && !(distanceOf(r) <= near.km)) {
      if (failed >= 0) continue;
      failed = NEAR_SLOT;
    }
    if (failed === -1) {
      all.push(r);
      matched[r] = 1;
      totalAmount += amounts[r]!;
    } else failedOne[failed]!.push(r);
  }

  scalarFacets.forEach((key, f) => {
    const codes = columns[key].codes;
    const c = counts[key];
    const countRows = (list: number[]) => {
      for (let i = 0; i < list.length; i++) {
        const code = codes[list[i]!]!;
        if (code >= 0) c[code]!++;
      }
    };
    countRows(all);
    const slot = active.findIndex((a) => a.facet === f);
    if (slot >= 0) countRows(failedOne[slot]!);
  });
  const countThemes = (list: number[]) => {
    const c = counts.themes;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      for (let w = 0; w < words; w++) {
        let m = masks[r * words + w]!;
        while (m !== 0) {
          const low = m & -m;
          c[(w << 5) + 31 - Math.clz32(low)]!++;
          m ^= low;
        }
      }
    }
  };
  countThemes(all);
  if (themesActive) countThemes(failedOne[THEMES_SLOT]!);
  let nearCounts: Int32Array | null = null;
  if (near !== null) {
    const c = new Int32Array(near.radii.length);
    for (const list of [all, failedOne[NEAR_SLOT]!]) {
      for (let i = 0; i < list.length; i++) {
        const d = distanceOf(list[i]!);
        for (let k = 0; k < near.radii.length; k++) if (d <= near.radii[k]!) c[k]!++;
      }
    }
    nearCounts = c;
  }
  const total = all.length;

  const pageCount = Math.max(1, Math.ceil(total / query.limit));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const { rows, more } = pageOf(table, query, matched, (page - 1) * query.limit);
  return { total, totalAmount, rows, counts, nearCounts, more, page, pageCount };
}

/** The page's rows, walking the sort order (pertinence: the date order once per tier, best tier first). */
function pageOf(table: FacetTable, query: EngineQuery, matched: Uint8Array, offset: number) {
  const rows: number[] = [];
  const tiers = query.tiers;
  const passes: Array<{ order: Int32Array; tier: number | null }> =
    query.sort === 'pertinence'
      ? tiers
        ? [
            { order: table.orders.date, tier: 2 },
            { order: table.orders.date, tier: 1 },
          ]
        : [{ order: table.orders.date, tier: null }]
      : [{ order: table.orders[query.sort], tier: null }];
  let skip = query.after ? 0 : offset;
  let resumed = query.after === null;
  for (const { order, tier } of passes) {
    for (let i = 0; i < order.length; i++) {
      const r = order[i]!;
      if (matched[r] === 0 || (tier !== null && tiers![r] !== tier)) continue;
      if (!resumed) {
        if (compareToCursor(table, query.sort, r, tiers ? tiers[r]! : 0, query.after!) <= 0) continue;
        resumed = true;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      if (rows.length === query.limit) return { rows, more: true };
      rows.push(r);
    }
  }
  return { rows, more: false };
}

/**
 * The sort key of a row, what a cursor carries.
 *
 * @example
 * cursorKeyOf(table, 12, 0); // { tier: 0, decided: '2022-03-01', amount: 50000, title: 'salle …', id: 'L-12' }
 */
export function cursorKeyOf(table: FacetTable, r: number, tier: number): CursorKey {
  return {
    tier,
    decided: table.decided[r]!,
    amount: table.amounts[r]!,
    title: table.titleKeys[r]!,
    id: table.ids[r]!,
  };
}

/** Negative when the row comes before the cursor in the sort's order, positive after, 0 for the cursor itself. */
function compareToCursor(table: FacetTable, sort: LaureatSort, r: number, tier: number, c: CursorKey) {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const id = cmp(table.ids[r]!, c.id);
  const date = -cmp(table.decided[r]!, c.decided);
  switch (sort) {
    case 'titre':
      return cmp(table.titleKeys[r]!, c.title) || id;
    case 'montant':
      return -cmp(table.amounts[r]!, c.amount) || date || id;
    case 'pertinence':
      return -cmp(tier, c.tier) || date || id;
    default:
      return date || id;
  }
}
