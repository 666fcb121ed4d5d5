import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import { actorOf } from '../accounts/index.js';
import type { TerritoriesModule } from '../territories/index.js';
import { COLLECTIVITE_PROFILES, type Mode, type Profile } from './events.domain.js';
import { checkAgainstEvent, type RegistrationInput } from './registration/checks.js';
import type { RegistrationDeps } from './registration/deps.js';
import {
  acceptOffer,
  cancelRegistration,
  changeRegistration,
  isFormKey,
  issueFormKey,
  registerParticipant,
  registrationIdByToken,
} from './registration/index.js';
import {
  formContext,
  mySessionsIcs,
  ownsRegistration,
  registrationAnswer,
  registrationsOf,
  registrationView,
} from './registration/read.js';
import { type FormValues, fieldErrors, formValues, registrationFormSchema } from './registration/schemas.js';
import { RegistrationFormPage } from './views/registration/form-page.js';
import { CancelPage, ManagePage, MyRegistrationsPage } from './views/registration/manage-page.js';
import { MessagePage, ResultPage, resultTitle } from './views/registration/result-page.js';

const EMPTY: FormValues = {
  profil: '',
  prenom: '',
  nom: '',
  email: '',
  organisation: '',
  mode: '',
  sessions: [],
  answers: {},
  liste: false,
  collectivite: '',
  collectiviteLibelle: '',
};
const CLOSED = {
  introuvable: 'Inscriptions fermées',
  'pas-encore': 'Les inscriptions ne sont pas encore ouvertes',
  terminee: 'Les inscriptions sont closes',
} as const;

/**
 * The participants' pages: the registration form (GET/POST, idempotent, without JavaScript), its result, and
 * managing a registration from the e-mailed link or from « Mes inscriptions ».
 */
/** What the registration's page says after a change went through, by its `resultat`. */
const OUTCOMES = {
  annulee: { type: 'success', text: 'Votre inscription est annulée : votre place a été libérée.' },
  'deja-annulee': { type: 'info', text: 'Cette inscription était déjà annulée ou close : rien n’a changé.' },
  acceptee: { type: 'success', text: 'Vous avez accepté la place proposée.' },
  expiree: {
    type: 'info',
    text: 'Le délai pour accepter cette place est dépassé : elle a été proposée à la personne suivante.',
  },
  'aucune-offre': { type: 'info', text: 'Aucune place ne vous est proposée en ce moment : rien n’a changé.' },
  modifiee: { type: 'success', text: 'Vos modifications sont enregistrées.' },
  inchangee: { type: 'info', text: 'Rien n’a changé.' },
  close: { type: 'info', text: 'Cette inscription ne peut plus être modifiée.' },
} as const;

