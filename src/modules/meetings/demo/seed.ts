/**
 * The demonstration espace de rencontres: the forum of the Journée of 18 January 2023 (DOMAIN.md), and the same
 * forum for its 2027 edition (the demonstration event still to come, where booking can be tried). Each is
 * created once, when its event exists and has no space yet; everything is marked `demonstration`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { slotSeries } from '../meetings.domain.js';
import { parisFields, parisInstant } from '../paris-time.js';
import { DEMO_ROOMS, DEMO_STANDS } from './stands.js';

/** The events module's demonstration events (its demo/seed.ts), which its index does not export. */
export const DEMO_EVENTS = ['journee-numerique-et-territoires-2023', 'journee-numerique-et-territoires-2027'];

const slug = (email: string) => email.replace(/[^a-z0-9]+/g, '-');

/**
 * @example
 * await seedDemoMeetings(db, '2022-11-01T09:00:00.000Z') // ['journee-numerique-et-territoires-2023', …]
 */
export async function seedDemoMeetings(db: Kysely<Database>, now: string): Promise<string[]> {
  const created: string[] = [];
  for (const eventId of DEMO_EVENTS) {
    const event = await db
      .selectFrom('event')
      .select(['id', 'starts_at'])
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (!event) continue;
    const exists = await db
      .selectFrom('meeting_space')
      .select('event_id')
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (exists) continue;
    const day = parisFields(event.starts_at).day;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('meeting_space')
        .values({
          event_id: eventId,
          mode: 'libre',
          per_person_limit: 3,
          booking_opens_at: null,
          booking_closes_at: null,
          ranking_deadline: null,
          choices_max: 5,
          published_run_id: null,
          demonstration: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const rooms = new Map<string, string>();
      for (const [i, room] of DEMO_ROOMS.entries()) {
        const id = `${eventId}-lieu-${room.key}`;
        rooms.set(room.key, id);
        await trx
          .insertInto('meeting_location')
          .values({
            id,
            event_id: eventId,
            name: room.name,
            capacity: room.capacity,
            sort_order: i,
            created_at: now,
          })
          .execute();
      }
      const from = parisInstant(day, '15:00')!;
      const until = parisInstant(day, '16:30')!;
      for (const [i, stand] of DEMO_STANDS.entries()) {
        const standId = `${eventId}-stand-${stand.key}`;
        const locationId = rooms.get(stand.room)!;
        await trx
          .insertInto('meeting_stand')
          .values({
            id: standId,
            event_id: eventId,
            name: stand.name,
            organisation: stand.organisation,
            description: stand.description,
            topics: JSON.stringify(stand.topics),
            audiences: JSON.stringify(stand.audiences),
            booking_mode: stand.mode,
            location_id: locationId,
            sort_order: i,
            demonstration: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        for (const [m, member] of stand.members.entries()) {
          const email = member.email ?? `${stand.key}.${m + 1}@demo.numerique.example.gouv.fr`;
          const memberId = `${standId}-${m + 1}-${slug(email).slice(0, 20)}`;
          await trx
            .insertInto('meeting_stand_member')
            .values({
              id: memberId,
              stand_id: standId,
              event_id: eventId,
              email,
              name: member.name,
              role: member.role,
              created_at: now,
            })
            .execute();
          const slots = slotSeries(from, until, stand.slots.every, stand.slots.length).map((t) => ({
            id: randomUUID(),
            event_id: eventId,
            stand_id: standId,
            member_id: memberId,
            location_id: locationId,
            starts_at: t.startsAt,
            ends_at: t.endsAt,
            capacity: stand.slots.capacity,
            booked: 0,
            created_at: now,
          }));
          await trx.insertInto('meeting_slot').values(slots).execute();
        }
      }
    });
    created.push(eventId);
  }
  return created;
}
