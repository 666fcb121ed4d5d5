/**
 * Événements: events and their programme, registration with eligibility, capacity and waiting lists, press
 * accreditation, the organisers' back office, badges and check-in.
 *
 * Glossary:
 * - inscription: a registration; `validation` waits for the organiser, `attente` is the waiting list,
 *   `offre` a freed seat offered for a limited time.
 * - jauge: a capacity (event, attendance mode, profile quota, session).
 * - accréditation: a journalist's request to attend as press.
 * - émargement: check-in at the door, from the badge's signed QR code.
 * - comité fermé: a session open to invited people only.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { OutboxAdmin } from '../../adapters/mail/index.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { Outbox } from '../../ports/outbox.js';
import type { TerritoriesModule } from '../territories/index.js';
import { createEventsBackoffice, eventsPastRetention } from './events.backoffice.js';
import { type AuditRecord, createEventsCore } from './events.core.js';
import { createRegistration } from './events.registration.js';

/**
 * Builds the events module from its three parts: the programme and public pages, registration, and the back
 * office with check-in.
 *
 * @example
 * const events = createEventsModule({ db, dialect, clock, outbox, outboxAdmin, storage, publicUrl, territories, audit });
 * app.route('/', events.routes);
 */
/** The registration profiles, by code (the words other modules use for an audience). */
export { PROFILES } from './events.domain.js';
/** The module's e-mails that the outbox worker composes at sending (registration's, with the badges). */
export { eventMailComposers } from './registration/mail/composed.js';

export function createEventsModule(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  outbox: Outbox;
  outboxAdmin: OutboxAdmin;
  storage: FileStorage;
  publicUrl: string;
  territories: TerritoriesModule;
  audit: (event: AuditRecord) => Promise<void>;
}) {
  const core = createEventsCore({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    audit: deps.audit,
    publicUrl: deps.publicUrl,
  });
  const registration = createRegistration({
    db: deps.db,
    dialect: deps.dialect,
    outbox: deps.outbox,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    territories: deps.territories,
  });
  const backoffice = createEventsBackoffice({
    db: deps.db,
    dialect: deps.dialect,
    outbox: deps.outbox,
    outboxAdmin: deps.outboxAdmin,
    storage: deps.storage,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
  });
  const routes = new Hono<AppEnv>();
  routes.route('/', core.publicRoutes);
  routes.route('/', core.organiserRoutes);
  routes.route('/', registration.routes);
  routes.route('/', backoffice.routes);
  return {
    core,
    registration,
    backoffice,
    routes,
    navigation: core.navigation,
    seedDemoEvent: core.seedDemoEvent,
    /** Lets another module link its part of an event (e.g. the espace de rencontres) from the event's page. */
    addPageLinks: core.addPageLinks,
    /** Told after any change to an event or its programme (public pages to refresh). */
    onChange: (listener: () => void) => core.service.onChange(listener),
    /** Every minute: expired offers pass to the next person. */
    promote: (now: Date) => registration.timers.promote(now),
    /** The events whose retention period is over at `now` (their personal data purged, or none held). */
    pastRetention: (now: Date) => eventsPastRetention(deps.db, now),
    /** Every hour: reminders 7 days and 1 day before, and the retention purge of past events. */
    async housekeeping(now: Date) {
      await registration.timers.reminders(now);
      await backoffice.purge(now);
    },
  };
}

export type EventsModule = ReturnType<typeof createEventsModule>;
