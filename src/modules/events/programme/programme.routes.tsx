/**
 * The programme's organiser pages: the sessions (list, add, edit, remove), invitations to a closed session,
 * rooms, questions and rules per profile. Each POST either redirects to the page it came from with a message,
 * or renders its form again (422) with the errors on the fields and every value as typed.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { EVENT_ID } from '../events.public.routes.js';
import { fieldErrors, parseInvitations, sessionFormSchema } from '../events.schemas.js';
import type { EventsService } from '../events.service.js';
import { InvitationsPage } from '../views/organiser/access-pages.js';
import { organiserPath } from '../views/organiser/organiser-layout.js';
import { DeleteSession, ProgrammeList, SessionForm } from '../views/organiser/programme-pages.js';
import { sessionValues } from '../views/organiser/values.js';
import {
  authorOf,
  checkId,
  ITEM_ID,
  organiseEvent,
  readForm,
  renderOrganiserPage,
} from './organiser-http.js';
import { settingsOrganiserRoutes } from './settings.routes.js';
import { eventDays } from './timetable.js';

const BASE = '/organisation/evenements/:id';

/**
 * The programme editor and the invitations to closed sessions, for an event's organisers (rooms, questions
 * and rules come with them).
 *
 * @example
 * app.route('/', programmeOrganiserRoutes({ service }));
 */
