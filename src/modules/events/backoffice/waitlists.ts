import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/** One person in a waiting line, at their rank (first come, first served). */
export interface WaitingEntry {
  rank: number;
  registrationId: string;
  name: string;
  email: string;
  profile: string;
  mode: string;
  /** `attente`, or `offre` while a freed seat is offered to them until `offerExpiresAt`. */
  status: string;
  offerExpiresAt: string | null;
  since: string;
}

export interface SessionLine {
  sessionId: string;
  title: string;
  startsAt: string;
  capacity: number | null;
  confirmed: number;
  entries: WaitingEntry[];
}

/**
 * The event's waiting list and each session's, in the order seats will be offered: by the time people
 * joined (the registration engine offers in that order), offers in progress included.
 *
 * @example
 * const { event, sessions } = await waitingLists(db, 'journee-2023');
 */
export async function waitingLists(db: Kysely<Database>, eventId: string) {
  const eventRows = await db
    .selectFrom('registration')
    .select([
      'id',
      'given_name',
      'family_name',
      'email',
      'profile',
      'mode',
      'status',
      'offer_expires_at',
      'created_at',
    ])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['attente', 'offre'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const sessionRows = await db
    .selectFrom('registration_session as rs')
    .innerJoin('registration as r', 'r.id', 'rs.registration_id')
    .innerJoin('event_session as s', 's.id', 'rs.session_id')
    .select([
      's.id as session_id',
      's.title',
      's.starts_at',
      's.capacity',
      'rs.status',
      'rs.offer_expires_at',
      'rs.created_at',
      'r.id',
      'r.given_name',
      'r.family_name',
      'r.email',
      'r.profile',
      'r.mode',
    ])
    .where('s.event_id', '=', eventId)
    .where('rs.status', 'in', ['attente', 'offre', 'confirmee'])
    .where('r.status', 'not in', ['annulee', 'refusee'])
    .orderBy('s.starts_at')
    .orderBy('s.sort_order')
    .orderBy('rs.created_at')
    .orderBy('r.id')
    .execute();
  const sessions = new Map<string, SessionLine>();
  for (const row of sessionRows) {
    const line = sessions.get(row.session_id) ?? {
      sessionId: row.session_id,
      title: row.title,
      startsAt: row.starts_at,
      capacity: row.capacity,
      confirmed: 0,
      entries: [],
    };
    if (row.status === 'confirmee') line.confirmed += 1;
    else
      line.entries.push(
        entry(row, line.entries.length + 1, row.status, row.offer_expires_at, row.created_at),
      );
    sessions.set(row.session_id, line);
  }
  return {
    event: eventRows.map((r, i) => entry(r, i + 1, r.status, r.offer_expires_at, r.created_at)),
    sessions: [...sessions.values()].filter((s) => s.entries.length > 0 || s.capacity !== null),
  };
}

function entry(
  r: { id: string; given_name: string; family_name: string; email: string; profile: string; mode: string },
  rank: number,
  status: string,
  offerExpiresAt: string | null,
  since: string,
): WaitingEntry {
  return {
    rank,
    registrationId: r.id,
    name: `${r.given_name} ${r.family_name}`.trim(),
    email: r.email,
    profile: r.profile,
    mode: r.mode,
    status,
    offerExpiresAt,
    since,
  };
}
