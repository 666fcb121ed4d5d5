import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { jsonBadRequest, jsonWithEtag } from '../../../platform/http/json.js';
import type { CatalogueRepository } from '../catalogue.repository.js';
import { toSolutionRecord, toUseRecord } from '../opendata/record.js';
import type { PublicSearch } from '../search/public-service.js';
import { FACET_PARAMS, parseSearchParams } from '../search/search.params.js';
import { FACETS } from '../search/search.types.js';

const BASE = '/api/v1/solutions';
const KNOWN_PARAMS = new Set([
  ...Object.values(FACET_PARAMS),
  'q',
  'siren',
  'pres',
  'portee',
  'tri',
  'limite',
  'curseur',
]);

/**
 * The catalogue's API, read-only, in the conventions of `/api/v1/laureats`: the search's filters as codes,
 * cursor pagination (`curseur`, `suivant`), facet counts, ETag, errors in French as JSON (400, 404).
 * - `GET /api/v1/solutions?q=…&theme=…&maturite=…&licence=…&adoption=…&adoptant=…&region=…&departement=…
 *   &verification=…&siren=…&pres=…&portee=…&tri=…&limite=…&curseur=…`
 * - `GET /api/v1/solutions/<id>`: a solution and its users.
 *
 * @example
 * app.route('/', catalogueApiRoutes({ search, repo })); // GET /api/v1/solutions?maturite=production&limite=10
 */
export function catalogueApiRoutes(deps: { search: PublicSearch; repo: CatalogueRepository }) {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const params = c.req.queries();
    const unknown = Object.keys(params).filter((name) => !KNOWN_PARAMS.has(name));
    const parsed = parseSearchParams(params, 'api');
    const errors = [
      ...unknown.map((name) => ({ param: name, message: `Paramètre inconnu : « ${name} ».` })),
      ...parsed.errors,
    ];
    if (errors.length > 0) return jsonBadRequest(c, errors);
    const { result, near } = await deps.search.search(parsed.query, parsed.near);
    if (near && near.status !== 'chosen') {
      return jsonBadRequest(c, [
        { param: 'pres', message: '« pres » attend le code INSEE d’une commune du COG.' },
      ]);
    }
    const solutions = await deps.repo.solutionsByIds(result.items.map((i) => i.id));
    const counts = new Map(result.items.map((i) => [i.id, { users: i.users, interested: i.interested }]));
    const next = new URLSearchParams(c.req.url.split('?')[1] ?? '');
    if (result.nextCursor) next.set('curseur', result.nextCursor);
    const facettes: Record<string, Record<string, number>> = {};
    for (const facet of FACETS) {
      facettes[FACET_PARAMS[facet]] = Object.fromEntries(
        result.facets[facet].filter((v) => v.count > 0).map((v) => [v.value, v.count]),
      );
    }
    return jsonWithEtag(c, {
      total: result.total,
      tri: result.sort,
      limite: result.perPage,
      curseurSuivant: result.nextCursor,
      suivant: result.nextCursor ? `${BASE}?${next.toString()}` : null,
      resultats: solutions.map((s) => toSolutionRecord(s, counts.get(s.id) ?? { users: 0, interested: 0 })),
      facettes,
    });
  });

  app.get(`${BASE}/:id`, async (c) => {
    const id = c.req.param('id');
    const solution = id.length > 100 ? null : await deps.repo.solution(id);
    if (solution?.status !== 'publiee') {
      return jsonWithEtag(c, { erreur: 'Aucune solution publiée ne porte cet identifiant.' }, 404);
    }
    const uses = await deps.repo.usesOfSolution(solution.id);
    const users = uses.filter((u) => u.status === 'utilise').length;
    return jsonWithEtag(c, {
      ...toSolutionRecord(solution, { users, interested: uses.length - users }),
      utilisateurs: uses.map((u) => toUseRecord(u, solution.name)),
    });
  });

  app.all(`${BASE}/*`, (c) =>
    jsonWithEtag(
      c,
      { erreur: 'Adresse inconnue : voyez /api/v1/openapi.json pour la liste des adresses.' },
      404,
    ),
  );
  app.onError((error, c) => {
    c.get('logger')?.error({ err: error, path: c.req.path }, 'erreur de l’API du catalogue');
    return c.json({ erreur: 'Erreur interne : réessayez dans un instant.' }, 500);
  });
  return app;
}
