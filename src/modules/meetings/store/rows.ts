/**
 * Rows of the meetings tables as the domain's records, and back. One place for the JSON columns and 0/1.
 */
import type { Selectable } from 'kysely';
import type {
  MeetingLocationTable,
  MeetingSlotTable,
  MeetingSpaceTable,
  MeetingStandMemberTable,
  MeetingStandTable,
} from '../../../adapters/db/tables/meetings.js';
import type { BookingMode, Location, Member, Slot, Space, SpaceMode, Stand } from '../meetings.domain.js';

function jsonList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function spaceOf(r: Selectable<MeetingSpaceTable>): Space {
  return {
    eventId: r.event_id,
    mode: r.mode as SpaceMode,
    perPersonLimit: r.per_person_limit,
    bookingOpensAt: r.booking_opens_at,
    bookingClosesAt: r.booking_closes_at,
    rankingDeadline: r.ranking_deadline,
    choicesMax: r.choices_max,
    publishedRunId: r.published_run_id,
    demonstration: r.demonstration === 1,
  };
}

export function locationOf(r: Selectable<MeetingLocationTable>): Location {
  return { id: r.id, eventId: r.event_id, name: r.name, capacity: r.capacity };
}

export function standOf(r: Selectable<MeetingStandTable>): Stand {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    organisation: r.organisation,
    description: r.description,
    topics: jsonList(r.topics),
    audiences: jsonList(r.audiences),
    bookingMode: r.booking_mode as BookingMode,
    locationId: r.location_id,
    demonstration: r.demonstration === 1,
  };
}

export function memberOf(r: Selectable<MeetingStandMemberTable>): Member {
  return { id: r.id, standId: r.stand_id, email: r.email, name: r.name, role: r.role };
}

export function slotOf(r: Selectable<MeetingSlotTable>): Slot {
  return {
    id: r.id,
    eventId: r.event_id,
    standId: r.stand_id,
    memberId: r.member_id,
    locationId: r.location_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    capacity: r.capacity,
    booked: r.booked,
  };
}
