import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import { sameToken } from './session.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for every state-changing request, in two layers: the browser's own word on where the request
 * comes from (`Sec-Fetch-Site`, `Origin`), and a per-session token carried by the form (`_csrf`) or the
 * `X-CSRF-Token` header. Either failing gives a French 403 and changes nothing.
 *
 * @example
 * app.use(csrf());
 * // in a form: <input type="hidden" name="_csrf" value={await c.var.session.csrfToken()} />
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw forbidden();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const host = c.req.header('host');
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw forbidden();
      }
      if (!host || originHost !== host) throw forbidden();
    } else if (origin === 'null') {
      throw forbidden();
    }
    const expected = await c.var.session.existingCsrfToken();
    let submitted = c.req.header('x-csrf-token') ?? null;
    if (!submitted) {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
        const field = body._csrf;
        submitted = typeof field === 'string' ? field : null;
      }
    }
    if (!expected || !submitted || !sameToken(expected, submitted)) throw forbidden();
    return next();
  };
}

function forbidden() {
  return new HTTPException(403, {
    message:
      'Votre session a expiré ou le formulaire ne provient pas de ce site. Rechargez la page et réessayez : rien n’a été enregistré.',
  });
}
