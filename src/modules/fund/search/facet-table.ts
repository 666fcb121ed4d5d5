import { normalizeFrench } from '../../../adapters/search/french-stemmer.js';
import { AMOUNT_BANDS, bandOf, POPULATION_BANDS } from '../fund.domain.js';
import type { FacetKey } from './search.types.js';

/**
 * The lauréats' facet values held in memory as columns: one dictionary-coded Int32Array per facet, a bit
 * mask per row for the themes, and the three sort orders precomputed. Counting the nine facets for every
 * combination of choices is then one pass over typed arrays (about 2 ms for 100,000 lauréats), the same on
 * SQLite and PostgreSQL; the same counts in SQL cost one scan per selected facet (see search.ts).
 */

/** The single-valued columns: every facet but the themes, and the restriction columns. */
export const SCALAR_COLUMNS = [
  'dispositifs',
  'regions',
  'departements',
  'kinds',
  'populations',
  'montants',
  'statuts',
  'annees',
  'territoire',
  'epci',
  'siren',
] as const;
export type ScalarColumn = (typeof SCALAR_COLUMNS)[number];

/** One row as loaded from the database (see facet-store.ts). */
export interface FacetSourceRow {
  id: string;
  /** The full-text row number, null for a lauréat not (yet) indexed: it is found by facets, not by words. */
  rid: number | null;
  title: string;
  dispositifCode: string;
  porteurKind: string;
  porteurSiren: string;
  territoryKey: string | null;
  epciCode: string | null;
  regionCode: string | null;
  departementCode: string | null;
  population: number | null;
  amountEur: number;
  status: string;
  decidedOn: string;
  themes: string[];
}

/** Values of a column, and each row's index into them (-1: no value). */
export interface Dictionary {
  values: string[];
  codes: Int32Array;
  index: Map<string, number>;
}

export interface FacetTable {
  size: number;
  ids: string[];
  rowOfRid: Map<number, number>;
  rowOfId: Map<string, number>;
  columns: Record<ScalarColumn, Dictionary>;
  /** Theme codes, and `words` 32-bit words per row: row r's mask is masks[r * words … r * words + words - 1]. */
  themes: { values: string[]; index: Map<string, number>; words: number; masks: Uint32Array };
  amounts: Float64Array;
  decided: string[];
  titleKeys: string[];
  /** Row numbers in each sort's order; pertinence walks `date` once per tier. */
  orders: { date: Int32Array; montant: Int32Array; titre: Int32Array };
}

/** The value of each scalar column for a row. */
function scalarValues(row: FacetSourceRow): Record<ScalarColumn, string | null> {
  return {
    dispositifs: row.dispositifCode,
    regions: row.regionCode,
    departements: row.departementCode,
    kinds: row.porteurKind,
    populations: bandOf(POPULATION_BANDS, row.population)?.code ?? null,
    montants: bandOf(AMOUNT_BANDS, row.amountEur)?.code ?? null,
    statuts: row.status,
    annees: /^\d{4}/.test(row.decidedOn) ? row.decidedOn.slice(0, 4) : null,
    territoire: row.territoryKey,
    epci: row.epciCode,
    siren: row.porteurSiren,
  };
}

/**
 * Builds the in-memory table from the loaded rows (any order: the sort orders are computed here, in JS, so
 * that both dialects order ties alike).
 *
 * @example
 * const table = buildFacetTable(rows); // rows from loadFacetRows
 * table.columns.statuts.values; // ['livre', 'en-cours', …]
 */
