import type { Kysely } from 'kysely';

/**
 * 015-outbox-composition: a message may be composed when it is sent rather than when it is enqueued (see
 * `ComposedAtSending` in the outbox port). `composition` then holds `{ composer, input }` as JSON, and `text`,
 * `html` and `attachments` stay empty until the worker composes the message; null for a message written whole.
 */
export const outboxCompositionMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox_message').addColumn('composition', 'text').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox_message').dropColumn('composition').execute();
  },
});
