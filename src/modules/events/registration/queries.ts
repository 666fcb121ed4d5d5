/**
 * Registration's reads and writes on the events tables. Every function takes the database it runs on: the
 * outer one for reads before a decision, the locked transaction for everything a decision counts or writes.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { type Mode, type Profile, type ProfileDecision, SEAT_STATUSES } from '../events.domain.js';
import { countsFrom, type EventLimits, type SeatCounts } from './capacity.js';

export interface SessionInfo {
  id: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  capacity: number | null;
  closed: boolean;
}

export interface QuestionInfo {
  id: string;
  label: string;
  kind: 'texte' | 'choix' | 'oui-non';
  choices: string[];
  required: boolean;
}

export interface RuleInfo {
  decision: ProfileDecision;
  quota: number | null;
  refusalReason: string | null;
}

/** What registration needs to know of an event: its window, modes, limits, programme, questions and rules. */
export interface EventContext {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string | null;
  address: string | null;
  inPerson: boolean;
  remote: boolean;
  videoUrl: string | null;
  opensAt: string;
  closesAt: string;
  offerHours: number;
  retentionMonths: number;
  status: string;
  updatedAt: string;
  limits: EventLimits;
  sessions: SessionInfo[];
  questions: QuestionInfo[];
  rules: Map<string, RuleInfo>;
}

/**
 * The event with its programme, questions and rules, or null when there is no such event.
 *
 * @example
 * const ctx = await loadEventContext(db, 'journee-2023'); ctx?.sessions.length
 */
export async function loadEventContext(db: Kysely<Database>, eventId: string): Promise<EventContext | null> {
  if (!eventId || eventId.length > 200) return null;
  const event = await db.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event) return null;
  const [sessions, questions, rules] = await Promise.all([
    db
      .selectFrom('event_session')
      .leftJoin('event_room', 'event_room.id', 'event_session.room_id')
      .select([
        'event_session.id',
        'event_session.title',
        'event_session.kind',
        'event_session.starts_at',
        'event_session.ends_at',
        'event_session.capacity',
        'event_session.closed',
        'event_room.name as room',
      ])
      .where('event_session.event_id', '=', eventId)
      .orderBy('event_session.starts_at')
      .orderBy('event_session.sort_order')
      .execute(),
    db
      .selectFrom('event_question')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('sort_order')
      .execute(),
    db.selectFrom('event_profile_rule').selectAll().where('event_id', '=', eventId).execute(),
  ]);
  const ruleMap = new Map<string, RuleInfo>();
  const quotas = new Map<string, number>();
  for (const r of rules) {
    ruleMap.set(r.profile, {
      decision: r.decision as ProfileDecision,
      quota: r.quota === null ? null : Number(r.quota),
      refusalReason: r.refusal_reason,
    });
    if (r.quota !== null) quotas.set(r.profile, Number(r.quota));
  }
  return {
    id: event.id,
    title: event.title,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    venueName: event.venue_name,
    address: event.address,
    inPerson: Number(event.in_person) === 1,
    remote: Number(event.remote) === 1,
    videoUrl: event.video_url,
    opensAt: event.registration_opens_at,
    closesAt: event.registration_closes_at,
    offerHours: Number(event.offer_hours),
    retentionMonths: Number(event.retention_months),
    status: event.status,
    updatedAt: event.updated_at,
    limits: limitsOf(event, quotas),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      room: s.room ?? null,
      capacity: s.capacity === null ? null : Number(s.capacity),
      closed: Number(s.closed) === 1,
    })),
    questions: questions.map((q) => ({
      id: q.id,
      label: q.label,
      kind: q.kind as QuestionInfo['kind'],
      choices: parseChoices(q.choices),
      required: Number(q.required) === 1,
    })),
    rules: ruleMap,
  };
}

function limitsOf(
  event: { capacity_total: number | null; capacity_in_person: number | null; capacity_remote: number | null },
  quotas: Map<string, number>,
): EventLimits {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    total: n(event.capacity_total),
    presentiel: n(event.capacity_in_person),
    distance: n(event.capacity_remote),
    quotas,
  };
}

