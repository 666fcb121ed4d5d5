import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { readReason, textOf } from '../catalogue.schemas.js';
import { CONTACT_LIMITS, REPORT_LIMITS } from '../contact/contact.service.js';
import { ContactForm, ReportForm } from '../views/contact-forms.js';
import { CATALOGUE_CRUMB, type CatalogueRoutesDeps, formBody, loginHref, whoOf } from './context.js';

/**
 * « Mise en relation » and reports:
 * - `GET|POST /catalogue/solutions/<id>/contacter[?organisation=<siren>]`: write to the team, or to an
 *   organisation that uses the solution;
 * - `GET|POST /catalogue/solutions/<id>/signaler`: report the entry;
 * - `GET|POST /catalogue/messages/<id>/signaler`: a recipient reports a message (the link in every message);
 * - `POST /catalogue/preferences`: a référent accepts or stops receiving messages for a scope.
 *
 * @example
 * app.route('/', contactRoutes(deps));
 */
export function contactRoutes(deps: CatalogueRoutesDeps) {
  const app = new Hono<AppEnv>();

  async function published(c: Context<AppEnv>) {
    const solution = await deps.editorial.solution(c.req.param('id') ?? '');
    if (solution?.status !== 'publiee') throw new HTTPException(404);
    return solution;
  }

  async function contactPage(
    c: Context<AppEnv>,
    organisation: string | null,
    values: { objet: string; message: string },
    errors: Record<string, string>,
    status: 200 | 400 | 429 = 200,
    problem: string | null = null,
  ) {
    const solution = await published(c);
    const who = whoOf(c)!;
    let audience = `l’équipe de « ${solution.name} »`;
    if (organisation) {
      const use = (await deps.uses.usesOfSolution(solution.id)).find(
        (u) => u.organisationSiren === organisation,
      );
      if (!use) throw new HTTPException(404);
      audience = use.organisationName;
    }
    const kind = organisation ? ('utilisateur' as const) : ('equipe' as const);
    const reach = await deps.contact.reach(solution.id, { kind, siren: organisation }, who.actor.person.id);
    return renderPage(
      c,
      {
        title: `Contacter ${audience}`,
        breadcrumb: [
          CATALOGUE_CRUMB,
          { label: solution.name, href: `/catalogue/solutions/${solution.id}` },
          { label: 'Contacter' },
        ],
        status,
      },
      <ContactForm
        solution={solution}
        audience={audience}
        organisation={organisation}
        reach={reach}
        values={values}
        errors={errors}
        csrf={await c.var.session.csrfToken()}
        senderEmail={who.actor.person.email}
        problem={problem}
      />,
    );
  }

  const organisationParam = (raw: string | undefined) => (raw && /^\d{9}$/.test(raw) ? raw : null);

  app.get('/catalogue/solutions/:id/contacter', async (c) => {
    if (!whoOf(c)) {
      const url = new URL(c.req.url);
      return c.redirect(loginHref(`${url.pathname}${url.search}`), 303);
    }
    return contactPage(c, organisationParam(c.req.query('organisation')), { objet: '', message: '' }, {});
  });

  app.post('/catalogue/solutions/:id/contacter', async (c) => {
    const who = whoOf(c);
    const solution = await published(c);
    if (!who) return c.redirect(loginHref(`/catalogue/solutions/${solution.id}/contacter`), 303);
    const body = await formBody(c);
    const organisation = organisationParam(textOf(body, 'organisation', 20));
    const values = { objet: textOf(body, 'objet', 1_000), message: textOf(body, 'message', 20_000) };
    const result = await deps.contact.send(who, solution.id, {
      kind: organisation ? 'utilisateur' : 'equipe',
      siren: organisation,
      subject: values.objet,
      body: values.message,
    });
    if (result.ok) return c.redirect(`/catalogue/solutions/${solution.id}?fait=envoye`, 303);
    switch (result.error) {
      case 'contenu':
        return contactPage(c, organisation, values, result.errors ?? {}, 400);
      case 'trop-de-messages':
        c.header('Retry-After', '3600');
        return contactPage(
          c,
          organisation,
          values,
          {},
          429,
          `Vous avez envoyé beaucoup de messages récemment (${CONTACT_LIMITS.perHour} par heure, ${CONTACT_LIMITS.perDay} par jour au plus). Réessayez plus tard : votre texte est conservé ci-dessous.`,
        );
      case 'aucun-destinataire':
        return contactPage(
          c,
          organisation,
          values,
          {},
          400,
          'Personne ne peut recevoir ce message pour le moment.',
        );
      default:
        throw new HTTPException(404);
    }
  });

  const reportPage = async (
    c: Context<AppEnv>,
    props: { action: string; title: string; intro: string; back: string },
    value = '',
    error?: string,
    status: 200 | 400 | 429 = error ? 400 : 200,
  ) =>
    renderPage(
      c,
      { title: props.title, breadcrumb: [CATALOGUE_CRUMB, { label: 'Signaler' }], status },
      <ReportForm {...props} value={value} error={error} csrf={await c.var.session.csrfToken()} />,
    );

  /** Too many reports lately: the reason typed is kept, with when to try again. */
  const tooManyReports = (
    c: Context<AppEnv>,
    props: { action: string; title: string; intro: string; back: string },
    value: string,
  ) => {
    c.header('Retry-After', '3600');
    return reportPage(
      c,
      props,
      value,
      `Vous avez fait beaucoup de signalements récemment (${REPORT_LIMITS.perHour} par heure, ${REPORT_LIMITS.perDay} par jour au plus). Réessayez plus tard : votre motif est conservé.`,
      429,
    );
  };

  const entryReport = async (c: Context<AppEnv>) => {
    const solution = await published(c);
    return {
      solution,
      props: {
        action: `/catalogue/solutions/${solution.id}/signaler`,
        title: `Signaler un problème sur « ${solution.name} »`,
        intro: 'Votre signalement est transmis aux modérateurs du catalogue, qui le traiteront.',
        back: `/catalogue/solutions/${solution.id}`,
      },
    };
  };
  app.get('/catalogue/solutions/:id/signaler', async (c) => {
    if (!whoOf(c)) return c.redirect(loginHref(c.req.path), 303);
    return reportPage(c, (await entryReport(c)).props);
  });
  app.post('/catalogue/solutions/:id/signaler', async (c) => {
    const who = whoOf(c);
    const { solution, props } = await entryReport(c);
    if (!who) return c.redirect(loginHref(props.action), 303);
    const reason = readReason(await formBody(c));
    if (!reason.ok) return reportPage(c, props, reason.value, reason.error);
    const result = await deps.contact.report(who, solution.id, { reason: reason.value });
    if (!result.ok && result.error === 'trop-de-signalements') return tooManyReports(c, props, reason.value);
    return c.redirect(`/catalogue/solutions/${solution.id}?fait=signale`, 303);
  });

  const messageReport = async (c: Context<AppEnv>) => {
    const who = whoOf(c);
    if (!who) return { who: null, message: null, props: null };
    const message = await deps.contact.messageFor(who, c.req.param('id') ?? '');
    if (!message) throw new HTTPException(404);
    return {
      who,
      message,
      props: {
        action: `/catalogue/messages/${message.id}/signaler`,
        title: `Signaler le message « ${message.subject} »`,
        intro: `Le message de ${message.senderLabel} vous semble abusif ? Les modérateurs le liront et pourront écarter son auteur.`,
        back: `/catalogue/solutions/${message.solutionId}`,
      },
    };
  };
  app.get('/catalogue/messages/:id/signaler', async (c) => {
    const ctx = await messageReport(c);
    if (!ctx.props) return c.redirect(loginHref(c.req.path), 303);
    return reportPage(c, ctx.props);
  });
  app.post('/catalogue/messages/:id/signaler', async (c) => {
    const ctx = await messageReport(c);
    if (!ctx.who || !ctx.props) return c.redirect(loginHref(c.req.path), 303);
    const reason = readReason(await formBody(c));
    if (!reason.ok) return reportPage(c, ctx.props, reason.value, reason.error);
    const result = await deps.contact.report(ctx.who, ctx.message.solutionId, {
      reason: reason.value,
      contactId: ctx.message.id,
    });
    if (!result.ok && result.error === 'trop-de-signalements')
      return tooManyReports(c, ctx.props, reason.value);
    return c.redirect(`/catalogue/solutions/${ctx.message.solutionId}?fait=signale`, 303);
  });

  app.post('/catalogue/preferences', async (c) => {
    const who = whoOf(c);
    if (!who) return c.redirect(loginHref('/catalogue/mes-solutions'), 303);
    const body = await formBody(c);
    const scope = textOf(body, 'perimetre', 200);
    const on = textOf(body, 'accepter') === '1';
    const result = await deps.contact.setOptin(who, scope, on);
    if (!result.ok) throw new HTTPException(403, { message: 'Vous ne répondez pas pour ce périmètre.' });
    return c.redirect(`/catalogue/mes-solutions?fait=${on ? 'accepte' : 'refuse'}`, 303);
  });

  return app;
}
