/**
 * The events core's use cases: an organiser creates, edits, publishes and archives an event; visitors read the
 * published ones. The programme's use cases (rooms, sessions, questions, rules, invitations) are in
 * `programme/programme.service.ts` and come with this service. Every change is written to the audit log once
 * it has committed, and tells the listeners (the page cache) that public pages changed.
 */
import type { Clock } from '../../ports/clock.js';
import { slugify } from '../../shared/slug.js';
import {
  type EventRecord,
  type EventStatus,
  type ProgrammeSession,
  type Room,
  visibleSessions,
} from './events.domain.js';
import type { EventsRepository } from './events.repository.js';
import type { EventInput } from './events.schemas.js';
import { createProgrammeService } from './programme/programme.service.js';
import { type AuditRecord, type Author, EventsNotFoundError, type Result } from './programme/results.js';

export { type AuditRecord, type Author, EventsNotFoundError, type Result } from './programme/results.js';

export interface EventsServiceDeps {
  repo: EventsRepository;
  clock: Clock;
  audit: (event: AuditRecord) => Promise<void>;
}

/** What the public page of an event shows: the event, its rooms and the sessions this viewer may see. */
export interface PublicProgramme {
  event: EventRecord;
  rooms: Room[];
  sessions: ProgrammeSession[];
}

const PUBLIC_STATUSES: readonly EventStatus[] = ['publie', 'archive'];

/**
 * @example
 * const service = createEventsService({ repo, clock, audit: (e) => accounts.repo.audit(e) });
 * const created = await service.createEvent(author, input); // { ok: true, value: { id: 'journee-…-2027', … } }
 */
