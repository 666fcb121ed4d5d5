import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { can } from '../../accounts/index.js';
import { organisationScope, type Solution, solutionScope } from '../catalogue.domain.js';
import { readReason, readSolutionForm, type SolutionFormValues, textOf } from '../catalogue.schemas.js';
import { availableTransitions, mayEdit, TRANSITIONS, type Transition } from '../catalogue.workflow.js';
import { EditPage } from '../views/edit-page.js';
import { MySolutions } from '../views/my-solutions.js';
import { EMPTY_SOLUTION, formValuesOf, SolutionForm } from '../views/solution-form.js';
import {
  CATALOGUE_CRUMB,
  type CatalogueRoutesDeps,
  forbidden,
  formBody,
  loginHref,
  whoOf,
} from './context.js';

const NOTICES: Record<string, string> = {
  cree: 'Votre brouillon est enregistré. Complétez-le, ajoutez des captures, puis soumettez-le à la relecture.',
  enregistre: 'Les modifications sont enregistrées.',
  soumettre: 'La solution est soumise à la relecture.',
  archiver: 'La solution est archivée.',
  capture: 'La capture est ajoutée.',
  'capture-retiree': 'La capture est retirée.',
  accepte: 'Vous recevrez désormais les messages pour ce périmètre.',
  refuse: 'Vous ne recevrez plus de messages pour ce périmètre.',
};

/**
 * The editors' pages: `/catalogue/proposer`, `/catalogue/mes-solutions`, `/catalogue/solutions/<id>/modifier`,
 * the workflow steps an author or a référent takes (`POST …/etat`), and the screenshots (`POST …/captures`,
 * `POST …/captures/<id>/retirer`). Reviewers use /admin/catalogue.
 *
 * @example
 * app.route('/', editorRoutes(deps));
 */
