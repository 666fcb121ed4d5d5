import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';

/**
 * Runs `work` in one transaction that holds the event's capacity lock from its first statement to its commit.
 *
 * The lock is what makes « the last seat » safe: every decision that takes or frees a seat of an event
 * (register, approve, cancel, promote, accept an offer, change mode or sessions) counts the seats from rows and
 * writes its answer while no other decision on that event can run, in this process or in another.
 *
 * - SQLite: `BEGIN IMMEDIATE` takes the database's write lock at once. A plain `BEGIN` would read the count
 *   under a snapshot and only ask for the write lock at the first insert, so two processes could both count
 *   49 seats, and the second would fail with SQLITE_BUSY instead of waiting. Kysely's SQLite driver holds its
 *   single connection for the callback, so other queries of this process wait their turn.
 * - PostgreSQL: `SELECT … FOR NO KEY UPDATE` on the event row. It queues every other decision on the same
 *   event (whatever the pool or process), while inserts elsewhere that merely reference the event (a check-in,
 *   an accreditation) are not blocked, which `FOR UPDATE` would do. In READ COMMITTED every later statement
 *   of the transaction sees what the previous lock holder committed.
 *
 * `work` must use the `trx` it is given, never the outer `db`: on SQLite that would wait for the connection
 * this transaction holds, for ever. It receives false for `found` when the event does not exist.
 *
 * @example
 * const outcome = await withEventLock(db, 'postgres', 'journee-2023', async (trx) => {
 *   const seats = await countSeats(trx, 'journee-2023');
 *   …
 * });
 */
export async function withEventLock<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  eventId: string,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await sql`SELECT id FROM event WHERE id = ${eventId} FOR NO KEY UPDATE`.execute(trx);
      return work(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await work(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw error;
    }
  });
}

const queues = new WeakMap<Kysely<Database>, { tail: Promise<unknown> }>();

/**
 * Runs a whole use case (its reads, then its locked decision) the way the database serves it best, and
 * hands it the database to read with.
 *
 * - SQLite has one writer and one connection: use cases queue here, first in first out, and each runs on the
 *   connection held once for all its queries (the decision's `BEGIN IMMEDIATE` included), so that another
 *   request's queries never slip in between its reads and its decision. Arrival order is kept. Registration,
 *   the one use case that comes in rushes, has its own line instead (queue.ts), which decides in batches.
 * - PostgreSQL: reads go to the pool, and only the decision waits for the event's lock.
 *
 * Anything that reads the outer database (not `db`) must run before, never inside.
 *
 * @example
 * return serially(deps.db, deps.dialect, async (db) => { const ctx = await loadEventContext(db, id); … });
 */
export function serially<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  useCase: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return useCase(db);
  let queue = queues.get(db);
  if (!queue) {
    queue = { tail: Promise.resolve() };
    queues.set(db, queue);
  }
  const run = queue.tail.then(() => db.connection().execute((conn) => useCase(conn)));
  queue.tail = run.catch(() => {});
  return run;
}
