/**
 * The results dashboard of the fund (`/resultats`) and its demonstration data, for the app to mount.
 *
 * Glossary: lauréat — a financed project; dispositif — an axe of the fund (axe 1, 2, 2 bis, 3); porteur — the
 * organisation (by SIREN) that carries a lauréat; enveloppe — the euros a dispositif may grant.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import { computeDashboard } from './dashboard/aggregations.js';
import { createFiguresCache } from './dashboard/cache.js';
import { seedDemoLaureats } from './demo/seed.js';
import { dashboardRoutes } from './fund.dashboard.routes.js';

export type { DashboardFigures } from './dashboard/figures.js';
export type { SeedReport } from './demo/seed.js';

/** How long figures computed by this process are trusted when another process may have changed the data. */
export const DASHBOARD_TTL_MS = 5 * 60_000;

/**
 * Builds the dashboard: its routes, its navigation entry, the cache of its figures and the demo seeding.
 * `invalidate()` after any change of lauréats (the import calls it); `onChange` tells the page cache.
 * The queries are the same on both databases: `dialect` is taken for symmetry with the other modules.
 *
 * @example
 * const dashboard = createFundDashboard({ db, dialect, clock });
 * app.route('/', dashboard.routes);
 * dashboard.onChange(() => pageCache.clear());
 * await dashboard.seedDemoLaureats(); // once the COG is loaded; a no-op when lauréats exist
 */
export function createFundDashboard(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  ttlMs?: number;
}) {
  const cache = createFiguresCache({
    compute: () => computeDashboard(deps.db, deps.clock.now()),
    ttlMs: deps.ttlMs ?? DASHBOARD_TTL_MS,
    now: () => deps.clock.now().getTime(),
  });
  const navigation: NavItem[] = [{ label: 'Résultats', href: '/resultats' }];
  return {
    routes: dashboardRoutes({ figures: cache }),
    navigation,
    /** Forgets the figures (and tells `onChange` listeners): call it after lauréats change. */
    invalidate: () => cache.invalidate(),
    /** Called on every invalidation: clear the page cache there. */
    onChange: (listener: () => void) => cache.onInvalidate(listener),
    /** The figures, from the cache (computing them when needed): for a warm-up at startup, and tests. */
    figures: () => cache.get(),
    /** Inserts the 5,000 demonstration lauréats into an empty fund, then invalidates. */
    async seedDemoLaureats(options: { seed?: number; count?: number } = {}) {
      const report = await seedDemoLaureats(deps.db, options);
      if (report.inserted > 0) cache.invalidate();
      return report;
    },
  };
}

export type FundDashboard = ReturnType<typeof createFundDashboard>;
