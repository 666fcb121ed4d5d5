import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg)/;

/**
 * ETag and compression for generated responses: a strong ETag over the uncompressed bytes (a matching
 * `If-None-Match` gets a 304 with no body), then Brotli or gzip as the client accepts. Responses that
 * already carry a Content-Encoding (pre-compressed static files) pass through.
 *
 * @example
 * app.use(etagAndCompression());
 */
export function etagAndCompression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200) return;
    // Headers first: touching `res.body` turns the adapter's light response into a stream, which costs.
    const headers0 = c.res.headers;
    // Responses that made their own ETag or encoding (static files, cached pages) have handled both already.
    if (headers0.get('content-encoding') || headers0.get('etag')) return;
    if (!COMPRESSIBLE.test(headers0.get('content-type') ?? '')) return;
    const res = c.res;
    if (!res.body) return;

    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    headers.set('etag', etag);
    headers.append('vary', 'Accept-Encoding');
    const inm = c.req.header('if-none-match');
    if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      headers.delete('content-length');
      c.res = new Response(null, { status: 304, headers });
      return;
    }
    const accept = c.req.header('accept-encoding') ?? '';
    let out: Buffer = body;
    if (body.length >= 1024) {
      if (/\bbr\b/.test(accept)) {
        out = await br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
        headers.set('content-encoding', 'br');
      } else if (/\bgzip\b/.test(accept)) {
        out = await gz(body, { level: 6 });
        headers.set('content-encoding', 'gzip');
      }
    }
    headers.set('content-length', String(out.length));
    c.res = new Response(method === 'HEAD' ? null : new Uint8Array(out), { status: 200, headers });
  };
}
