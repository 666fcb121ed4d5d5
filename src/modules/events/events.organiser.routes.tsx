import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import type { Clock } from '../../ports/clock.js';
import { actorOf, authorize, can } from '../accounts/index.js';
import { EVENT_ID } from './events.public.routes.js';
import { eventFormSchema, fieldErrors } from './events.schemas.js';
import type { EventsService } from './events.service.js';
import {
  authorOf,
  checkId,
  handleErrors,
  organiseEvent,
  readForm,
  renderOrganiserPage,
} from './programme/organiser-http.js';
import { programmeOrganiserRoutes } from './programme/programme.routes.js';
import { EventForm, EventOverview, OrganiserEventList } from './views/organiser/event-pages.js';
import { ORGANISATION_BASE, organiserPath } from './views/organiser/organiser-layout.js';
import { eventValues, NEW_EVENT_VALUES } from './views/organiser/values.js';

/**
 * The organisers' pages: the list of events, creating one, an event's overview (publish, archive) and its
 * form; the programme's parts are in `programme/programme.routes.tsx`. Organisers with a platform-wide grant
 * (and administrators) see and create every event; an organiser of one event (`evenement:<id>`) sees it alone.
 * Every form works without JavaScript and comes back with its errors on the fields and its values kept.
 *
 * @example
 * app.route('/', eventsOrganiserRoutes({ service, clock }));
 */
export function eventsOrganiserRoutes(deps: { service: EventsService; clock: Clock }) {
  const app = new Hono<AppEnv>();
  const { service } = deps;
  handleErrors(app);

  app.get(ORGANISATION_BASE, async (c) => {
    const actor = actorOf(c);
    if (!actor) return c.redirect(`/connexion?retour=${encodeURIComponent(ORGANISATION_BASE)}`, 303);
    const everyone = can(actor, 'events:organise');
    // The policy answers per event, so that an organiser of one event finds it here without a global grant.
    const events = (await service.allEvents()).filter(
      (e) => everyone || can(actor, 'events:organise', { scope: `evenement:${e.id}` }),
    );
    if (!everyone && events.length === 0) {
      throw new HTTPException(403, {
        message:
          'Vous n’avez pas accès à cette page. Si vous pensez que c’est une erreur, contactez un administrateur.',
      });
    }
    return renderPage(
      c,
      { title: 'Organisation des événements', breadcrumb: [{ label: 'Organisation des événements' }] },
      <OrganiserEventList events={events} canCreate={everyone} />,
    );
  });

  app.get(`${ORGANISATION_BASE}/nouveau`, authorize('events:organise'), async (c) =>
    renderNewEvent(c, NEW_EVENT_VALUES, {}),
  );

  app.post(`${ORGANISATION_BASE}/nouveau`, authorize('events:organise'), async (c) => {
    const form = await readForm(c);
    const parsed = eventFormSchema.safeParse(form);
    if (!parsed.success) return renderNewEvent(c, form, fieldErrors(parsed.error), 422);
    const created = await service.createEvent(authorOf(c), parsed.data);
    if (!created.ok) return renderNewEvent(c, form, created.errors, 422);
    return c.redirect(`${organiserPath(created.value.id)}?message=cree`, 303);
  });

  async function renderNewEvent(
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) {
    return renderPage(
      c,
      {
        title: 'Créer un événement',
        breadcrumb: [
          { label: 'Organisation des événements', href: ORGANISATION_BASE },
          { label: 'Créer un événement' },
        ],
        status,
      },
      <>
        <h1>Créer un événement</h1>
        <p>
          L’événement est créé en brouillon : vous ajouterez ensuite ses salles, son programme et ses règles
          d’inscription, puis le publierez. Les heures sont celles de Paris.
        </p>
        <EventForm
          action={`${ORGANISATION_BASE}/nouveau`}
          csrf={await c.var.session.csrfToken()}
          values={values}
          errors={errors}
          submit="Créer l’événement"
        />
      </>,
    );
  }

  app.get(`${ORGANISATION_BASE}/:id`, organiseEvent, async (c) => {
    const id = checkId(c.req.param('id'), EVENT_ID);
    const { event, rooms, sessions, questions } = await service.programme(id);
    return renderOrganiserPage(
      c,
      { event, section: 'apercu', title: event.title, crumb: undefined },
      <EventOverview
        event={event}
        counts={{
          rooms: rooms.length,
          sessions: sessions.length,
          closed: sessions.filter((s) => s.closed).length,
          questions: questions.length,
        }}
        csrf={await c.var.session.csrfToken()}
        errors={{}}
      />,
    );
  });

  for (const [path, move, message] of [
    ['publier', service.publishEvent, 'publie'],
    ['archiver', service.archiveEvent, 'archive'],
  ] as const) {
    app.post(`${ORGANISATION_BASE}/:id/${path}`, organiseEvent, async (c) => {
      const id = checkId(c.req.param('id'), EVENT_ID);
      const result = await move(authorOf(c), id);
      if (result.ok) return c.redirect(`${organiserPath(id)}?message=${message}`, 303);
      const { event, rooms, sessions, questions } = await service.programme(id);
      return renderOrganiserPage(
        c,
        { event, section: 'apercu', title: event.title, failed: true },
        <EventOverview
          event={event}
          counts={{ rooms: rooms.length, sessions: sessions.length, closed: 0, questions: questions.length }}
          csrf={await c.var.session.csrfToken()}
          errors={result.errors}
        />,
      );
    });
  }

  app.get(`${ORGANISATION_BASE}/:id/modifier`, organiseEvent, async (c) => {
    const id = checkId(c.req.param('id'), EVENT_ID);
    const event = await service.event(id);
    if (!event) throw new HTTPException(404);
    return renderOrganiserPage(
      c,
      { event, section: 'modifier', title: 'Informations de l’événement' },
      <EventForm
        action={organiserPath(id, 'modifier')}
        csrf={await c.var.session.csrfToken()}
        values={eventValues(event)}
        errors={{}}
        submit="Enregistrer"
      />,
    );
  });

  app.post(`${ORGANISATION_BASE}/:id/modifier`, organiseEvent, async (c) => {
    const id = checkId(c.req.param('id'), EVENT_ID);
    const event = await service.event(id);
    if (!event) throw new HTTPException(404);
    const form = await readForm(c);
    const parsed = eventFormSchema.safeParse(form);
    const result = parsed.success
      ? await service.updateEvent(authorOf(c), id, parsed.data)
      : ({ ok: false, errors: fieldErrors(parsed.error) } as const);
    if (result.ok) return c.redirect(`${organiserPath(id, 'modifier')}?message=enregistre`, 303);
    return renderOrganiserPage(
      c,
      { event, section: 'modifier', title: 'Informations de l’événement', failed: true },
      <EventForm
        action={organiserPath(id, 'modifier')}
        csrf={await c.var.session.csrfToken()}
        values={form}
        errors={result.errors}
        submit="Enregistrer"
      />,
    );
  });

  app.route('/', programmeOrganiserRoutes({ service }));
  return app;
}
