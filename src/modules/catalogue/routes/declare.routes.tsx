import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { renderPage } from '../../../platform/ui/render.js';
import type { Solution, SolutionUse } from '../catalogue.domain.js';
import { readUseForm, textOf } from '../catalogue.schemas.js';
import { DeclareForm, type UseFormValues } from '../views/declare-form.js';
import { CATALOGUE_CRUMB, type CatalogueRoutesDeps, formBody, loginHref, whoOf } from './context.js';

const EMPTY: UseFormValues = { organisation: '', statut: '', depuis: '', usage: '', instance: '' };

function valuesOf(u: SolutionUse): UseFormValues {
  return {
    organisation: u.organisationSiren,
    statut: u.status,
    depuis: u.since ?? '',
    usage: u.useCase,
    instance: u.instanceUrl ?? '',
  };
}

/**
 * Reuse declarations: `GET|POST /catalogue/solutions/<id>/utiliser` (one form: « nous utilisons » or « nous
 * souhaitons l’utiliser »; `?organisation=<siren>` edits that organisation's declaration) and
 * `POST /catalogue/solutions/<id>/utiliser/retirer` (one click).
 *
 * @example
 * app.route('/', declareRoutes(deps));
 */
export function declareRoutes(deps: CatalogueRoutesDeps) {
  const app = new Hono<AppEnv>();

  /** The published solution of the address, the person acting, and the organisations they declare for. */
  async function context(c: Context<AppEnv>) {
    const solution = await deps.editorial.solution(c.req.param('id') ?? '');
    if (solution?.status !== 'publiee') throw new HTTPException(404);
    const who = whoOf(c);
    if (!who) return { solution, who: null, organisations: [] };
    const own = await deps.uses.ownUses(who.actor, solution.id);
    const organisations = await Promise.all(
      own.sirens.map(async (siren) => ({
        siren,
        name:
          own.uses.find((u) => u.organisationSiren === siren)?.organisationName ??
          (await deps.organisationName(siren)),
      })),
    );
    return { solution, who, organisations, own };
  }

  const page = async (
    c: Context<AppEnv>,
    solution: Solution,
    props: Omit<Parameters<typeof DeclareForm>[0], 'solution' | 'csrf'>,
    status: 200 | 400 | 409 = 200,
  ) =>
    renderPage(
      c,
      {
        title: `${props.mode === 'change' ? 'Modifier la déclaration' : 'Déclarer l’usage'} — ${solution.name}`,
        breadcrumb: [
          CATALOGUE_CRUMB,
          { label: solution.name, href: `/catalogue/solutions/${solution.id}` },
          { label: 'Déclarer l’usage' },
        ],
        status,
      },
      <DeclareForm {...props} solution={solution} csrf={await c.var.session.csrfToken()} />,
    );

  const nobody = (c: Context<AppEnv>, solution: Solution) =>
    renderPage(
      c,
      {
        title: 'Déclarer l’usage',
        breadcrumb: [CATALOGUE_CRUMB, { label: solution.name, href: `/catalogue/solutions/${solution.id}` }],
        status: 403,
      },
      <>
        <h1>Déclarer l’usage de « {solution.name} »</h1>
        <p>
          Seuls les agents publics connectés avec ProConnect déclarent l’usage d’une solution, pour leur
          propre organisation (ou pour celle dont ils sont référents). Votre compte n’est rattaché à aucune
          organisation publique.
        </p>
        <p>
          <a href={`/catalogue/solutions/${solution.id}`}>Revenir à la solution</a>
        </p>
      </>,
    );

  app.get('/catalogue/solutions/:id/utiliser', async (c) => {
    const ctx = await context(c);
    if (!ctx.who) return c.redirect(loginHref(c.req.path), 303);
    if (ctx.organisations.length === 0) return nobody(c, ctx.solution);
    const wanted = c.req.query('organisation');
    const existing = ctx.own?.uses.find((u) => u.organisationSiren === wanted) ?? null;
    return page(c, ctx.solution, {
      organisations: ctx.organisations,
      values: existing
        ? valuesOf(existing)
        : { ...EMPTY, organisation: ctx.organisations[0]!.siren, statut: 'utilise' },
      errors: {},
      mode: existing ? 'change' : 'new',
    });
  });

  app.post('/catalogue/solutions/:id/utiliser', async (c) => {
    const ctx = await context(c);
    if (!ctx.who) return c.redirect(loginHref(`/catalogue/solutions/${ctx.solution.id}/utiliser`), 303);
    if (ctx.organisations.length === 0) return nobody(c, ctx.solution);
    const body = await formBody(c);
    const mode = textOf(body, 'mode') === 'modifier' ? 'change' : 'new';
    const read = readUseForm(body);
    if (read.ok && !ctx.organisations.some((o) => o.siren === read.input.siren)) {
      return page(
        c,
        ctx.solution,
        {
          organisations: ctx.organisations,
          values: read.values,
          errors: {
            organisation:
              'Vous ne pouvez déclarer que pour votre organisation ou celle dont vous êtes référent.',
          },
          mode,
        },
        400,
      );
    }
    if (!read.ok) {
      return page(
        c,
        ctx.solution,
        { organisations: ctx.organisations, values: read.values, errors: read.errors, mode },
        400,
      );
    }
    const result =
      mode === 'change'
        ? await deps.uses.change(ctx.who, ctx.solution.id, read.input)
        : await deps.uses.declare(ctx.who, ctx.solution.id, read.input);
    if (result.ok) {
      return c.redirect(
        `/catalogue/solutions/${ctx.solution.id}?fait=${mode === 'change' ? 'modifiee' : 'declaree'}`,
        303,
      );
    }
    if (result.error === 'deja-declaree' && 'existing' in result && result.existing) {
      const first = result.existing;
      return page(
        c,
        ctx.solution,
        {
          organisations: ctx.organisations,
          values: { ...read.values, organisation: first.organisationSiren },
          errors: {},
          mode: 'change',
          alreadyDeclared: `${first.organisationName} l’a déclarée le ${formatDate(first.createdAt)} (« ${first.status === 'utilise' ? 'nous utilisons' : 'nous souhaitons l’utiliser'} »).`,
        },
        409,
      );
    }
    const message =
      result.error === 'organisation-inconnue'
        ? 'Cette organisation n’est pas connue de la plateforme : demandez à un administrateur de l’ajouter.'
        : result.error === 'introuvable'
          ? 'Cette déclaration n’existe plus : déclarez de nouveau.'
          : 'Vous ne pouvez pas déclarer pour cette organisation.';
    return page(
      c,
      ctx.solution,
      {
        organisations: ctx.organisations,
        values: read.values,
        errors: { organisation: message },
        mode: 'new',
      },
      400,
    );
  });

  app.post('/catalogue/solutions/:id/utiliser/retirer', async (c) => {
    const ctx = await context(c);
    if (!ctx.who) return c.redirect(loginHref(`/catalogue/solutions/${ctx.solution.id}`), 303);
    const siren = textOf(await formBody(c), 'organisation', 20);
    const result = await deps.uses.withdraw(ctx.who, ctx.solution.id, siren);
    if (!result.ok && result.error === 'interdit') {
      throw new HTTPException(403, {
        message: 'Vous ne pouvez pas retirer la déclaration de cette organisation.',
      });
    }
    // Already withdrawn (a second click, another tab): the page says so the same way.
    return c.redirect(`/catalogue/solutions/${ctx.solution.id}?fait=retiree`, 303);
  });

  return app;
}
