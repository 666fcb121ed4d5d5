import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import type { CatalogueRepository } from '../catalogue.repository.js';
import { indexVersion } from '../search/text-index.js';
import { CatalogueDonneesPage } from '../views/donnees-page.js';
import { catalogueExports } from './exports.js';

const FILES = {
  'catalogue-solutions.csv': { type: 'text/csv; charset=utf-8', make: 'solutionsCsv' },
  'catalogue-utilisations.csv': { type: 'text/csv; charset=utf-8', make: 'usesCsv' },
  'catalogue.json': { type: 'application/json; charset=utf-8', make: 'json' },
} as const;

/**
 * `/catalogue/donnees` (the dataset's page) and its files under `/donnees/`, streamed, gzipped when accepted,
 * with an ETag from the search index's version (bumped by every write of the catalogue): a client that has
 * the current file gets a 304 without the database being read.
 *
 * @example
 * app.route('/', catalogueOpendataRoutes(repo));
 */
export function catalogueOpendataRoutes(repo: CatalogueRepository) {
  const app = new Hono<AppEnv>();
  const exports = catalogueExports(repo);

  app.get('/catalogue/donnees', async (c) => {
    const [published, demo] = await Promise.all([repo.countByStatus(), repo.hasDemonstration()]);
    return renderPage(
      c,
      {
        title: 'Données ouvertes du catalogue',
        breadcrumb: [{ label: 'Catalogue', href: '/catalogue' }, { label: 'Données ouvertes' }],
        shareable: true,
      },
      <CatalogueDonneesPage count={published.publiee} demonstration={demo} />,
    );
  });

  for (const [name, spec] of Object.entries(FILES)) {
    app.get(`/donnees/${name}`, async (c: Context<AppEnv>) => {
      const etag = `"${createHash('sha1')
        .update(`${name}:${await indexVersion(repo.db)}`)
        .digest('base64url')}"`;
      const headers: Record<string, string> = {
        'content-type': spec.type,
        'content-disposition': `attachment; filename="${name}"`,
        etag,
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        vary: 'Accept-Encoding',
      };
      const inm = c.req.header('if-none-match');
      if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
        return c.body(null, 304, headers);
      if (c.req.method === 'HEAD') return c.body(null, 200, headers);
      let body = exports[spec.make]();
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        headers['content-encoding'] = 'gzip';
        const gzip = createGzip({ level: 6 });
        const source = Readable.fromWeb(body as Parameters<typeof Readable.fromWeb>[0]);
        source.on('error', (error) => gzip.destroy(error));
        body = Readable.toWeb(source.pipe(gzip)) as ReadableStream<Uint8Array>;
      }
      return c.body(body, 200, headers);
    });
  }
  return app;
}
