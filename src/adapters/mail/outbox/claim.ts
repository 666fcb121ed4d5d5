import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { OutboxRow } from './rows.js';

export interface ClaimOptions {
  now: Date;
  /** The claim's lease: until then, no other worker may take these messages. */
  leaseUntil: Date;
  /** Marks the rows as this claim's: later writes are fenced on it. */
  token: string;
  limit: number;
  maxAttempts: number;
}

/**
 * Due messages: waiting and due, or held by a worker whose lease ran out (it crashed or hung). A message
 * that has used all its attempts is never due again (see `abandonExhausted`).
 */
function due(now: string, maxAttempts: number) {
  return (eb: ExpressionBuilder<Database, 'outbox_message'>) =>
    eb.and([
      eb('attempts', '<', maxAttempts),
      eb.or([
        eb.and([eb('status', '=', 'en-attente'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'envoi'), eb('locked_until', '<=', now)]),
      ]),
    ]);
}

/**
 * Takes up to `limit` due messages for one worker, and returns them, oldest due first.
 *
 * The invariant: a message is held by at most one live lease, so two workers never send it at once. Taking it
 * sets `envoi`, the lease and the claim token in the same atomic step as choosing it:
 * - PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` then `UPDATE` in one short transaction. A second worker
 *   skips the rows the first has locked and, once the first commits, re-checks them and finds them no longer
 *   due; so the two never block each other and never share a row.
 * - SQLite: one `UPDATE … WHERE id IN (SELECT …) RETURNING *` statement. SQLite runs one writer at a time,
 *   so choosing and taking cannot interleave with another worker's.
 * Attempts are counted here, at claim: a message that crashes its worker still runs out of attempts.
 *
 * @example
 * const rows = await claimDue(db, 'postgres', { now, leaseUntil, token, limit: 20, maxAttempts: 8 });
 */
export async function claimDue(
  db: Kysely<Database>,
  dialect: Dialect,
  o: ClaimOptions,
): Promise<OutboxRow[]> {
  const now = o.now.toISOString();
  const taken = {
    status: 'envoi' as const,
    locked_until: o.leaseUntil.toISOString(),
    claim_token: o.token,
  };
  let rows: OutboxRow[];
  if (dialect === 'postgres') {
    rows = await db.transaction().execute(async (trx) => {
      const chosen = await trx
        .selectFrom('outbox_message')
        .select('id')
        .where(due(now, o.maxAttempts))
        .orderBy('next_attempt_at')
        .orderBy('created_at')
        .limit(o.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (chosen.length === 0) return [];
      return trx
        .updateTable('outbox_message')
        .set((eb) => ({ ...taken, attempts: eb('attempts', '+', 1) }))
        .where(
          'id',
          'in',
          chosen.map((r) => r.id),
        )
        .returningAll()
        .execute();
    });
  } else {
    rows = await db
      .updateTable('outbox_message')
      .set((eb) => ({ ...taken, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox_message')
          .select('id')
          .where(due(now, o.maxAttempts))
          .orderBy('next_attempt_at')
          .orderBy('created_at')
          .limit(o.limit),
      )
      .returningAll()
      .execute();
  }
  return rows
    .map((r) => ({ ...r, attempts: Number(r.attempts) }))
    .sort(
      (a, b) =>
        a.next_attempt_at.localeCompare(b.next_attempt_at) || a.created_at.localeCompare(b.created_at),
    );
}

/**
 * Gives up on messages whose last allowed attempt was interrupted (lease expired with no attempts left):
 * without this they would stay `envoi` for ever. Returns their ids and kinds, for the logs.
 *
 * @example
 * const abandoned = await abandonExhausted(db, { now, maxAttempts: 8 });
 */
export async function abandonExhausted(
  db: Kysely<Database>,
  o: { now: Date; maxAttempts: number },
): Promise<Array<{ id: string; kind: string }>> {
  return db
    .updateTable('outbox_message')
    .set({
      status: 'echec',
      locked_until: null,
      claim_token: null,
      last_error:
        'Envoi interrompu (le traitement s’est arrêté avant la fin) et plus aucune tentative possible.',
    })
    .where('status', '=', 'envoi')
    .where('locked_until', '<=', o.now.toISOString())
    .where('attempts', '>=', o.maxAttempts)
    .returning(['id', 'kind'])
    .execute();
}
