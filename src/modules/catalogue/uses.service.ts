/**
 * Reuse declarations: an agent says, for their organisation, « nous utilisons » (since when, what for, the
 * instance's address) or « nous souhaitons l’utiliser », in one form; withdraws in one click. One declaration
 * per organisation and solution, held by a unique constraint: a second one, even from two browsers at the
 * same moment, is refused with a kind message.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, can } from '../accounts/index.js';
import { audited, type CatalogueDeps, type Who } from './catalogue.deps.js';
import { organisationScope, type SolutionUse, type UseStatus } from './catalogue.domain.js';
import { bumpIndexVersion } from './search/text-index.js';

export interface UseInput {
  siren: string;
  status: UseStatus;
  since: string | null;
  useCase: string;
  instanceUrl: string | null;
}

export type UseError = 'introuvable' | 'non-publiee' | 'interdit' | 'deja-declaree' | 'organisation-inconnue';

/**
 * The organisations an actor may declare for: their own, and those they are référent of.
 *
 * @example
 * declarableSirens(actor, ['organisation:200040715']) // ['213801855', '200040715']
 */
export function declarableSirens(actor: Actor, referentScopes: string[]): string[] {
  if (!actor) return [];
  const sirens = [
    actor.person.organisationSiren,
    ...referentScopes
      .filter((s) => s.startsWith('organisation:'))
      .map((s) => s.slice('organisation:'.length)),
  ].filter((s): s is string => !!s && can(actor, 'catalogue:declare-use', { organisationSiren: s }));
  return [...new Set(sirens)];
}

/** Whether an error is the database refusing a second (solution, organisation) row. */
function isDuplicate(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

export function createUsesService(deps: CatalogueDeps) {
  const { repo, clock } = deps;

  async function published(id: string) {
    if (id.length > 100) return null;
    return repo.solution(id);
  }

  return {
    /**
     * Declares a use. A second declaration of the same organisation is refused (`deja-declaree`), with the
     * first one, so that the page can offer to change it.
     *
     * @example
     * await uses.declare(who, 'salle-sur-demande', { siren: '213801855', status: 'utilise', since: '2022-09', useCase: '…', instanceUrl: null })
     */
    async declare(who: Who, solutionId: string, input: UseInput) {
      const solution = await published(solutionId);
      if (!solution) return { ok: false as const, error: 'introuvable' as const };
      if (solution.status !== 'publiee') return { ok: false as const, error: 'non-publiee' as const };
      if (!can(who.actor, 'catalogue:declare-use', { organisationSiren: input.siren }))
        return { ok: false as const, error: 'interdit' as const };
      const place = await deps.placeOf(input.siren);
      if (!place) return { ok: false as const, error: 'organisation-inconnue' as const };
      const at = clock.now().toISOString();
      const use: SolutionUse = {
        id: randomUUID(),
        solutionId,
        organisationSiren: input.siren,
        status: input.status,
        since: input.since,
        useCase: input.useCase,
        instanceUrl: input.instanceUrl,
        declaredBy: who.actor.person.id,
        ...place,
        demonstration: false,
        createdAt: at,
        updatedAt: at,
      };
      try {
        await repo.transaction(async (r) => {
          await r.insertUse(use);
          await bumpIndexVersion(r.db);
        });
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        const existing = await repo.use(solutionId, input.siren);
        return { ok: false as const, error: 'deja-declaree' as const, existing };
      }
      deps.changed();
      await audited(deps, who, 'catalogue:declaration', 'solution', solutionId, {
        organisation: input.siren,
        statut: input.status,
      });
      return { ok: true as const, use };
    },

    /** Changes an existing declaration (« nous souhaitons » becoming « nous utilisons », a new use case…). */
    async change(who: Who, solutionId: string, input: UseInput) {
      if (!can(who.actor, 'catalogue:declare-use', { organisationSiren: input.siren }))
        return { ok: false as const, error: 'interdit' as const };
      const existing = await repo.use(solutionId.slice(0, 100), input.siren);
      if (!existing) return { ok: false as const, error: 'introuvable' as const };
      const updated: SolutionUse = {
        ...existing,
        status: input.status,
        since: input.since,
        useCase: input.useCase,
        instanceUrl: input.instanceUrl,
        declaredBy: who.actor.person.id,
        updatedAt: clock.now().toISOString(),
      };
      await repo.transaction(async (r) => {
        await r.updateUse(updated);
        await bumpIndexVersion(r.db);
      });
      deps.changed();
      await audited(deps, who, 'catalogue:declaration-modifiee', 'solution', solutionId, {
        organisation: input.siren,
        statut: input.status,
      });
      return { ok: true as const, use: updated };
    },

    /** Withdraws a declaration, in one click. */
    async withdraw(who: Who, solutionId: string, siren: string) {
      if (!can(who.actor, 'catalogue:declare-use', { organisationSiren: siren }))
        return { ok: false as const, error: 'interdit' as const };
      const removed = await repo.transaction(async (r) => {
        const done = await r.deleteUse(solutionId.slice(0, 100), siren);
        if (done) await bumpIndexVersion(r.db);
        return done;
      });
      if (!removed) return { ok: false as const, error: 'introuvable' as const };
      deps.changed();
      await audited(deps, who, 'catalogue:declaration-retiree', 'solution', solutionId, {
        organisation: siren,
      });
      return { ok: true as const };
    },

    /** The declarations of this actor's organisations for a solution, by SIREN. */
    async ownUses(actor: Actor, solutionId: string) {
      if (!actor) return { sirens: [] as string[], uses: [] as SolutionUse[] };
      const sirens = declarableSirens(actor, await repo.referentScopesOf(actor.person.id));
      const uses = (await Promise.all(sirens.map((s) => repo.use(solutionId, s)))).filter(
        (u): u is SolutionUse => u !== null,
      );
      return { sirens, uses };
    },

    usesOfSolution: (id: string) => repo.usesOfSolution(id),
    usesOfOrganisation: (siren: string) => repo.usesOfOrganisation(siren),
    /** Whether an organisation has référents who accept messages (« Contacter une collectivité »). */
    reachable: async (siren: string) => (await repo.recipients(organisationScope(siren))).length > 0,
  };
}

export type UsesService = ReturnType<typeof createUsesService>;
