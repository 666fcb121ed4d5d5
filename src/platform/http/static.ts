import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

type Cached = { raw: Buffer; br?: Buffer; gzip?: Buffer; type: string; etag: string };

/**
 * Serves the files of one folder under a versioned URL prefix, with a one-year immutable cache lifetime
 * (the version in the path changes when the files do). Files are read once, compressed once, and kept in
 * memory; a path that leaves the folder is a 404.
 *
 * @example
 * app.get('/static/dsfr/1.15.3/*', staticFolder('node_modules/@gouvfr/dsfr/dist', '/static/dsfr/1.15.3/'));
 */
export function staticFolder(root: string, prefix: string) {
  const base = resolve(root);
  const cache = new Map<string, Cached>();
  return async (c: Context) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return c.notFound();
    }
    const file = resolve(base, rel);
    const type = TYPES[extname(file).toLowerCase()];
    if (!type || !file.startsWith(base + sep) || rel.includes('\0')) return c.notFound();
    let entry = cache.get(file);
    if (!entry) {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return c.notFound();
      const raw = await readFile(file);
      entry = { raw, type, etag: `"${createHash('sha1').update(raw).digest('base64url')}"` };
      if (/^(text|application\/json|image\/svg)/.test(type) && raw.length > 1024) {
        entry.br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
        entry.gzip = gzipSync(raw, { level: 9 });
      }
      if (cache.size < 2000) cache.set(file, entry);
    }
    const headers: Record<string, string> = {
      'content-type': entry.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: entry.etag,
      vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
    const accept = c.req.header('accept-encoding') ?? '';
    let body = entry.raw;
    if (entry.br && /\bbr\b/.test(accept)) {
      body = entry.br;
      headers['content-encoding'] = 'br';
    } else if (entry.gzip && /\bgzip\b/.test(accept)) {
      body = entry.gzip;
      headers['content-encoding'] = 'gzip';
    }
    return c.body(new Uint8Array(body), 200, headers);
  };
}
