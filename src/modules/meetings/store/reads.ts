/**
 * The reads behind the pages: the space's settings, its locations, stands, members, slots, and meetings as
 * agendas (a participant's, a member's, a location's). Meetings are joined to the registration for the
 * participant's name (the events module's table, read only).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { BookingStatus, Location, Member, Slot, Space, Stand } from '../meetings.domain.js';
import { locationOf, memberOf, slotOf, spaceOf, standOf } from './rows.js';

export interface Unavailability {
  id: string;
  memberId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

/** A meeting with everything an agenda, an e-mail or a sheet shows. */
export interface AgendaItem {
  bookingId: string;
  status: BookingStatus;
  source: string;
  note: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  standId: string;
  standName: string;
  organisation: string;
  memberId: string;
  memberName: string;
  memberEmail: string;
  locationId: string;
  locationName: string;
  registrationId: string;
  participantName: string;
  participantEmail: string;
  participantOrganisation: string | null;
  createdAt: string;
  reason: string | null;
}

export async function spaceOfEvent(db: Kysely<Database>, eventId: string): Promise<Space | null> {
  const row = await db
    .selectFrom('meeting_space')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row ? spaceOf(row) : null;
}

export async function locationsOf(db: Kysely<Database>, eventId: string): Promise<Location[]> {
  const rows = await db
    .selectFrom('meeting_location')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map(locationOf);
}

export async function standsOf(db: Kysely<Database>, eventId: string): Promise<Stand[]> {
  const rows = await db
    .selectFrom('meeting_stand')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map(standOf);
}

export async function standById(
  db: Kysely<Database>,
  eventId: string,
  standId: string,
): Promise<Stand | null> {
  const row = await db
    .selectFrom('meeting_stand')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', standId)
    .executeTakeFirst();
  return row ? standOf(row) : null;
}

export async function membersOf(db: Kysely<Database>, eventId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('meeting_stand_member')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('name')
    .execute();
  return rows.map(memberOf);
}

/** The members of the event known by this address (a person may receive at several stands). */
export async function membersByEmail(
  db: Kysely<Database>,
  eventId: string,
  email: string,
): Promise<Member[]> {
  const rows = await db
    .selectFrom('meeting_stand_member')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('email', '=', email.trim().toLowerCase())
    .execute();
  return rows.map(memberOf);
}

export async function membersByIds(
  db: Kysely<Database>,
  eventId: string,
  ids: readonly string[],
): Promise<Member[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('meeting_stand_member')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(memberOf);
}

export async function slotsOf(
  db: Kysely<Database>,
  eventId: string,
  filter: { standId?: string; locationId?: string; memberIds?: readonly string[] } = {},
): Promise<Slot[]> {
  let q = db.selectFrom('meeting_slot').selectAll().where('event_id', '=', eventId);
  if (filter.standId) q = q.where('stand_id', '=', filter.standId);
  if (filter.locationId) q = q.where('location_id', '=', filter.locationId);
  if (filter.memberIds) {
    if (filter.memberIds.length === 0) return [];
    q = q.where('member_id', 'in', [...filter.memberIds]);
  }
  const rows = await q.orderBy('starts_at').orderBy('id').execute();
  return rows.map(slotOf);
}

export async function unavailabilityOf(
  db: Kysely<Database>,
  eventId: string,
  memberIds?: readonly string[],
): Promise<Unavailability[]> {
  let q = db.selectFrom('meeting_unavailability').selectAll().where('event_id', '=', eventId);
  if (memberIds) {
    if (memberIds.length === 0) return [];
    q = q.where('member_id', 'in', [...memberIds]);
  }
  const rows = await q.orderBy('starts_at').execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    reason: r.reason,
  }));
}

/**
 * Meetings as agendas list them, in time order: a participant's (`registrationId`), members' (`memberIds`),
 * a location's (`locationId`), or one booking (`bookingId`). `live` keeps requested and confirmed ones.
 *
 * @example
 * await agenda(db, eventId, { registrationId, live: true })
 */
export async function agenda(
  db: Kysely<Database>,
  eventId: string,
  filter: {
    registrationId?: string;
    memberIds?: readonly string[];
    locationId?: string;
    bookingId?: string;
    live?: boolean;
  },
): Promise<AgendaItem[]> {
  let q = db
    .selectFrom('meeting_booking as b')
    .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
    .innerJoin('meeting_stand as st', 'st.id', 'b.stand_id')
    .innerJoin('meeting_stand_member as m', 'm.id', 's.member_id')
    .innerJoin('meeting_location as l', 'l.id', 's.location_id')
    .innerJoin('registration as r', 'r.id', 'b.registration_id')
    .select([
      'b.id as bookingId',
      'b.status',
      'b.source',
      'b.note',
      'b.created_at as createdAt',
      'b.reason',
      's.id as slotId',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
      's.capacity',
      'st.id as standId',
      'st.name as standName',
      'st.organisation',
      'm.id as memberId',
      'm.name as memberName',
      'm.email as memberEmail',
      'l.id as locationId',
      'l.name as locationName',
      'r.id as registrationId',
      'r.given_name',
      'r.family_name',
      'r.email as participantEmail',
      'r.organisation_name as participantOrganisation',
    ])
    .where('b.event_id', '=', eventId);
  if (filter.registrationId) q = q.where('b.registration_id', '=', filter.registrationId);
  if (filter.memberIds) {
    if (filter.memberIds.length === 0) return [];
    q = q.where('s.member_id', 'in', [...filter.memberIds]);
  }
  if (filter.locationId) q = q.where('s.location_id', '=', filter.locationId);
  if (filter.bookingId) q = q.where('b.id', '=', filter.bookingId);
  // A live meeting of a participant whose registration was cancelled since is no meeting any more (its place
  // is given back when someone wants the slot, see booking/book.ts).
  if (filter.live)
    q = q.where('b.status', 'in', ['demandee', 'confirmee']).where('r.status', '=', 'confirmee');
  const rows = await q.orderBy('s.starts_at').orderBy('st.name').orderBy('r.family_name').execute();
  return rows.map(({ given_name, family_name, ...r }) => ({
    ...r,
    status: r.status as BookingStatus,
    participantName: `${given_name} ${family_name}`.trim(),
  }));
}
