import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.js';
import { clientAddress } from '../../platform/http/rate-limit.js';
import { type Actor, displayName } from './accounts.domain.js';
import type { AccountsService, RequestContext } from './accounts.service.js';
import { type Action, can, type Target } from './policy.js';

/**
 * Loads the person behind the session, once per request, for the routes (`actor`) and the header (`viewer`).
 * A session whose person was deleted counts as logged out.
 */
export function loadActor(service: AccountsService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const personId = await c.var.session.personId();
    const actor = personId ? await service.actorFor(personId) : null;
    c.set('actor', actor);
    c.set(
      'viewer',
      actor
        ? {
            name: displayName(actor.person),
            csrfToken: await c.var.session.csrfToken(),
            adminHref: can(actor, 'admin:access') ? '/admin' : null,
          }
        : null,
    );
    await next();
  };
}

/** The actor of this request (null for a visitor). */
export function actorOf(c: Context<AppEnv>): Actor {
  return (c.get('actor') as Actor | undefined) ?? null;
}

/** Where a logged-out person is sent, coming back here after login. */
export function loginRedirect(c: Context<AppEnv>) {
  const back = c.req.method === 'GET' ? c.req.path : '/mon-compte';
  return c.redirect(`/connexion?retour=${encodeURIComponent(back)}`, 303);
}

/**
 * Guards a route: a visitor is sent to the login page, an actor the policy refuses gets a French 403.
 *
 * @example
 * app.get('/admin/journal', authorize('audit:view'), handler)
 */
export function authorize(
  action: Action,
  target?: (c: Context<AppEnv>) => Target,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = actorOf(c);
    if (!actor) return loginRedirect(c);
    if (!can(actor, action, target?.(c))) {
      throw new HTTPException(403, {
        message:
          'Vous n’avez pas accès à cette page. Si vous pensez que c’est une erreur, contactez un administrateur.',
      });
    }
    await next();
  };
}

/** The request's context for the audit log. */
export function requestContext(c: Context<AppEnv>): RequestContext {
  return { ip: clientAddress(c) };
}

/** A return address is only ever a path of this site: never `//host` nor `https://…`. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string') return '/mon-compte';
  if (!/^\/(?![/\\])[^\s]*$/.test(value) || value.length > 500) return '/mon-compte';
  return value;
}
