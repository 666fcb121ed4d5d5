/**
 * The import’s use cases: a dry run, the file kept server-side until its confirmation, and the all-or-nothing
 * apply, audited once with its counts.
 */
import type { Clock } from '../../../ports/clock.js';
import { randomToken } from '../../../shared/hash.js';
import type { AuditFn, FundActor } from '../admin/audit.js';
import type { DispositifRule } from '../fund.domain.js';
import type { FundRepository } from '../fund.repository.js';
import { type ImportScope, planImport } from './plan.js';
import { createPorteurDirectory, type PorteurDirectoryDeps } from './porteurs.js';
import type { ImportPlan, ImportReport } from './report.js';

/** How long a dry run’s file waits for its confirmation. */
const STASH_TTL_MS = 24 * 60 * 60 * 1000;

export type ApplyResult =
  | { ok: true; report: ImportReport; organisationsCreated: number }
  | { ok: false; reason: 'rejets'; report: ImportReport };

export type ConfirmResult =
  | { status: 'applied'; report: ImportReport }
  /** The dry run is no longer there: confirmed already, or expired. */
  | { status: 'expired' }
  /** The file would now do something else than what was shown: the new dry run, to look at again. */
  | { status: 'changed'; plan: ImportPlan; key: string };

/**
 * @example
 * const imports = createImportWorkflow({ repo, clock, audit, directory, rules, ready });
 * const plan = await imports.plan(bytes, 'laureats.csv', scope);
 * if (plan.report.rejected.length === 0) await imports.apply(plan, actor);
 */
export function createImportWorkflow(deps: {
  repo: FundRepository;
  clock: Clock;
  audit: AuditFn;
  directory: PorteurDirectoryDeps;
  rules: () => Promise<DispositifRule[]>;
  /** The dispositifs are in the database (lauréats refer to them). */
  ready: () => Promise<void>;
}) {
  const workflow = {
    /** Reads and checks a whole file without writing anything. */
    async plan(bytes: Uint8Array, fileName: string, scope: ImportScope): Promise<ImportPlan> {
      await deps.ready();
      return planImport(
        {
          repo: deps.repo,
          porteurs: createPorteurDirectory(deps.directory),
          rules: await deps.rules(),
          now: deps.clock.now().toISOString(),
        },
        bytes,
        fileName,
        scope,
      );
    },

    /**
     * Writes a plan in one transaction — or nothing when any line was rejected — then records the organisations
     * it named for the first time, and audits the import once.
     */
    async apply(plan: ImportPlan, by: FundActor): Promise<ApplyResult> {
      if (plan.report.rejected.length > 0) return { ok: false, reason: 'rejets', report: plan.report };
      await deps.ready();
      await deps.repo.applyImport(plan.writes);
      // After the commit: an organisation is reference data, harmless to keep should a later step fail.
      const organisationsCreated = await createPorteurDirectory(deps.directory).record(plan.organisations);
      const { report } = plan;
      await deps.audit({
        at: deps.clock.now().toISOString(),
        actorId: by.id,
        actorLabel: by.label,
        action: 'laureats-importes',
        targetType: 'fonds',
        targetId: null,
        details: {
          fichier: report.fileName,
          lignes: report.lines,
          crees: report.created,
          modifies: report.updated,
          inchanges: report.unchanged,
          avertissements: report.warnings.length,
          organisationsCreees: organisationsCreated,
        },
        ip: by.ip,
      });
      return { ok: true, report, organisationsCreated };
    },

    /** Keeps a dry run’s file for its confirmation; returns the key the confirmation form carries. */
    async stash(plan: ImportPlan, bytes: Uint8Array, actorId: string | null): Promise<string> {
      const now = deps.clock.now();
      await deps.repo.purgeUploads(new Date(now.getTime() - STASH_TTL_MS).toISOString());
      const key = randomToken(24);
      await deps.repo.stashUpload({
        key,
        actorId,
        fileName: plan.report.fileName,
        content: Buffer.from(bytes),
        planDigest: plan.digest,
        createdAt: now.toISOString(),
      });
      return key;
    },

    /** The dry run of a kept file, again (the rejections’ download), or null when it is gone. */
    async replan(key: string, actorId: string | null, scope: ImportScope): Promise<ImportPlan | null> {
      const upload = await deps.repo.peekUpload(key, actorId);
      return upload ? workflow.plan(upload.content, upload.fileName, scope) : null;
    },

    /**
     * Applies the kept file of a dry run, if it still does what the dry run showed. The file is taken out first,
     * so that a double click applies it once.
     */
    async confirm(key: string, scope: ImportScope, by: FundActor): Promise<ConfirmResult> {
      const upload = await deps.repo.takeUpload(key, by.id);
      if (!upload || upload.createdAt < new Date(deps.clock.now().getTime() - STASH_TTL_MS).toISOString()) {
        return { status: 'expired' };
      }
      const plan = await workflow.plan(upload.content, upload.fileName, scope);
      if (plan.digest !== upload.planDigest || plan.report.rejected.length > 0) {
        return { status: 'changed', plan, key: await workflow.stash(plan, upload.content, by.id) };
      }
      // Rejections were ruled out just above: this writes.
      const applied = await workflow.apply(plan, by);
      return { status: 'applied', report: applied.report };
    },
  };
  return workflow;
}

export type ImportWorkflow = ReturnType<typeof createImportWorkflow>;
