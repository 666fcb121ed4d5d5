import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { connectDatabase } from './connect.js';

test('SQLite: queries waiting for the connection get it in arrival order, none passed over', async () => {
  const { db, close } = connectDatabase('sqlite::memory:');
  try {
    const order: string[] = [];
    let release = () => {};
    const held = db.connection().execute(async (conn) => {
      await sql`SELECT 1`.execute(conn);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('transaction');
    });
    // Each query waits for the one before it; a query that comes after a burst is served after it.
    const waiting = Array.from({ length: 50 }, (_, i) =>
      sql`SELECT ${i} AS n`.execute(db).then(() => order.push(`q${i}`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(order.length, 0, 'nothing runs while the connection is held');
    release();
    const late = sql`SELECT 'late'`.execute(db).then(() => order.push('late'));
    await Promise.all([held, ...waiting, late]);
    assert.deepEqual(order, ['transaction', ...Array.from({ length: 50 }, (_, i) => `q${i}`), 'late']);
  } finally {
    await close();
  }
});

test('SQLite file: the WAL is copied into the database by the background checkpointer, not by a commit', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nt-connect-'));
  const file = join(dir, 'base.sqlite');
  const handle = connectDatabase(`sqlite:${file}`);
  try {
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(handle.db);
    const before = statSync(file).size;
    // About 2 MB in one commit: below the app connection's own threshold (10,000 pages), so it leaves it be.
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 500; i++) await sql`INSERT INTO t (body) VALUES (${'x'.repeat(4000)})`.execute(trx);
    });
    assert.ok(statSync(file).size < 1_000_000, 'the commit only wrote the WAL');
    let after = statSync(file).size;
    for (let i = 0; i < 40 && after < 2_000_000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = statSync(file).size;
    }
    assert.ok(after > 2_000_000, `copied into the file within 4 s (${before} → ${after} octets)`);
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
});
