import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The outbox of e-mails (see src/ports/outbox.ts). Same SQL on both dialects: text timestamps, a partial
 * unique index on the dedupe key (both SQLite and PostgreSQL accept `WHERE` on an index and use it as an
 * `ON CONFLICT` target).
 */
export const outboxMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('outbox_message')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text')
      .addColumn('attachments', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('dedupe_key', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('en-attente', 'envoi', 'envoye', 'echec')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('claim_token', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    // A dedupe key names a fact ("inscription 42 confirmée"): one message per fact, however often it is enqueued.
    await db.schema
      .createIndex('outbox_message_dedupe')
      .on('outbox_message')
      .column('dedupe_key')
      .unique()
      .where(sql.ref('dedupe_key'), 'is not', null)
      .execute();
    // The workers' claim: due messages by status and time.
    await db.schema
      .createIndex('outbox_message_due')
      .on('outbox_message')
      .columns(['status', 'next_attempt_at'])
      .execute();
    // Organisers look a person's messages up whatever the case they type the address in.
    await db.schema
      .createIndex('outbox_message_recipient')
      .on('outbox_message')
      .expression(sql`lower(recipient)`)
      .execute();
    await db.schema.createIndex('outbox_message_created').on('outbox_message').column('created_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('outbox_message').execute();
  },
});
