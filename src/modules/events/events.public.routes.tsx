import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import type { Clock } from '../../ports/clock.js';
import { actorOf, can } from '../accounts/index.js';
import { type EventRecord, isRegistrationOpen, SESSION_KINDS } from './events.domain.js';
import type { EventsService } from './events.service.js';
import { sessionsIcs } from './ical.js';
import { EventListPage } from './views/public/event-list-page.js';
import { EventPage, eventPath, type RegistrationState } from './views/public/event-page.js';

/** An event's id as addresses carry it: a slug (anything else names no event). */
export const EVENT_ID = /^[a-z0-9](?:[a-z0-9-]{0,79})$/;

/**
 * The public event pages: the list, an event's page with its programme, and the programme as iCalendar and
 * JSON. Closed sessions appear only to the people invited to them (and the event's organisers), so a page is
 * shareable (cached for every visitor) only when nobody is logged in; the files never hold a closed session.
 *
 * @example
 * app.route('/', eventsPublicRoutes({ service, clock, publicUrl: 'https://numerique-territoires.example' }));
 */
/** Another module's links on an event's public page (e.g. its espace de rencontres), when it has some. */
export type EventPageLinks = (eventId: string) => Promise<Array<{ href: string; label: string }>>;

export function eventsPublicRoutes(deps: {
  service: EventsService;
  clock: Clock;
  publicUrl?: string;
  /** Read at each request: modules may add theirs after the routes are built. */
  pageLinks?: readonly EventPageLinks[];
}) {
  const app = new Hono<AppEnv>();
  const { service } = deps;

  app.get('/evenements', async (c) => {
    const { upcoming, past } = await service.publicListing();
    return renderPage(
      c,
      { title: 'Événements', breadcrumb: [{ label: 'Événements' }], shareable: true },
      <EventListPage upcoming={upcoming} past={past} />,
    );
  });
  app.get('/evenements/', (c) => c.redirect('/evenements', 301));

  app.get('/evenements/:id', async (c) => {
    const id = c.req.param('id');
    if (!EVENT_ID.test(id)) throw notFound();
    const actor = actorOf(c);
    const organiser = can(actor, 'events:organise', { scope: `evenement:${id}` });
    const programme = await service.publicProgramme(id, {
      email: actor?.person.email ?? null,
      everything: organiser,
    });
    if (!programme) throw notFound();
    const { event, rooms, sessions } = programme;
    const links = (await Promise.all((deps.pageLinks ?? []).map((provider) => provider(id)))).flat();
    return renderPage(
      c,
      {
        title: event.title,
        breadcrumb: [{ label: 'Événements', href: '/evenements' }, { label: event.title }],
        description: event.summary.slice(0, 160) || undefined,
        headLinks: [
          {
            rel: 'alternate',
            type: 'text/calendar',
            href: `${eventPath(id)}/programme.ics`,
            title: 'Programme (iCalendar)',
          },
          {
            rel: 'alternate',
            type: 'application/json',
            href: `${eventPath(id)}/programme.json`,
            title: 'Programme (JSON)',
          },
        ],
        // What a logged-in person sees may hold a session they are invited to: never shared with others.
        shareable: !actor,
      },
      <EventPage
        event={event}
        rooms={rooms}
        sessions={sessions}
        registration={registrationState(event, deps.clock.now())}
        organiser={organiser}
        invitedCount={organiser ? 0 : sessions.filter((s) => s.closed).length}
        links={links}
      />,
    );
  });

  app.get('/evenements/:id/programme.ics', async (c) => {
    const programme = await openProgramme(service, c.req.param('id'));
    const url = deps.publicUrl ? `${deps.publicUrl}${eventPath(programme.event.id)}` : undefined;
    const ics = sessionsIcs(programme.event, programme.sessions, { rooms: programme.rooms, url });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${programme.event.id}.ics"`,
    });
  });

  app.get('/evenements/:id/programme.json', async (c) => {
    const { event, rooms, sessions } = await openProgramme(service, c.req.param('id'));
    const roomName = new Map(rooms.map((r) => [r.id, r.name]));
    return c.json({
      evenement: {
        id: event.id,
        titre: event.title,
        resume: event.summary,
        public: event.audience,
        debut: event.startsAt,
        fin: event.endsAt,
        fuseauHoraire: 'Europe/Paris',
        lieu: event.inPerson ? event.venueName : null,
        adresse: event.inPerson ? event.address : null,
        presentiel: event.inPerson,
        aDistance: event.remote,
        inscriptions: {
          ouverture: event.registrationOpensAt,
          cloture: event.registrationClosesAt,
          ouvertes: isRegistrationOpen(event, deps.clock.now()),
        },
        adresseWeb: deps.publicUrl ? `${deps.publicUrl}${eventPath(event.id)}` : eventPath(event.id),
        demonstration: event.demonstration,
      },
      salles: rooms.map((r) => ({ id: r.id, nom: r.name, capacite: r.capacity })),
      sessions: sessions.map((s) => ({
        id: s.id,
        titre: s.title,
        type: s.kind,
        typeLibelle: SESSION_KINDS[s.kind] ?? s.kind,
        description: s.description,
        debut: s.startsAt,
        fin: s.endsAt,
        salle: s.roomId ? { id: s.roomId, nom: roomName.get(s.roomId) ?? null } : null,
        capacite: s.capacity,
        intervenants: s.speakers.map((sp) => ({
          nom: sp.name,
          fonction: sp.role,
          organisation: sp.organisation,
        })),
      })),
    });
  });

  return app;
}

/** The public files hold the open sessions of a public event: the same for everyone. */
async function openProgramme(service: EventsService, id: string) {
  if (!EVENT_ID.test(id)) throw notFound();
  const programme = await service.publicProgramme(id, { email: null });
  if (!programme) throw notFound();
  return { ...programme, sessions: programme.sessions.filter((s) => !s.closed) };
}

/**
 * Where registration stands now.
 *
 * @example
 * registrationState(event, new Date('2022-11-01T00:00Z')) // 'a-venir' for the Journée of 18 January 2023
 */
export function registrationState(event: EventRecord, now: Date): RegistrationState {
  if (isRegistrationOpen(event, now)) return 'ouvertes';
  const before = now.toISOString() < event.registrationOpensAt;
  return event.status !== 'archive' && before ? 'a-venir' : 'closes';
}

function notFound() {
  return new HTTPException(404, { message: 'Événement introuvable.' });
}
