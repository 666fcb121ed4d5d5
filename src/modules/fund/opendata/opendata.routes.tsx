import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import type { FundPublicService } from '../search/public-service.js';
import { DonneesPage } from '../views/public/donnees-page.js';
import { XLSX_TYPE } from './exports.js';

const FILES = {
  csv: { type: 'text/csv; charset=utf-8', compress: true },
  json: { type: 'application/json; charset=utf-8', compress: true },
  // An XLSX file is a zip already.
  xlsx: { type: XLSX_TYPE, compress: false },
} as const;

/**
 * `/donnees`, the dataset's documentation, and its files `/donnees/laureats.{csv,json,xlsx}`: streamed, with
 * an ETag made from the lauréats' fingerprint (count, last change, index version), so a client that has the
 * current file gets a 304 without the database being read; CSV and JSON gzipped on the fly when accepted.
 *
 * @example
 * app.route('/', opendataRoutes({ service }));
 */
export function opendataRoutes(deps: { service: FundPublicService }) {
  const app = new Hono<AppEnv>();
  const { opendata } = deps.service;

  app.get('/donnees', async (c) => {
    const { count, demonstration } = await opendata.summary();
    return renderPage(
      c,
      {
        title: 'Données ouvertes des lauréats',
        breadcrumb: [{ label: 'Données ouvertes' }],
        shareable: true,
      },
      <DonneesPage count={count} demonstration={demonstration} />,
    );
  });
  app.get('/donnees/', (c) => c.redirect('/donnees', 301));

  for (const format of Object.keys(FILES) as Array<keyof typeof FILES>) {
    app.get(`/donnees/laureats.${format}`, async (c) => serveFile(c, format, deps.service));
  }
  return app;
}

async function serveFile(c: Context<AppEnv>, format: keyof typeof FILES, service: FundPublicService) {
  const spec = FILES[format];
  const fingerprint = await service.opendata.fingerprint();
  const etag = `"${createHash('sha1').update(`${format}:${fingerprint}`).digest('base64url')}"`;
  const headers: Record<string, string> = {
    'content-type': spec.type,
    'content-disposition': `attachment; filename="laureats.${format}"`,
    etag,
    'cache-control': 'no-cache',
    'access-control-allow-origin': '*',
    vary: 'Accept-Encoding',
  };
  const inm = c.req.header('if-none-match');
  if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304, headers);
  }
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  let body = service.opendata[format]();
  if (spec.compress && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    headers['content-encoding'] = 'gzip';
    const gzip = createGzip({ level: 6 });
    const source = Readable.fromWeb(body as Parameters<typeof Readable.fromWeb>[0]);
    source.on('error', (error) => gzip.destroy(error));
    body = Readable.toWeb(source.pipe(gzip)) as ReadableStream<Uint8Array>;
  }
  return c.body(body, 200, headers);
}