export function registrationRoutes(
  deps: RegistrationDeps & { territories: Pick<TerritoriesModule, 'territories' | 'organisations'> },
) {
  const app = new Hono<AppEnv>();
  const eventPath = (id: string) => `/evenements/${encodeURIComponent(id)}`;

  const message = (
    c: Context<AppEnv>,
    title: string,
    text: string,
    status: 200 | 400 | 404 | 409 = 200,
    back?: { href: string; label: string },
  ) =>
    renderPage(
      c,
      { title, status },
      <MessagePage title={title} back={back}>
        {text}
      </MessagePage>,
    );

  async function formPage(
    c: Context<AppEnv>,
    eventId: string,
    values: FormValues,
    errors: Record<string, string> = {},
    extra: { choices?: Parameters<typeof RegistrationFormPage>[0]['pickerChoices']; status?: 200 | 400 } = {},
  ) {
    const actor = actorOf(c);
    const found = await formContext(deps.db, eventId, actor?.person.email ?? null);
    if (found?.ctx.status !== 'publie')
      return message(c, 'Événement introuvable', 'Cet événement n’existe pas ou n’est pas publié.', 404);
    const now = deps.clock.now().toISOString();
    if (now < found.ctx.opensAt || now >= found.ctx.closesAt) {
      const title = now < found.ctx.opensAt ? CLOSED['pas-encore'] : CLOSED.terminee;
      return message(
        c,
        title,
        `Les inscriptions à « ${found.ctx.title} » ne sont pas ouvertes en ce moment.`,
        200,
        { href: eventPath(eventId), label: 'Retour à l’événement' },
      );
    }
    const csrf = await c.var.session.csrfToken();
    c.header('Cache-Control', 'no-store');
    return renderPage(
      c,
      {
        title:
          Object.keys(errors).length > 0
            ? `Erreur : inscription à ${found.ctx.title}`
            : `Inscription à ${found.ctx.title}`,
        status: extra.status ?? 200,
        breadcrumb: [{ label: found.ctx.title, href: eventPath(eventId) }, { label: 'Inscription' }],
      },
      <RegistrationFormPage
        event={found.ctx}
        csrf={csrf}
        cle={issueFormKey(csrf, eventId)}
        values={values}
        errors={errors}
        invited={found.invited}
        prefilled={actor?.person.kind === 'agent'}
        pickerChoices={extra.choices}
      />,
    );
  }

  app.get('/evenements/:id/inscription', async (c) => {
    const person = actorOf(c)?.person;
    let values = EMPTY;
    if (person) {
      const organisation = person.organisationSiren
        ? await deps.territories.organisations.bySiren(person.organisationSiren).catch(() => null)
        : null;
      values = {
        ...EMPTY,
        prenom: person.givenName ?? '',
        nom: person.usualName ?? '',
        email: person.email,
        organisation: organisation?.name ?? '',
      };
    }
    return formPage(c, c.req.param('id'), values);
  });

  app.post('/evenements/:id/inscription', async (c) => {
    const eventId = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const values = formValues(body);
    const csrf = await c.var.session.csrfToken();
    if (!isFormKey(body.cle, csrf, eventId)) {
      return message(
        c,
        'Formulaire expiré',
        'Ce formulaire n’a pas été reconnu (il a expiré ou ne vient pas de ce site) : rien n’a été enregistré. Rechargez la page d’inscription et recommencez.',
        400,
        { href: `${eventPath(eventId)}/inscription`, label: 'Revenir au formulaire' },
      );
    }
    const errors: Record<string, string> = {};
    let collectiviteKey: string | null = null;
    const wantsCollectivite = COLLECTIVITE_PROFILES.includes(values.profil as Profile);
    if (
      body.collectivite_rechercher ||
      (wantsCollectivite && (values.collectivite || values.collectiviteLibelle))
    ) {
      const pick = await deps.territories.territories.resolvePick({
        code: values.collectivite,
        text: values.collectiviteLibelle,
      });
      if (pick.status === 'chosen') {
        collectiviteKey = values.collectivite || pick.territory.code;
        values.collectivite = collectiviteKey;
      } else if (pick.status === 'choices') {
        return formPage(
          c,
          eventId,
          values,
          { collectivite: 'Plusieurs collectivités correspondent : choisissez la vôtre ci-dessous.' },
          { choices: pick.candidates, status: body.collectivite_rechercher ? 200 : 400 },
        );
      } else if (pick.status === 'none') {
        errors.collectivite =
          'Aucune collectivité ne correspond : vérifiez le nom, le code postal ou le code INSEE.';
      }
      if (body.collectivite_rechercher && !errors.collectivite) return formPage(c, eventId, values);
    }
    const parsed = registrationFormSchema.safeParse(values);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
    if (!parsed.success || Object.keys(errors).length > 0) {
      // What needs the event (collectivité, sessions, questions) is told now too, not after a second try.
      const found = await formContext(deps.db, eventId, values.email.trim().toLowerCase() || null);
      // Profile and mode may be anything here: the checks only compare them with known values.
      const input: RegistrationInput = {
        eventId,
        personId: null,
        email: values.email,
        givenName: values.prenom,
        familyName: values.nom,
        organisationName: values.organisation,
        organisationSiren: null,
        collectiviteKey,
        profile: values.profil as Profile,
        mode: values.mode as Mode,
        sessionIds: values.sessions,
        answers: values.answers,
        listed: values.liste,
      };
      const withEvent = found ? checkAgainstEvent(found.ctx, input, found.invited) : {};
      return formPage(c, eventId, values, { ...withEvent, ...errors }, { status: 400 });
    }
    const person = actorOf(c)?.person ?? null;
    const email = parsed.data.email.toLowerCase();
    const outcome = await registerParticipant(
      deps,
      {
        eventId,
        personId: person && person.email.toLowerCase() === email ? person.id : null,
        email,
        givenName: parsed.data.prenom,
        familyName: parsed.data.nom,
        organisationName: parsed.data.organisation,
        organisationSiren: person && person.email.toLowerCase() === email ? person.organisationSiren : null,
        collectiviteKey: wantsCollectivite ? collectiviteKey : null,
        profile: parsed.data.profil,
        mode: parsed.data.mode,
        sessionIds: values.sessions,
        answers: values.answers,
        listed: values.liste,
      },
      body.cle as string,
    );
    if (outcome.status === 'invalide') return formPage(c, eventId, values, outcome.errors, { status: 400 });
    if (outcome.status === 'fermee')
      return message(
        c,
        CLOSED[outcome.reason],
        'Aucune inscription n’a été enregistrée.',
        outcome.reason === 'introuvable' ? 404 : 409,
        { href: eventPath(eventId), label: 'Retour à l’événement' },
      );
    // Post/Redirect/Get: a refresh of the result page re-reads the stored answer instead of posting again.
    return c.redirect(
      `${eventPath(eventId)}/inscription/resultat?cle=${encodeURIComponent(body.cle as string)}`,
      303,
    );
  });

  app.get('/evenements/:id/inscription/resultat', async (c) => {
    const eventId = c.req.param('id');
    const key = c.req.query('cle') ?? '';
    const csrf = await c.var.session.existingCsrfToken();
    const answer =
      csrf && isFormKey(key, csrf, eventId) ? await registrationAnswer(deps.db, eventId, key) : null;
    const found = answer ? await formContext(deps.db, eventId, null) : null;
    if (!answer || !found)
      return message(
        c,
        'Résultat introuvable',
        'Ce résultat d’inscription n’est plus disponible dans ce navigateur. Consultez le courriel reçu, ou inscrivez-vous.',
        404,
        { href: `${eventPath(eventId)}/inscription`, label: 'Aller au formulaire d’inscription' },
      );
    c.header('Cache-Control', 'no-store');
    return renderPage(
      c,
      { title: resultTitle(answer) },
      <ResultPage outcome={answer} event={found.ctx} loggedIn={!!actorOf(c)} />,
    );
  });

  app.get('/mes-inscriptions', async (c) => {
    const actor = actorOf(c);
    if (!actor) return c.redirect('/connexion?retour=%2Fmes-inscriptions', 303);
    const items = await registrationsOf(deps.db, actor.person.id, actor.person.email);
    return renderPage(
      c,
      { title: 'Mes inscriptions', breadcrumb: [{ label: 'Mes inscriptions' }] },
      <MyRegistrationsPage items={items} />,
    );
  });

  /** The registration a management address opens: by token (the e-mail's link) or by id for its owner. */
  async function locate(c: Context<AppEnv>): Promise<{ id: string; base: string } | null> {
    const token = c.req.param('token');
    if (token) {
      const id = await registrationIdByToken(deps.db, token);
      return id ? { id, base: `/inscriptions/${token}` } : null;
    }
    const actor = actorOf(c);
    const id = c.req.param('rid') ?? '';
    if (!actor || !(await ownsRegistration(deps.db, id, actor.person.id, actor.person.email))) return null;
    return { id, base: `/mes-inscriptions/${encodeURIComponent(id)}` };
  }
  const unknown = (c: Context<AppEnv>) =>
    message(
      c,
      'Inscription introuvable',
      'Ce lien ne correspond à aucune inscription : il est incomplet, ou l’inscription a été supprimée.',
      404,
    );

  async function manage(
    c: Context<AppEnv>,
    notice?: Parameters<typeof ManagePage>[0]['notice'],
    errors?: Record<string, string>,
    status: 200 | 400 | 409 = 200,
  ) {
    const at = await locate(c);
    const view = at ? await registrationView(deps.db, at.id) : null;
    if (!at || !view) return unknown(c);
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return renderPage(
      c,
      { title: `Mon inscription : ${view.event.title}`, status },
      <ManagePage
        view={view}
        base={at.base}
        csrf={await c.var.session.csrfToken()}
        notice={notice}
        errors={errors}
        canChange={deps.clock.now().toISOString() < view.event.startsAt}
      />,
    );
  }

  /**
   * A change that went through answers with a redirect to the registration's page (post/redirect/get: reloading
   * the page sends nothing again), which says what happened from its `resultat`.
   */
  const done = (c: Context<AppEnv>, base: string, outcome: keyof typeof OUTCOMES) =>
    c.redirect(`${base}?resultat=${outcome}`, 303);

  for (const prefix of ['/inscriptions/:token', '/mes-inscriptions/:rid']) {
    app.get(prefix, (c) => {
      const outcome = c.req.query('resultat') ?? '';
      return manage(
        c,
        Object.hasOwn(OUTCOMES, outcome) ? OUTCOMES[outcome as keyof typeof OUTCOMES] : undefined,
      );
    });
    app.get(`${prefix}/offre`, (c) => manage(c));
    app.get(`${prefix}/annuler`, async (c) => {
      const at = await locate(c);
      const view = at ? await registrationView(deps.db, at.id) : null;
      if (!at || !view) return unknown(c);
      return renderPage(
        c,
        { title: 'Annuler mon inscription' },
        <CancelPage view={view} base={at.base} csrf={await c.var.session.csrfToken()} />,
      );
    });
    app.post(`${prefix}/annuler`, async (c) => {
      const at = await locate(c);
      if (!at) return unknown(c);
      const cancelled = await cancelRegistration(deps, at.id);
      return done(c, at.base, cancelled ? 'annulee' : 'deja-annulee');
    });
    app.post(`${prefix}/accepter`, async (c) => {
      const at = await locate(c);
      if (!at) return unknown(c);
      return done(c, at.base, await acceptOffer(deps, at.id));
    });
    app.post(`${prefix}/modifier`, async (c) => {
      const at = await locate(c);
      if (!at) return unknown(c);
      const body = await c.req.parseBody({ all: true });
      const values = formValues(body);
      const mode =
        values.mode === 'presentiel' || values.mode === 'distance' ? (values.mode as Mode) : undefined;
      if (values.mode && !mode)
        return manage(c, undefined, { mode: 'Choisissez « En présentiel » ou « À distance ».' }, 400);
      const result = await changeRegistration(deps, at.id, {
        mode,
        sessions: body.sessions_envoyees ? values.sessions : undefined,
      });
      if (result.status === 'invalide')
        return manage(
          c,
          { type: 'error', text: 'La modification n’a pas été enregistrée.' },
          result.errors,
          400,
        );
      if (result.status === 'complet')
        return manage(
          c,
          {
            type: 'error',
            text: 'Il n’y a plus de place dans ce mode de participation : votre inscription n’a pas changé.',
          },
          { mode: 'Complet : votre mode de participation reste inchangé.' },
          409,
        );
      if (result.status === 'impossible') return done(c, at.base, 'close');
      return done(c, at.base, result.status);
    });
    app.get(`${prefix}/mes-sessions.ics`, async (c) => {
      const at = await locate(c);
      const view = at ? await registrationView(deps.db, at.id) : null;
      if (!view) return unknown(c);
      return c.body(mySessionsIcs(view, deps.publicUrl), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="mes-sessions.ics"',
        'cache-control': 'no-store',
      });
    });
  }
  return app;
}
