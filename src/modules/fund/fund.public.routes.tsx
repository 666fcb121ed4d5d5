import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import { apiRoutes } from './api/api.routes.js';
import type { ApiDocumentPart } from './api/openapi.js';
import { ruleInForce } from './fund.domain.js';
import { opendataRoutes } from './opendata/opendata.routes.js';
import type { FundPublicService } from './search/public-service.js';
import { parseSearchParams } from './search/search.params.js';
import { DispositifPage, DispositifsPage } from './views/public/dispositif-pages.js';
import { LaureatPage } from './views/public/laureat-page.js';
import { SearchPage } from './views/public/search-page.js';

const LAUREATS = { label: 'Lauréats', href: '/laureats' };
const DISPOSITIFS = { label: 'Dispositifs', href: '/dispositifs' };

/**
 * The fund's public routes, every page the same for every visitor (`shareable`, so the page cache keeps them
 * for anonymous visitors):
 * - `/laureats?q=…&dispositif=…&theme=…&region=…&departement=…&type=…&population=…&montant=…&statut=…
 *   &annee=…&commune=…&epci=…&siren=…&pres_de=…&rayon=…&tri=…&page=…`: the search (see search.params.ts);
 * - `/laureats/<id>`: a lauréat;
 * - `/dispositifs`, `/dispositifs/<code>`: the fund, its axes and their dated rules;
 * - `/donnees` and its files, `/api/v1/…`: see opendata.routes.tsx and api.routes.ts.
 *
 * @example
 * app.route('/', fundPublicRoutes({ service }));
 */
export function fundPublicRoutes(deps: {
  service: FundPublicService;
  apiDocuments?: readonly ApiDocumentPart[];
}) {
  const app = new Hono<AppEnv>();
  const { service } = deps;

  app.get('/laureats', async (c) => {
    const parsed = parseSearchParams(c.req.queries(), 'page');
    const [{ result, near }, names] = await Promise.all([
      service.search(parsed.query, parsed.near),
      service.names(),
    ]);
    const q = parsed.query;
    const title = `${q.text ? `Lauréats pour « ${q.text} »` : 'Lauréats'}${result.page > 1 ? ` — page ${result.page}` : ''}`;
    return renderPage(
      c,
      { title, breadcrumb: [{ label: LAUREATS.label }], shareable: true, searchQuery: undefined },
      <SearchPage
        state={{ query: { ...q, page: result.page }, nearInput: parsed.near }}
        result={result}
        names={names}
        near={near}
      />,
    );
  });
  app.get('/laureats/', (c) => c.redirect('/laureats', 301));

  app.get('/laureats/:id', async (c, next) => {
    const laureat = await service.laureat(c.req.param('id'));
    if (!laureat) return next();
    const names = await service.names();
    // Judged by the rule in force when filed; without a filing date, the decision date is the closest known.
    const rule = ruleInForce(laureat.dispositifCode, laureat.filedOn ?? laureat.decidedOn);
    return renderPage(
      c,
      {
        title: laureat.title,
        breadcrumb: [LAUREATS, { label: laureat.title }],
        description: laureat.summary.slice(0, 160) || undefined,
        shareable: true,
      },
      <LaureatPage laureat={laureat} rule={rule} names={names} />,
    );
  });

  app.get('/dispositifs', async (c) => {
    const { dispositifs, stats } = await service.dispositifs();
    return renderPage(
      c,
      { title: 'Les dispositifs du fonds', breadcrumb: [{ label: DISPOSITIFS.label }], shareable: true },
      <DispositifsPage dispositifs={dispositifs} stats={stats} />,
    );
  });
  app.get('/dispositifs/', (c) => c.redirect('/dispositifs', 301));

  app.get('/dispositifs/:code', async (c, next) => {
    const { dispositifs, rules, stats } = await service.dispositifs();
    const dispositif = dispositifs.find((d) => d.code === c.req.param('code'));
    if (!dispositif) return next();
    const [{ result }, names] = await Promise.all([
      service.search({ facets: { dispositifs: [dispositif.code] }, sort: 'date', perPage: 5 }),
      service.names(),
    ]);
    return renderPage(
      c,
      { title: dispositif.label, breadcrumb: [DISPOSITIFS, { label: dispositif.label }], shareable: true },
      <DispositifPage
        dispositif={dispositif}
        rules={rules.filter((r) => r.dispositifCode === dispositif.code)}
        stats={stats[dispositif.code] ?? { count: 0, amountEur: 0 }}
        latest={result.items}
        names={names}
      />,
    );
  });

  app.route('/', opendataRoutes({ service }));
  app.route('/', apiRoutes({ service, documents: deps.apiDocuments }));
  return app;
}
