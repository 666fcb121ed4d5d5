/**
 * Catalogue de mutualisation: reusable solutions financed by the fund, who uses them, and reaching the people
 * behind them.
 *
 * Glossary:
 * - solution: a reusable product or service (a logiciel libre, a shared service…), with its fiche.
 * - mutualisation: several public bodies sharing one solution (its code, its hosting, its team).
 * - structure de mutualisation: a syndicat mixte or OPSN offering solutions to its members.
 * - déclaration (d’usage, de réutilisation): an organisation says « nous utilisons » or « nous souhaitons
 *   l’utiliser »; one per organisation and solution.
 * - maturité: expérimentation, en production, généralisé.
 * - mode d’adoption: auto-hébergé, par une structure de mutualisation, en SaaS.
 * - brouillon / soumise / publiée / archivée: the editorial workflow's states (see catalogue.workflow.ts).
 * - vérifié / déclaré: whether the programme checked an entry's claims, or only received them.
 * - référent: answers for a solution (`solution:<id>`) or an organisation (`organisation:<SIREN>`); receives
 *   the messages of the « mise en relation » when they agreed to (consentement).
 * - mise en relation: a message sent through the platform to référents, never showing their address.
 * - signalement: a report of an entry or a message, for the moderators (opérateurs, administrateurs).
 * - portée: how far « utilisée près de chez moi » reaches (the commune, its EPCI, its département).
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { Logger } from '../../platform/logger.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { Outbox } from '../../ports/outbox.js';
import type { SearchIndex } from '../../ports/search-index.js';
import type { AccountsModule } from '../accounts/index.js';
import type { FundModule } from '../fund/index.js';
import { organisationDisplayName, type TerritoriesModule, territoryKey } from '../territories/index.js';
import { catalogueApiRoutes } from './api/api.routes.js';
import type { CatalogueDeps, LaureatRef } from './catalogue.deps.js';
import type { UsePlace } from './catalogue.domain.js';
import { createKyselyCatalogueRepository } from './catalogue.repository.kysely.js';
import { createCatalogueService } from './catalogue.service.js';
import { createContactService } from './contact/contact.service.js';
import { seedCatalogueDemo } from './demo/seed.js';
import { catalogueOpendataRoutes } from './opendata/opendata.routes.js';
import { catalogueAdminRoutes } from './routes/admin.routes.js';
import { contactRoutes } from './routes/contact.routes.js';
import type { CatalogueRoutesDeps } from './routes/context.js';
import { declareRoutes } from './routes/declare.routes.js';
import { editorRoutes } from './routes/editor.routes.js';
import { publicRoutes } from './routes/public.routes.js';
import { createPublicSearch } from './search/public-service.js';
import { indexSolutionsForSite } from './site-search.js';
import { createUsesService } from './uses.service.js';
import { territorySection } from './views/territory-section.js';

export { CATALOGUE_OPENAPI } from './api/openapi.js';
export type { Solution, SolutionUse } from './catalogue.domain.js';
export { searchSolutions } from './search/search.js';
export type { SolutionQuery, SolutionSearchResult } from './search/search.types.js';

/**
 * Builds the catalogue module: its pages, back office, open data and API, the section it adds to every
 * territory's page, and the demonstration data.
 *
 * @example
 * const catalogue = createCatalogueModule({ db, dialect, clock, outbox, storage, publicUrl, territories, audit, fund, accounts });
 * app.route('/', catalogue.routes);
 */
