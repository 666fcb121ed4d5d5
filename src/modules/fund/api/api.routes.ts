import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { jsonBadRequest, jsonWithEtag } from '../../../platform/http/json.js';
import type { Laureat } from '../fund.domain.js';
import { toOpenDataRecord } from '../opendata/record.js';
import type { FundPublicService } from '../search/public-service.js';
import { FACET_PARAMS, NEAR_PARAMS, parseSearchParams } from '../search/search.params.js';
import { FACETS } from '../search/search.types.js';
import { type ApiDocumentPart, openApiWith } from './openapi.js';

const BASE = '/api/v1';
const KNOWN_PARAMS = new Set([
  ...Object.values(FACET_PARAMS),
  'q',
  'commune',
  'epci',
  'siren',
  NEAR_PARAMS.code,
  NEAR_PARAMS.km,
  'tri',
  'limite',
  'curseur',
]);

/** A lauréat as the API gives it: the open data record, its page's address, and what only the page shows. */
function itemOf(l: Laureat) {
  return { ...toOpenDataRecord(l), url: `/laureats/${encodeURIComponent(l.id)}` };
}

/**
 * The open data API, read-only (`/api/v1/…`): lauréats with the search's filters as codes and cursor
 * pagination, one lauréat, the dispositifs, and the OpenAPI 3.1 description. Every answer is JSON, errors
 * included (400 for a bad parameter, 404 for an unknown address), in French.
 *
 * @example
 * app.route('/', apiRoutes({ service })); // GET /api/v1/laureats?departement=38&limite=10
 */
export function apiRoutes(deps: {
  service: FundPublicService;
  /** Other modules' parts of the description, read at each request (they are added after start). */
  documents?: readonly ApiDocumentPart[];
}) {
  const app = new Hono<AppEnv>();
  const { service } = deps;

  app.get(`${BASE}/laureats`, async (c) => {
    const params = c.req.queries();
    const unknown = Object.keys(params).filter((name) => !KNOWN_PARAMS.has(name));
    const parsed = parseSearchParams(params, 'api');
    const errors = [
      ...unknown.map((name) => ({ param: name, message: `Paramètre inconnu : « ${name} ».` })),
      ...parsed.errors,
    ];
    if (errors.length > 0) return jsonBadRequest(c, errors);
    const { result, near } = await service.search(parsed.query, parsed.near);
    if (near && near.status !== 'chosen') {
      const message =
        near.status === 'none' && near.reason === 'sans-position'
          ? 'La position de cette commune n’est pas connue : la distance ne peut pas être comptée.'
          : '« pres_de » attend le code INSEE d’une commune du COG (une ancienne commune mène à la commune actuelle).';
      return jsonBadRequest(c, [{ param: NEAR_PARAMS.code, message }]);
    }
    const laureats = await service.laureats(result.items.map((i) => i.id));
    const next = new URLSearchParams(c.req.url.split('?')[1] ?? '');
    if (result.nextCursor) next.set('curseur', result.nextCursor);
    const facettes: Record<string, Record<string, number>> = {};
    for (const facet of FACETS) {
      facettes[FACET_PARAMS[facet]] = Object.fromEntries(
        result.facets[facet].filter((v) => v.count > 0).map((v) => [v.value, v.count]),
      );
    }
    if (result.near) {
      facettes[NEAR_PARAMS.km] = Object.fromEntries(result.near.map((r) => [String(r.km), r.count]));
    }
    const distanceOf = new Map(result.items.map((i) => [i.id, i.distanceKm]));
    return jsonWithEtag(c, {
      total: result.total,
      montantTotal: result.totalAmountEur,
      tri: result.sort,
      limite: result.perPage,
      curseurSuivant: result.nextCursor,
      suivant: result.nextCursor ? `${BASE}/laureats?${next.toString()}` : null,
      resultats: laureats.map((l) => {
        const km = distanceOf.get(l.id);
        return km === undefined ? itemOf(l) : { ...itemOf(l), distanceKm: Math.round(km * 10) / 10 };
      }),
      facettes,
    });
  });

  app.get(`${BASE}/laureats/:id`, async (c) => {
    const l = await service.laureat(c.req.param('id'));
    if (!l) return jsonWithEtag(c, { erreur: 'Aucun lauréat ne porte cet identifiant.' }, 404);
    return jsonWithEtag(c, {
      ...itemOf(l),
      resume: l.summary,
      typePorteur: l.porteur.kind,
      coporteurs: l.coporteurs,
      realisations: l.outputs,
      dateDepot: l.filedOn,
    });
  });

  app.get(`${BASE}/dispositifs`, async (c) => {
    const { dispositifs, rules, stats } = await service.dispositifs();
    return jsonWithEtag(c, {
      resultats: dispositifs.map((d) => ({
        code: d.code,
        libelle: d.label,
        operateur: d.operateur,
        enveloppe: d.envelopeEur,
        debut: d.periodStart,
        fin: d.periodEnd,
        description: d.description,
        themes: d.themes,
        laureats: stats[d.code]?.count ?? 0,
        montantAccorde: stats[d.code]?.amountEur ?? 0,
        regles: rules
          .filter((r) => r.dispositifCode === d.code)
          .map((r) => ({
            enVigueurDepuis: r.validFrom,
            populationMinimale: r.minPopulation,
            departementEligible: r.departementEligible,
            partMaximaleEtat: r.maxStateShare,
            forfait: r.flatAmountEur,
            precisions: r.notes,
          })),
      })),
    });
  });

  app.get(`${BASE}/openapi.json`, (c) => jsonWithEtag(c, openApiWith(deps.documents ?? [])));

  // Last of the platform's API routes (the app mounts the other modules' before the fund's).
  app.all(`${BASE}/*`, (c) =>
    jsonWithEtag(
      c,
      { erreur: 'Adresse inconnue : voyez /api/v1/openapi.json pour la liste des adresses.' },
      404,
    ),
  );
  app.all(BASE, (c) => c.redirect(`${BASE}/openapi.json`, 302));

  app.onError((error, c) => {
    c.get('logger')?.error({ err: error, path: c.req.path }, 'erreur de l’API');
    return c.json({ erreur: 'Erreur interne : réessayez dans un instant.' }, 500);
  });
  return app;
}
