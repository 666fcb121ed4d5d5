import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { OutboxStatus } from '../../../adapters/db/tables/outbox.js';
import type { OutboxAdmin } from '../../../adapters/mail/index.js';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  'en-attente': 'En attente d’envoi',
  envoi: 'Envoi en cours',
  envoye: 'Envoyé',
  echec: 'Échec',
};

/** Messages that are about a person, not about an event (a login link): never listed for organisers. */
const NOT_EVENT_KINDS = ['lien-connexion'];

export interface EventMessage {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/**
 * The outbox messages of an event: those sent to the event's participants and journalists. The outbox names
 * no event, so a person registered to two events shows both events' messages to both organisers (who know
 * this person anyway); a login link is never shown.
 *
 * @example
 * const { items, total } = await eventMessages(db, 'journee-2023', { status: 'echec', limit: 50, offset: 0 });
 */
export async function eventMessages(
  db: Kysely<Database>,
  eventId: string,
  filter: { status?: OutboxStatus; id?: string; limit: number; offset: number },
): Promise<{ items: EventMessage[]; total: number }> {
  let query = db
    .selectFrom('outbox_message')
    .where((eb) =>
      eb(
        sql<string>`lower(recipient)`,
        'in',
        eb
          .selectFrom('registration')
          .select('email')
          .where('event_id', '=', eventId)
          .union(eb.selectFrom('press_accreditation').select('email').where('event_id', '=', eventId)),
      ),
    )
    .where('kind', 'not in', NOT_EVENT_KINDS);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.id) query = query.where('id', '=', filter.id);
  const [rows, count] = await Promise.all([
    query
      .select([
        'id',
        'kind',
        'recipient',
        'subject',
        'status',
        'attempts',
        'last_error',
        'created_at',
        'sent_at',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      recipient: r.recipient,
      subject: r.subject,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
    total: Number(count.n),
  };
}

/**
 * « Renvoyer »: only a message of this event (an organiser of another event cannot resend it).
 *
 * @example
 * await resendEventMessage(db, outboxAdmin, 'journee-2023', messageId); // { action: 'relance' } or null
 */
export async function resendEventMessage(
  db: Kysely<Database>,
  admin: OutboxAdmin,
  eventId: string,
  id: string,
) {
  const { items } = await eventMessages(db, eventId, { id, limit: 1, offset: 0 });
  if (items.length === 0) return null;
  return admin.resend(id);
}