export function createEventsService(deps: EventsServiceDeps) {
  const { repo, clock } = deps;
  const listeners: Array<() => void> = [];
  const now = () => clock.now().toISOString();

  /** Audits a committed change and tells the listeners that public pages changed. */
  async function changed(
    author: Author,
    action: string,
    eventId: string,
    details: Record<string, unknown> = {},
  ) {
    await deps.audit({
      at: now(),
      actorId: author.id,
      actorLabel: author.label,
      action,
      targetType: 'evenement',
      targetId: eventId,
      details,
      ip: author.ip,
    });
    for (const listener of listeners) listener();
  }

  async function requireEvent(id: string): Promise<EventRecord> {
    const event = await repo.eventById(id);
    if (!event) throw new EventsNotFoundError();
    return event;
  }

  /** A free address for a new event: its title's slug, with the year unless the title says it. */
  async function freeId(title: string, startsAt: string): Promise<string> {
    const year = startsAt.slice(0, 4);
    let base = slugify(title).slice(0, 70).replace(/-+$/, '') || 'evenement';
    if (!base.includes(year)) base = `${base}-${year}`;
    for (let n = 1; n < 1000; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!(await repo.eventExists(id))) return id;
    }
    return `${base}-${crypto.randomUUID().slice(0, 8)}`;
  }

  const service = {
    /** Registers a listener told after every change (the app clears its page cache). */
    onChange(listener: () => void) {
      listeners.push(listener);
    },

    /** An event by its id, whatever its status (organisers' pages), or null. */
    event: (id: string) => repo.eventById(id),

    /** Every event, soonest first: the organisers' list (the route keeps those the actor may organise). */
    allEvents: () => repo.listEvents({}),

    /**
     * The public list: published events not yet over, soonest first, and past ones (published or archived), most
     * recent first.
     */
    async publicListing(): Promise<{ upcoming: EventRecord[]; past: EventRecord[] }> {
      const at = now();
      const [upcoming, past] = await Promise.all([
        repo.listEvents({ statuses: ['publie'], endingFrom: at }),
        repo.listEvents({ statuses: PUBLIC_STATUSES, endingBefore: at, newestFirst: true, limit: 100 }),
      ]);
      return { upcoming, past };
    },

    /**
     * A published (or archived) event with the sessions a viewer may see: the open ones, the closed ones the
     * viewer's e-mail is invited to, and every one when `everything` (the event's organisers). Null when the
     * event is not public and `everything` is false.
     *
     * @example
     * await service.publicProgramme('journee-numerique-et-territoires-2023', { email: null }) // no closed session
     */
    async publicProgramme(
      id: string,
      viewer: { email: string | null; everything?: boolean },
    ): Promise<PublicProgramme | null> {
      const event = await repo.eventById(id);
      if (!event || (!PUBLIC_STATUSES.includes(event.status) && !viewer.everything)) return null;
      const [rooms, sessions, invited] = await Promise.all([
        repo.roomsOf(id),
        repo.sessionsOf(id),
        viewer.email && !viewer.everything ? repo.invitedSessionIds(id, viewer.email) : Promise.resolve([]),
      ]);
      const shown = viewer.everything ? sessions : visibleSessions(sessions, new Set(invited));
      return { event, rooms, sessions: shown };
    },

    /**
     * Creates a draft event; its address is made from its title and year.
     *
     * @example
     * await service.createEvent(author, input) // { ok: true, value: { id: 'journee-numerique-et-territoires-2027', status: 'brouillon', … } }
     */
    async createEvent(author: Author, input: EventInput): Promise<Result<EventRecord>> {
      const at = now();
      const event: EventRecord = {
        ...input,
        id: await freeId(input.title, input.startsAt),
        status: 'brouillon',
        demonstration: false,
        createdBy: author.id,
        createdAt: at,
        updatedAt: at,
      };
      await repo.insertEvent(event);
      await changed(author, 'evenement-cree', event.id, { titre: event.title });
      return { ok: true, value: event };
    },

    /**
     * Replaces the event's fields. Refused, on the dates, when sessions of the programme would fall outside
     * the new times: they must be moved first, so that the programme never contradicts the event.
     */
    async updateEvent(author: Author, id: string, input: EventInput): Promise<Result<EventRecord>> {
      const result = await repo.transaction(async (r): Promise<Result<EventRecord>> => {
        const current = await r.eventById(id);
        if (!current) throw new EventsNotFoundError();
        const outside = (await r.sessionsOf(id)).filter(
          (s) => s.startsAt < input.startsAt || s.endsAt > input.endsAt,
        );
        if (outside.length > 0) {
          const names = outside.map((s) => `« ${s.title} »`).join(', ');
          return {
            ok: false,
            errors: {
              start: `Ces dates laisseraient hors de l’événement ${outside.length > 1 ? 'les sessions' : 'la session'} ${names} : déplacez-${outside.length > 1 ? 'les' : 'la'} d’abord dans le programme.`,
            },
          };
        }
        const event: EventRecord = { ...current, ...input, updatedAt: now() };
        await r.updateEvent(event);
        return { ok: true, value: event };
      });
      if (result.ok) await changed(author, 'evenement-modifie', id, { titre: result.value.title });
      return result;
    },

    /** Publishes a draft (or an archived event again): its page and registration become public. */
    async publishEvent(author: Author, id: string): Promise<Result<EventRecord>> {
      return moveTo(author, id, ['brouillon', 'archive'], 'publie', 'evenement-publie');
    },

    /** Archives an event: it stays readable in the past events but is no longer announced. */
    async archiveEvent(author: Author, id: string): Promise<Result<EventRecord>> {
      return moveTo(author, id, ['brouillon', 'publie'], 'archive', 'evenement-archive');
    },

    ...createProgrammeService({ repo, clock, requireEvent, changed }),
  };

  async function moveTo(
    author: Author,
    id: string,
    from: EventStatus[],
    to: EventStatus,
    action: string,
  ): Promise<Result<EventRecord>> {
    await requireEvent(id);
    // Conditional: two organisers clicking at once publish once, and the second is told.
    if (!(await repo.changeStatus(id, from, to, now()))) {
      return { ok: false, errors: { status: 'L’événement a déjà changé d’état : rechargez la page.' } };
    }
    await changed(author, action, id);
    return { ok: true, value: await requireEvent(id) };
  }

  return service;
}

export type EventsService = ReturnType<typeof createEventsService>;
