/**
 * The whole app (test/helpers/platform.ts) with the fund’s administration mounted and the real COG loaded: for
 * the fund’s HTTP and import tests until the lead wires the module into src/app.ts. Routes added after
 * `createApp` are reached: the app’s catch-all page route hands over what it does not know.
 */

import { testPlatform } from '../../../../test/helpers/platform.js';
import type { Dialect } from '../../../adapters/db/connect.js';
import { loadTerritories } from '../../territories/index.js';
import { createFundCore } from '../fund.core.js';

/**
 * @example
 * const t = await fundTestPlatform('sqlite');
 * const plan = await t.fund.service.planImport(bytes, 'laureats.csv', FULL_SCOPE);
 * await t.close();
 */
export async function fundTestPlatform(dialect: Dialect = 'sqlite') {
  const t = await testPlatform(dialect);
  await loadTerritories(t.database.db, { clock: t.clock });
  const fund = createFundCore({
    db: t.database.db,
    clock: t.clock,
    territories: t.territories.territories,
    organisations: t.territories.organisations,
    audit: (event) => t.accounts.repo.audit(event),
  });
  t.app.route('/', fund.adminRoutes);
  await fund.service.ensureDispositifs();
  return Object.assign(t, { fund });
}

export type FundTestPlatform = Awaited<ReturnType<typeof fundTestPlatform>>;
