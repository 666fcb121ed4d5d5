import { adopterKindOf } from '../catalogue.domain.js';
import type { FacetKey, SolutionCard, SolutionRestrictions } from './search.types.js';

/** What a result card shows of a solution, kept with the table: a page of results reads no row. */
export type CardFacts = Omit<SolutionCard, 'users' | 'interested'>;

/**
 * The published solutions' facet values in memory, as the fund's lauréats are (see the fund's
 * facet-table.ts), but every column multi-valued: a solution has several themes and adoption modes, and is
 * used in many départements. Each column is a dictionary and, per row, a slice of value codes (CSR: row r's
 * codes are codes[offsets[r]] … codes[offsets[r + 1] - 1], distinct). Counting eight facets over 10,000
 * solutions is then one pass over typed arrays.
 */

/** The columns: the facets and the restrictions (« près de chez moi », an organisation's solutions). */
export const COLUMNS = [
  'themes',
  'maturites',
  'licences',
  'adoptions',
  'adoptants',
  'regions',
  'departements',
  'verification',
  'communes',
  'epcis',
  'sirens',
] as const;
export type Column = (typeof COLUMNS)[number];
export type RestrictionColumn = keyof SolutionRestrictions & Column;

/** A published solution and what its « nous utilisons » declarations say (see facet-store.ts). */
export interface SourceRow {
  id: string;
  rid: number | null;
  name: string;
  themes: string[];
  maturity: string;
  licence: string;
  adoptionModes: string[];
  verified: boolean;
  publishedAt: string;
  /** One entry per organisation that uses it. */
  users: Array<{
    siren: string;
    kind: string;
    communeCode: string | null;
    epciCode: string | null;
    departementCode: string | null;
    regionCode: string | null;
  }>;
  interested: number;
  card: CardFacts;
}

export interface MultiColumn {
  values: string[];
  index: Map<string, number>;
  offsets: Int32Array;
  codes: Int32Array;
}

export interface FacetTable {
  size: number;
  ids: string[];
  rowOfRid: Map<number, number>;
  rowOfId: Map<string, number>;
  columns: Record<Column, MultiColumn>;
  /** Per row, how many organisations use it in each of its départements (aligned with `departements`). */
  departementUsers: Int32Array;
  users: Int32Array;
  interested: Int32Array;
  published: string[];
  cards: CardFacts[];
  /** Rows in the « recent » and « utilisateurs » orders; pertinence walks `utilisateurs` once per tier. */
  orders: { recent: Int32Array; utilisateurs: Int32Array };
}

function valuesOf(row: SourceRow): Record<Column, string[]> {
  const used = (pick: (u: SourceRow['users'][number]) => string | null) =>
    row.users.map(pick).filter((v): v is string => v !== null && v !== '');
  return {
    themes: row.themes,
    maturites: [row.maturity],
    licences: [row.licence],
    adoptions: row.adoptionModes,
    adoptants: row.users.map((u) => adopterKindOf(u.kind)),
    regions: used((u) => u.regionCode),
    departements: used((u) => u.departementCode),
    verification: [row.verified ? 'verifiee' : 'declaree'],
    communes: used((u) => u.communeCode),
    epcis: used((u) => u.epciCode),
    sirens: row.users.map((u) => u.siren),
  };
}

/**
 * Builds the table from the loaded rows (any order: the orders are computed here, alike on both dialects).
 *
 * @example
 * const table = buildFacetTable(rows);
 * table.columns.maturites.values; // ['production', 'experimentation', …]
 */
export function buildFacetTable(rows: SourceRow[]): FacetTable {
  const size = rows.length;
  const builders = {} as Record<Column, { values: string[]; index: Map<string, number>; codes: number[] }>;
  const offsets = {} as Record<Column, Int32Array>;
  for (const c of COLUMNS) {
    builders[c] = { values: [], index: new Map(), codes: [] };
    offsets[c] = new Int32Array(size + 1);
  }
  const departementUsers: number[] = [];
  const ids: string[] = new Array(size);
  const published: string[] = new Array(size);
  const cards: CardFacts[] = new Array(size);
  const users = new Int32Array(size);
  const interested = new Int32Array(size);
  const rowOfRid = new Map<number, number>();
  const rowOfId = new Map<string, number>();
  rows.forEach((row, r) => {
    ids[r] = row.id;
    published[r] = row.publishedAt;
    cards[r] = row.card;
    users[r] = row.users.length;
    interested[r] = row.interested;
    rowOfId.set(row.id, r);
    if (row.rid !== null) rowOfRid.set(row.rid, r);
    const values = valuesOf(row);
    for (const c of COLUMNS) {
      const b = builders[c];
      offsets[c][r] = b.codes.length;
      const perValue = new Map<number, number>();
      for (const value of values[c]) {
        let code = b.index.get(value);
        if (code === undefined) {
          code = b.values.length;
          b.values.push(value);
          b.index.set(value, code);
        }
        perValue.set(code, (perValue.get(code) ?? 0) + 1);
      }
      for (const [code, n] of perValue) {
        b.codes.push(code);
        if (c === 'departements') departementUsers.push(n);
      }
    }
  });
  const columns = {} as Record<Column, MultiColumn>;
  for (const c of COLUMNS) {
    offsets[c][size] = builders[c].codes.length;
    columns[c] = {
      values: builders[c].values,
      index: builders[c].index,
      offsets: offsets[c],
      codes: Int32Array.from(builders[c].codes),
    };
  }
  // Newest first, then by id; most users first, then the newest.
  const byRecent = [...ids.keys()].sort(
    (a, b) =>
      (published[b]! < published[a]! ? -1 : published[b]! > published[a]! ? 1 : 0) || cmp(ids[a]!, ids[b]!),
  );
  const rank = new Int32Array(size);
  byRecent.forEach((r, i) => {
    rank[r] = i;
  });
  const byUsers = [...byRecent].sort((a, b) => users[b]! - users[a]! || rank[a]! - rank[b]!);
  return {
    size,
    ids,
    rowOfRid,
    rowOfId,
    columns,
    departementUsers: Int32Array.from(departementUsers),
    users,
    interested,
    published,
    cards,
    orders: { recent: Int32Array.from(byRecent), utilisateurs: Int32Array.from(byUsers) },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The facets, as columns (every facet is one). */
export const FACET_COLUMNS: Record<FacetKey, Column> = {
  themes: 'themes',
  maturites: 'maturites',
  licences: 'licences',
  adoptions: 'adoptions',
  adoptants: 'adoptants',
  regions: 'regions',
  departements: 'departements',
  verification: 'verification',
};
