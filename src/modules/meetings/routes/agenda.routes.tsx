/** A participant's agenda: the page, its .ics and PDF, and cancelling a meeting from it. */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { renderPage } from '../../../platform/ui/render.js';
import { cancelMeeting } from '../booking/change.js';
import type { MeetingsDeps } from '../deps.js';
import { agendaIcs } from '../documents/agenda-ics.js';
import { agendaPdf } from '../documents/agenda-pdf.js';
import { timeSpan } from '../paris-time.js';
import { agenda } from '../store/reads.js';
import { ParticipantAgendaPage } from '../views/agenda-pages.js';
import { EVENT_ID, idOf, messageOf, participantOf, publicSpace, spacePath } from './http.js';

export function agendaRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const base = '/evenements/:id/rencontres';

  /** The participant of this session, or the space's page (where they can get in). */
  async function me(c: Context<AppEnv>) {
    const eventId = idOf(c, 'id', EVENT_ID);
    const { event } = await publicSpace(deps, eventId);
    const participant = await participantOf(c, deps, eventId);
    return { eventId, event, participant };
  }

  async function agendaPage(c: Context<AppEnv>, error: string | null = null) {
    const { eventId, event, participant } = await me(c);
    if (!participant) return c.redirect(spacePath(eventId), 303);
    const items = await agenda(deps.db, eventId, { registrationId: participant.registrationId });
    return renderPage(
      c,
      {
        title: `Mon agenda de rendez-vous — ${event.title}`,
        breadcrumb: [
          { label: 'Espace de rencontres', href: spacePath(eventId) },
          { label: 'Mon agenda de rendez-vous' },
        ],
        status: error ? 422 : 200,
      },
      <ParticipantAgendaPage
        event={event}
        name={`${participant.givenName} ${participant.familyName}`}
        items={items}
        csrf={await c.var.session.csrfToken()}
        message={messageOf(c)}
        error={error}
      />,
    );
  }

  app.get(`${base}/mon-agenda`, (c) => agendaPage(c));

  app.get(`${base}/mon-agenda.ics`, async (c) => {
    const { eventId, event, participant } = await me(c);
    if (!participant) return c.redirect(spacePath(eventId), 303);
    const items = await agenda(deps.db, eventId, { registrationId: participant.registrationId, live: true });
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="mes-rendez-vous.ics"');
    c.header('cache-control', 'private, no-store');
    return c.body(
      agendaIcs(event.title, items, 'participant', `${deps.publicUrl}${spacePath(eventId, 'mon-agenda')}`),
    );
  });

  app.get(`${base}/mon-agenda.pdf`, async (c) => {
    const { eventId, event, participant } = await me(c);
    if (!participant) return c.redirect(spacePath(eventId), 303);
    const items = await agenda(deps.db, eventId, { registrationId: participant.registrationId, live: true });
    const pdf = await agendaPdf({
      title: `Rendez-vous de ${participant.givenName} ${participant.familyName}`,
      subtitle: `${event.title} — ${formatDate(event.startsAt)}`,
      demonstration: event.demonstration,
      sections: [
        {
          heading: 'Mes rendez-vous',
          empty: 'Aucun rendez-vous pour l’instant.',
          rows: items.map((i) => ({
            time: timeSpan(i.startsAt, i.endsAt),
            place: i.locationName,
            who: `${i.standName} (${i.memberName})`,
            detail: i.status === 'demandee' ? 'Demande en attente' : i.note,
          })),
        },
      ],
    });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', 'inline; filename="mes-rendez-vous.pdf"');
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(pdf));
  });

  app.post(`${base}/rendez-vous/:bookingId/annuler`, async (c) => {
    const { eventId, participant } = await me(c);
    const bookingId = idOf(c, 'bookingId');
    if (!participant) return c.redirect(spacePath(eventId), 303);
    const outcome = await cancelMeeting(deps, {
      eventId,
      bookingId,
      who: { kind: 'participant', registrationId: participant.registrationId },
      reason: '',
    });
    if (outcome === 'fait' || outcome === 'deja-traite' || outcome === 'passe') {
      return c.redirect(
        `${spacePath(eventId, 'mon-agenda')}?message=${outcome === 'fait' ? 'annule' : outcome}`,
        303,
      );
    }
    return agendaPage(c, 'Ce rendez-vous n’est pas l’un des vôtres : rien n’a été annulé.');
  });

  return app;
}
