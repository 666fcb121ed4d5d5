/**
 * Catalogue de mutualisation: reusable solutions financed by the fund, who uses them, and reaching the people
 * behind them.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { NavItem } from '../../platform/ui/layout.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { Outbox } from '../../ports/outbox.js';
import type { AccountsModule } from '../accounts/index.js';
import type { TerritoriesModule } from '../territories/index.js';

/**
 * Builds the catalogue module.
 *
 * @example
 * const catalogue = createCatalogueModule({ db, dialect, clock, outbox, storage, publicUrl, territories, audit });
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
}) {
  void deps;
  const routes = new Hono<AppEnv>();
  const navigation: NavItem[] = [];
  const listeners: Array<() => void> = [];
  return {
    routes,
    navigation,
    /** Called after every write that changes a public page. */
    onChange(listener: () => void) {
      listeners.push(listener);
    },
    /** Loads the demonstration solutions and reuse declarations, once. */
    async seedDemo() {},
  };
}

export type CatalogueModule = ReturnType<typeof createCatalogueModule>;
