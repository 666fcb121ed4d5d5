/**
 * How every decision that takes or frees a place in the espace de rencontres runs: one transaction, with the
 * rows it counts locked, safe whatever the number of app processes.
 *
 * The protocol (every decision follows it, so that none can wait for another in a cycle):
 * 1. lock the participant's anchor row (`meeting_participant`, an upsert), several in id order;
 * 2. move the slot's counter with a conditional update (`booked = booked + 1 WHERE booked < capacity`),
 *    which takes the slot's row lock; several slots in id order;
 * 3. only then read what the slot's lock protects (the member's unavailability) and write the booking.
 *
 * - SQLite has one writer: `BEGIN IMMEDIATE` takes the write lock at the first statement, so every decision
 *   runs alone and the locks of the protocol cost nothing. Decisions of this process queue here first in,
 *   first out, each on the connection held for all its queries (Kysely's single SQLite connection wakes every
 *   waiter at each release otherwise).
 * - PostgreSQL, READ COMMITTED: the anchor's row lock (an upsert that updates on conflict), and the counter's
 *   conditional update,
 *   which re-reads the row once the lock holder commits. Every later statement sees what that holder committed.
 *   A deadlock or serialisation failure (none is expected) is retried.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';

/** Thrown inside a decision to roll it back and answer `outcome` (a refusal found after a write). */
export class Rollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('rollback');
  }
}

const queues = new WeakMap<Kysely<Database>, { tail: Promise<unknown> }>();

/**
 * Runs `work` as one locked transaction and returns its answer; a `Rollback` thrown inside rolls everything
 * back and returns its outcome. `work` must use the `trx` it is given, never the outer database.
 *
 * @example
 * const outcome = await decide(db, dialect, async (trx) => { await lockParticipants(trx, dialect, [id]); … });
 */
export async function decide<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  try {
    if (dialect === 'postgres') return await withRetry(() => db.transaction().execute(work));
    return await queued(db, () =>
      db.connection().execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const result = await work(conn);
          await sql`COMMIT`.execute(conn);
          return result;
        } catch (error) {
          await sql`ROLLBACK`.execute(conn).catch(() => {});
          throw error;
        }
      }),
    );
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as T;
    throw error;
  }
}

/**
 * Runs reads on SQLite in the same queue as the decisions (so that a page read during a rush waits its turn
 * instead of waking every waiter), and straight on the pool on PostgreSQL.
 */
export function read<T>(db: Kysely<Database>, dialect: Dialect, work: (db: Kysely<Database>) => Promise<T>) {
  if (dialect === 'postgres') return work(db);
  return queued(db, () => db.connection().execute((conn) => work(conn)));
}

function queued<T>(db: Kysely<Database>, run: () => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { tail: Promise.resolve() };
    queues.set(db, queue);
  }
  const next = queue.tail.then(run);
  queue.tail = next.catch(() => {});
  return next;
}

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

/**
 * Step 1 of the protocol: the participants' anchor rows, created when missing and locked, in id order.
 *
 * @example
 * await lockParticipants(trx, 'postgres', eventId, [registrationId], now);
 */
export async function lockParticipants(
  trx: Kysely<Database>,
  dialect: Dialect,
  eventId: string,
  registrationIds: readonly string[],
  now: string,
): Promise<void> {
  const ids = [...new Set(registrationIds)].sort();
  if (ids.length === 0) return;
  // An upsert whose conflict branch updates the row takes its row lock in the same statement (PostgreSQL
  // waits there for whoever holds it); rows are written, hence locked, in id order. On SQLite the write lock is
  // already held and the statement only makes sure the row exists.
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .insertInto('meeting_participant')
      .values(
        ids.slice(i, i + 500).map((id) => ({ registration_id: id, event_id: eventId, created_at: now })),
      )
      .onConflict((oc) =>
        dialect === 'postgres'
          ? oc.column('registration_id').doUpdateSet((eb) => ({ event_id: eb.ref('excluded.event_id') }))
          : oc.column('registration_id').doNothing(),
      )
      .execute();
  }
}

/**
 * Step 2: takes one place on the slot if one is left; false when it is full (or gone).
 *
 * @example
 * if (!(await takePlace(trx, slotId))) throw new Rollback({ status: 'complet' });
 */
export async function takePlace(trx: Kysely<Database>, slotId: string): Promise<boolean> {
  const result = await trx
    .updateTable('meeting_slot')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', slotId)
    .whereRef('booked', '<', 'capacity')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a place back to the slot (the booking holding it just stopped being live). */
export async function freePlace(trx: Kysely<Database>, slotId: string): Promise<void> {
  await trx
    .updateTable('meeting_slot')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('id', '=', slotId)
    .where('booked', '>', 0)
    .execute();
}
