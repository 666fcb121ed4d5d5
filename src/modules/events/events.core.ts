/**
 * The events core: events, their programme (rooms, sessions, speakers), the organiser's questions, the rules
 * per profile and the invitations to closed sessions; the public pages, the organisers' pages, the programme as
 * iCalendar and JSON, and the demonstration events. Registration, accreditation and check-in build on it.
 *
 * Glossary:
 * - événement: an event (`event`), addressed by a slug (`/evenements/<id>`).
 * - session: a slot of the programme (accueil, plénière, table ronde, intervention, forum, comité fermé).
 * - intervenant: a speaker of a session (name, role, organisation).
 * - session fermée: visible and open only to the people invited to it (`session_invitation`).
 * - règle de profil: what registration does with a profile (accepted, pending approval, refused) and its quota.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import { seedDemoEvent } from './demo/seed.js';
import { eventsOrganiserRoutes } from './events.organiser.routes.js';
import { type EventPageLinks, eventsPublicRoutes } from './events.public.routes.js';
import { createKyselyEventsRepository } from './events.repository.kysely.js';
import { type AuditRecord, createEventsService } from './events.service.js';
import { sessionsIcs } from './ical.js';

export { registrationState } from './events.public.routes.js';
export type { AuditRecord, Author, Result } from './events.service.js';
export { EventsNotFoundError } from './events.service.js';
export { sessionsIcs, sessionUid } from './ical.js';

export interface EventsCoreDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  /** Writes an entry of the audit log (the accounts module's `repo.audit`). Called once a change committed. */
  audit: (event: AuditRecord) => Promise<void>;
  /** The site's public address, for links in calendar files and the JSON feed (relative without it). */
  publicUrl?: string;
}

/**
 * Builds the events core from its adapters.
 *
 * @example
 * const events = createEventsCore({ db, dialect, clock, audit: (e) => accounts.repo.audit(e), publicUrl });
 * app.route('/', events.publicRoutes); app.route('/', events.organiserRoutes);
 * events.service.onChange(() => pageCache.clear());
 * await events.seedDemoEvent();
 */
export function createEventsCore(deps: EventsCoreDeps) {
  const repo = createKyselyEventsRepository(deps.db);
  const service = createEventsService({ repo, clock: deps.clock, audit: deps.audit });
  const navigation: NavItem[] = [{ label: 'Événements', href: '/evenements' }];
  const pageLinks: EventPageLinks[] = [];
  return {
    service,
    repo,
    publicRoutes: eventsPublicRoutes({ service, clock: deps.clock, publicUrl: deps.publicUrl, pageLinks }),
    /** Lets another module link its part of an event from the event's public page. */
    addPageLinks: (provider: EventPageLinks) => void pageLinks.push(provider),
    organiserRoutes: eventsOrganiserRoutes({ service, clock: deps.clock }),
    navigation,
    /** Creates (once) the demonstration events: the Journée of 18 January 2023 and its 2027 edition. */
    seedDemoEvent: () => seedDemoEvent(deps.db, { clock: deps.clock }),
    sessionsIcs,
  };
}

export type EventsCore = ReturnType<typeof createEventsCore>;
