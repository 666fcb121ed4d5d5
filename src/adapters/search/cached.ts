import type { SearchIndex, SearchQuery, SearchResult } from '../../ports/search-index.js';
import { parseSearchText } from './query.js';
import { kindsOf, pageOf } from './shared.js';

export interface CachedSearchIndexOptions {
  /** Most results kept; the least recently used goes first. 500 by default. */
  maxEntries?: number;
  /**
   * How long a result is served, in ms (30 s by default). This process's own writes clear the cache at once;
   * the TTL bounds how stale a result can be after another process (a CLI import, a second web process) has
   * written to the same database.
   */
  ttlMs?: number;
  /** Milliseconds now; `Date.now` by default (tests pass a fake clock). */
  clock?: () => number;
}

interface Entry {
  result: Promise<SearchResult>;
  expires: number;
}

/**
 * Wraps a search index with an LRU of results: visitors ask the same few questions, and a hit costs a map
 * look-up instead of ranking every match (1–2 ms of CPU on SQLite for a broad query over 2,000 articles).
 *
 * Queries that must give the same result share an entry: the text as parsed (so "Collectivités" and
 * "collectivites", or "les territoires" and "territoires", are one entry), the kinds as a set, and the page
 * as the adapters sanitise it. The promise is cached, not the result, so concurrent misses for one query run
 * it once; a failed search is not kept. `upsert` and `remove` clear the whole cache when they finish (a
 * write may change any result's ranking or total), including searches still running, which may have read
 * the old rows. Results are frozen: they are shared between callers.
 *
 * @example
 * const search = createCachedSearchIndex(createSearchIndex(handle), { maxEntries: 500, ttlMs: 30_000 });
 * await search.search({ text: 'Collectivités', limit: 10, offset: 0 }); // runs the query
 * await search.search({ text: 'collectivites', limit: 10, offset: 0 }); // served from the cache
 */
export function createCachedSearchIndex(
  inner: SearchIndex,
  options: CachedSearchIndexOptions = {},
): SearchIndex {
  const maxEntries = Math.max(1, options.maxEntries ?? 500);
  const ttlMs = options.ttlMs ?? 30_000;
  const clock = options.clock ?? Date.now;
  // A Map iterates in insertion order: re-inserting an entry on each hit keeps the least recently used first.
  const entries = new Map<string, Entry>();

  const write = async (run: () => Promise<void>) => {
    try {
      await run();
    } finally {
      // Also after a failure: a write of several batches may have committed some of them.
      entries.clear();
    }
  };

  return {
    async upsert(docs) {
      if (docs.length > 0) await write(() => inner.upsert(docs));
    },

    async remove(ids) {
      if (ids.length > 0) await write(() => inner.remove(ids));
    },

    search(query: SearchQuery): Promise<SearchResult> {
      const key = cacheKey(query);
      const now = clock();
      const cached = entries.get(key);
      if (cached) {
        entries.delete(key);
        if (cached.expires > now) {
          entries.set(key, cached);
          return cached.result;
        }
      }
      const result = inner.search(query).then(deepFreeze);
      const entry: Entry = { result, expires: now + ttlMs };
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      result.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return result;
    },
  };
}

/**
 * What decides a query's result, as a string: the normalised words and the prefix (the stems derive from
 * the words), the distinct kinds sorted, and the sanitised page.
 *
 * @example
 * cacheKey({ text: 'Les Collectivités', kinds: ['page', 'actualite', 'page'], limit: 10, offset: 0 });
 * // '[["collectivites"],"collectivites",["actualite","page"],10,0]'
 */
export function cacheKey(query: SearchQuery): string {
  const parsed = parseSearchText(query.text);
  const { limit, offset } = pageOf(query);
  const kinds = kindsOf(query)?.sort() ?? [];
  return JSON.stringify([parsed.terms.map((term) => term.word), parsed.prefix, kinds, limit, offset]);
}

/** Freezes a result and everything in it, so that a caller changing the shared object fails loudly. */
function deepFreeze(result: SearchResult): SearchResult {
  for (const hit of result.hits) {
    for (const part of hit.excerpt) Object.freeze(part);
    Object.freeze(hit.excerpt);
    Object.freeze(hit);
  }
  Object.freeze(result.hits);
  return Object.freeze(result);
}
