import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Clock } from '../../ports/clock.js';
import type { AppEnv } from './context.js';

/**
 * A fixed-window limit per client (its address, or its session) and route group. Kept in memory: it protects
 * one process from floods; a shared limit across processes belongs to the load balancer in front.
 *
 * `per: 'session'` counts a form's session (known once the CSRF check has passed) instead of its address:
 * many people behind one administration's proxy each keep their own allowance. Requests without a session
 * fall back to their address.
 *
 * @example
 * app.post('/connexion', rateLimit({ limit: 10, windowMs: 60_000, clock }), handler);
 * app.post('*', rateLimit({ limit: 120, windowMs: 60_000, clock, key: 'ecriture', per: 'session' }));
 */
export function rateLimit(opts: {
  limit: number;
  windowMs: number;
  clock: Clock;
  key?: string;
  per?: 'address' | 'session';
}): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const now = opts.clock.now().getTime();
    const token = opts.per === 'session' ? await c.var.session?.existingCsrfToken() : null;
    const who = token ? `session:${token}` : `adresse:${clientAddress(c)}`;
    const key = `${opts.key ?? c.req.routePath}:${who}`;
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + opts.windowMs };
      hits.set(key, entry);
      if (hits.size > 50_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
    }
    entry.count += 1;
    if (entry.count > opts.limit) {
      c.header('Retry-After', String(Math.ceil((entry.resetAt - now) / 1000)));
      throw new HTTPException(429, {
        message: 'Trop de demandes en peu de temps. Patientez une minute avant de réessayer.',
      });
    }
    return next();
  };
}

/**
 * Resolves the client's address once per request. The socket's address, unless it is one of the
 * `trustedProxies` (the platform's own reverse proxies, from `TRUSTED_PROXIES`): then the nearest address
 * of `X-Forwarded-For` that is not a trusted proxy. Without trusted proxies the header is never read, since
 * any client can write it.
 *
 * @example
 * app.use(resolveClientAddress(['10.0.0.2']));
 */
export function resolveClientAddress(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedProxies.map(normalise));
  return async (c, next) => {
    let address = normalise(socketAddress(c.env as Record<string, unknown> | undefined));
    if (trusted.has(address)) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((h) => normalise(h.trim()))
        .filter(Boolean);
      while (hops.length > 0 && trusted.has(address)) address = hops.pop() as string;
    }
    c.set('clientAddress', address);
    await next();
  };
}

/** The client's address as `resolveClientAddress` found it (the socket's when it did not run). */
export function clientAddress(c: Context<AppEnv>): string {
  return c.var.clientAddress ?? normalise(socketAddress(c.env as Record<string, unknown> | undefined));
}

function socketAddress(env: Record<string, unknown> | undefined): string {
  const incoming = env?.incoming as { socket?: { remoteAddress?: string } } | undefined;
  return incoming?.socket?.remoteAddress || 'inconnu';
}

/** `::ffff:10.0.0.2` and `10.0.0.2` are the same client. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
