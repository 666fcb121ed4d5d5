import type { Kysely } from 'kysely';
import type { Database } from '../../../../adapters/db/schema.js';
import { toMailMessage } from '../../../../adapters/mail/outbox/rows.js';
import type { MailMessage } from '../../../../ports/mailer.js';
import { eventMailComposers } from '../mail/composed.js';

/**
 * The messages waiting in the outbox for `recipient`, oldest first, as the worker would send them (those
 * composed at sending composed): for tests that read a mail without running the worker.
 *
 * @example
 * const [confirmation] = await outboxMailsTo(db, 'personne.1@example.fr');
 */
export async function outboxMailsTo(
  db: Kysely<Database>,
  recipient: string,
): Promise<Array<MailMessage & { kind: string }>> {
  const rows = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('recipient', '=', recipient)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const composers = eventMailComposers(db);
  return Promise.all(rows.map(async (row) => ({ ...(await toMailMessage(row, composers)), kind: row.kind })));
}
