/** The counts behind the organisers' pages. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

async function countsBy(
  db: Kysely<Database>,
  eventId: string,
  column: 'stand_id' | 'member_id' | 'location_id',
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meeting_slot')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [(r as Record<string, unknown>)[column] as string, Number(r.n)]));
}

export const slotsPerStand = (db: Kysely<Database>, eventId: string) => countsBy(db, eventId, 'stand_id');
export const slotsPerMember = (db: Kysely<Database>, eventId: string) => countsBy(db, eventId, 'member_id');
export const slotsPerLocation = (db: Kysely<Database>, eventId: string) =>
  countsBy(db, eventId, 'location_id');

/**
 * The figures of the overview page.
 *
 * @example
 * await overviewOf(db, 'journee-2023') // { stands: 11, members: 22, slots: 110, … }
 */
export async function overviewOf(db: Kysely<Database>, eventId: string) {
  const count = async (table: 'meeting_stand' | 'meeting_stand_member') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', eventId)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const slots = await db
    .selectFrom('meeting_slot')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('capacity'), eb.lit(0)).as('places'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  const bookings = await db
    .selectFrom('meeting_booking')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const people = await db
    .selectFrom('meeting_booking')
    .select((eb) => eb.fn.count<number>('registration_id').distinct().as('n'))
    .where('event_id', '=', eventId)
    .where('status', 'in', ['demandee', 'confirmee'])
    .executeTakeFirst();
  const ranked = await db
    .selectFrom('meeting_ranking')
    .select((eb) => eb.fn.count<number>('registration_id').distinct().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  const by = Object.fromEntries(bookings.map((b) => [b.status, Number(b.n)]));
  return {
    stands: await count('meeting_stand'),
    members: await count('meeting_stand_member'),
    slots: Number(slots?.n ?? 0),
    places: Number(slots?.places ?? 0),
    confirmed: by.confirmee ?? 0,
    requested: by.demandee ?? 0,
    participants: Number(people?.n ?? 0),
    rankings: Number(ranked?.n ?? 0),
  };
}
