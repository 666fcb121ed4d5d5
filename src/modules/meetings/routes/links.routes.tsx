/**
 * The addresses e-mails carry and the list of spaces: `/rencontres` (the events that have an espace de
 * rencontres), `/rencontres/acces/<jeton>` (opens a participant's or a member's space in this browser) and
 * `/rencontres/annulation/<jeton>` (cancels one meeting after a confirmation).
 */
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, can } from '../../accounts/index.js';
import { cancelMeeting } from '../booking/change.js';
import { tokenTarget } from '../booking/links.js';
import type { MeetingsDeps } from '../deps.js';
import { eventSummary, isActiveParticipant, registrationById } from '../store/event-reads.js';
import { agenda } from '../store/reads.js';
import { CancelLinkPage, type CancelState } from '../views/agenda-pages.js';
import { Demo } from '../views/parts.js';
import { organiserPath, rememberAccess, spacePath } from './http.js';

const expired = () =>
  new HTTPException(404, {
    message:
      'Ce lien n’est pas ou plus valable. Demandez un nouveau lien depuis la page de l’espace de rencontres de l’événement.',
  });

export function linkRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();

  app.get('/rencontres', async (c) => {
    const rows = await deps.db
      .selectFrom('meeting_space as m')
      .innerJoin('event as e', 'e.id', 'm.event_id')
      .select(['e.id', 'e.title', 'e.starts_at', 'e.demonstration'])
      .where('e.status', '<>', 'brouillon')
      .orderBy('e.starts_at', 'desc')
      .execute();
    const actor = actorOf(c);
    // Organisers find here the events whose espace de rencontres they may set up, with or without one yet.
    const organised = actor
      ? (
          await deps.db
            .selectFrom('event')
            .select(['id', 'title', 'starts_at'])
            .orderBy('starts_at', 'desc')
            .execute()
        ).filter((e) => can(actor, 'meetings:organise', { scope: `evenement:${e.id}` }))
      : [];
    return renderPage(
      c,
      { title: 'Espaces de rencontres', breadcrumb: [{ label: 'Espaces de rencontres' }], shareable: !actor },
      <>
        <h1>Espaces de rencontres</h1>
        <p>
          Pendant les événements du programme, rencontrez les équipes de l’État : choisissez un stand et
          réservez un créneau.
        </p>
        {rows.length === 0 ? (
          <p>Aucun événement n’a encore d’espace de rencontres.</p>
        ) : (
          <ul>
            {rows.map((e) => (
              <li>
                <a href={spacePath(e.id)}>{e.title}</a>, {formatDate(e.starts_at)}{' '}
                <Demo show={e.demonstration === 1} />
              </li>
            ))}
          </ul>
        )}
        {organised.length > 0 ? (
          <>
            <h2>Organiser</h2>
            <p>Les stands, lieux, créneaux et la planification des événements que vous organisez :</p>
            <ul>
              {organised.map((e) => (
                <li>
                  <a href={organiserPath(e.id)}>Espace de rencontres — {e.title}</a>,{' '}
                  {formatDate(e.starts_at)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>,
    );
  });

  app.get('/rencontres/acces/:token', async (c) => {
    const target = await tokenTarget(deps.db, c.req.param('token'), deps.clock.now().toISOString());
    if (!target) throw expired();
    if (target.purpose === 'acces-participant' && target.registrationId) {
      const p = await registrationById(deps.db, target.registrationId);
      if (!isActiveParticipant(p, target.eventId)) throw expired();
      await rememberAccess(c, target.eventId, { registrationId: target.registrationId });
      return c.redirect(spacePath(target.eventId, 'mon-agenda'), 303);
    }
    if (target.purpose === 'acces-membre' && target.memberId) {
      await rememberAccess(c, target.eventId, { memberId: target.memberId });
      return c.redirect(spacePath(target.eventId, 'equipe'), 303);
    }
    throw expired();
  });

  async function cancelPage(token: string) {
    const target = await tokenTarget(deps.db, token, deps.clock.now().toISOString());
    if (!target?.bookingId || !target.purpose.startsWith('annulation-')) throw expired();
    const [item] = await agenda(deps.db, target.eventId, { bookingId: target.bookingId });
    const event = await eventSummary(deps.db, target.eventId);
    if (!item || !event) throw expired();
    const side = target.purpose === 'annulation-participant' ? ('participant' as const) : ('membre' as const);
    return { target, item, event, side };
  }

  const render = async (
    c: Context<AppEnv>,
    found: Awaited<ReturnType<typeof cancelPage>>,
    state: CancelState,
  ) =>
    renderPage(
      c,
      {
        title: `Annuler un rendez-vous — ${found.event.title}`,
        breadcrumb: [{ label: 'Annuler un rendez-vous' }],
      },
      <CancelLinkPage
        event={found.event}
        item={found.item}
        side={found.side}
        state={state}
        csrf={await c.var.session.csrfToken()}
        action={c.req.path}
      />,
    );

  app.get('/rencontres/annulation/:token', async (c) => {
    const found = await cancelPage(c.req.param('token'));
    const live = found.item.status === 'confirmee' || found.item.status === 'demandee';
    const begun = deps.clock.now().toISOString() >= found.item.startsAt;
    return render(c, found, !live ? 'deja' : begun ? 'passe' : 'confirmer');
  });

  app.post('/rencontres/annulation/:token', async (c) => {
    const found = await cancelPage(c.req.param('token'));
    const outcome = await cancelMeeting(deps, {
      eventId: found.target.eventId,
      bookingId: found.item.bookingId,
      who:
        found.side === 'participant'
          ? { kind: 'participant', registrationId: found.item.registrationId }
          : { kind: 'membre', memberIds: [found.item.memberId] },
      reason: '',
    });
    const after = await cancelPage(c.req.param('token'));
    return render(c, after, outcome === 'fait' ? 'fait' : outcome === 'passe' ? 'passe' : 'deja');
  });

  return app;
}
