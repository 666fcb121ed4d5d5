import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDriver,
} from 'kysely';
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
    const checkpointer = file === ':memory:' ? null : startCheckpointer(sqlite, file);
    const db = new Kysely<Database>({
      dialect: new InTurnSqliteDialect({ database: withStatementCache(sqlite) }),
    });
    const close = async () => {
      await checkpointer?.stop();
      await db.destroy();
    };
    return { db, dialect: 'sqlite', sqlite, close };
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
 * Copies the WAL back into the database file from a worker thread, with a connection of its own, a few times a
 * second. SQLite would otherwise do it inside the commit that takes the WAL past 1,000 pages: copying 4 MB and
 * two fsyncs in the middle of a request, on the only thread that serves them, which under a rush of writes
 * costs two thirds of the commits' time and the slowest answers. A PASSIVE checkpoint never waits for nor
 * blocks the app's connection. The app's own automatic checkpoint stays, at 10,000 pages, should the worker
 * fall behind or stop.
 */
function startCheckpointer(sqlite: SQLite.Database, file: string): { stop(): Promise<void> } {
  sqlite.pragma('wal_autocheckpoint = 10000');
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: 200 },
  });
  worker.unref();
  // A checkpointer that cannot start (or dies) leaves checkpoints to the app's connection: never fatal.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: () => {
      worker.ref(); // so that the process waits for it to close its connection
      worker.postMessage('stop');
      return exited;
    },
  };
}

const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  process.exit(0);
});
`;

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

/**
 * SQLite has one connection, which Kysely's driver guards with a mutex that, at each release, wakes every
 * waiter to race for it, and lets a newcomer take it before them. Under load (a hundred requests waiting while
 * a transaction holds the connection) each query then costs a hundred wake-ups, and a request can be passed
 * over again and again: seconds of waiting for a query of a few microseconds. Here the connection is handed to
 * the longest waiter, in arrival order, with one wake-up.
 */
class InTurnSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new InTurnDriver(super.createDriver() as SqliteDriver);
  }
}

class InTurnDriver implements Driver {
  readonly #inner: SqliteDriver;
  #held = false;
  readonly #waiting: Array<() => void> = [];

  constructor(inner: SqliteDriver) {
    this.#inner = inner;
  }

  init() {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    // Uncontended now: the inner mutex only ever sees the one holder.
    return this.#inner.acquireConnection();
  }

  async releaseConnection(): Promise<void> {
    await this.#inner.releaseConnection();
    const next = this.#waiting.shift();
    // Handed over still held, so that nobody arriving meanwhile takes it first.
    if (next) next();
    else this.#held = false;
  }

  beginTransaction(connection: DatabaseConnection) {
    return this.#inner.beginTransaction(connection);
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint(...args: Parameters<SqliteDriver['savepoint']>) {
    return this.#inner.savepoint(...args);
  }

  rollbackToSavepoint(...args: Parameters<SqliteDriver['rollbackToSavepoint']>) {
    return this.#inner.rollbackToSavepoint(...args);
  }

  releaseSavepoint(...args: Parameters<SqliteDriver['releaseSavepoint']>) {
    return this.#inner.releaseSavepoint(...args);
  }

  destroy() {
    return this.#inner.destroy();
  }
}