export function programmeOrganiserRoutes(deps: { service: EventsService }) {
  const app = new Hono<AppEnv>();
  const { service } = deps;
  const eventId = (c: Context<AppEnv>) => checkId(c.req.param('id'), EVENT_ID);
  const sessionId = (c: Context<AppEnv>) => checkId(c.req.param('sessionId'), ITEM_ID);

  app.get(`${BASE}/programme`, organiseEvent, async (c) => {
    const { event, rooms, sessions } = await service.programme(eventId(c));
    return renderOrganiserPage(
      c,
      { event, section: 'programme', title: 'Programme' },
      <ProgrammeList eventId={event.id} sessions={sessions} rooms={rooms} />,
    );
  });

  /** The session form, new or existing, with what was typed and what is wrong with it. */
  async function sessionPage(
    c: Context<AppEnv>,
    id: string,
    session: { id: string; title: string } | null,
    values: Record<string, string>,
    errors: Record<string, string>,
    failed = false,
  ) {
    const { event, rooms } = await service.programme(id);
    const action = organiserPath(id, session ? `programme/${session.id}` : 'programme/nouvelle');
    const csrf = await c.var.session.csrfToken();
    const title = session ? `Session « ${session.title} »` : 'Ajouter une session';
    return renderOrganiserPage(
      c,
      { event, section: 'programme', title, failed },
      <>
        <SessionForm
          action={action}
          csrf={csrf}
          values={values}
          errors={errors}
          rooms={rooms}
          days={eventDays(event)}
          submit={session ? 'Enregistrer la session' : 'Ajouter la session'}
          cancelHref={organiserPath(id, 'programme')}
        />
        {session ? (
          <>
            <p class="fr-mt-4w">
              <a href={organiserPath(id, `programme/${session.id}/invitations`)}>
                Gérer les invitations à cette session
              </a>
            </p>
            <DeleteSession action={`${action}/supprimer`} csrf={csrf} title={session.title} />
          </>
        ) : null}
      </>,
    );
  }

  /** Saves the session form, or sends it back: with errors, or with three more speaker lines when asked. */
  async function saveSession(c: Context<AppEnv>, existing: { id: string; title: string } | null) {
    const id = eventId(c);
    const form = await readForm(c);
    if (form._action === 'lignes') {
      const rows = Number.parseInt(form.speakerRows ?? '', 10);
      return sessionPage(
        c,
        id,
        existing,
        { ...form, speakerRows: String((Number.isFinite(rows) ? rows : 3) + 3) },
        {},
      );
    }
    const parsed = sessionFormSchema.safeParse(form);
    if (!parsed.success) return sessionPage(c, id, existing, form, fieldErrors(parsed.error), true);
    const result = existing
      ? await service.updateSession(authorOf(c), id, existing.id, parsed.data)
      : await service.addSession(authorOf(c), id, parsed.data);
    if (!result.ok) return sessionPage(c, id, existing, form, result.errors, true);
    return c.redirect(
      `${organiserPath(id, 'programme')}?message=${existing ? 'enregistre' : 'session-ajoutee'}`,
      303,
    );
  }

  app.get(`${BASE}/programme/nouvelle`, organiseEvent, async (c) => {
    const id = eventId(c);
    const event = await service.programme(id);
    const day = eventDays(event.event)[0]?.value ?? '';
    return sessionPage(c, id, null, { day, kind: 'intervention' }, {});
  });
  app.post(`${BASE}/programme/nouvelle`, organiseEvent, (c) => saveSession(c, null));

  app.get(`${BASE}/programme/:sessionId`, organiseEvent, async (c) => {
    const session = await service.session(eventId(c), sessionId(c));
    return sessionPage(c, session.eventId, session, sessionValues(session), {});
  });
  app.post(`${BASE}/programme/:sessionId`, organiseEvent, async (c) => {
    const session = await service.session(eventId(c), sessionId(c));
    return saveSession(c, session);
  });
  app.post(`${BASE}/programme/:sessionId/supprimer`, organiseEvent, async (c) => {
    const id = eventId(c);
    await service.deleteSession(authorOf(c), id, sessionId(c));
    return c.redirect(`${organiserPath(id, 'programme')}?message=session-supprimee`, 303);
  });

  /** The invitations page, with the report of a paste when there was one. */
  async function invitationsPage(
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    report: Parameters<typeof InvitationsPage>[0]['report'],
    failed = false,
  ) {
    const id = eventId(c);
    const session = await service.session(id, sessionId(c));
    const event = await service.event(id);
    if (!event) return c.notFound();
    const base = organiserPath(id, `programme/${session.id}/invitations`);
    return renderOrganiserPage(
      c,
      {
        event,
        section: 'programme',
        title: `Invitations à « ${session.title} »`,
        crumb: 'Invitations',
        failed,
      },
      <InvitationsPage
        session={session}
        invitations={await service.invitations(session.id)}
        action={base}
        removeAction={`${base}/retirer`}
        csrf={await c.var.session.csrfToken()}
        values={values}
        errors={errors}
        report={report}
      />,
    );
  }

  app.get(`${BASE}/programme/:sessionId/invitations`, organiseEvent, (c) => invitationsPage(c, {}, {}, null));

  app.post(`${BASE}/programme/:sessionId/invitations`, organiseEvent, async (c) => {
    const form = await readForm(c);
    const pasted = (form.emails ?? '').slice(0, 100_000);
    const { valid, invalid } = parseInvitations(pasted);
    if (valid.length === 0 && invalid.length === 0) {
      return invitationsPage(
        c,
        form,
        { emails: 'Collez au moins une adresse électronique, une par ligne.' },
        null,
        true,
      );
    }
    const result =
      valid.length > 0
        ? await service.invite(authorOf(c), eventId(c), sessionId(c), valid)
        : { ok: true as const, value: 0 };
    if (!result.ok) return invitationsPage(c, form, result.errors, null, true);
    // The invalid lines stay in the field, to be corrected; the valid ones are done.
    const left = invalid.map((i) => i.value).join('\n');
    const errors: Record<string, string> =
      invalid.length > 0
        ? { emails: `${invalid.length} ligne(s) ne sont pas des adresses électroniques : corrigez-les.` }
        : {};
    return invitationsPage(
      c,
      { emails: left },
      errors,
      { added: result.value, already: valid.length - result.value, invalid },
      invalid.length > 0,
    );
  });

  app.post(`${BASE}/programme/:sessionId/invitations/retirer`, organiseEvent, async (c) => {
    const id = eventId(c);
    const session = sessionId(c);
    const email = (await readForm(c)).email ?? '';
    await service.uninvite(authorOf(c), id, session, email);
    return c.redirect(
      `${organiserPath(id, `programme/${session}/invitations`)}?message=invitation-retiree`,
      303,
    );
  });

  app.route('/', settingsOrganiserRoutes({ service }));
  return app;
}
