import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, can } from '../../accounts/index.js';
import { organisationScope, solutionScope } from '../catalogue.domain.js';
import { mayEdit, mayPreview } from '../catalogue.workflow.js';
import { parseSearchParams } from '../search/search.params.js';
import { OrganisationPage } from '../views/organisation-page.js';
import { SearchPage } from '../views/search-page.js';
import { SolutionPage } from '../views/solution-page.js';
import { MAP_STYLESHEET } from '../views/users-map.js';
import { CATALOGUE_CRUMB, type CatalogueRoutesDeps } from './context.js';

const NOTICES: Record<string, string> = {
  declaree: 'Votre déclaration est enregistrée : merci, elle aide d’autres collectivités.',
  modifiee: 'Votre déclaration est modifiée.',
  retiree: 'Votre déclaration est retirée.',
  envoye:
    'Votre message est envoyé. Vous en recevez une copie par courriel ; les réponses vous parviendront de même.',
  signale: 'Votre signalement est transmis aux modérateurs. Merci.',
  enregistree: 'La solution est enregistrée.',
};

/**
 * The catalogue's public pages:
 * - `/catalogue?q=…&theme=…&maturite=…&licence=…&adoption=…&adoptant=…&region=…&departement=…
 *   &verification=…&siren=…&pres=…&portee=…&tri=…&page=…`: the search, as a list;
 * - `/catalogue/carte?…`: the same search as a map of the organisations that use the solutions;
 * - `/catalogue/solutions/<id>`: a solution (drafts only for their author, référents and reviewers);
 * - `/catalogue/solutions/<id>/captures/<capture>`: a screenshot;
 * - `/catalogue/organisations/<siren>`: what an organisation uses and builds.
 *
 * @example
 * app.route('/', catalogueRoutes(deps));
 */
export function publicRoutes(deps: CatalogueRoutesDeps) {
  const app = new Hono<AppEnv>();

  for (const view of ['liste', 'carte'] as const) {
    app.get(view === 'liste' ? '/catalogue' : '/catalogue/carte', async (c) => {
      const parsed = parseSearchParams(c.req.queries(), 'page');
      const [{ result, near }, names] = await Promise.all([
        deps.search.search({ ...parsed.query, withMap: view === 'carte' }, parsed.near),
        deps.search.names(),
      ]);
      const q = parsed.query;
      const title = `${q.text ? `Solutions pour « ${q.text} »` : 'Catalogue de mutualisation'}${
        view === 'carte' ? ' — carte' : result.page > 1 ? ` — page ${result.page}` : ''
      }`;
      const actor = actorOf(c);
      return renderPage(
        c,
        {
          title,
          breadcrumb: view === 'liste' ? [{ label: 'Catalogue' }] : [CATALOGUE_CRUMB, { label: 'Carte' }],
          shareable: !actor,
          headLinks: view === 'carte' ? [MAP_STYLESHEET] : undefined,
        },
        <SearchPage
          state={{ query: { ...q, page: result.page }, nearInput: parsed.near, view }}
          result={result}
          names={names}
          near={near}
          canPropose={can(actor, 'catalogue:propose')}
        />,
      );
    });
  }
  app.get('/catalogue/', (c) => c.redirect('/catalogue', 301));

  app.get('/catalogue/solutions/:id', async (c, next) => {
    const solution = await deps.editorial.solution(c.req.param('id'));
    const actor = actorOf(c);
    if (!solution || !mayPreview(actor, solution)) return next();
    const [laureats, uses, names, own, teamReach] = await Promise.all([
      Promise.all(solution.laureatIds.map((id) => deps.laureat(id))),
      deps.uses.usesOfSolution(solution.id),
      deps.search.names(),
      deps.uses.ownUses(actor, solution.id),
      deps.repo.recipients(solutionScope(solution.id)),
    ]);
    const scopes = await deps.repo.reachableScopes([
      ...new Set(uses.map((u) => organisationScope(u.organisationSiren))),
    ]);
    const reachable = new Set([...scopes].map((s) => s.slice('organisation:'.length)));
    const canEdit = mayEdit(actor, solution);
    const showHistory = canEdit || can(actor, 'catalogue:review');
    const notice = NOTICES[c.req.query('fait') ?? ''] ?? null;
    return renderPage(
      c,
      {
        title: solution.name,
        breadcrumb: [CATALOGUE_CRUMB, { label: solution.name }],
        description: solution.summary.slice(0, 160),
        shareable: !actor && !notice,
        headLinks: [MAP_STYLESHEET],
      },
      <SolutionPage
        solution={solution}
        laureats={laureats.filter((l) => l !== null)}
        uses={uses}
        names={names}
        reachable={reachable}
        own={actor ? own : null}
        loggedIn={!!actor}
        canEdit={canEdit}
        teamReachable={teamReach.length > 0}
        history={showHistory ? await deps.editorial.history(solution.id) : null}
        csrf={actor ? await c.var.session.csrfToken() : null}
        notice={notice}
      />,
    );
  });

  app.get('/catalogue/solutions/:id/captures/:capture', async (c, next) => {
    const solution = await deps.editorial.solution(c.req.param('id'));
    if (!solution || !mayPreview(actorOf(c), solution)) return next();
    const shot = solution.screenshots.find((s) => s.id === c.req.param('capture'));
    const file = shot ? await deps.storage.open(shot.storageKey) : null;
    if (!shot || !file) return next();
    return c.body(file.stream as unknown as ReadableStream, 200, {
      'content-type': shot.contentType,
      'content-length': String(file.size),
      // A draft's screenshot is for its author, référents and reviewers: never kept by a shared cache.
      'cache-control': solution.status === 'publiee' ? 'public, max-age=86400' : 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  app.get('/catalogue/organisations/:siren', async (c, next) => {
    const siren = c.req.param('siren');
    if (!/^\d{9}$/.test(siren)) return next();
    const [uses, maintained] = await Promise.all([
      deps.uses.usesOfOrganisation(siren),
      deps.repo.maintainedBy(siren),
    ]);
    const name = uses[0]?.organisationName ?? maintained[0]?.organisationName ?? null;
    if (!name) return next();
    return renderPage(
      c,
      {
        title: `${name} : solutions utilisées`,
        breadcrumb: [CATALOGUE_CRUMB, { label: name }],
        shareable: !actorOf(c),
      },
      <OrganisationPage siren={siren} name={name} uses={uses} maintained={maintained} />,
    );
  });

  return app;
}
