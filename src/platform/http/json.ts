import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ParamError } from '../../shared/query-params.js';
import type { AppEnv } from './context.js';

/**
 * A JSON answer of the public API with a strong ETag (a hash of the body): a client sending it back in
 * `If-None-Match` gets a 304 without the body. Readable from any origin, revalidated at each use.
 *
 * @example
 * return jsonWithEtag(c, { total, resultats });
 */
export function jsonWithEtag(c: Context<AppEnv>, value: unknown, status: 200 | 400 | 404 = 200) {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    etag,
    'cache-control': 'no-cache',
    'access-control-allow-origin': '*',
  };
  const inm = c.req.header('if-none-match');
  if (status === 200 && inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, status, headers);
}

/**
 * The public APIs' 400: every refused parameter at once, in French, as JSON.
 *
 * @example
 * if (errors.length > 0) return jsonBadRequest(c, errors);
 */
export function jsonBadRequest(c: Context<AppEnv>, errors: readonly ParamError[]) {
  return jsonWithEtag(
    c,
    {
      erreur: 'Paramètres invalides.',
      details: errors.map((e) => ({ parametre: e.param, message: e.message })),
    },
    400,
  );
}
