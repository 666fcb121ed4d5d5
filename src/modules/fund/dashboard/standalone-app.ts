/**
 * The dashboard's routes in a small app of their own with the platform middleware that serves them in
 * production (navigation, security headers with the app's CSP, ETag and compression, the anonymous page
 * cache, static assets, error pages): for this feature's HTTP and browser tests and its benchmark, until the
 * app mounts the fund.
 */
import { Hono } from 'hono';
import { etagAndCompression } from '../../../platform/http/compression.js';
import type { AppEnv } from '../../../platform/http/context.js';
import { errorPage, notFoundPage } from '../../../platform/http/errors.js';
import { createPageCache } from '../../../platform/http/page-cache.js';
import { securityHeaders } from '../../../platform/http/security-headers.js';
import { staticFolder } from '../../../platform/http/static.js';
import { createLogger } from '../../../platform/logger.js';
import { APP_ASSETS_DIR, APP_PREFIX, DSFR_DIST, DSFR_PREFIX } from '../../../platform/ui/assets-paths.js';
import type { Clock } from '../../../ports/clock.js';
import type { FundDashboard } from '../fund.dashboard.js';

/**
 * @example
 * const app = standaloneDashboardApp(createFundDashboard({ db, dialect, clock }), clock);
 * await app.request('/resultats');
 */
export function standaloneDashboardApp(dashboard: FundDashboard, clock: Clock): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const logger = createLogger('silent');
  app.use(async (c, next) => {
    c.set('logger', logger);
    c.set('reqId', crypto.randomUUID());
    c.set('navigation', dashboard.navigation);
    await next();
  });
  app.use(etagAndCompression());
  // The app's security headers and policy (src/app.ts).
  app.use(securityHeaders());
  app.get(`${DSFR_PREFIX}*`, staticFolder(DSFR_DIST, DSFR_PREFIX));
  app.get(`${APP_PREFIX}*`, staticFolder(APP_ASSETS_DIR, APP_PREFIX));
  const pageCache = createPageCache({ maxEntries: 2000, ttlMs: 30_000, now: () => clock.now().getTime() });
  dashboard.onChange(() => pageCache.clear());
  app.use(pageCache.middleware);
  app.route('/', dashboard.routes);
  app.notFound(notFoundPage);
  app.onError(errorPage);
  return app;
}
