/**
 * What a booking needs to know, read in one query before any lock: the slot with its stand, member, location,
 * event and space, and the participant's registration. A booking's e-mails are written from it, before the
 * decision, so that the locked part of the transaction only counts and writes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { SpaceMode } from '../meetings.domain.js';
import type { Participant } from '../store/event-reads.js';
import type { AgendaItem } from '../store/reads.js';

export interface BookingContext {
  eventTitle: string;
  space: {
    mode: SpaceMode;
    perPersonLimit: number | null;
    bookingOpensAt: string | null;
    bookingClosesAt: string | null;
  };
  slot: {
    id: string;
    standId: string;
    memberId: string;
    startsAt: string;
    endsAt: string;
    capacity: number;
    /** Live bookings when the context was read: a hint only, the decision counts again under the lock. */
    booked: number;
    bookingMode: string;
    standName: string;
    organisation: string;
    memberName: string;
    memberEmail: string;
    locationId: string;
    locationName: string;
  };
  participant: Participant | null;
}

/**
 * The booking's context, or null when the slot is not one of the event's (or the event has no space).
 *
 * @example
 * const ctx = await bookingContext(db, { eventId, registrationId, slotId });
 */
export async function bookingContext(
  db: Kysely<Database>,
  input: { eventId: string; registrationId: string; slotId: string },
): Promise<BookingContext | null> {
  const row = await db
    .selectFrom('meeting_slot as s')
    .innerJoin('meeting_stand as st', 'st.id', 's.stand_id')
    .innerJoin('meeting_stand_member as m', 'm.id', 's.member_id')
    .innerJoin('meeting_location as l', 'l.id', 's.location_id')
    .innerJoin('meeting_space as sp', 'sp.event_id', 's.event_id')
    .innerJoin('event as e', 'e.id', 's.event_id')
    .leftJoin('registration as r', (join) => join.on('r.id', '=', input.registrationId))
    .select([
      's.id',
      's.stand_id',
      's.member_id',
      's.starts_at',
      's.ends_at',
      's.capacity',
      's.booked',
      'st.booking_mode',
      'st.name as stand_name',
      'st.organisation',
      'm.name as member_name',
      'm.email as member_email',
      'l.id as location_id',
      'l.name as location_name',
      'e.title',
      'sp.mode',
      'sp.per_person_limit',
      'sp.booking_opens_at',
      'sp.booking_closes_at',
      'r.id as r_id',
      'r.event_id as r_event_id',
      'r.email as r_email',
      'r.given_name as r_given_name',
      'r.family_name as r_family_name',
      'r.organisation_name as r_organisation_name',
      'r.organisation_siren as r_organisation_siren',
      'r.collectivite_key as r_collectivite_key',
      'r.profile as r_profile',
      'r.mode as r_mode',
      'r.status as r_status',
    ])
    .where('s.id', '=', input.slotId)
    .where('s.event_id', '=', input.eventId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    eventTitle: row.title,
    space: {
      mode: row.mode as SpaceMode,
      perPersonLimit: row.per_person_limit,
      bookingOpensAt: row.booking_opens_at,
      bookingClosesAt: row.booking_closes_at,
    },
    slot: {
      id: row.id,
      standId: row.stand_id,
      memberId: row.member_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      capacity: row.capacity,
      booked: row.booked,
      bookingMode: row.booking_mode,
      standName: row.stand_name,
      organisation: row.organisation,
      memberName: row.member_name,
      memberEmail: row.member_email,
      locationId: row.location_id,
      locationName: row.location_name,
    },
    participant: row.r_id
      ? {
          registrationId: row.r_id,
          eventId: row.r_event_id ?? '',
          email: row.r_email ?? '',
          givenName: row.r_given_name ?? '',
          familyName: row.r_family_name ?? '',
          organisationName: row.r_organisation_name,
          organisationSiren: row.r_organisation_siren,
          collectiviteKey: row.r_collectivite_key,
          profile: row.r_profile ?? '',
          mode: row.r_mode ?? '',
          status: row.r_status ?? '',
        }
      : null,
  };
}

/** The meeting as agendas and e-mails show it, from the context. */
export function agendaItemOf(
  ctx: BookingContext,
  participant: Participant,
  booking: { id: string; status: 'demandee' | 'confirmee'; note: string; createdAt: string },
): AgendaItem {
  const { slot } = ctx;
  return {
    bookingId: booking.id,
    status: booking.status,
    source: 'reservation',
    note: booking.note,
    slotId: slot.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    capacity: slot.capacity,
    standId: slot.standId,
    standName: slot.standName,
    organisation: slot.organisation,
    memberId: slot.memberId,
    memberName: slot.memberName,
    memberEmail: slot.memberEmail,
    locationId: slot.locationId,
    locationName: slot.locationName,
    registrationId: participant.registrationId,
    participantName: `${participant.givenName} ${participant.familyName}`.trim(),
    participantEmail: participant.email,
    participantOrganisation: participant.organisationName,
    createdAt: booking.createdAt,
    reason: null,
  };
}
