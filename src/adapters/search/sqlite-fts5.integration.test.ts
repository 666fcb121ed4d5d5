import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../db/connect.js';
import { createSearchIndex } from './index.js';

let handle: DatabaseHandle;
before(async () => {
  handle = await freshDatabase('sqlite');
});
after(() => handle.close());

const doc = {
  id: 'news:a',
  kind: 'actualite',
  url: '/a',
  title: 'Salles partagées',
  body: 'Les salles.',
  date: null,
};

test('an index write waits for a request’s open SQLite transaction, so its rollback does not take the write', async () => {
  const search = createSearchIndex(handle);
  let written = false;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Another request's transaction, on the same connection, open across awaits.
  const other = handle.db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn);
    await held;
    await sql`ROLLBACK`.execute(conn);
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  const write = search.upsert([doc]).then(() => {
    written = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(written, false, 'the write waits while the transaction is open');
  release();
  await other;
  await write;
  const found = await search.search({ text: 'salles', limit: 10, offset: 0 });
  assert.deepEqual(
    found.hits.map((h) => h.id),
    ['news:a'],
    'the rollback did not take the write',
  );
});
