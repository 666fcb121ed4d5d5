import { type Context, Hono, type Next } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import { COLLECTION_LIST, COLLECTIONS, type CollectionDef } from './news.domain.js';
import { buildFeed } from './news.feeds.js';
import { listQuerySchema } from './news.schemas.js';
import type { NewsQueries } from './news.service.js';
import { ItemPage } from './views/item-page.js';
import { ListPage } from './views/list-page.js';
import { ProgrammePage } from './views/programme-page.js';

const FEED_SIZE = 30;

/**
 * Publication's routes: a list and two feeds per listed collection, the programme index, and every item at its
 * address (the catch-all is mounted last by the app, so that any permalink of a page TNT works).
 */
export function newsRoutes(deps: { queries: NewsQueries; publicUrl: string }) {
  const app = new Hono<AppEnv>();
  const { queries } = deps;

  for (const collection of COLLECTION_LIST.filter((c) => c.listed)) {
    const base = collection.basePath;
    app.get(base, async (c) => {
      const q = listQuerySchema.parse(c.req.query());
      const result = await queries.list({
        collection: collection.key,
        categorie: q.categorie,
        tag: q.tag,
        sort: q.tri,
        page: q.page,
      });
      const state = { categorie: q.categorie, tag: q.tag, tri: q.tri };
      return renderPage(
        c,
        {
          title: result.page > 1 ? `${collection.label} — page ${result.page}` : collection.label,
          shareable: true,
          breadcrumb: [{ label: collection.label }],
          headLinks: feedLinks(collection),
        },
        <ListPage collection={collection} result={result} state={state} />,
      );
    });
    app.get(base.slice(0, -1), (c) => c.redirect(base, 301));
    app.get(`${base}rss.xml`, async (c) => {
      const feed = buildFeed(collection, await queries.latest([collection.key], FEED_SIZE), deps.publicUrl);
      return c.body(feed.rss2(), 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    });
    app.get(`${base}atom.xml`, async (c) => {
      const feed = buildFeed(collection, await queries.latest([collection.key], FEED_SIZE), deps.publicUrl);
      return c.body(feed.atom1(), 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    });
  }

  app.get(COLLECTIONS.tnt.basePath, async (c, next) => {
    // A page TNT may itself own this address; it wins over the index.
    if (await queries.findByPath(c.req.path)) return next();
    const pages = await queries.programmePages();
    return renderPage(
      c,
      { title: COLLECTIONS.tnt.label, breadcrumb: [{ label: COLLECTIONS.tnt.label }], shareable: true },
      <ProgrammePage pages={pages} />,
    );
  });

  return app;
}

/**
 * Any published item at its address; an address without its trailing slash is redirected to it, as the
 * programme's static site did.
 */
export function newsItemRoute(deps: { queries: NewsQueries }) {
  return async (c: Context<AppEnv>, next: Next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path.length > 500) return next();
    const item = await deps.queries.findByPath(path);
    if (!item && !path.endsWith('/')) {
      const withSlash = await deps.queries.findByPath(`${path}/`);
      if (withSlash) return c.redirect(`${path}/`, 301);
    }
    if (!item) return next();
    const collection = COLLECTIONS[item.collection];
    const breadcrumb = [{ label: collection.label, href: collection.basePath }, { label: item.title }];
    return renderPage(
      c,
      {
        title: item.title,
        breadcrumb,
        shareable: true,
        description: item.bodyText.slice(0, 160) || undefined,
        headLinks: collection.listed ? feedLinks(collection) : undefined,
      },
      <ItemPage item={item} />,
    );
  };
}

function feedLinks(collection: CollectionDef) {
  return [
    {
      rel: 'alternate',
      type: 'application/rss+xml',
      href: `${collection.basePath}rss.xml`,
      title: `${collection.label} (RSS)`,
    },
    {
      rel: 'alternate',
      type: 'application/atom+xml',
      href: `${collection.basePath}atom.xml`,
      title: `${collection.label} (Atom)`,
    },
  ];
}
