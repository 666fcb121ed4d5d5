import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle, type Dialect } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrations/index.js';

/**
 * The PostgreSQL server the tests use. `npm test` (scripts/test.mjs) makes sure one runs and sets
 * TEST_DATABASE_URL; a contract suite on PostgreSQL is never silently skipped: without it, it fails.
 */
export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL manquant : lancez les tests avec « npm test », qui démarre PostgreSQL, ou définissez-le.',
    );
  }
  return url;
}

/**
 * A fresh, migrated database of the given dialect: an in-memory SQLite file, or a new PostgreSQL database
 * created for this test and dropped by `close()`.
 *
 * @example
 * const handle = await freshDatabase('postgres'); … await handle.close();
 */
export async function freshDatabase(dialect: Dialect): Promise<DatabaseHandle & { url: string }> {
  if (dialect === 'sqlite') {
    const handle = connectDatabase('sqlite::memory:');
    await migrateToLatest(handle.db, 'sqlite');
    return { ...handle, url: 'sqlite::memory:' };
  }
  const admin = new URL(postgresUrl());
  const name = `nt_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = connectDatabase(url.toString());
  await migrateToLatest(handle.db, 'postgres');
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const dialects: Dialect[] = ['sqlite', 'postgres'];
