/**
 * The territories' routes in a small app of their own, with the platform middleware they need (navigation,
 * the platform's security headers, static assets, error pages): for this module's HTTP and browser tests
 * and its bench, until the app mounts the module (then they can move to `test/helpers/platform.ts`).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { errorPage, notFoundPage } from '../../../platform/http/errors.js';
import { securityHeaders } from '../../../platform/http/security-headers.js';
import { staticFolder } from '../../../platform/http/static.js';
import { createLogger } from '../../../platform/logger.js';
import { APP_ASSETS_DIR, APP_PREFIX, DSFR_DIST, DSFR_PREFIX } from '../../../platform/ui/assets-paths.js';
import type { TerritoriesModule } from '../index.js';

/**
 * @example
 * const app = standaloneTerritoriesApp(createTerritoriesModule({ db, clock }));
 * await app.request('/territoires/38185');
 */
export function standaloneTerritoriesApp(module: TerritoriesModule): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const logger = createLogger('silent');
  app.use(async (c, next) => {
    c.set('logger', logger);
    c.set('reqId', crypto.randomUUID());
    c.set('navigation', module.navigation);
    await next();
  });
  // The app's security headers and policy (src/app.ts).
  app.use(securityHeaders());
  app.get(`${DSFR_PREFIX}*`, staticFolder(DSFR_DIST, DSFR_PREFIX));
  app.get(`${APP_PREFIX}*`, staticFolder(APP_ASSETS_DIR, APP_PREFIX));
  app.route('/', module.routes);
  app.notFound(notFoundPage);
  app.onError(errorPage);
  return app;
}
