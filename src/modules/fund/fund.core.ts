/**
 * The fund’s data management, built from its adapters: what `index.ts` wires into the app (the service, the
 * repository for the public pages built beside it, the operators’ pages, and the import for the command line).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { Clock } from '../../ports/clock.js';
import { type AuditFn, COMMAND_LINE_ACTOR, type FundActor } from './admin/audit.js';
import { FULL_SCOPE, type FundScope } from './admin/permissions.js';
import { fundAdminRoutes } from './fund.admin.routes.js';
import type { Laureat } from './fund.domain.js';
import { createKyselyFundRepository } from './fund.repository.kysely.js';
import { createFundService } from './fund.service.js';
import type { PorteurDirectoryDeps } from './import/porteurs.js';
import type { ImportReport } from './import/report.js';

export interface ImportLaureatsResult {
  report: ImportReport;
  /** Whether the lauréats were written: never on a dry run, nor when a line was rejected. */
  applied: boolean;
}

/**
 * @example
 * const fund = createFundCore({
 *   db, clock,
 *   territories: territoriesModule.territories,
 *   organisations: territoriesModule.organisations,
 *   audit: (event) => accounts.repo.audit(event),
 * });
 * await fund.service.ensureDispositifs();
 * app.route('/', fund.adminRoutes);
 * await fund.importLaureats(bytes, 'laureats.csv', { dryRun: true });
 */
export function createFundCore(deps: {
  db: Kysely<Database>;
  clock: Clock;
  territories: PorteurDirectoryDeps['territories'];
  organisations: PorteurDirectoryDeps['organisations'];
  audit: AuditFn;
  /**
   * Runs in the transaction that writes lauréats (the search's index), from the start of the write: it may
   * prepare while `written` is pending and writes once it resolved. The lauréats and what is derived from
   * them commit together, or neither does.
   */
  indexInTransaction?: (trx: Kysely<Database>, laureats: Laureat[], written: Promise<void>) => Promise<void>;
  /** Told after lauréats were written and committed (the ids), so that the figures follow. */
  onChange?: (ids: string[]) => Promise<void>;
}) {
  const written = createKyselyFundRepository(deps.db, { alongWrite: deps.indexInTransaction });
  // Every write of lauréats goes through these two methods: telling the listeners here covers the import, the
  // edit form and the command line alike.
  const repo: typeof written = {
    ...written,
    async saveLaureat(laureat) {
      await written.saveLaureat(laureat);
      await deps.onChange?.([laureat.id]);
    },
    async applyImport(batch) {
      await written.applyImport(batch);
      await deps.onChange?.(batch.map((l) => l.id));
    },
  };
  const directory = { territories: deps.territories, organisations: deps.organisations };
  const service = createFundService({ repo, clock: deps.clock, audit: deps.audit, directory });

  // Every département’s code, read once: the policy is asked about each to find a préfecture’s operator.
  let departements: Promise<string[]> | null = null;
  const departementCodes = () => {
    departements ??= deps.territories
      .regionsWithDepartements()
      .then((regions) => regions.flatMap((r) => r.departements.map((d) => d.code)).sort())
      .catch((err) => {
        departements = null;
        throw err;
      });
    return departements;
  };

  return {
    service,
    repo,
    adminRoutes: fundAdminRoutes({ service, departementCodes }),

    /**
     * Imports a lauréats file for the command line (or any caller that is not a person on a page): a dry run,
     * then, unless `dryRun` or a line was rejected, the whole file in one transaction, audited.
     *
     * @example
     * const { report, applied } = await fund.importLaureats(await readFile(path), 'laureats.csv', { dryRun: false });
     */
    async importLaureats(
      bytes: Uint8Array,
      fileName: string,
      opts: { dryRun: boolean; scope?: FundScope; by?: FundActor },
    ): Promise<ImportLaureatsResult> {
      const plan = await service.planImport(bytes, fileName, opts.scope ?? FULL_SCOPE);
      if (opts.dryRun || plan.report.rejected.length > 0) return { report: plan.report, applied: false };
      const result = await service.applyImport(plan, opts.by ?? COMMAND_LINE_ACTOR);
      return { report: result.report, applied: result.ok };
    },
  };
}

export type FundCore = ReturnType<typeof createFundCore>;
