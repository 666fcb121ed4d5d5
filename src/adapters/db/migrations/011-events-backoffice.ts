import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The events back office: the badge signing key (008 names `signing_key` but does not create it) and the
 * anonymous statistics an event keeps once its personal data is purged (RGPD: counts only, no person).
 */
export const eventsBackofficeMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('signing_key')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('event_statistics')
      .addColumn('event_id', 'text', (c) => c.primaryKey().references('event.id').onDelete('cascade'))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('purged_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('event_statistics').ifExists().execute();
    await db.schema.dropTable('signing_key').ifExists().execute();
  },
});
