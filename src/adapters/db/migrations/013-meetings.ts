import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The espace de rencontres: stands, their members, locations, slots, meetings, unavailability, rankings and
 * assignment runs (types in ../tables/meetings.ts).
 *
 * What makes a double booking impossible rather than unlikely:
 * - `meeting_slot.booked` never passes `capacity` (CHECK): a booking moves it with a conditional update;
 * - `meeting_booking_live`: one live meeting per participant and stand (partial unique index);
 * - `meeting_participant`: the row a booking locks first, so that overlaps and the per-person limit are
 *   counted while no other decision about the same person runs (see the module's store/decide.ts).
 */
export const meetingsMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    const byEvent = (c: ColumnDefinitionBuilder) => c.notNull().references('event.id').onDelete('cascade');
    await db.schema
      .createTable('meeting_space')
      .addColumn('event_id', 'text', (c) => byEvent(c).primaryKey())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('per_person_limit', 'integer')
      .addColumn('booking_opens_at', 'text')
      .addColumn('booking_closes_at', 'text')
      .addColumn('ranking_deadline', 'text')
      .addColumn('choices_max', 'integer', (c) => c.notNull())
      .addColumn('published_run_id', 'text')
      .addColumn('demonstration', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('meeting_location')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', byEvent)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 1`))
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meeting_location_event')
      .on('meeting_location')
      .columns(['event_id', 'sort_order'])
      .execute();
    await db.schema
      .createTable('meeting_stand')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', byEvent)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('audiences', 'text', (c) => c.notNull())
      .addColumn('booking_mode', 'text', (c) => c.notNull())
      .addColumn('location_id', 'text', (c) => c.references('meeting_location.id').onDelete('set null'))
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('demonstration', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meeting_stand_event')
      .on('meeting_stand')
      .columns(['event_id', 'sort_order'])
      .execute();
    await db.schema
      .createTable('meeting_stand_member')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('stand_id', 'text', (c) => c.notNull().references('meeting_stand.id').onDelete('cascade'))
      .addColumn('event_id', 'text', byEvent)
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('meeting_stand_member_email', ['stand_id', 'email'])
      .execute();
    await db.schema
      .createIndex('meeting_stand_member_by_email')
      .on('meeting_stand_member')
      .columns(['event_id', 'email'])
      .execute();
    await db.schema
      .createTable('meeting_slot')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', byEvent)
      .addColumn('stand_id', 'text', (c) => c.notNull().references('meeting_stand.id').onDelete('cascade'))
      .addColumn('member_id', 'text', (c) =>
        c.notNull().references('meeting_stand_member.id').onDelete('cascade'),
      )
      .addColumn('location_id', 'text', (c) => c.notNull().references('meeting_location.id'))
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('meeting_slot_booked', sql`booked >= 0 AND booked <= capacity AND capacity >= 1`)
      .addCheckConstraint('meeting_slot_times', sql`starts_at < ends_at`)
      .execute();
    for (const [name, column] of [
      ['meeting_slot_stand', 'stand_id'],
      ['meeting_slot_member', 'member_id'],
      ['meeting_slot_location', 'location_id'],
      ['meeting_slot_event', 'event_id'],
    ] as const) {
      await db.schema.createIndex(name).on('meeting_slot').columns([column, 'starts_at']).execute();
    }
    await db.schema
      .createTable('meeting_unavailability')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) =>
        c.notNull().references('meeting_stand_member.id').onDelete('cascade'),
      )
      .addColumn('event_id', 'text', byEvent)
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meeting_unavailability_member')
      .on('meeting_unavailability')
      .columns(['member_id', 'starts_at'])
      .execute();
    await db.schema
      .createTable('meeting_participant')
      .addColumn('registration_id', 'text', (c) =>
        c.primaryKey().references('registration.id').onDelete('cascade'),
      )
      .addColumn('event_id', 'text', byEvent)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('meeting_booking')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', byEvent)
      .addColumn('slot_id', 'text', (c) => c.notNull().references('meeting_slot.id').onDelete('cascade'))
      .addColumn('stand_id', 'text', (c) => c.notNull().references('meeting_stand.id').onDelete('cascade'))
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('cancelled_by', 'text')
      .addColumn('reason', 'text')
      .execute();
    // One live meeting per participant and stand: a second one is impossible, not merely unlikely.
    await sql`CREATE UNIQUE INDEX meeting_booking_live ON meeting_booking (registration_id, stand_id) WHERE status IN ('demandee', 'confirmee')`.execute(
      db,
    );
    await db.schema
      .createIndex('meeting_booking_slot')
      .on('meeting_booking')
      .columns(['slot_id', 'status'])
      .execute();
    await db.schema
      .createIndex('meeting_booking_registration')
      .on('meeting_booking')
      .columns(['registration_id', 'status'])
      .execute();
    await db.schema
      .createIndex('meeting_booking_event')
      .on('meeting_booking')
      .columns(['event_id', 'status'])
      .execute();
    await db.schema
      .createTable('meeting_token')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', byEvent)
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('registration_id', 'text', (c) => c.references('registration.id').onDelete('cascade'))
      .addColumn('member_id', 'text', (c) => c.references('meeting_stand_member.id').onDelete('cascade'))
      .addColumn('booking_id', 'text', (c) => c.references('meeting_booking.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('meeting_ranking')
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('event_id', 'text', byEvent)
      .addColumn('stand_id', 'text', (c) => c.notNull().references('meeting_stand.id').onDelete('cascade'))
      .addColumn('rank', 'integer', (c) => c.notNull().check(sql`rank >= 1`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_ranking_pk', ['registration_id', 'stand_id'])
      .addUniqueConstraint('meeting_ranking_rank', ['registration_id', 'rank'])
      .execute();
    await db.schema.createIndex('meeting_ranking_event').on('meeting_ranking').column('event_id').execute();
    await db.schema
      .createTable('meeting_assignment_run')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', byEvent)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('participants', 'integer', (c) => c.notNull())
      .addColumn('requests', 'integer', (c) => c.notNull())
      .addColumn('satisfied', 'integer', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('baseline_satisfied', 'integer', (c) => c.notNull())
      .addColumn('baseline_score', 'integer', (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema
      .createIndex('meeting_assignment_run_event')
      .on('meeting_assignment_run')
      .columns(['event_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('meeting_assignment')
      .addColumn('run_id', 'text', (c) =>
        c.notNull().references('meeting_assignment_run.id').onDelete('cascade'),
      )
      .addColumn('registration_id', 'text', (c) =>
        c.notNull().references('registration.id').onDelete('cascade'),
      )
      .addColumn('stand_id', 'text', (c) => c.notNull())
      .addColumn('slot_id', 'text', (c) => c.notNull().references('meeting_slot.id').onDelete('cascade'))
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_assignment_pk', ['run_id', 'registration_id', 'stand_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'meeting_assignment',
      'meeting_assignment_run',
      'meeting_ranking',
      'meeting_token',
      'meeting_booking',
      'meeting_participant',
      'meeting_unavailability',
      'meeting_slot',
      'meeting_stand_member',
      'meeting_stand',
      'meeting_location',
      'meeting_space',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
});
