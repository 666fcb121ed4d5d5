import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle on SQLite (FTS5 and pragmas need it), else null. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

/**
 * Opens the database named by a `DATABASE_URL`: `sqlite:<path>` (`sqlite::memory:` for tests) or
 * `postgres://…`. The only place that knows both drivers.
 *
 * @example
 * const { db, dialect } = connectDatabase('sqlite:var/data.sqlite');
 */
export function connectDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length) || 'var/data.sqlite';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets readers go on while one writer commits; busy_timeout makes a second writer wait instead of failing.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  throw new Error('DATABASE_URL doit commencer par « sqlite: » ou « postgres:// »');
}

/**
 * Kysely prepares every query anew; preparing costs three times what running a small query does. The same SQL
 * text gets the same prepared statement (Kysely runs one query at a time on this single connection, so a
 * statement is never used twice at once). Bounded, since queries built with `IN (…)` lists vary in text.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = sqlite.prepare(sqlText);
        if (statements.size >= 2000) statements.clear();
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}
