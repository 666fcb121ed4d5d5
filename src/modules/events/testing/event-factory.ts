/**
 * Events, rooms and sessions with sensible defaults, for the tests of the three parts of the events module:
 * a test says only what matters to it. Defaults: a one-day event on Wednesday 20 January 2027 in Paris,
 * 9:00–16:30, in person and remote, published, registration open from 1 December 2026 to 8 January 2027.
 */
import { randomUUID } from 'node:crypto';
import type { EventRecord, ProgrammeSession, Room } from '../events.domain.js';
import type { EventsRepository } from '../events.repository.js';
import type { EventInput, SessionInput } from '../events.schemas.js';

/**
 * @example
 * anEvent({ id: 'atelier', capacityInPerson: 50 })
 */
export function anEvent(over: Partial<EventRecord> = {}): EventRecord {
  return {
    id: over.id ?? `evenement-${randomUUID().slice(0, 8)}`,
    title: 'Journée d’essai',
    summary: 'Une journée pour essayer.',
    audience: 'Agents des collectivités.',
    practicalInfo: 'Entrée libre.',
    startsAt: '2027-01-20T08:00:00.000Z',
    endsAt: '2027-01-20T15:30:00.000Z',
    venueName: 'DINUM',
    address: '20 avenue de Ségur, 75007 Paris',
    inPerson: true,
    remote: true,
    videoUrl: 'https://video.example.gouv.fr/essai',
    registrationOpensAt: '2026-12-01T08:00:00.000Z',
    registrationClosesAt: '2027-01-08T22:59:00.000Z',
    capacityTotal: null,
    capacityInPerson: 100,
    capacityRemote: null,
    offerHours: 48,
    retentionMonths: 6,
    status: 'publie',
    demonstration: false,
    createdBy: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...over,
  };
}

/**
 * The event form's output for the default event (what the service's `createEvent` takes).
 *
 * @example
 * await service.createEvent(author, anEventInput({ title: 'Atelier' }));
 */
export function anEventInput(over: Partial<EventInput> = {}): EventInput {
  const {
    id: _i,
    status: _s,
    demonstration: _d,
    createdBy: _c,
    createdAt: _a,
    updatedAt: _u,
    ...input
  } = anEvent();
  return { ...input, ...over };
}

/**
 * A room of an event.
 *
 * @example
 * aRoom('atelier', { name: 'Mezzanine Ségur' })
 */
export function aRoom(eventId: string, over: Partial<Room> = {}): Room {
  return { id: randomUUID(), eventId, name: 'Auditorium', capacity: null, sortOrder: 0, ...over };
}

/**
 * A session of the default event's day, 9:30–10:30 Paris time.
 *
 * @example
 * aSession('atelier', { closed: true, capacity: 20 })
 */
export function aSession(eventId: string, over: Partial<ProgrammeSession> = {}): ProgrammeSession {
  return {
    id: randomUUID(),
    eventId,
    roomId: null,
    title: 'Plénière',
    kind: 'pleniere',
    description: '',
    startsAt: '2027-01-20T08:30:00.000Z',
    endsAt: '2027-01-20T09:30:00.000Z',
    capacity: null,
    closed: false,
    sortOrder: 0,
    speakers: [],
    ...over,
  };
}

/**
 * The session form's output (what the service's `addSession` takes).
 *
 * @example
 * await service.addSession(author, id, aSessionInput({ closed: true }));
 */
export function aSessionInput(over: Partial<SessionInput> = {}): SessionInput {
  const { id: _i, eventId: _e, sortOrder: _s, ...input } = aSession('x');
  return { ...input, ...over };
}

/**
 * Stores an event with its rooms and sessions, straight through the repository (no audit).
 *
 * @example
 * const { event, sessions } = await givenEvent(repo, { capacityInPerson: 2 }, [{ capacity: 1 }]);
 */
export async function givenEvent(
  repo: EventsRepository,
  over: Partial<EventRecord> = {},
  sessions: Array<Partial<ProgrammeSession>> = [],
): Promise<{ event: EventRecord; sessions: ProgrammeSession[] }> {
  const event = anEvent(over);
  await repo.insertEvent(event);
  const stored: ProgrammeSession[] = [];
  for (const [i, s] of sessions.entries()) {
    const session = aSession(event.id, { sortOrder: i, ...s });
    await repo.insertSession(session);
    stored.push(session);
  }
  return { event, sessions: stored };
}