export function editorRoutes(deps: CatalogueRoutesDeps) {
  const app = new Hono<AppEnv>();

  const proposePage = async (
    c: Context<AppEnv>,
    values: SolutionFormValues,
    errors: Record<string, string>,
    optin: boolean,
    status: 200 | 400 = 200,
  ) =>
    renderPage(
      c,
      {
        title: 'Proposer une solution',
        breadcrumb: [CATALOGUE_CRUMB, { label: 'Proposer une solution' }],
        status,
      },
      <>
        <h1>Proposer une solution</h1>
        <p class="fr-text--lead">
          Votre collectivité a construit ou adopté un outil que d’autres pourraient réutiliser ? Décrivez-le :
          il reste un brouillon jusqu’à ce que vous le soumettiez, puis l’équipe du programme le relit avant
          publication.
        </p>
        <SolutionForm
          action="/catalogue/proposer"
          values={values}
          errors={errors}
          csrf={await c.var.session.csrfToken()}
          proposal
          optin={optin}
        />
      </>,
    );

  app.get('/catalogue/proposer', async (c) => {
    const who = whoOf(c);
    if (!who) return c.redirect(loginHref(c.req.path), 303);
    if (!can(who.actor, 'catalogue:propose')) throw forbidden();
    return proposePage(c, EMPTY_SOLUTION, {}, true);
  });

  app.post('/catalogue/proposer', async (c) => {
    const who = whoOf(c);
    if (!who) return c.redirect(loginHref('/catalogue/proposer'), 303);
    if (!can(who.actor, 'catalogue:propose')) throw forbidden();
    const body = await formBody(c);
    const optin = textOf(body, 'contact') === '1';
    const read = readSolutionForm(body);
    if (!read.ok) return proposePage(c, read.values, read.errors, optin, 400);
    const result = await deps.editorial.propose(who, read.content, { optin });
    if (!result.ok) {
      if (result.error === 'interdit') throw forbidden();
      return proposePage(c, read.values, ('errors' in result && result.errors) || {}, optin, 400);
    }
    return c.redirect(`/catalogue/solutions/${result.id}/modifier?fait=cree`, 303);
  });

  /** The solution of the address, if this person may edit it. */
  async function editable(c: Context<AppEnv>) {
    const who = whoOf(c);
    const solution = await deps.editorial.solution(c.req.param('id') ?? '');
    if (!solution) throw new HTTPException(404);
    if (!who) return { who: null, solution };
    if (!mayEdit(who.actor, solution)) throw forbidden();
    return { who, solution };
  }

  const editPage = async (
    c: Context<AppEnv>,
    solution: Solution,
    extra: Partial<Omit<Parameters<typeof EditPage>[0], 'solution' | 'csrf'>> = {},
    status: 200 | 400 = 200,
  ) =>
    renderPage(
      c,
      {
        title: `Modifier « ${solution.name} »`,
        breadcrumb: [
          CATALOGUE_CRUMB,
          { label: 'Mes solutions', href: '/catalogue/mes-solutions' },
          { label: solution.name },
        ],
        status,
      },
      <EditPage
        solution={solution}
        values={extra.values ?? formValuesOf(solution)}
        errors={extra.errors ?? {}}
        csrf={await c.var.session.csrfToken()}
        transitions={availableTransitions(whoOf(c)!.actor, solution).filter(
          (t) => t === 'soumettre' || t === 'archiver',
        )}
        transitionError={extra.transitionError ?? null}
        shotErrors={extra.shotErrors ?? {}}
        alt={extra.alt ?? ''}
        notice={extra.notice ?? NOTICES[c.req.query('fait') ?? ''] ?? null}
      />,
    );

  app.get('/catalogue/solutions/:id/modifier', async (c) => {
    const { who, solution } = await editable(c);
    if (!who) return c.redirect(loginHref(c.req.path), 303);
    return editPage(c, solution);
  });

  app.post('/catalogue/solutions/:id/modifier', async (c) => {
    const { who, solution } = await editable(c);
    if (!who) return c.redirect(loginHref(c.req.path), 303);
    const read = readSolutionForm(await formBody(c));
    if (!read.ok) return editPage(c, solution, { values: read.values, errors: read.errors }, 400);
    const result = await deps.editorial.update(who, solution.id, read.content);
    if (!result.ok) {
      if (result.error === 'contenu' && 'errors' in result)
        return editPage(c, solution, { values: read.values, errors: result.errors }, 400);
      throw forbidden();
    }
    return c.redirect(`/catalogue/solutions/${solution.id}/modifier?fait=enregistre`, 303);
  });

  app.post('/catalogue/solutions/:id/etat', async (c) => {
    const { who, solution } = await editable(c);
    if (!who) return c.redirect(loginHref(`/catalogue/solutions/${solution.id}/modifier`), 303);
    const body = await formBody(c);
    const transition = textOf(body, 'transition') as Transition;
    if (!Object.hasOwn(TRANSITIONS, transition)) throw new HTTPException(400, { message: 'Étape inconnue.' });
    let motif: string | null = null;
    if (TRANSITIONS[transition].needsReason) {
      const reason = readReason(body, `motif-${transition}`);
      if (!reason.ok)
        return editPage(
          c,
          solution,
          { transitionError: { transition, motif: reason.value, error: reason.error } },
          400,
        );
      motif = reason.value;
    }
    const result = await deps.editorial.transition(who, solution.id, transition, motif);
    if (!result.ok) {
      if (result.error === 'etat')
        return editPage(
          c,
          solution,
          {
            notice: null,
            errors: { _form: 'Cette étape n’est plus possible : la solution a changé d’état.' },
          },
          400,
        );
      throw forbidden();
    }
    return c.redirect(
      transition === 'archiver'
        ? `/catalogue/solutions/${solution.id}?fait=enregistree`
        : `/catalogue/solutions/${solution.id}/modifier?fait=${transition}`,
      303,
    );
  });

  app.post('/catalogue/solutions/:id/captures', async (c) => {
    const { who, solution } = await editable(c);
    if (!who) return c.redirect(loginHref(`/catalogue/solutions/${solution.id}/modifier`), 303);
    const body = await formBody(c);
    const file = body.capture;
    const alt = textOf(body, 'alternative', 1_000);
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    const result = await deps.editorial.addScreenshot(who, solution.id, { bytes, altText: alt });
    if (!result.ok) {
      if (result.error === 'contenu' && 'errors' in result)
        return editPage(c, solution, { shotErrors: result.errors, alt }, 400);
      throw forbidden();
    }
    return c.redirect(`/catalogue/solutions/${solution.id}/modifier?fait=capture`, 303);
  });

  app.post('/catalogue/solutions/:id/captures/:capture/retirer', async (c) => {
    const { who, solution } = await editable(c);
    if (!who) return c.redirect(loginHref(`/catalogue/solutions/${solution.id}/modifier`), 303);
    await deps.editorial.removeScreenshot(who, solution.id, c.req.param('capture'));
    return c.redirect(`/catalogue/solutions/${solution.id}/modifier?fait=capture-retiree`, 303);
  });

  app.get('/catalogue/mes-solutions', async (c) => {
    const who = whoOf(c);
    if (!who) return c.redirect(loginHref(c.req.path), 303);
    const personId = who.actor.person.id;
    const [proposed, scopes, optins] = await Promise.all([
      deps.repo.summaries({ authorId: personId, limit: 200, offset: 0 }),
      deps.repo.referentScopesOf(personId),
      deps.repo.optinsOf(personId),
    ]);
    const authored = proposed.items.map((s) => solutionScope(s.id));
    const all = [...new Set([...scopes, ...authored])].filter(
      (s) => s.startsWith('solution:') || s.startsWith('organisation:'),
    );
    const named = await deps.repo.summaries({
      ids: all.filter((s) => s.startsWith('solution:')).map((s) => s.slice(9)),
      limit: 500,
      offset: 0,
    });
    const lines = await Promise.all(
      all.map(async (scope) => {
        if (scope.startsWith('solution:')) {
          const id = scope.slice(9);
          const name = named.items.find((s) => s.id === id)?.name ?? id;
          return {
            scope,
            label: `La solution « ${name} »`,
            href: `/catalogue/solutions/${id}`,
            accepted: optins.includes(scope),
          };
        }
        const siren = scope.slice(13);
        return {
          scope,
          label: await deps.organisationName(siren),
          href: `/catalogue/organisations/${siren}`,
          accepted: optins.includes(organisationScope(siren)),
        };
      }),
    );
    return renderPage(
      c,
      { title: 'Mes solutions', breadcrumb: [CATALOGUE_CRUMB, { label: 'Mes solutions' }] },
      <MySolutions
        proposed={proposed.items}
        scopes={lines}
        csrf={await c.var.session.csrfToken()}
        notice={NOTICES[c.req.query('fait') ?? ''] ?? null}
        canPropose={can(who.actor, 'catalogue:propose')}
      />,
    );
  });

  return app;
}
