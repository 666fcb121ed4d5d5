import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Clock, systemClock } from '../../../ports/clock.js';
import type { Database } from '../../db/schema.js';
import type { OutboxStatus } from '../../db/tables/outbox.js';
import { newMessageId } from '../message-id.js';
import { ENTRY_COLUMNS, type OutboxEntry, toEntry } from './rows.js';

export interface OutboxFilter {
  kind?: string;
  /** Compared without regard to case. */
  recipient?: string;
  status?: OutboxStatus;
  limit: number;
  offset: number;
}

/**
 * What `resend` did: `relance` put the same message back in the queue (it had failed, or was waiting, and
 * keeps its Message-ID); `copie` queued a new copy of a message already sent (with a new Message-ID, or the
 * person's mail client would hide it as a duplicate); `deja-en-cours` changed nothing, a worker is sending it.
 */
export type ResendAction = 'relance' | 'copie' | 'deja-en-cours';

export interface OutboxAdmin {
  listMessages(filter: OutboxFilter): Promise<{ items: OutboxEntry[]; total: number }>;
  resend(id: string): Promise<{ id: string; action: ResendAction } | null>;
  purgeSentBefore(date: Date): Promise<number>;
}

/**
 * What organisers and the scheduled purge do with the outbox: see where messages stand, send one again,
 * and delete what no longer serves.
 *
 * @example
 * const admin = createOutboxAdmin({ db, clock });
 * const { items, total } = await admin.listMessages({ kind: 'inscription-confirmee', status: 'echec', limit: 20, offset: 0 });
 */
export function createOutboxAdmin(options: { db: Kysely<Database>; clock?: Clock }): OutboxAdmin {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  return {
    /**
     * Messages newest first, with the total for pagination.
     *
     * @example
     * await admin.listMessages({ recipient: 'Camille@Exemple.fr', limit: 20, offset: 0 });
     */
    async listMessages(filter) {
      let query = db.selectFrom('outbox_message');
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.recipient) {
        query = query.where(sql<string>`lower(recipient)`, '=', filter.recipient.trim().toLowerCase());
      }
      const [rows, count] = await Promise.all([
        query
          .select(ENTRY_COLUMNS)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toEntry), total: Number(count.n) };
    },

    /**
     * Sends a message again, at an organiser's request; null when there is no such message.
     *
     * @example
     * await admin.resend(id); // { id, action: 'relance' } for a failed message
     */
    async resend(id) {
      const now = clock.now().toISOString();
      const row = await db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      if (row.status === 'envoi') return { id, action: 'deja-en-cours' };
      if (row.status === 'envoye') {
        const copyId = randomUUID();
        await db
          .insertInto('outbox_message')
          .values({
            ...row,
            id: copyId,
            message_id: newMessageId(),
            dedupe_key: null,
            status: 'en-attente',
            attempts: 0,
            next_attempt_at: now,
            locked_until: null,
            claim_token: null,
            last_error: null,
            created_at: now,
            sent_at: null,
          })
          .execute();
        return { id: copyId, action: 'copie' };
      }
      // Waiting or failed: the same message, due now, with a fresh count of attempts.
      const updated = await db
        .updateTable('outbox_message')
        .set({ status: 'en-attente', attempts: 0, next_attempt_at: now, last_error: null })
        .where('id', '=', id)
        .where('status', 'in', ['en-attente', 'echec'])
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1
        ? { id, action: 'relance' }
        : { id, action: 'deja-en-cours' };
    },

    /**
     * Deletes the messages done with before `date`: sent before it, or failed for good and created before it.
     * They hold addresses and content; past the retention period they no longer serve. Returns the count.
     *
     * @example
     * await admin.purgeSentBefore(new Date(Date.now() - 90 * 24 * 3600 * 1000));
     */
    async purgeSentBefore(date) {
      const before = date.toISOString();
      const r = await db
        .deleteFrom('outbox_message')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'envoye'), eb('sent_at', '<', before)]),
            eb.and([eb('status', '=', 'echec'), eb('created_at', '<', before)]),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
