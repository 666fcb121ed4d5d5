import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, systemClock } from '../../../ports/clock.js';
import type { Outbox, OutboxMessage } from '../../../ports/outbox.js';
import type { Database } from '../../db/schema.js';
import { newMessageId } from '../message-id.js';
import { encodeAttachments } from './rows.js';

/**
 * The outbox on Kysely, for SQLite and PostgreSQL alike. `enqueue` takes the database it writes with, so a
 * feature passes its transaction: the message then commits or rolls back with the fact it announces.
 * A dedupe key makes the second enqueue of a fact a no-op (`ON CONFLICT DO NOTHING` on a partial unique
 * index: it never raises, so it never aborts the caller's PostgreSQL transaction).
 *
 * @example
 * const outbox = createKyselyOutbox({ clock });
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('inscription').values(row).execute();
 *   await outbox.enqueue(trx, { kind: 'inscription-confirmee', to, subject, text, html, dedupeKey: `inscription:${row.id}` });
 * });
 */
export function createKyselyOutbox(options: { clock?: Clock } = {}): Outbox {
  const clock = options.clock ?? systemClock;
  return {
    async enqueue(db: Kysely<Database>, message: OutboxMessage): Promise<string> {
      assertWellFormed(message);
      const row = rowOf(message, clock.now().toISOString());
      const inserted = await db
        .insertInto('outbox_message')
        .values(row)
        .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const first = await db
        .selectFrom('outbox_message')
        .select('id')
        .where('dedupe_key', '=', row.dedupe_key)
        .executeTakeFirstOrThrow();
      return first.id;
    },
    async enqueueMany(db: Kysely<Database>, messages: readonly OutboxMessage[]): Promise<string[]> {
      for (const message of messages) assertWellFormed(message);
      const now = clock.now().toISOString();
      const rows = messages.map((message) => rowOf(message, now));
      const inserted = new Set<string>();
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const written = await db
          .insertInto('outbox_message')
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
          .returning('id')
          .execute();
        for (const w of written) inserted.add(w.id);
      }
      // A message turned away by its dedupe key (enqueued before, or earlier in this list) answers the first's id.
      const turnedAway = rows.filter((r) => !inserted.has(r.id)).map((r) => r.dedupe_key as string);
      const firsts = new Map<string, string>();
      for (let i = 0; i < turnedAway.length; i += ROWS_PER_INSERT) {
        const found = await db
          .selectFrom('outbox_message')
          .select(['id', 'dedupe_key'])
          .where('dedupe_key', 'in', turnedAway.slice(i, i + ROWS_PER_INSERT))
          .execute();
        for (const f of found) firsts.set(f.dedupe_key as string, f.id);
      }
      return rows.map((r) => (inserted.has(r.id) ? r.id : (firsts.get(r.dedupe_key as string) ?? r.id)));
    },
  };
}

/** Rows per INSERT of `enqueueMany`: far below the bound parameters either database accepts. */
const ROWS_PER_INSERT = 500;

function rowOf(message: OutboxMessage, now: string) {
  return {
    id: randomUUID(),
    kind: message.kind,
    recipient: message.to.trim(),
    subject: message.subject,
    ...('composedAtSending' in message
      ? { text: '', html: '', attachments: null, composition: JSON.stringify(message.composedAtSending) }
      : {
          text: message.text,
          html: message.html,
          attachments: encodeAttachments(message.attachments),
          composition: null,
        }),
    reply_to: message.replyTo?.trim() || null,
    message_id: newMessageId(),
    dedupe_key: message.dedupeKey ?? null,
    status: 'en-attente' as const,
    attempts: 0,
    next_attempt_at: now,
    locked_until: null,
    claim_token: null,
    last_error: null,
    created_at: now,
    sent_at: null,
  };
}

/** A line break in a header would let a value write headers of its own; such a message is a bug, not input. */
function assertWellFormed(message: OutboxMessage) {
  if (!message.kind.trim()) throw new Error('Un message de la file d’envoi doit avoir un type (kind).');
  if (!message.to.includes('@')) throw new Error('Un message de la file d’envoi doit avoir un destinataire.');
  for (const [field, value] of [
    ['to', message.to],
    ['subject', message.subject],
    ['replyTo', message.replyTo ?? ''],
  ] as const) {
    if (/[\r\n]/.test(value))
      throw new Error(`Le champ ${field} d’un courriel ne peut pas contenir de saut de ligne.`);
  }
}
