import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { OutboxAdmin } from '../../../adapters/mail/index.js';
import type { AppEnv } from '../../../platform/http/context.js';
import type { Clock } from '../../../ports/clock.js';
import type { FileStorage } from '../../../ports/file-storage.js';
import type { Outbox } from '../../../ports/outbox.js';

/** What the back office, accreditation and check-in are built from (see `createEventsBackoffice`). */
export interface BackofficeDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  outbox: Outbox;
  outboxAdmin: OutboxAdmin;
  storage: FileStorage;
  clock: Clock;
  /** The site's public address, for links in e-mails (`https://numerique-territoires.gouv.fr`). */
  publicUrl: string;
}

/** The event of an organiser's page, as the permission check names it: roles are scoped `evenement:<id>`. */
export const eventScope = (c: Context<AppEnv>) => ({ scope: `evenement:${c.req.param('id') ?? ''}` });

/** The address of an event's organiser pages. */
export const organiserPath = (eventId: string, rest = '') =>
  `/organisation/evenements/${encodeURIComponent(eventId)}${rest}`;

/** What an organiser's page says about the event it is about. */
export interface EventSummary {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  retentionMonths: number;
  demonstration: boolean;
}

/**
 * The event, or null: read-only here, the event itself belongs to the events core.
 *
 * @example
 * const event = await findEvent(db, 'journee-numerique-et-territoires-2023');
 */
export async function findEvent(db: Kysely<Database>, id: string): Promise<EventSummary | null> {
  if (!id || id.length > 200) return null;
  const row = await db
    .selectFrom('event')
    .select(['id', 'title', 'starts_at', 'ends_at', 'status', 'retention_months', 'demonstration'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        title: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        status: row.status,
        retentionMonths: row.retention_months,
        demonstration: row.demonstration === 1,
      }
    : null;
}

/** A label for who did something, as the audit and the decision columns keep it. */
export function actorLabel(actor: { person: { email: string } } | null): string {
  return actor ? actor.person.email : 'inconnu';
}
