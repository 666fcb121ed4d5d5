import type { Column, FacetTable, MultiColumn } from './facet-table.js';
import { FACETS, type FacetKey, type SolutionRestrictions, type SolutionSort } from './search.types.js';

/** Where a page resumes: the last row's sort key. */
export interface CursorKey {
  tier: number;
  users: number;
  published: string;
  id: string;
}

export interface EngineQuery {
  selections: Partial<Record<FacetKey, string[]>>;
  restrict: SolutionRestrictions;
  /** Per row: 0 no text match, 1 matched, 2 every word in the name. Null: no text. */
  tiers: Uint8Array | null;
  sort: SolutionSort;
  page: number;
  limit: number;
  after: CursorKey | null;
  /** Whether to sum the users per département (the map). */
  withMap: boolean;
}

export interface EngineResult {
  total: number;
  rows: number[];
  counts: Record<FacetKey, Int32Array>;
  /** Per département code index, the users of every matching row there. */
  departementUsers: Int32Array;
  more: boolean;
  page: number;
  pageCount: number;
}

/** A "wanted" flag per dictionary value (unknown values match nothing). */
function wanted(column: MultiColumn, selected: string[]): Uint8Array {
  const want = new Uint8Array(column.values.length);
  for (const value of selected) {
    const code = column.index.get(value);
    if (code !== undefined) want[code] = 1;
  }
  return want;
}

/** Whether any of row r's values in the column is wanted. */
function hits(column: MultiColumn, want: Uint8Array, r: number): boolean {
  const { offsets, codes } = column;
  for (let i = offsets[r]!, end = offsets[r + 1]!; i < end; i++) if (want[codes[i]!] === 1) return true;
  return false;
}

/**
 * Filters, counts and pages the table for one query, with disjunctive counts (a facet's counts ignore its own
 * selection, so choosing a value yields exactly its count): a row is counted under facet f when it passes the
 * text, the restrictions and every selected facet but f.
 *
 * @example
 * const r = runFacetQuery(table, { selections: { maturites: ['production'] }, restrict: {}, tiers: null,
 *   sort: 'recent', page: 1, limit: 20, after: null });
 */
export function runFacetQuery(table: FacetTable, query: EngineQuery): EngineResult {
  const { size, columns } = table;
  const counts = {} as Record<FacetKey, Int32Array>;
  for (const key of FACETS) counts[key] = new Int32Array(columns[key].values.length);
  const restrictions: Array<{ column: MultiColumn; want: Uint8Array }> = [];
  for (const key of ['communes', 'epcis', 'departements', 'sirens'] as const) {
    const list = query.restrict[key];
    if (!list) continue;
    const column = columns[key as Column];
    restrictions.push({ column, want: wanted(column, list) });
  }
  const active: Array<{ key: FacetKey; column: MultiColumn; want: Uint8Array }> = [];
  for (const key of FACETS) {
    const selected = query.selections[key];
    if (selected && selected.length > 0) {
      active.push({ key, column: columns[key], want: wanted(columns[key], selected) });
    }
  }
  const matched = new Uint8Array(size);
  const failedOne: number[][] = active.map(() => []);
  const all: number[] = [];
  const tiers = query.tiers;
  candidates: for (let r = 0; r < size; r++) {
    if (tiers !== null && tiers[r] === 0) continue;
    for (const { column, want } of restrictions) if (!hits(column, want, r)) continue candidates;
    let failed = -1;
    for (let a = 0; a < active.length; a++) {
      if (hits(active[a]!.column, active[a]!.want, r)) continue;
      if (failed >= 0) continue candidates;
      failed = a;
    }
    if (failed === -1) {
      all.push(r);
      matched[r] = 1;
    } else failedOne[failed]!.push(r);
  }
  const countInto = (column: MultiColumn, out: Int32Array, list: number[]) => {
    const { offsets, codes } = column;
    for (const r of list) for (let i = offsets[r]!, end = offsets[r + 1]!; i < end; i++) out[codes[i]!]!++;
  };
  for (const key of FACETS) {
    countInto(columns[key], counts[key], all);
    const slot = active.findIndex((a) => a.key === key);
    if (slot >= 0) countInto(columns[key], counts[key], failedOne[slot]!);
  }
  const departementUsers = new Int32Array(columns.departements.values.length);
  const { offsets, codes } = columns.departements;
  if (query.withMap)
    for (const r of all) {
      for (let i = offsets[r]!, end = offsets[r + 1]!; i < end; i++) {
        departementUsers[codes[i]!]! += table.departementUsers[i]!;
      }
    }
  const total = all.length;
  const pageCount = Math.max(1, Math.ceil(total / query.limit));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const { rows, more } = pageOf(table, query, matched, (page - 1) * query.limit);
  return { total, rows, counts, departementUsers, more, page, pageCount };
}

function pageOf(table: FacetTable, query: EngineQuery, matched: Uint8Array, offset: number) {
  const tiers = query.tiers;
  const passes: Array<{ order: Int32Array; tier: number | null }> =
    query.sort === 'pertinence' && tiers
      ? [
          { order: table.orders.utilisateurs, tier: 2 },
          { order: table.orders.utilisateurs, tier: 1 },
        ]
      : [
          {
            order: query.sort === 'recent' ? table.orders.recent : table.orders.utilisateurs,
            tier: null,
          },
        ];
  const rows: number[] = [];
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

/** The sort key a cursor carries for row r. */
export function cursorKeyOf(table: FacetTable, r: number, tier: number): CursorKey {
  return { tier, users: table.users[r]!, published: table.published[r]!, id: table.ids[r]! };
}

/** Negative when row r comes before the cursor in the sort's order, positive after, 0 for the cursor's row. */
function compareToCursor(table: FacetTable, sort: SolutionSort, r: number, tier: number, c: CursorKey) {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const recent = -cmp(table.published[r]!, c.published) || cmp(table.ids[r]!, c.id);
  if (sort === 'recent') return recent;
  const byUsers = -cmp(table.users[r]!, c.users) || recent;
  return sort === 'pertinence' ? -cmp(tier, c.tier) || byUsers : byUsers;
}
