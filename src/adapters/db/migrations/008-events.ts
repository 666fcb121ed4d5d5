import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Events, programme, registrations, accreditation, check-in and idempotency keys. Capacity is decided from rows
 * inside one transaction; the partial unique indexes make a duplicate impossible rather than unlikely.
 */
export const eventsMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('practical_info', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('venue_name', 'text')
      .addColumn('address', 'text')
      .addColumn('in_person', 'integer', (c) => c.notNull())
      .addColumn('remote', 'integer', (c) => c.notNull())
      .addColumn('video_url', 'text')
      .addColumn('registration_opens_at', 'text', (c) => c.notNull())
      .addColumn('registration_closes_at', 'text', (c) => c.notNull())
      .addColumn('capacity_total', 'integer')
      .addColumn('capacity_in_person', 'integer')
      .addColumn('capacity_remote', 'integer')
      .addColumn('offer_hours', 'integer', (c) => c.notNull())
      .addColumn('retention_months', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('demonstration', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('event_room')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('event_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
      .addColumn('room_id', 'text', (c) => c.references('event_room.id').onDelete('set null'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('closed', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('event_session_event')
      .on('event_session')
      .columns(['event_id', 'starts_at'])
      .execute();
    await db.schema
      .createTable('session_speaker')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('event_session.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('session_invitation')
      .addColumn('session_id', 'text', (c) => c.notNull().references('event_session.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_invitation_pk', ['session_id', 'email'])
      .execute();
    await db.schema
      .createTable('event_question')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('choices', 'text', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('event_profile_rule')
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('quota', 'integer')
      .addColumn('refusal_reason', 'text')
      .addPrimaryKeyConstraint('event_profile_rule_pk', ['event_id', 'profile'])
      .execute();
    await db.schema
      .createTable('registration')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
      .addColumn('person_id', 'text')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('given_name', 'text', (c) => c.notNull())
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('organisation_name', 'text')
      .addColumn('organisation_siren', 'text')
      .addColumn('collectivite_key', 'text')
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('offer_expires_at', 'text')
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('listed', 'integer', (c) => c.notNull())
      .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('refusal_reason', 'text')
      .addColumn('checked_in_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .execute();
    // One live registration per person and event: a second one is impossible, not merely unlikely.
    await sql`CREATE UNIQUE INDEX registration_live ON registration (event_id, email) WHERE status NOT IN ('annulee', 'refusee')`.execute(
      db,
    );
    await db.schema
      .createIndex('registration_event_status')
      .on('registration')
      .columns(['event_id', 'status', 'created_at'])
      .execute();
    await db.schema.createIndex('registration_person').on('registration').column('person_id').execute();
    await db.schema
      .createTable('registration_session')
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('session_id', 'text', (c) => c.notNull().references('event_session.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('offer_expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('registration_session_pk', ['registration_id', 'session_id'])
      .execute();
    await db.schema
      .createIndex('registration_session_by_session')
      .on('registration_session')
      .columns(['session_id', 'status', 'created_at'])
      .execute();
    await db.schema
      .createTable('press_accreditation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
      .addColumn('registration_id', 'text', (c) => c.references('registration.id').onDelete('set null'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('media', 'text', (c) => c.notNull())
      .addColumn('press_card', 'text')
      .addColumn('attachment_key', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`CREATE UNIQUE INDEX press_accreditation_live ON press_accreditation (event_id, email) WHERE status <> 'refusee'`.execute(
      db,
    );
    await db.schema
      .createTable('checkin_scan')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('scanned_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('device', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('checkin_scan_registration')
      .on('checkin_scan')
      .columns(['registration_id', 'scanned_at'])
      .execute();
    await db.schema
      .createTable('idempotency_key')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('idempotency_key_created')
      .on('idempotency_key')
      .column('created_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'idempotency_key',
      'checkin_scan',
      'press_accreditation',
      'registration_session',
      'registration',
      'event_profile_rule',
      'event_question',
      'session_invitation',
      'session_speaker',
      'event_session',
      'event_room',
      'event',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
});
