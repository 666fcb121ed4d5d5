import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { ParsedQuery } from '../../../adapters/search/query.js';
import type { FacetTable } from './facet-table.js';
import { matchText } from './text-index.js';

/**
 * Text matches kept per facet table, so that a visitor who ticks facet after facet under the same words does
 * not have the database find the same lauréats again: on PostgreSQL, reading 20,000 matches off the heap is
 * most of a broad query's cost. A match list belongs to one table, so a reload (any write) starts afresh.
 * Bounded in entries and in rows held (4 bytes a row).
 */
const MAX_ENTRIES = 200;
const MAX_ROWS = 4_000_000;

interface Entry {
  /** Row numbers of every match, and of those with every word in their title. */
  matched: Int32Array;
  inTitle: Int32Array;
}
interface Cache {
  entries: Map<string, Entry>;
  rows: number;
}

const caches = new WeakMap<FacetTable, Cache>();

/** What decides a match: the stems and the prefix (the words typed are folded into them). */
function keyOf(query: ParsedQuery): string {
  return JSON.stringify([query.terms.map((t) => t.stem), query.prefix]);
}

function rowsOf(table: FacetTable, list: string | null): Int32Array {
  if (!list) return new Int32Array(0);
  const out: number[] = [];
  for (const rid of list.split(',')) {
    const row = table.rowOfRid.get(Number(rid));
    if (row !== undefined) out.push(row);
  }
  return Int32Array.from(out);
}

/**
 * The tier of every row of the table for a parsed text: 0 no match, 1 a match, 2 every word in the title.
 *
 * @example
 * const tiers = await textTiers(db, 'sqlite', table, parseSearchText('salles')); // Uint8Array(table.size)
 */
export async function textTiers(
  db: Kysely<Database>,
  dialect: Dialect,
  table: FacetTable,
  query: ParsedQuery,
): Promise<Uint8Array> {
  let cache = caches.get(table);
  if (!cache) {
    cache = { entries: new Map(), rows: 0 };
    caches.set(table, cache);
  }
  const key = keyOf(query);
  let entry = cache.entries.get(key);
  if (entry) {
    cache.entries.delete(key);
  } else {
    const found = await matchText(db, dialect, query);
    entry = { matched: rowsOf(table, found.matched), inTitle: rowsOf(table, found.inTitle) };
    cache.rows += entry.matched.length + entry.inTitle.length;
    while (cache.entries.size >= MAX_ENTRIES || (cache.rows > MAX_ROWS && cache.entries.size > 0)) {
      const [oldest, old] = cache.entries.entries().next().value as [string, Entry];
      cache.entries.delete(oldest);
      cache.rows -= old.matched.length + old.inTitle.length;
    }
  }
  cache.entries.set(key, entry);
  const tiers = new Uint8Array(table.size);
  for (const row of entry.matched) tiers[row] = 1;
  for (const row of entry.inTitle) tiers[row] = 2;
  return tiers;
}
