/**
 * Espace de rencontres: stands of State teams at an event, their slots, and the meetings participants book
 * with them (first come first served, by request, or assigned by the organiser).
 *
 * Glossary:
 * - espace de rencontres: an event's forum of stands (`meeting_space`, one per event), in one of two modes:
 *   `libre` (participants book) or `planifie` (they rank stands, the organiser assigns and publishes).
 * - stand: a State team or programme receiving participants; `membre`: one of its people, known by e-mail.
 * - lieu: a room or a table, with how many meetings it holds at once.
 * - créneau: a time a member receives one participant, or a small group (capacity N).
 * - rendez-vous: a booking; `demandee` (a request holding the slot until the stand answers), `confirmee`,
 *   `refusee` (declined), `annulee` (cancelled by either side or the organiser).
 * - indisponibilité: a period a member cannot receive anyone.
 * - classement: a participant's ranked stands; affectation: the organiser's assignment computed from them.
 * - participant: a confirmed registration of the event (the events module's), in person.
 *
 * Tables read from other modules (read only, through this module's own queries): `event` and `registration`
 * (store/event-reads.ts), `laureat`, `laureat_theme`, `laureat_coporteur` (store/fund-reads.ts).
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { Outbox } from '../../ports/outbox.js';
import type { AccountsModule } from '../accounts/index.js';
import type { TerritoriesModule } from '../territories/index.js';
import { bookSlot } from './booking/book.js';
import { answerRequest, cancelMeeting } from './booking/change.js';
import { markUnavailable } from './booking/unavailability.js';
import { seedDemoMeetings } from './demo/seed.js';
import type { MeetingsDeps } from './deps.js';
import { linkRoutes } from './routes/links.routes.js';
import { memberRoutes } from './routes/member.routes.js';
import { organiserRoutes } from './routes/organiser.routes.js';
import { participantRoutes } from './routes/participant.routes.js';
import { saveRanking } from './scheduling/rankings.js';
import { publishRun, runAssignment } from './scheduling/runs.js';
import { forgetMembers } from './store/forget.js';
import { spaceOfEvent } from './store/reads.js';

export type { BookOutcome } from './booking/book.js';
export { assign } from './scheduling/assign.js';
export { greedyBaseline } from './scheduling/greedy.js';

/**
 * Builds the meetings module.
 *
 * @example
 * const meetings = createMeetingsModule({ db, dialect, clock, outbox, storage, publicUrl, territories, audit });
 * app.route('/', meetings.routes);
 */
export function createMeetingsModule(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  outbox: Outbox;
  storage: FileStorage;
  publicUrl: string;
  territories: TerritoriesModule;
  /** The platform's audit log (the accounts module's). */
  audit: AccountsModule['repo']['audit'];
}) {
  const listeners: Array<() => void> = [];
  const core: MeetingsDeps = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    outbox: deps.outbox,
    publicUrl: deps.publicUrl.replace(/\/$/, ''),
    audit: (event) => deps.audit(event),
  };
  const routes = new Hono<AppEnv>();
  // An organiser's change may add or remove a space from the public list of spaces (a cached page).
  routes.use('/organisation/evenements/:id/rencontres/*', async (c, next) => {
    await next();
    if (c.req.method === 'POST' && c.res.status < 400) for (const l of listeners) l();
  });
  routes.route('/', linkRoutes(core));
  routes.route('/', participantRoutes(core));
  routes.route('/', memberRoutes(core));
  routes.route('/', organiserRoutes(core));
  const navigation: NavItem[] = [{ label: 'Rencontres', href: '/rencontres' }];
  return {
    routes,
    navigation,
    /** The use cases, for the command line, tests and benches (the routes call the same). */
    service: {
      bookSlot: (input: Parameters<typeof bookSlot>[1]) => bookSlot(core, input),
      answerRequest: (input: Parameters<typeof answerRequest>[1]) => answerRequest(core, input),
      cancelMeeting: (input: Parameters<typeof cancelMeeting>[1]) => cancelMeeting(core, input),
      markUnavailable: (input: Parameters<typeof markUnavailable>[1]) => markUnavailable(core, input),
      saveRanking: (input: Parameters<typeof saveRanking>[1]) => saveRanking(core, input),
      runAssignment: (...a: Parameters<typeof runAssignment> extends [unknown, ...infer R] ? R : never) =>
        runAssignment(core, ...a),
      publishRun: (...a: Parameters<typeof publishRun> extends [unknown, ...infer R] ? R : never) =>
        publishRun(core, ...a),
    },
    /** The link to an event's espace de rencontres, for the event's public page, when it has one. */
    async eventPageLinks(eventId: string) {
      const space = await spaceOfEvent(deps.db, eventId);
      return space
        ? [{ href: `/evenements/${encodeURIComponent(eventId)}/rencontres`, label: 'Espace de rencontres' }]
        : [];
    },
    /** Called after every write that changes a public page. */
    onChange(listener: () => void) {
      listeners.push(listener);
    },
    /**
     * The retention purge's share here: the stand members of events past their retention period become
     * anonymous (see store/forget.ts). Idempotent, for the hourly upkeep.
     */
    forgetPurged: (eventIds: readonly string[]) => forgetMembers(deps.db, eventIds),
    /** Loads the demonstration espace de rencontres of the demo Journées (2023 and 2027), once. */
    async seedDemo() {
      const created = await seedDemoMeetings(deps.db, deps.clock.now().toISOString());
      if (created.length > 0) for (const l of listeners) l();
    },
  };
}

export type MeetingsModule = ReturnType<typeof createMeetingsModule>;
