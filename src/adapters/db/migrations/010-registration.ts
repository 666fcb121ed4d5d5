import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Registration's additions to the events tables (see src/modules/events/registration/tables.ts for their types):
 * - `registration_link`: every e-mail about a registration carries a management link of its own; only its
 *   SHA-256 is kept, so a leaked table opens nothing, and an older link keeps working after a newer one is sent.
 * - `registration_log`: who approved or refused a registration, and when (the organiser's label, never a secret).
 * - `registration_seats`: a covering index for the seat count taken under the event's lock at every
 *   registration: the count reads the index alone, never the rows.
 */
export const registrationMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('registration_link')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('registration_link_registration')
      .on('registration_link')
      .column('registration_id')
      .execute();
    await db.schema
      .createTable('registration_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('registration_log_registration')
      .on('registration_log')
      .columns(['registration_id', 'at'])
      .execute();
    await sql`CREATE INDEX registration_seats ON registration (event_id, status, mode, profile)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP INDEX registration_seats`.execute(db);
    await db.schema.dropTable('registration_log').execute();
    await db.schema.dropTable('registration_link').execute();
  },
});
