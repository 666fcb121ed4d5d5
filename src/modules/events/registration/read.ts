/**
 * What the participants' pages show: a registration with its event and sessions, a person's registrations,
 * the form's context, the stored answer of a form key. Reads only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { registrationCalendar } from './announce.js';
import { registrationScope, storedAnswer } from './idempotency.js';
import {
  type EventContext,
  invitedSessions,
  loadEventContext,
  registrationById,
  sessionsOf,
} from './queries.js';
import type { RegistrationOutcome } from './register.js';

export interface RegistrationView {
  id: string;
  status: string;
  mode: 'presentiel' | 'distance';
  profile: string;
  email: string;
  givenName: string;
  familyName: string;
  createdAt: string;
  offerExpiresAt: string | null;
  refusalReason: string | null;
  event: EventContext;
  sessions: Array<{
    id: string;
    title: string;
    startsAt: string;
    status: string;
    offerExpiresAt: string | null;
  }>;
  /** Rank on the event's waiting list (1 = next), when waiting. */
  waitingRank: number | null;
  /** The closed sessions this person may choose. */
  invited: Set<string>;
}

/**
 * A registration as its owner sees it, or null.
 *
 * @example
 * const view = await registrationView(db, id); view?.waitingRank // 3
 */
export async function registrationView(db: Kysely<Database>, id: string): Promise<RegistrationView | null> {
  const r = await registrationById(db, id);
  if (!r) return null;
  const event = await loadEventContext(db, r.eventId);
  if (!event) return null;
  const rows = await sessionsOf(db, id);
  let waitingRank: number | null = null;
  if (r.status === 'attente') {
    const ahead = await db
      .selectFrom('registration')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', r.eventId)
      .where('status', '=', 'attente')
      .where((eb) =>
        eb.or([
          eb('created_at', '<', r.createdAt),
          eb.and([eb('created_at', '=', r.createdAt), eb('id', '<', r.id)]),
        ]),
      )
      .executeTakeFirst();
    waitingRank = Number(ahead?.n ?? 0) + 1;
  }
  return {
    id: r.id,
    status: r.status,
    mode: r.mode,
    profile: r.profile,
    email: r.email,
    givenName: r.givenName,
    familyName: r.familyName,
    createdAt: r.createdAt,
    offerExpiresAt: r.offerExpiresAt,
    refusalReason: r.refusalReason,
    event,
    sessions: event.sessions.flatMap((s) => {
      const row = rows.find((x) => x.session_id === s.id && x.status !== 'annulee');
      return row
        ? [
            {
              id: s.id,
              title: s.title,
              startsAt: s.startsAt,
              status: row.status,
              offerExpiresAt: row.offer_expires_at,
            },
          ]
        : [];
    }),
    waitingRank,
    invited: await invitedSessions(db, r.eventId, r.email),
  };
}

/** The registrations of a logged-in person: made while logged in, or with their (verified) address. */
export async function registrationsOf(db: Kysely<Database>, personId: string, email: string) {
  return db
    .selectFrom('registration as r')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.status', 'r.mode', 'e.id as eventId', 'e.title', 'e.starts_at as startsAt'])
    .where((eb) => eb.or([eb('r.person_id', '=', personId), eb('r.email', '=', email.toLowerCase())]))
    .orderBy('e.starts_at', 'desc')
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
}

/** Whether a person may manage a registration from « Mes inscriptions ». */
export async function ownsRegistration(db: Kysely<Database>, id: string, personId: string, email: string) {
  const r = await registrationById(db, id);
  return !!r && (r.personId === personId || r.email === email.toLowerCase());
}

/** The form's event, and the closed sessions the logged-in person (if any) is invited to. */
export async function formContext(db: Kysely<Database>, eventId: string, email: string | null) {
  const ctx = await loadEventContext(db, eventId);
  if (!ctx) return null;
  return { ctx, invited: email ? await invitedSessions(db, eventId, email) : new Set<string>() };
}

/** The first answer given to a form key of this event, for the result page. */
export function registrationAnswer(db: Kysely<Database>, eventId: string, key: string) {
  return storedAnswer<Exclude<RegistrationOutcome, { status: 'fermee' | 'invalide' }>>(
    db,
    key,
    registrationScope(eventId),
  );
}

/**
 * « Mes sessions » as an iCalendar file: the sessions with a seat, or the whole event when none was chosen.
 *
 * @example
 * c.body(mySessionsIcs(view, publicUrl), 200, { 'content-type': 'text/calendar; charset=utf-8' })
 */
export function mySessionsIcs(view: RegistrationView, publicUrl: string): string {
  const held = view.sessions.filter((s) => s.status === 'confirmee').map((s) => s.id);
  return registrationCalendar(view.event, publicUrl, held);
}
