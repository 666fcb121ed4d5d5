import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * The site's content security policy. Scripts, styles and fonts come from the site itself, images also as
 * `data:` URLs; no page runs an inline script or style, so the policy needs no nonce and is the same for every
 * response (which lets shared caches and the page cache replay it unchanged).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every response's security headers. The referrer policy must send the origin on same-site requests: with
 * `no-referrer`, Chromium sends `Origin: null` on a form's POST, which the CSRF check rightly refuses.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

const ENTRIES = Object.entries(SECURITY_HEADERS);

/**
 * Puts the security headers on every response. A response may set one of them itself (a download's sandbox
 * policy): its own value wins.
 *
 * On Node, the headers go on Node's response before the route runs, where Node merges them with the route's
 * answer: the web `Response` is never touched, which saves turning a light response (a redirect, a cached page)
 * into a full one on each request. Elsewhere (`app.request()` in tests) they are added to the response after.
 *
 * @example
 * app.use(securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function') {
      for (const [name, value] of ENTRIES) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    const headers = c.res.headers;
    for (const [name, value] of ENTRIES) if (!headers.has(name)) headers.set(name, value);
  };
}