export function buildFacetTable(rows: FacetSourceRow[]): FacetTable {
  const size = rows.length;
  const columns = {} as Record<ScalarColumn, Dictionary>;
  for (const key of SCALAR_COLUMNS) {
    columns[key] = { values: [], codes: new Int32Array(size), index: new Map() };
  }
  const themeIndex = new Map<string, number>();
  for (const row of rows)
    for (const t of row.themes) if (!themeIndex.has(t)) themeIndex.set(t, themeIndex.size);
  const words = Math.max(1, Math.ceil(themeIndex.size / 32));
  const masks = new Uint32Array(size * words);
  const amounts = new Float64Array(size);
  const ids: string[] = new Array(size);
  const decided: string[] = new Array(size);
  const titleKeys: string[] = new Array(size);
  const rowOfRid = new Map<number, number>();
  const rowOfId = new Map<string, number>();

  rows.forEach((row, r) => {
    ids[r] = row.id;
    rowOfId.set(row.id, r);
    if (row.rid !== null) rowOfRid.set(row.rid, r);
    amounts[r] = row.amountEur;
    decided[r] = row.decidedOn;
    titleKeys[r] = normalizeFrench(row.title);
    const values = scalarValues(row);
    for (const key of SCALAR_COLUMNS) {
      const value = values[key];
      const dict = columns[key];
      if (value === null || value === '') {
        dict.codes[r] = -1;
        continue;
      }
      let code = dict.index.get(value);
      if (code === undefined) {
        code = dict.values.length;
        dict.values.push(value);
        dict.index.set(value, code);
      }
      dict.codes[r] = code;
    }
    for (const t of row.themes) {
      const bit = themeIndex.get(t)!;
      masks[r * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  });

  // Each order is one native sort of numbers: a composite key (rank of the sort value × size + the row's
  // rank by id, unique) in a Float64Array, from which the row is read back. Comparator sorts of 100,000
  // rows, and comparing strings, cost seconds on a busy machine.
  const idRank = alreadySorted(ids) ? Int32Array.from({ length: size }, (_, i) => i) : ranks(ids);
  const rowOfIdRank = new Int32Array(size);
  for (let r = 0; r < size; r++) rowOfIdRank[idRank[r]!] = r;
  const order = (key: (r: number) => number) => {
    const keys = new Float64Array(size);
    for (let r = 0; r < size; r++) keys[r] = key(r) * size + idRank[r]!;
    keys.sort();
    return Int32Array.from(keys, (k) => rowOfIdRank[k % size]!);
  };
  const dateRank = ranks(decided);
  const titleRank = ranks(titleKeys);
  const dates = dateRank.reduce((max, v) => Math.max(max, v), 0);
  const date = order((r) => dates - dateRank[r]!);
  // Amount first (largest first), then the date order: the date order's position breaks ties.
  const positionByDate = new Int32Array(size);
  date.forEach((r, i) => {
    positionByDate[r] = i;
  });
  const amountRank = numericRanks(amounts);
  const amountsCount = amountRank.reduce((max, v) => Math.max(max, v), 0);
  const montant = Float64Array.from(
    { length: size },
    (_, r) => (amountsCount - amountRank[r]!) * size + positionByDate[r]!,
  )
    .sort()
    .map((k) => date[k % size]!);
  return {
    size,
    ids,
    rowOfRid,
    rowOfId,
    columns,
    themes: { values: [...themeIndex.keys()], index: themeIndex, words, masks },
    amounts,
    decided,
    titleKeys,
    orders: { date, montant: Int32Array.from(montant), titre: order((r) => titleRank[r]!) },
  };
}

/** Each number's rank among the distinct numbers, smallest first. */
function numericRanks(values: Float64Array): Int32Array {
  const distinct = Float64Array.from(new Set(values)).sort();
  const rankOf = new Map<number, number>();
  distinct.forEach((v, i) => {
    rankOf.set(v, i);
  });
  return Int32Array.from(values, (v) => rankOf.get(v)!);
}

/** Whether the ids came in strictly increasing order (the load asks the database for it). */
function alreadySorted(values: string[]): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! < values[i]!)) return false;
  return true;
}

/** Each value's rank among the distinct values (equal values, equal ranks). */
function ranks(values: string[]): Int32Array {
  const distinct = [...new Set(values)].sort();
  const rankOf = new Map(distinct.map((v, i) => [v, i]));
  return Int32Array.from(values, (v) => rankOf.get(v)!);
}

/** The facets that are single-valued columns (all but the themes). */
export type ScalarFacet = Exclude<FacetKey, 'themes'>;
