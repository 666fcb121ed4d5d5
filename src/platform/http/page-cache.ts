import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

type Entry = {
  body: Buffer;
  type: string;
  etag: string;
  storedAt: number;
  /** The headers the whole middleware chain added (security headers…), learnt at the first hit. */
  outer?: Array<[string, string]>;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
};

export interface PageCache {
  /** Middleware for public GET pages: serves a stored copy to visitors who are not logged in. */
  middleware: MiddlewareHandler<AppEnv>;
  /**
   * Mounted first: a request without a session cookie whose page is stored is answered at once, with the
   * headers the chain gave that page the first time. Everything else goes down the chain.
   */
  fastLane(options: {
    sessionCookie: string;
    log?: (c: Context, status: number) => void;
  }): MiddlewareHandler<AppEnv>;
  /** Forgets every page (content changed in this process). */
  clear(): void;
  readonly size: number;
}

/**
 * A cache of rendered public pages, for visitors who are not logged in (a logged-in person's header differs).
 * A page is stored once with its ETag, and compressed at most once per encoding. Pages carry no per-request
 * value (scripts are same-origin files, and the security headers are the same for every response), which is
 * what makes them shareable. The module that changes content clears the cache; `ttlMs` bounds how stale another process's copy
 * can be when several share a database.
 *
 * @example
 * const cache = createPageCache({ maxEntries: 2000, ttlMs: 30_000, now: () => Date.now() });
 * app.get('/actualites/*', cache.middleware, handler); news.onChange(() => cache.clear());
 */
export function createPageCache(opts: { maxEntries: number; ttlMs: number; now: () => number }): PageCache {
  const entries = new Map<string, Entry>();
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.get('viewer')) return next();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit && opts.now() - hit.storedAt < opts.ttlMs) {
      // Refresh the LRU position.
      entries.delete(key);
      entries.set(key, hit);
      return respond(c, hit);
    }
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    // Only pages that said so: a page holding a form's CSRF token or a person's data must never be shared.
    if (
      !c.get('shareable') ||
      res.status !== 200 ||
      !type.startsWith('text/html') ||
      res.headers.get('set-cookie')
    ) {
      return;
    }
    const body = Buffer.from(await res.arrayBuffer());
    const entry: Entry = {
      body,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      storedAt: opts.now(),
    };
    entries.set(key, entry);
    if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as string);
    // Replace rather than merge: the stored copy's headers are the response's.
    c.res = undefined;
    c.res = await respond(c, entry);
  };
  const fresh = (key: string) => {
    const hit = entries.get(key);
    return hit && opts.now() - hit.storedAt < opts.ttlMs ? hit : null;
  };
  const fastLane: PageCache['fastLane'] =
    ({ sessionCookie }) =>
    async (c, next) => {
      const method = c.req.method;
      if (method !== 'GET' && method !== 'HEAD') return next();
      // A session may hold a logged-in person, whose header differs: only cookie-less requests take the lane.
      if ((c.req.header('cookie') ?? '').includes(sessionCookie)) return next();
      const key = c.req.url;
      const hit = fresh(key);
      if (hit?.outer) {
        return respond(c, hit, hit.outer);
      }
      await next();
      const stored = fresh(key);
      if (stored && !stored.outer && c.res.headers.get('x-nt-page-cache')) {
        const outer: Array<[string, string]> = [];
        c.res.headers.forEach((value, name) => {
          if (!PER_RESPONSE.has(name)) outer.push([name, value]);
        });
        stored.outer = outer;
      }
      c.res.headers.delete('x-nt-page-cache');
    };
  return {
    middleware,
    fastLane,
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/** Headers that belong to one response only, never replayed from the fast lane. */
const PER_RESPONSE = new Set([
  'x-request-id',
  'content-length',
  'content-encoding',
  'etag',
  'set-cookie',
  'x-nt-page-cache',
  'content-type',
  'vary',
  'cache-control',
]);

async function respond(c: Context, entry: Entry, outer?: Array<[string, string]>): Promise<Response> {
  const headers: Record<string, string> = {
    ...(outer ? Object.fromEntries(outer) : { 'x-nt-page-cache': '1' }),
    'content-type': entry.type,
    etag: entry.etag,
    vary: 'Accept-Encoding, Cookie',
    'cache-control': 'no-cache',
  };
  const inm = c.req.header('if-none-match');
  if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag)) {
    return c.newResponse(null, 304, headers);
  }
  const accept = c.req.header('accept-encoding') ?? '';
  let body = entry.body;
  if (body.length >= 1024 && /\bbr\b/.test(accept)) {
    entry.br ??= br(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    body = await entry.br;
    headers['content-encoding'] = 'br';
  } else if (body.length >= 1024 && /\bgzip\b/.test(accept)) {
    entry.gzip ??= gz(entry.body, { level: 6 });
    body = await entry.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  // Through the context, so that headers set earlier in the chain (request id) are kept.
  return c.newResponse(
    (c.req.method === 'HEAD' ? null : new Uint8Array(body)) as Uint8Array<ArrayBuffer>,
    200,
    headers,
  );
}
