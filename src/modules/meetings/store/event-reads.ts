/**
 * What the espace de rencontres reads of the events module's tables (`event`, `registration`), read-only: the
 * events module's index exposes no query for them, and this module must not change them. A participant is a
 * registration of the event that is confirmed (`confirmee`); only its id is stored in this module's tables
 * (with ON DELETE CASCADE, so that the events' retention purge takes the meetings with it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

export interface EventSummary {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string | null;
  address: string | null;
  status: string;
  demonstration: boolean;
}

export interface Participant {
  registrationId: string;
  eventId: string;
  email: string;
  givenName: string;
  familyName: string;
  organisationName: string | null;
  organisationSiren: string | null;
  collectiviteKey: string | null;
  profile: string;
  mode: string;
  status: string;
}

/** The event, or null. */
export async function eventSummary(db: Kysely<Database>, eventId: string): Promise<EventSummary | null> {
  const row = await db
    .selectFrom('event')
    .select(['id', 'title', 'starts_at', 'ends_at', 'venue_name', 'address', 'status', 'demonstration'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venueName: row.venue_name,
    address: row.address,
    status: row.status,
    demonstration: row.demonstration === 1,
  };
}

const PARTICIPANT_COLUMNS = [
  'id',
  'event_id',
  'email',
  'given_name',
  'family_name',
  'organisation_name',
  'organisation_siren',
  'collectivite_key',
  'profile',
  'mode',
  'status',
] as const;

type Row = { [K in (typeof PARTICIPANT_COLUMNS)[number]]: Database['registration'][K] };

function participantOf(r: Row): Participant {
  return {
    registrationId: r.id,
    eventId: r.event_id,
    email: r.email,
    givenName: r.given_name,
    familyName: r.family_name,
    organisationName: r.organisation_name,
    organisationSiren: r.organisation_siren,
    collectiviteKey: r.collectivite_key,
    profile: r.profile,
    mode: r.mode,
    status: r.status,
  };
}

/** A registration by id (whatever its status), or null. */
export async function registrationById(db: Kysely<Database>, id: string): Promise<Participant | null> {
  const row = await db
    .selectFrom('registration')
    .select(PARTICIPANT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? participantOf(row) : null;
}

/** Registrations by id, for the agendas and sheets. */
export async function registrationsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Participant[]> {
  const out: Participant[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('registration')
      .select(PARTICIPANT_COLUMNS)
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    out.push(...rows.map(participantOf));
  }
  return out;
}

/**
 * The confirmed registration of a logged-in person for an event (by their account, else by their address).
 *
 * @example
 * await confirmedRegistrationOf(db, 'journee-2023', { personId, email })
 */
export async function confirmedRegistrationOf(
  db: Kysely<Database>,
  eventId: string,
  who: { personId: string | null; email: string },
): Promise<Participant | null> {
  const row = await db
    .selectFrom('registration')
    .select(PARTICIPANT_COLUMNS)
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmee')
    .where((eb) =>
      who.personId
        ? eb.or([eb('person_id', '=', who.personId), eb('email', '=', who.email.trim().toLowerCase())])
        : eb('email', '=', who.email.trim().toLowerCase()),
    )
    .executeTakeFirst();
  return row ? participantOf(row) : null;
}

/** Whether a registration may hold meetings: confirmed, for this event. */
export function isActiveParticipant(p: Participant | null, eventId: string): p is Participant {
  return p !== null && p.eventId === eventId && p.status === 'confirmee';
}
