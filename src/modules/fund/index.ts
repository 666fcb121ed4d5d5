/**
 * Fonds & résultats: the fund « Transformation numérique des collectivités territoriales » (France Relance),
 * its dispositifs and the lauréats it financed — the operators' data management, the public search, pages,
 * open data and API, and the results dashboard.
 *
 * Glossary:
 * - dispositif: one of the fund's axes (axe 1 ANCT, axe 2 and 2 bis DINUM, axe 3 DITP), with dated rules.
 * - lauréat: a financed project, carried by a porteur (an organisation by SIREN) and its co-porteurs.
 * - porteur: the organisation that carries a project.
 * - opérateur: the State service that manages a dispositif's data.
 * - SCDL: the « socle commun des données locales » schemas; « Subventions » shapes our open data columns.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import type { TerritoriesModule } from '../territories/index.js';
import type { AuditFn } from './admin/audit.js';
import type { ApiDocumentPart } from './api/openapi.js';
import { createFundCore } from './fund.core.js';
import { createFundDashboard } from './fund.dashboard.js';
import { createFundPublic } from './fund.public.js';

export { runImportLaureats } from './fund.cli.js';
// Shared with the catalogue de mutualisation: the themes vocabulary and the map's outlines.
export { THEMES } from './fund.domain.js';
export {
  DEPARTEMENT_PATHS,
  METRO_VIEWBOX,
  OVERSEAS_INSETS,
} from './views/dashboard/map/geometry.generated.js';

/**
 * Builds the fund module: the operators' side, the public side and the dashboard, kept in step — every write
 * of lauréats reindexes them for search in the same transaction and refreshes the figures, then tells
 * `onChange` listeners (the page cache).
 *
 * @example
 * const fund = createFundModule({ db, dialect, clock, territories, audit: (e) => accounts.repo.audit(e) });
 * app.route('/', fund.routes); fund.onChange(() => pageCache.clear());
 */
export function createFundModule(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  territories: TerritoriesModule;
  audit: AuditFn;
}) {
  const apiDocuments: ApiDocumentPart[] = [];
  const publicSide = createFundPublic({
    db: deps.db,
    dialect: deps.dialect,
    territories: deps.territories,
    clock: deps.clock,
    apiDocuments,
  });
  deps.territories.addSections(publicSide.territorySection);
  const dashboard = createFundDashboard({ db: deps.db, dialect: deps.dialect, clock: deps.clock });
  const core = createFundCore({
    db: deps.db,
    clock: deps.clock,
    territories: deps.territories.territories,
    organisations: deps.territories.organisations,
    audit: deps.audit,
    // The search's index is written in the lauréats' own transaction: an import is whole or absent, index
    // included; the figures follow once it committed.
    indexInTransaction: (trx, laureats, written) => publicSide.indexWritten(trx, laureats, written),
    onChange: async () => {
      dashboard.invalidate();
    },
  });
  const routes = new Hono<AppEnv>();
  routes.route('/', core.adminRoutes);
  routes.route('/', publicSide.routes);
  routes.route('/', dashboard.routes);
  // One entry in the main menu: the fund's pages (lauréats, dispositifs, open data) link to each other.
  const navigation: NavItem[] = [{ label: 'Fonds et résultats', href: '/resultats' }];
  return {
    core,
    public: publicSide,
    dashboard,
    routes,
    navigation,
    /** Told when the figures change (any write of lauréats, in this process). */
    onChange: (listener: () => void) => dashboard.onChange(listener),
    /** Lets another module describe its part of /api/v1 in the platform's OpenAPI document. */
    addApiDocument: (part: ApiDocumentPart) => void apiDocuments.push(part),
  };
}

export type FundModule = ReturnType<typeof createFundModule>;
