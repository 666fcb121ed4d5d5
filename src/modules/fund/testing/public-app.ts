/**
 * The fund's public routes and the territories' pages in a small app of their own, with the platform
 * middleware they need (navigation, the platform's security headers, static assets, error pages): for
 * the public side's HTTP and browser tests, until the app mounts the fund module.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { AppEnv } from '../../../platform/http/context.js';
import { errorPage, notFoundPage } from '../../../platform/http/errors.js';
import { securityHeaders } from '../../../platform/http/security-headers.js';
import { staticFolder } from '../../../platform/http/static.js';
import { createLogger } from '../../../platform/logger.js';
import { APP_ASSETS_DIR, APP_PREFIX, DSFR_DIST, DSFR_PREFIX } from '../../../platform/ui/assets-paths.js';
import type { Clock } from '../../../ports/clock.js';
import { createTerritoriesModule } from '../../territories/index.js';
import { createFundPublic } from '../fund.public.js';

/**
 * @example
 * const { app, fundPublic } = standaloneFundPublicApp({ db, dialect: 'sqlite', clock });
 * await app.request('/laureats?statut=livre');
 */
export function standaloneFundPublicApp(deps: { db: Kysely<Database>; dialect: Dialect; clock: Clock }) {
  const territories = createTerritoriesModule({ db: deps.db, clock: deps.clock });
  const fundPublic = createFundPublic({ ...deps, territories });
  territories.addSections(fundPublic.territorySection);
  const navigation = [...fundPublic.navigation, ...territories.navigation];
  const app = new Hono<AppEnv>();
  const logger = createLogger('silent');
  app.use(async (c, next) => {
    c.set('logger', logger);
    c.set('reqId', crypto.randomUUID());
    c.set('navigation', navigation);
    await next();
  });
  // The app's security headers and policy (src/app.ts).
  app.use(securityHeaders());
  app.get(`${DSFR_PREFIX}*`, staticFolder(DSFR_DIST, DSFR_PREFIX));
  app.get(`${APP_PREFIX}*`, staticFolder(APP_ASSETS_DIR, APP_PREFIX));
  app.route('/', fundPublic.routes);
  app.route('/', territories.routes);
  app.notFound(notFoundPage);
  app.onError(errorPage);
  return { app, fundPublic, territories };
}
