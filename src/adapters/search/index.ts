import type { SearchIndex } from '../../ports/search-index.js';
import type { DatabaseHandle } from '../db/connect.js';
import { createPostgresSearchIndex } from './postgres-tsvector.js';
import { createSqliteSearchIndex } from './sqlite-fts5.js';

export { type CachedSearchIndexOptions, createCachedSearchIndex } from './cached.js';
export { createPostgresSearchIndex } from './postgres-tsvector.js';
export { createSqliteSearchIndex } from './sqlite-fts5.js';

/**
 * The search index for an open database: FTS5 on SQLite, tsvector on PostgreSQL. The composition root and
 * the contract suite call this; nothing else needs to know which one it got. It returns the adapter itself,
 * uncached: the composition root wraps it with createCachedSearchIndex where results may be reused.
 *
 * @example
 * const search = createSearchIndex(connectDatabase(config.databaseUrl));
 * const cached = createCachedSearchIndex(search, { maxEntries: 500, ttlMs: 30_000 });
 */
export function createSearchIndex(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'sqlite'>): SearchIndex {
  if (handle.dialect === 'postgres') return createPostgresSearchIndex(handle.db);
  if (!handle.sqlite) throw new Error('Index de recherche SQLite : la connexion better-sqlite3 manque.');
  return createSqliteSearchIndex({ sqlite: handle.sqlite });
}
