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
      const id = randomUUID();
      const now = clock.now().toISOString();
      const dedupeKey = message.dedupeKey ?? null;
      const inserted = await db
        .insertInto('outbox_message')
        .values({
          id,
          kind: message.kind,
          recipient: message.to.trim(),
          subject: message.subject,
          text: message.text,
          html: message.html,
          reply_to: message.replyTo?.trim() || null,
          attachments: encodeAttachments(message.attachments),
          message_id: newMessageId(),
          dedupe_key: dedupeKey,
          status: 'en-attente',
          attempts: 0,
          next_attempt_at: now,
          locked_until: null,
          claim_token: null,
          last_error: null,
          created_at: now,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const first = await db
        .selectFrom('outbox_message')
        .select('id')
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirstOrThrow();
      return first.id;
    },
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
