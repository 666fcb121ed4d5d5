import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../platform/http/context.js';
import type { Crumb } from '../../platform/ui/components.js';
import { renderPage } from '../../platform/ui/render.js';
import {
  COLLECTIVITE_KINDS,
  displayName,
  kindLabel,
  type Territory,
  territoryPath,
} from './territories.domain.js';
import {
  goQuerySchema,
  searchQuerySchema,
  suggestionsQuerySchema,
  territoryPageQuerySchema,
} from './territories.schemas.js';
import type { TerritoryDetails, TerritoryService } from './territories.service.js';
import { AboutPage } from './views/about-page.js';
import { HomePage } from './views/home-page.js';
import { SEARCH_LIMIT, SearchPage } from './views/search-page.js';
import { TerritoryPage } from './views/territory-page.js';

/** What later modules add to a territory's page ("ce qui a été financé ici"). */
export type ExtraSections = (territory: Territory) => Promise<Child[]>;

const HOME: Crumb = { label: 'Territoires', href: '/territoires' };

/**
 * The territories' routes:
 * - `/territoires`: the picker and the régions with their départements;
 * - `/territoires/recherche?q=…&types=…`: the picker without JavaScript, a search form and its results;
 * - `/territoires/suggestions?q=…&types=…&limite=…`: the picker's JSON;
 * - `/territoires/aller?territoire=…&territoire_libelle=…`: where the home page's picker form goes;
 * - `/territoires/a-propos-des-donnees`: the source, the package and the COG edition, with counts;
 * - `/territoires/<key>`: a territory's page — `38185` (commune, INSEE code), `200040715` (EPCI, SIREN),
 *   `departement-38`, `region-84`; a former code, a commune's SIREN or a lower-case Corsican code is
 *   redirected (301) to the current key.
 *
 * @example
 * app.route('/', territoriesRoutes({ territories, extraSections: async (t) => [<FundedHere territory={t} />] }));
 */
export function territoriesRoutes(deps: {
  territories: TerritoryService;
  extraSections: () => ExtraSections[];
}) {
  const app = new Hono<AppEnv>();
  const { territories } = deps;

  app.get('/territoires', async (c) => {
    const regions = await territories.regionsWithDepartements();
    return renderPage(
      c,
      { title: 'Territoires', breadcrumb: [{ label: 'Territoires' }] },
      <HomePage regions={regions} />,
    );
  });
  app.get('/territoires/', (c) => c.redirect('/territoires', 301));

  app.get('/territoires/suggestions', async (c) => {
    const q = suggestionsQuerySchema.parse({ ...c.req.query(), types: c.req.queries('types') });
    const results = q.q ? await territories.search(q.q, { kinds: q.types, limit: q.limite }) : [];
    // The same answer for every visitor until the next edition: shared caches may keep it a while.
    c.header('cache-control', 'public, max-age=3600');
    return c.json({
      requete: q.q,
      resultats: results.map((r) => ({
        code: r.key,
        type: r.kind,
        nom: r.name,
        libelle: r.label,
        precision: r.detail,
        url: `/territoires/${r.key}`,
      })),
    });
  });

  app.get('/territoires/recherche', async (c) => {
    const q = searchQuerySchema.parse({ ...c.req.query(), types: c.req.queries('types') });
    const results = q.q ? await territories.search(q.q, { kinds: q.types, limit: SEARCH_LIMIT }) : null;
    return renderPage(
      c,
      {
        title: q.q ? `Territoires pour « ${q.q} »` : 'Rechercher un territoire',
        breadcrumb: [HOME, { label: 'Rechercher' }],
      },
      <SearchPage q={q.q} kinds={q.types} results={results} />,
    );
  });

  app.get('/territoires/aller', async (c) => {
    const q = goQuerySchema.parse(c.req.query());
    const searchFor = `/territoires/recherche?${new URLSearchParams({ q: q.territoire_libelle })}`;
    if (c.req.query('territoire_rechercher')) return c.redirect(searchFor, 303);
    const pick = await territories.resolvePick(
      { code: q.territoire, text: q.territoire_libelle },
      COLLECTIVITE_KINDS,
    );
    if (pick.status === 'chosen') return c.redirect(territoryPath(pick.territory), 303);
    return c.redirect(pick.status === 'empty' ? '/territoires' : searchFor, 303);
  });

  app.get('/territoires/a-propos-des-donnees', async (c) => {
    const [meta, coordinates] = await Promise.all([territories.about(), territories.coordinatesAbout()]);
    return renderPage(
      c,
      {
        title: 'À propos des données des territoires',
        breadcrumb: [HOME, { label: 'À propos des données' }],
      },
      <AboutPage meta={meta} coordinates={coordinates} />,
    );
  });

  app.get('/territoires/:key', async (c, next) => {
    const key = c.req.param('key');
    if (key.length > 40) return next();
    const found = await territories.lookup(key);
    if (found.status === 'not-found') return next();
    if (found.status === 'moved') return c.redirect(`/territoires/${found.key}`, 301);
    const { page } = territoryPageQuerySchema.parse(c.req.query());
    const details = await territories.details(found.territory, page);
    const extra = (await Promise.all(deps.extraSections().map((section) => section(found.territory)))).flat();
    const t = found.territory;
    return renderPage(
      c,
      {
        title: `${displayName(t)} (${kindLabel(t).toLowerCase()})`,
        breadcrumb: breadcrumb(details),
        description: `${kindLabel(t)} ${displayName(t)} : chiffres clés, territoires de rattachement et projets financés.`,
      },
      <TerritoryPage details={details} extra={extra} />,
    );
  });

  return app;
}

/** Home › Territoires › région › département › the page: the way up, as far as it exists. */
function breadcrumb(details: TerritoryDetails): Crumb[] {
  const crumbs: Crumb[] = [HOME];
  for (const parent of [details.region, details.departement, details.commune]) {
    if (parent) crumbs.push({ label: displayName(parent), href: territoryPath(parent) });
  }
  crumbs.push({ label: displayName(details.territory) });
  return crumbs;
}
