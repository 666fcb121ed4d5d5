/**
 * Rows of the events core's tables to records and back: 0/1 to booleans, JSON text to arrays, PostgreSQL's
 * numbers (which may come back as text from some drivers) to numbers.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type {
  EventQuestionTable,
  EventRoomTable,
  EventSessionTable,
  EventTable,
} from '../../../adapters/db/tables/events.js';
import type {
  EventRecord,
  EventStatus,
  ProgrammeSession,
  Question,
  QuestionKind,
  Room,
  SessionKind,
} from '../events.domain.js';

/**
 * Session rows with their speakers, in one query for all of them.
 *
 * @example
 * const sessions = await withSpeakers(db, rows);
 */
export async function withSpeakers(
  db: Kysely<Database>,
  rows: Array<Selectable<EventSessionTable>>,
): Promise<ProgrammeSession[]> {
  if (rows.length === 0) return [];
  const speakers = await db
    .selectFrom('session_speaker')
    .selectAll()
    .where(
      'session_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('session_id')
    .orderBy('sort_order')
    .execute();
  const bySession = new Map<string, ProgrammeSession['speakers']>();
  for (const s of speakers) {
    const list = bySession.get(s.session_id) ?? [];
    list.push({ name: s.name, role: s.role, organisation: s.organisation });
    bySession.set(s.session_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    roomId: r.room_id,
    title: r.title,
    kind: r.kind as SessionKind,
    description: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    capacity: r.capacity === null ? null : Number(r.capacity),
    closed: Number(r.closed) === 1,
    sortOrder: Number(r.sort_order),
    speakers: bySession.get(r.id) ?? [],
  }));
}

/**
 * Writes a session's speakers in their order.
 *
 * @example
 * await insertSpeakers(trx, session);
 */
export async function insertSpeakers(db: Kysely<Database>, session: ProgrammeSession) {
  if (session.speakers.length === 0) return;
  await db
    .insertInto('session_speaker')
    .values(
      session.speakers.map((s, i) => ({
        id: randomUUID(),
        session_id: session.id,
        name: s.name,
        role: s.role,
        organisation: s.organisation,
        sort_order: i,
      })),
    )
    .execute();
}

/**
 * An event as its row.
 *
 * @example
 * await db.insertInto('event').values(eventRow(event)).execute();
 */
export function eventRow(e: EventRecord): EventTable {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    audience: e.audience,
    practical_info: e.practicalInfo,
    starts_at: e.startsAt,
    ends_at: e.endsAt,
    venue_name: e.venueName,
    address: e.address,
    in_person: e.inPerson ? 1 : 0,
    remote: e.remote ? 1 : 0,
    video_url: e.videoUrl,
    registration_opens_at: e.registrationOpensAt,
    registration_closes_at: e.registrationClosesAt,
    capacity_total: e.capacityTotal,
    capacity_in_person: e.capacityInPerson,
    capacity_remote: e.capacityRemote,
    offer_hours: e.offerHours,
    retention_months: e.retentionMonths,
    status: e.status,
    demonstration: e.demonstration ? 1 : 0,
    created_by: e.createdBy,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

export const nullableNumber = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * A row as an event.
 *
 * @example
 * eventFromRow(row).inPerson // true for in_person = 1
 */
export function eventFromRow(r: Selectable<EventTable>): EventRecord {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    audience: r.audience,
    practicalInfo: r.practical_info,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    venueName: r.venue_name,
    address: r.address,
    inPerson: Number(r.in_person) === 1,
    remote: Number(r.remote) === 1,
    videoUrl: r.video_url,
    registrationOpensAt: r.registration_opens_at,
    registrationClosesAt: r.registration_closes_at,
    capacityTotal: nullableNumber(r.capacity_total),
    capacityInPerson: nullableNumber(r.capacity_in_person),
    capacityRemote: nullableNumber(r.capacity_remote),
    offerHours: Number(r.offer_hours),
    retentionMonths: Number(r.retention_months),
    status: r.status as EventStatus,
    demonstration: Number(r.demonstration) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * A room as its row.
 *
 * @example
 * await db.insertInto('event_room').values(roomRow(room)).execute();
 */
export function roomRow(r: Room): EventRoomTable {
  return { id: r.id, event_id: r.eventId, name: r.name, capacity: r.capacity, sort_order: r.sortOrder };
}

/**
 * A row as a room.
 *
 * @example
 * roomFromRow(row).capacity // null or a number
 */
export function roomFromRow(r: Selectable<EventRoomTable>): Room {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    capacity: nullableNumber(r.capacity),
    sortOrder: Number(r.sort_order),
  };
}

/**
 * A session as its row (speakers apart).
 *
 * @example
 * await db.insertInto('event_session').values(sessionRow(session)).execute();
 */
export function sessionRow(s: ProgrammeSession): EventSessionTable {
  return {
    id: s.id,
    event_id: s.eventId,
    room_id: s.roomId,
    title: s.title,
    kind: s.kind,
    description: s.description,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    capacity: s.capacity,
    closed: s.closed ? 1 : 0,
    sort_order: s.sortOrder,
  };
}

/**
 * A question as its row, its choices as JSON.
 *
 * @example
 * questionRow(q).choices // '["A","B"]'
 */
export function questionRow(q: Question): EventQuestionTable {
  return {
    id: q.id,
    event_id: q.eventId,
    label: q.label,
    kind: q.kind,
    choices: JSON.stringify(q.choices),
    required: q.required ? 1 : 0,
    sort_order: q.sortOrder,
  };
}

/**
 * A row as a question; broken JSON gives no choices.
 *
 * @example
 * questionFromRow(row).choices // ['A', 'B']
 */
export function questionFromRow(r: Selectable<EventQuestionTable>): Question {
  let choices: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.choices);
    if (Array.isArray(parsed)) choices = parsed.filter((c): c is string => typeof c === 'string');
  } catch {
    // A row written by hand with broken JSON: no choices rather than a broken page.
  }
  return {
    id: r.id,
    eventId: r.event_id,
    label: r.label,
    kind: r.kind as QuestionKind,
    choices,
    required: Number(r.required) === 1,
    sortOrder: Number(r.sort_order),
  };
}
