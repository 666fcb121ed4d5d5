import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Clock } from '../../ports/clock.js';
import type { AppEnv } from './context.js';

/**
 * A fixed-window limit per client address and route group. Kept in memory: it protects one process from
 * floods; a shared limit across processes belongs to the load balancer in front.
 *
 * @example
 * app.post('/connexion', rateLimit({ limit: 10, windowMs: 60_000, clock }), handler);
 */
export function rateLimit(opts: {
  limit: number;
  windowMs: number;
  clock: Clock;
  key?: string;
}): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const now = opts.clock.now().getTime();
    const ip = clientAddress(c.env as Record<string, unknown> | undefined);
    const key = `${opts.key ?? c.req.routePath}:${ip}`;
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

/** The socket's address; X-Forwarded-For is not read, since any client can write it. */
export function clientAddress(env: Record<string, unknown> | undefined): string {
  const incoming = env?.incoming as { socket?: { remoteAddress?: string } } | undefined;
  return incoming?.socket?.remoteAddress || 'inconnu';
}
