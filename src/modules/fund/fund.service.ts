/**
 * The fund’s use cases: the dispositifs and their dated rules (seeded from the domain’s figures), reading
 * lauréats, editing one (audited with what changed), and the import (see import/workflow.ts).
 */
import type { Clock } from '../../ports/clock.js';
import type { AuditFn, FundActor } from './admin/audit.js';
import type { FundScope } from './admin/permissions.js';
import {
  DISPOSITIF_RULES,
  DISPOSITIFS,
  type Dispositif,
  type DispositifRule,
  type Laureat,
} from './fund.domain.js';
import type { FundRepository, PageQuery, TerritoryRef } from './fund.repository.js';
import {
  assembleLaureat,
  type LaureatFields,
  type LaureatWarning,
  laureatWarnings,
} from './import/assemble.js';
import { createPorteurDirectory, type PorteurDirectoryDeps } from './import/porteurs.js';
import { createImportWorkflow } from './import/workflow.js';

export interface DispositifWithRules extends Dispositif {
  /** Rule versions, oldest first: each in force until the next. */
  rules: DispositifRule[];
}

/** What the edit form submits, checked field by field (see fund.schemas.ts). */
export type LaureatEdit = LaureatFields & { nomBeneficiaire: string | null };

export type UpdateResult =
  | {
      ok: true;
      laureat: Laureat;
      changes: Record<string, { avant: unknown; apres: unknown }>;
      warnings: LaureatWarning[];
    }
  | { ok: false; errors: Record<string, string> };

/**
 * @example
 * const service = createFundService({ repo, clock, audit, directory: { territories, organisations } });
 * await service.ensureDispositifs();
 * await service.updateLaureat('DINUM-2021-042', edit, { scope, by, expectedVersion });
 */
