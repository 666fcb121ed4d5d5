/**
 * The fund's public side: the lauréats' faceted search and pages, the dispositifs, what every territory's page
 * shows of the fund, the open data files and the API. Built by the fund module's index; it only reads, except
 * `indexLaureats` and `indexWritten`, which the writes of lauréats call in their transaction.
 *
 * Glossary:
 * - lauréat: a financed project; porteur: the body that carries it (by SIREN); co-porteur: a partner body.
 * - dispositif: one axe of the fund (`axe-1`, `axe-2`, `axe-2-bis`, `axe-3`).
 * - facette: a search criterion whose values are counted (dispositif, thème, région…).
 * - rayon: how far « à moins de N km de <commune> » reaches (5, 10, 20, 50 or 100 km, as the crow flies).
 * - SCDL: the Socle commun des données locales, whose « Subventions » schema the open data files follow.
 */
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import type { TerritoriesModule, Territory } from '../territories/index.js';
import type { ApiDocumentPart } from './api/openapi.js';
import type { Laureat } from './fund.domain.js';
import { fundPublicRoutes } from './fund.public.routes.js';
import { createFundPublicService } from './search/public-service.js';
import type { LaureatQuery, LaureatSearchResult } from './search/search.types.js';
import { indexLaureats, reindexAllLaureats, stemDocs, writeIndex } from './search/text-index.js';
import { FundedHere } from './views/public/territory-section.js';

export { searchLaureats } from './search/search.js';
export type { FacetKey, LaureatQuery, LaureatSearchResult } from './search/search.types.js';
export { indexLaureats, reindexAllLaureats } from './search/text-index.js';

export interface FundPublic {
  routes: Hono<AppEnv>;
  navigation: NavItem[];
  /** The faceted search (see searchLaureats). */
  search(query: LaureatQuery): Promise<LaureatSearchResult>;
  /** Call after writing lauréats, in the same transaction (see text-index.ts). */
  indexLaureats(ids: readonly string[], db?: Kysely<Database>): Promise<void>;
  /**
   * `indexLaureats` for lauréats being written, from what the writer holds (no read back): stems them while
   * `written` is pending, writes the index once it resolved.
   */
  indexWritten(db: Kysely<Database>, laureats: readonly Laureat[], written?: Promise<void>): Promise<void>;
  /** Rebuilds the whole index (a database filled before it existed). */
  reindexAll(): Promise<number>;
  /** « Ce qui a été financé ici », for `territories.addSections`. */
  territorySection(territory: Territory): Promise<Child[]>;
}

/**
 * Builds the fund's public side.
 *
 * @example
 * const fundPublic = createFundPublic({ db, dialect, territories, clock });
 * territories.addSections(fundPublic.territorySection);
 * app.route('/', fundPublic.routes); // before the app's catch-all
 * await fundPublic.indexLaureats(ids, trx); // in the import's transaction
 */
export function createFundPublic(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  territories: Pick<TerritoriesModule, 'territories'>;
  clock: Clock;
  /** Other modules' parts of the API description. */
  apiDocuments?: readonly ApiDocumentPart[];
}): FundPublic {
  const service = createFundPublicService(deps);
  return {
    routes: fundPublicRoutes({ service, apiDocuments: deps.apiDocuments }),
    navigation: [
      { label: 'Lauréats', href: '/laureats' },
      { label: 'Dispositifs', href: '/dispositifs' },
      { label: 'Données ouvertes', href: '/donnees' },
    ],
    search: async (query) => (await service.search(query)).result,
    indexLaureats: (ids, db = deps.db) => indexLaureats(db, deps.dialect, ids),
    async indexWritten(db, laureats, written) {
      const stemmed = stemDocs(
        laureats.map((l) => ({
          id: l.id,
          title: l.title,
          summary: l.summary,
          porteurName: l.porteur.name,
          coporteurNames: l.coporteurs.map((c) => c.name),
          outputs: l.outputs,
          themes: l.themes,
        })),
      );
      const [docs] = await Promise.all([stemmed, written]);
      await writeIndex(db, deps.dialect, docs);
    },
    reindexAll: () => reindexAllLaureats(deps.db, deps.dialect),
    async territorySection(territory) {
      const figures = await service.territoryFigures(territory);
      return [<FundedHere {...figures} />];
    },
  };
}