function parseChoices(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The event's limits as they are now, read inside the lock: an organiser who lowers a capacity is obeyed by
 * the very next decision.
 */
export async function lockedLimits(
  trx: Kysely<Database>,
  eventId: string,
  quotas: ReadonlyMap<string, number>,
): Promise<EventLimits | null> {
  const row = await trx
    .selectFrom('event')
    .select(['capacity_total', 'capacity_in_person', 'capacity_remote'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  return row ? limitsOf(row, new Map(quotas)) : null;
}

/**
 * Seats held, from the rows, in one grouped query that the `registration_seats` index answers alone, and
 * whether anyone is waiting (`waiting` is then 1). `exceptId` leaves one registration out (the one being
 * re-decided).
 */
export async function countSeats(
  trx: Kysely<Database>,
  eventId: string,
  exceptId?: string,
): Promise<SeatCounts> {
  let seats = trx
    .selectFrom('registration')
    .select(['status', 'mode', 'profile', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .where('status', 'in', [...SEAT_STATUSES])
    .groupBy(['status', 'mode', 'profile']);
  if (exceptId) seats = seats.where('id', '<>', exceptId);
  const counts = countsFrom(await seats.execute(), SEAT_STATUSES);
  // Whether anyone waits, not how many: the line may be long, the answer needs one index entry.
  const waiting = await trx
    .selectFrom('registration')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'attente')
    .limit(1)
    .executeTakeFirst();
  counts.waiting = waiting ? 1 : 0;
  return counts;
}

/** Seats held per session (`confirmee` and open offers), for the sessions given. */
export async function sessionSeats(
  trx: Kysely<Database>,
  sessionIds: readonly string[],
  exceptRegistrationId?: string,
): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  if (sessionIds.length === 0) return held;
  let query = trx
    .selectFrom('registration_session')
    .select(['session_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('session_id', 'in', [...sessionIds])
    .where('status', 'in', ['confirmee', 'offre'])
    .groupBy('session_id');
  if (exceptRegistrationId) query = query.where('registration_id', '<>', exceptRegistrationId);
  for (const row of await query.execute()) held.set(row.session_id, Number(row.n));
  return held;
}

/** The live registration of an address for an event, if any (the partial unique index allows one). */
export function findLive(trx: Kysely<Database>, eventId: string, email: string) {
  return (
    trx
      .selectFrom('registration')
      .select(['id', 'status'])
      .where('event_id', '=', eventId)
      .where('email', '=', email)
      // Written out, not bound: only a literal predicate lets SQLite (and PostgreSQL's generic plans) prove it
      // implies the partial unique index's, and search that index instead of every row of the event.
      .where(sql<boolean>`status NOT IN ('annulee', 'refusee')`)
      .executeTakeFirst()
  );
}

/** The closed sessions of an event that this address was invited to. */
export async function invitedSessions(
  db: Kysely<Database>,
  eventId: string,
  email: string,
): Promise<Set<string>> {
  if (!email) return new Set();
  const rows = await db
    .selectFrom('session_invitation')
    .innerJoin('event_session', 'event_session.id', 'session_invitation.session_id')
    .select('session_invitation.session_id')
    .where('event_session.event_id', '=', eventId)
    .where('session_invitation.email', '=', email.toLowerCase())
    .execute();
  return new Set(rows.map((r) => r.session_id));
}

/** A registration row as the use cases read it. */
export interface RegistrationRow {
  id: string;
  eventId: string;
  personId: string | null;
  email: string;
  givenName: string;
  familyName: string;
  organisationName: string | null;
  profile: Profile;
  mode: Mode;
  status: string;
  offerExpiresAt: string | null;
  refusalReason: string | null;
  createdAt: string;
}

/** One registration by id. */
export async function registrationById(db: Kysely<Database>, id: string): Promise<RegistrationRow | null> {
  const r = await db.selectFrom('registration').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

export function toRow(r: {
  id: string;
  event_id: string;
  person_id: string | null;
  email: string;
  given_name: string;
  family_name: string;
  organisation_name: string | null;
  profile: string;
  mode: string;
  status: string;
  offer_expires_at: string | null;
  refusal_reason: string | null;
  created_at: string;
}): RegistrationRow {
  return {
    id: r.id,
    eventId: r.event_id,
    personId: r.person_id,
    email: r.email,
    givenName: r.given_name,
    familyName: r.family_name,
    organisationName: r.organisation_name,
    profile: r.profile as Profile,
    mode: r.mode as Mode,
    status: r.status,
    offerExpiresAt: r.offer_expires_at,
    refusalReason: r.refusal_reason,
    createdAt: r.created_at,
  };
}

/** A registration's sessions with their state. */
export async function sessionsOf(db: Kysely<Database>, registrationId: string) {
  return db
    .selectFrom('registration_session')
    .select(['session_id', 'status', 'offer_expires_at', 'created_at'])
    .where('registration_id', '=', registrationId)
    .execute();
}
