import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../../platform/http/context.js';
import type { NavItem } from '../../platform/ui/layout.js';
import { renderPage } from '../../platform/ui/render.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { SearchIndex } from '../../ports/search-index.js';
import type { NewsModule } from '../news/index.js';
import { searchQuerySchema } from './site.schemas.js';
import { HomePage } from './views/home-page.js';
import { SearchPage } from './views/search-page.js';
import { STATIC_PAGES } from './views/static-pages.js';

const SEARCH_PER_PAGE = 10;

/**
 * The site's own pages: home, search over every published content, legal pages, site map, sitemap.xml,
 * robots.txt, and the files imported under `/uploads/`.
 */
export function siteRoutes(deps: {
  news: NewsModule;
  search: SearchIndex;
  storage: FileStorage;
  publicUrl: string;
  navigation: () => NavItem[];
}) {
  const app = new Hono<AppEnv>();
  const { news } = deps;

  app.get('/', async (c) => {
    const [communiques, actualites, evenements] = await Promise.all([
      news.queries.latest(['communiques'], 3),
      news.queries.latest(['actualites'], 3),
      news.queries.latest(['evenements'], 3),
    ]);
    return renderPage(
      c,
      { title: 'Numérique & Territoires', shareable: true },
      <HomePage communiques={communiques} actualites={actualites} evenements={evenements} />,
    );
  });

  app.get('/recherche', async (c) => {
    const q = searchQuerySchema.parse(c.req.query());
    const result = q.q
      ? await deps.search.search({
          text: q.q,
          kinds: q.type ? [q.type] : undefined,
          limit: SEARCH_PER_PAGE,
          offset: (q.page - 1) * SEARCH_PER_PAGE,
        })
      : null;
    return renderPage(
      c,
      {
        title: q.q ? `Recherche « ${q.q} »` : 'Rechercher',
        breadcrumb: [{ label: 'Rechercher' }],
        searchQuery: q.q,
        shareable: true,
      },
      <SearchPage q={q.q} type={q.type} result={result} page={q.page} perPage={SEARCH_PER_PAGE} />,
    );
  });

  for (const [path, page] of Object.entries(STATIC_PAGES)) {
    app.get(path, (c) =>
      renderPage(c, { title: page.title, breadcrumb: [{ label: page.title }], shareable: true }, page.body()),
    );
  }

  app.get('/plan-du-site', async (c) => {
    const pages = await news.queries.programmePages();
    return renderPage(
      c,
      { title: 'Plan du site', breadcrumb: [{ label: 'Plan du site' }], shareable: true },
      <>
        <h1>Plan du site</h1>
        <ul>
          <li>
            <a href="/">Accueil</a>
          </li>
          {deps.navigation().map((item) => (
            <li>
              <a href={item.href}>{item.label}</a>
              {item.href === '/programme-tnt/' && pages.length > 0 ? (
                <ul>
                  {pages.map((p) => (
                    <li>
                      <a href={p.path}>{p.data.menu?.title ?? p.title}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
          <li>
            <a href="/recherche">Rechercher</a>
          </li>
          {Object.entries(STATIC_PAGES).map(([href, p]) => (
            <li>
              <a href={href}>{p.title}</a>
            </li>
          ))}
        </ul>
      </>,
    );
  });

  app.get('/sitemap.xml', async (c) => {
    const entries = await news.queries.sitemapEntries();
    const fixed = [
      '/',
      ...deps.navigation().map((n) => n.href),
      ...Object.keys(STATIC_PAGES),
      '/plan-du-site',
    ];
    const urls = [
      ...[...new Set(fixed)].map((p) => `<url><loc>${xml(deps.publicUrl + p)}</loc></url>`),
      ...entries.map(
        (e) =>
          `<url><loc>${xml(deps.publicUrl + e.path)}</loc><lastmod>${e.updatedAt.slice(0, 10)}</lastmod></url>`,
      ),
    ];
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    return c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
  });

  app.get('/robots.txt', (c) =>
    c.text(`User-agent: *\nAllow: /\nDisallow: /recherche\n\nSitemap: ${deps.publicUrl}/sitemap.xml\n`),
  );

  app.get('/uploads/*', async (c) => {
    let key: string;
    try {
      key = decodeURIComponent(c.req.path.slice('/uploads/'.length));
    } catch {
      return c.notFound();
    }
    const file = await deps.storage.open(key);
    if (!file) return c.notFound();
    c.header('content-type', uploadType(key));
    c.header('content-length', String(file.size));
    c.header('cache-control', 'public, max-age=86400');
    c.header('last-modified', file.mtime.toUTCString());
    return stream(c, async (s) => {
      for await (const chunk of file.stream) await s.write(chunk as Uint8Array);
    });
  });

  return app;
}

function xml(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const UPLOAD_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

function uploadType(key: string) {
  return UPLOAD_TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