export function createCatalogueModule(deps: {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  outbox: Outbox;
  storage: FileStorage;
  publicUrl: string;
  territories: TerritoriesModule;
  /** The platform's audit log (the accounts module's). */
  audit: AccountsModule['repo']['audit'];
  /** The fund, for the lauréats that financed a solution (without it, none can be named). */
  fund?: Pick<FundModule, 'core'>;
  /** The accounts module, to make a published solution's author its référent (without it, nobody is). */
  accounts?: Pick<AccountsModule, 'service'>;
  /** The site's search, where published solutions are found beside the publications (without it, they are not). */
  siteSearch?: SearchIndex;
  logger?: Pick<Logger, 'warn'>;
}) {
  const repo = createKyselyCatalogueRepository(deps.db);
  const listeners: Array<() => void> = [];
  const { territories, organisations } = deps.territories;

  async function placeOf(siren: string): Promise<UsePlace | null> {
    const o = await organisations.bySiren(siren);
    if (!o) return null;
    const t = o.territory ? await territories.byCode(territoryKey(o.territory)) : null;
    return {
      organisationName: organisationDisplayName(o),
      organisationKind: o.kind,
      communeCode: t?.kind === 'commune' ? t.code : null,
      epciCode: t?.kind === 'epci' ? t.code : (t?.epciCode ?? null),
      departementCode: t?.kind === 'departement' ? t.code : (t?.departementCode ?? null),
      regionCode: t?.kind === 'region' ? t.code : (t?.regionCode ?? null),
    };
  }

  async function laureat(id: string): Promise<LaureatRef | null> {
    if (!deps.fund || id.length > 200) return null;
    const l = await deps.fund.core.repo.findLaureat(id);
    return l ? { id: l.id, title: l.title, porteurName: l.porteur.name } : null;
  }

  const serviceDeps: CatalogueDeps = {
    repo,
    dialect: deps.dialect,
    clock: deps.clock,
    audit: deps.audit,
    outbox: deps.outbox,
    storage: deps.storage,
    publicUrl: deps.publicUrl,
    placeOf,
    async ensureOrganisation(siren, name) {
      const result = await organisations.findOrCreate({ siren, name: name || null });
      return result.ok ? result.organisation.name : null;
    },
    laureat,
    grantReferent: deps.accounts
      ? async (email, scope) => {
          await deps.accounts!.service.ensureRole(email, 'referent', scope);
        }
      : undefined,
    changed: () => {
      for (const listener of listeners) listener();
    },
    indexForSite: async (ids) => {
      if (!deps.siteSearch) return;
      try {
        await indexSolutionsForSite(deps.db, deps.siteSearch, ids);
      } catch (err) {
        // The write is committed; the next full pass (at startup) puts the search right.
        deps.logger?.warn(
          { err: String(err), solutions: ids.length },
          'catalogue : recherche du site non mise à jour',
        );
      }
    },
  };
  const editorial = createCatalogueService(serviceDeps);
  const uses = createUsesService(serviceDeps);
  const contact = createContactService(serviceDeps);
  const search = createPublicSearch({ db: deps.db, dialect: deps.dialect, territories });

  const routesDeps: CatalogueRoutesDeps = {
    repo,
    editorial,
    uses,
    contact,
    search,
    storage: deps.storage,
    laureat,
    async organisationName(siren) {
      return (await placeOf(siren))?.organisationName ?? `Organisation n° SIREN ${siren}`;
    },
  };
  const routes = new Hono<AppEnv>();
  routes.route('/', catalogueApiRoutes({ search, repo }));
  routes.route('/', catalogueOpendataRoutes(repo));
  routes.route('/', publicRoutes(routesDeps));
  routes.route('/', declareRoutes(routesDeps));
  routes.route('/', contactRoutes(routesDeps));
  routes.route('/', editorRoutes(routesDeps));
  routes.route('/', catalogueAdminRoutes(routesDeps));

  deps.territories.addSections(territorySection(search));

  const navigation: NavItem[] = [{ label: 'Catalogue de mutualisation', href: '/catalogue' }];
  /** Every solution into the site's search as it stands; how many are published there. */
  const indexAllForSite = async () => (deps.siteSearch ? indexSolutionsForSite(deps.db, deps.siteSearch) : 0);
  return {
    routes,
    navigation,
    repo,
    editorial,
    uses,
    contact,
    search,
    /** Called after every write that changes a public page. */
    onChange(listener: () => void) {
      listeners.push(listener);
    },
    /**
     * Loads the demonstration solutions (the named lauréats' and a few hundred generated ones) with reuse
     * declarations across the COG's collectivités, once: nothing happens when any solution exists.
     */
    async seedDemo(options: { seed?: number; count?: number } = {}) {
      const report = await seedCatalogueDemo({
        db: deps.db,
        dialect: deps.dialect,
        clock: deps.clock,
        ensureReferent: deps.accounts
          ? async (email, scope) =>
              (await deps.accounts!.service.ensureRole(email, 'referent', scope)).person.id
          : null,
        ...options,
      });
      // The site's search learns them from the pass at startup (main.ts), in the background.
      if (report.solutions > 0) serviceDeps.changed();
      return report;
    },
    /**
     * Puts every solution in the site's search as it stands: at startup, for solutions written before the
     * search knew them or while it failed.
     */
    indexAllForSite,
    /** Scheduled upkeep: messages are kept a year (for reports and abuse), then deleted. */
    async housekeeping(now: Date) {
      await repo.purgeContactsBefore(new Date(now.getTime() - 365 * 24 * 60 * 60 * 1000).toISOString());
    },
  };
}

export type CatalogueModule = ReturnType<typeof createCatalogueModule>;
