/**
 * The organiser pages of an event's rooms, questions to participants and rules per profile.
 */
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/context.js';
import type { EventRecord } from '../events.domain.js';
import { EVENT_ID } from '../events.public.routes.js';
import { fieldErrors, questionFormSchema, roomFormSchema, rulesFormSchema } from '../events.schemas.js';
import type { EventsService } from '../events.service.js';
import { RulesForm, rulesValues } from '../views/organiser/access-pages.js';
import type { Section } from '../views/organiser/organiser-layout.js';
import { organiserPath } from '../views/organiser/organiser-layout.js';
import {
  DeleteForm,
  QuestionForm,
  QuestionsList,
  RoomForm,
  RoomsList,
} from '../views/organiser/settings-pages.js';
import { questionValues } from '../views/organiser/values.js';
import {
  authorOf,
  checkId,
  ITEM_ID,
  organiseEvent,
  readForm,
  renderOrganiserPage,
} from './organiser-http.js';

const BASE = '/organisation/evenements/:id';
type Values = Record<string, string>;

/**
 * The rooms, questions and rules pages of an event, for its organisers.
 *
 * @example
 * app.route('/', settingsOrganiserRoutes({ service }));
 */
export function settingsOrganiserRoutes(deps: { service: EventsService }) {
  const app = new Hono<AppEnv>();
  const { service } = deps;
  const eventId = (c: Context<AppEnv>) => checkId(c.req.param('id'), EVENT_ID);
  const itemId = (c: Context<AppEnv>) => checkId(c.req.param('itemId'), ITEM_ID);

  async function page(
    c: Context<AppEnv>,
    section: Section,
    title: string,
    body: (event: EventRecord, csrf: string) => Promise<Child> | Child,
    failed = false,
    crumb?: string,
  ) {
    const event = await service.event(eventId(c));
    if (!event) return c.notFound();
    return renderOrganiserPage(
      c,
      { event, section, title, failed, crumb },
      await body(event, await c.var.session.csrfToken()),
    );
  }

  // ── Rooms ──
  const roomsPage = (c: Context<AppEnv>, values: Values, errors: Values, failed = false) =>
    page(
      c,
      'salles',
      'Salles',
      async (event, csrf) => (
        <>
          <RoomsList eventId={event.id} rooms={await service.rooms(event.id)} />
          <RoomForm
            action={organiserPath(event.id, 'salles')}
            csrf={csrf}
            values={values}
            errors={errors}
            submit="Ajouter la salle"
            heading="Ajouter une salle"
          />
        </>
      ),
      failed,
    );

  app.get(`${BASE}/salles`, organiseEvent, (c) => roomsPage(c, {}, {}));
  app.post(`${BASE}/salles`, organiseEvent, async (c) => {
    const form = await readForm(c);
    const parsed = roomFormSchema.safeParse(form);
    const result = parsed.success
      ? await service.addRoom(authorOf(c), eventId(c), parsed.data)
      : ({ ok: false, errors: fieldErrors(parsed.error) } as const);
    if (!result.ok) return roomsPage(c, form, result.errors, true);
    return c.redirect(`${organiserPath(eventId(c), 'salles')}?message=salle-ajoutee`, 303);
  });

  const roomPage = async (c: Context<AppEnv>, values: Values | null, errors: Values, failed = false) => {
    const room = (await service.rooms(eventId(c))).find((r) => r.id === itemId(c));
    if (!room) return c.notFound();
    const base = organiserPath(room.eventId, `salles/${room.id}`);
    return page(
      c,
      'salles',
      `Salle « ${room.name} »`,
      (_event, csrf) => (
        <>
          <RoomForm
            action={base}
            csrf={csrf}
            values={values ?? { name: room.name, capacity: room.capacity ? String(room.capacity) : '' }}
            errors={errors}
            submit="Enregistrer la salle"
            heading="Modifier la salle"
          />
          <DeleteForm
            action={`${base}/supprimer`}
            csrf={csrf}
            label={`Supprimer la salle « ${room.name} »`}
          />
        </>
      ),
      failed,
    );
  };

  app.get(`${BASE}/salles/:itemId`, organiseEvent, (c) => roomPage(c, null, {}));
  app.post(`${BASE}/salles/:itemId`, organiseEvent, async (c) => {
    const form = await readForm(c);
    const parsed = roomFormSchema.safeParse(form);
    const result = parsed.success
      ? await service.updateRoom(authorOf(c), eventId(c), itemId(c), parsed.data)
      : ({ ok: false, errors: fieldErrors(parsed.error) } as const);
    if (!result.ok) return roomPage(c, form, result.errors, true);
    return c.redirect(`${organiserPath(eventId(c), 'salles')}?message=enregistre`, 303);
  });
  app.post(`${BASE}/salles/:itemId/supprimer`, organiseEvent, async (c) => {
    await service.deleteRoom(authorOf(c), eventId(c), itemId(c));
    return c.redirect(`${organiserPath(eventId(c), 'salles')}?message=salle-supprimee`, 303);
  });

  // ── Questions ──
  const questionsPage = (c: Context<AppEnv>, values: Values, errors: Values, failed = false) =>
    page(
      c,
      'questions',
      'Questions aux participants',
      async (event, csrf) => (
        <>
          <p>Ces questions s’ajoutent au formulaire d’inscription.</p>
          <QuestionsList eventId={event.id} questions={await service.questions(event.id)} />
          <QuestionForm
            action={organiserPath(event.id, 'questions')}
            csrf={csrf}
            values={values}
            errors={errors}
            submit="Ajouter la question"
            heading="Ajouter une question"
          />
        </>
      ),
      failed,
    );

  app.get(`${BASE}/questions`, organiseEvent, (c) => questionsPage(c, { kind: 'texte' }, {}));
  app.post(`${BASE}/questions`, organiseEvent, async (c) => {
    const form = await readForm(c);
    const parsed = questionFormSchema.safeParse(form);
    const result = parsed.success
      ? await service.addQuestion(authorOf(c), eventId(c), parsed.data)
      : ({ ok: false, errors: fieldErrors(parsed.error) } as const);
    if (!result.ok) return questionsPage(c, form, result.errors, true);
    return c.redirect(`${organiserPath(eventId(c), 'questions')}?message=question-ajoutee`, 303);
  });

  const questionPage = async (c: Context<AppEnv>, values: Values | null, errors: Values, failed = false) => {
    const question = (await service.questions(eventId(c))).find((q) => q.id === itemId(c));
    if (!question) return c.notFound();
    const base = organiserPath(question.eventId, `questions/${question.id}`);
    return page(
      c,
      'questions',
      'Modifier une question',
      (_event, csrf) => (
        <>
          <QuestionForm
            action={base}
            csrf={csrf}
            values={values ?? questionValues(question)}
            errors={errors}
            submit="Enregistrer la question"
            heading={`Question « ${question.label} »`}
          />
          <DeleteForm
            action={`${base}/supprimer`}
            csrf={csrf}
            label={`Supprimer la question « ${question.label} »`}
          />
        </>
      ),
      failed,
    );
  };

  app.get(`${BASE}/questions/:itemId`, organiseEvent, (c) => questionPage(c, null, {}));
  app.post(`${BASE}/questions/:itemId`, organiseEvent, async (c) => {
    const form = await readForm(c);
    const parsed = questionFormSchema.safeParse(form);
    const result = parsed.success
      ? await service.updateQuestion(authorOf(c), eventId(c), itemId(c), parsed.data)
      : ({ ok: false, errors: fieldErrors(parsed.error) } as const);
    if (!result.ok) return questionPage(c, form, result.errors, true);
    return c.redirect(`${organiserPath(eventId(c), 'questions')}?message=enregistre`, 303);
  });
  app.post(`${BASE}/questions/:itemId/supprimer`, organiseEvent, async (c) => {
    await service.deleteQuestion(authorOf(c), eventId(c), itemId(c));
    return c.redirect(`${organiserPath(eventId(c), 'questions')}?message=question-supprimee`, 303);
  });

  // ── Rules per profile ──
  const rulesPage = (c: Context<AppEnv>, values: Values | null, errors: Values, failed = false) =>
    page(
      c,
      'profils',
      'Règles par profil',
      async (event, csrf) => (
        <RulesForm
          action={organiserPath(event.id, 'profils')}
          csrf={csrf}
          values={values ?? rulesValues(await service.rules(event.id))}
          errors={errors}
        />
      ),
      failed,
    );

  app.get(`${BASE}/profils`, organiseEvent, (c) => rulesPage(c, null, {}));
  app.post(`${BASE}/profils`, organiseEvent, async (c) => {
    const form = await readForm(c);
    const parsed = rulesFormSchema.safeParse(form);
    if (!parsed.success) return rulesPage(c, form, fieldErrors(parsed.error), true);
    await service.setRules(authorOf(c), eventId(c), parsed.data);
    return c.redirect(`${organiserPath(eventId(c), 'profils')}?message=enregistre`, 303);
  });

  return app;
}