export function createFundService(deps: {
  repo: FundRepository;
  clock: Clock;
  audit: AuditFn;
  directory: PorteurDirectoryDeps;
}) {
  const { repo, clock } = deps;
  let rulesCache: DispositifRule[] | null = null;
  let seeded: Promise<{ written: number }> | null = null;

  const rules = async () => {
    rulesCache ??= await repo.listRules();
    return rulesCache;
  };

  const service = {
    /**
     * Writes the dispositifs and rule versions of the domain that the database lacks or holds differently;
     * a second call writes nothing. Rule versions are never deleted: they judge the lauréats filed under them.
     *
     * @example
     * await service.ensureDispositifs() // { written: 9 } on an empty database, then { written: 0 }
     */
    async ensureDispositifs(): Promise<{ written: number }> {
      const [dispositifs, storedRules] = await Promise.all([repo.listDispositifs(), repo.listRules()]);
      const same = <T extends object>(a: T, b: T | undefined) =>
        b !== undefined && canonical(a) === canonical(b);
      const changedDispositifs = DISPOSITIFS.filter(
        (d) =>
          !same(
            d,
            dispositifs.find((s) => s.code === d.code),
          ),
      );
      const changedRules = DISPOSITIF_RULES.filter(
        (r) =>
          !same(
            r,
            storedRules.find((s) => s.id === r.id),
          ),
      );
      if (changedDispositifs.length + changedRules.length > 0) {
        await repo.upsertDispositifs(changedDispositifs, changedRules);
        rulesCache = null;
      }
      return { written: changedDispositifs.length + changedRules.length };
    },

    /** Seeds once per process, before the first write that needs the dispositifs. */
    ready(): Promise<void> {
      seeded ??= service.ensureDispositifs().catch((err) => {
        seeded = null;
        throw err;
      });
      return seeded.then(() => undefined);
    },

    /**
     * The dispositifs in the fund’s order, each with its rule versions.
     *
     * @example
     * (await service.dispositifs()).find((d) => d.code === 'axe-2')?.rules.length // 2
     */
    async dispositifs(): Promise<DispositifWithRules[]> {
      await service.ready();
      const [dispositifs, all] = await Promise.all([repo.listDispositifs(), rules()]);
      return dispositifs.map((d) => ({ ...d, rules: all.filter((r) => r.dispositifCode === d.code) }));
    },

    rules,
    laureat: (id: string) => repo.findLaureat(id),
    listByPorteur: (siren: string, page: PageQuery) => repo.listByPorteur(siren, page),
    listByTerritory: (territory: TerritoryRef, page: PageQuery) => repo.listByTerritory(territory, page),
    /** The administration’s list, within what this person manages (see fund.permissions.ts). */
    listManaged: (query: Parameters<FundRepository['listManaged']>[0]) => repo.listManaged(query),

    /** What deserves a second look on a lauréat (eligibility under the rule in force when filed…). */
    async warningsFor(laureat: Laureat): Promise<LaureatWarning[]> {
      return laureatWarnings(laureat, await rules());
    },

    /**
     * Saves an operator’s edit of one lauréat: the porteur looked up again from its SIREN, the scope checked
     * for the lauréat as it was and as it becomes, refused if someone else saved it since the form was shown,
     * and audited with the fields that changed. Saving the same values again changes and audits nothing.
     */
    async updateLaureat(
      id: string,
      edit: LaureatEdit,
      ctx: { scope: FundScope; by: FundActor; expectedVersion: string | null },
    ): Promise<UpdateResult | null> {
      await service.ready();
      const before = await repo.findLaureat(id);
      if (!before) return null;
      const porteurs = createPorteurDirectory(deps.directory);
      await porteurs.prefetch([edit.siren, ...edit.coporteurs]);
      const found = porteurs.porteur(edit.siren, edit.nomBeneficiaire);
      if (!found) {
        return {
          ok: false,
          errors: {
            idBeneficiaire:
              'SIREN inconnu ou invalide : organisme absent du référentiel, indiquez son nom ci-dessous',
          },
        };
      }
      const target = { dispositifCode: edit.dispositifCode, departementCode: found.porteur.departementCode };
      if (!ctx.scope.allows(before) || !ctx.scope.allows(target)) {
        return {
          ok: false,
          errors: {
            dispositif: `Dispositif ${edit.dispositifCode} hors de votre périmètre (${ctx.scope.description}).`,
          },
        };
      }
      if (ctx.expectedVersion !== null && ctx.expectedVersion !== before.sourceHash) {
        return {
          ok: false,
          errors: {
            _form:
              'Ce lauréat a été modifié par quelqu’un d’autre depuis l’ouverture de cette page. Rechargez-la pour voir ses nouvelles valeurs, puis refaites vos changements.',
          },
        };
      }
      const coporteurs = edit.coporteurs
        .filter((s) => s !== edit.siren)
        .map((siren) => ({ siren, name: porteurs.coporteur(siren).name }));
      const now = clock.now().toISOString();
      const after = assembleLaureat(edit, found.porteur, coporteurs, {
        id,
        now,
        createdAt: before.createdAt,
        demonstration: before.demonstration,
      });
      const warnings = laureatWarnings(after, await rules());
      if (after.sourceHash === before.sourceHash) return { ok: true, laureat: before, changes: {}, warnings };
      await repo.saveLaureat(after);
      const created = [found.create, ...edit.coporteurs.map((s) => porteurs.coporteur(s).create)];
      await porteurs.record(created.filter((o) => o !== null));
      const changes = laureatChanges(before, after);
      await deps.audit({
        at: now,
        actorId: ctx.by.id,
        actorLabel: ctx.by.label,
        action: 'laureat-modifie',
        targetType: 'laureat',
        targetId: id,
        details: { changements: changes },
        ip: ctx.by.ip,
      });
      return { ok: true, laureat: after, changes, warnings };
    },

    ...importUseCases(),
  };

  function importUseCases() {
    const imports = createImportWorkflow({
      repo,
      clock,
      audit: deps.audit,
      directory: deps.directory,
      rules,
      ready: () => service.ready(),
    });
    return {
      planImport: imports.plan,
      applyImport: imports.apply,
      stashImport: imports.stash,
      replanImport: imports.replan,
      confirmImport: imports.confirm,
    };
  }

  return service;
}

export type FundService = ReturnType<typeof createFundService>;

/** The fields an operator sees, by the import’s column names, as they were and as they are. */
function laureatChanges(a: Laureat, b: Laureat): Record<string, { avant: unknown; apres: unknown }> {
  const view = (l: Laureat): Record<string, unknown> => ({
    dispositif: l.dispositifCode,
    idBeneficiaire: l.porteur.siren,
    nomBeneficiaire: l.porteur.name,
    objet: l.title,
    resume: l.summary,
    themes: l.themes.join('|'),
    montant: l.amountEur,
    coutTotal: l.totalCostEur,
    dateDepot: l.filedOn,
    dateConvention: l.decidedOn,
    statut: l.status,
    coporteurs: l.coporteurs.map((c) => c.siren).join('|'),
    site: l.siteUrl,
    codeSource: l.sourceUrl,
    realisations: l.outputs,
  });
  const before = view(a);
  const after = view(b);
  const changes: Record<string, { avant: unknown; apres: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) changes[key] = { avant: before[key], apres: after[key] };
  }
  return changes;
}

/** JSON with keys in a fixed order, so that two equal records compare equal however they were built. */
function canonical(value: object): string {
  return JSON.stringify(value, Object.keys(value).sort());
}
