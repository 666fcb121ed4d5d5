/**
 * The results dashboard's routes:
 * - `/resultats`: the page (shareable: the page cache serves it to visitors who are not logged in);
 * - `/resultats/donnees/<fichier>.csv`: each table's figures as CSV (UTF-8 with BOM, semicolons).
 * Query strings are ignored: the page has one state, and no address can make it fail.
 */
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import type { FiguresCache } from './dashboard/cache.js';
import { tableCsv } from './dashboard/csv.js';
import type { DashboardFigures } from './dashboard/figures.js';
import { dashboardTables } from './dashboard/tables.js';
import { CHARTS_STYLESHEET } from './views/dashboard/assets.js';
import { DashboardPage } from './views/dashboard/dashboard-page.js';
import { DOWNLOAD_PREFIX } from './views/dashboard/data-table.js';

/** What one computation of the figures gives: the page's content and the files, built once each. */
interface Rendered {
  main: Promise<string>;
  files: Map<string, string>;
}

/**
 * @example
 * app.route('/', dashboardRoutes({ figures: createFiguresCache({ compute, ttlMs, now }) }));
 */
export function dashboardRoutes(deps: { figures: FiguresCache<DashboardFigures> }) {
  const app = new Hono<AppEnv>();
  // Keyed by the figures object: a new computation (after an invalidation) renders anew, the old one is freed.
  const rendered = new WeakMap<DashboardFigures, Rendered>();
  const renderedOf = (figures: DashboardFigures): Rendered => {
    let r = rendered.get(figures);
    if (!r) {
      r = {
        main: Promise.resolve((<DashboardPage figures={figures} />).toString()).then(String),
        files: new Map(dashboardTables(figures).map((t) => [t.file, tableCsv(t)])),
      };
      rendered.set(figures, r);
    }
    return r;
  };

  app.get('/resultats', async (c) => {
    const main = await renderedOf(await deps.figures.get()).main;
    return renderPage(
      c,
      {
        title: 'Résultats du fonds',
        breadcrumb: [{ label: 'Résultats' }],
        description:
          'Ce que le fonds « Transformation numérique des collectivités territoriales » a financé, où et pour qui : montants, projets, collectivités, carte.',
        headLinks: [CHARTS_STYLESHEET],
        shareable: true,
      },
      raw(main),
    );
  });
  app.get('/resultats/', (c) => c.redirect('/resultats', 301));
  app.get(`${DOWNLOAD_PREFIX}:file`, async (c) => {
    const file = c.req.param('file');
    const csv = renderedOf(await deps.figures.get()).files.get(file);
    if (!csv) return c.notFound();
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-cache',
    });
  });
  return app;
}
