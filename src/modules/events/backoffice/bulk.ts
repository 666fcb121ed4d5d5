import { z } from 'zod';
import { approveRegistration, type RegistrationDeps, refuseRegistration } from '../registration/index.js';

/** The bulk form: the ticked registrations, one action, and the reason a refusal needs. */
export const bulkSchema = z
  .object({
    ids: z
      .array(z.string().min(1).max(100), { error: 'Cochez au moins une inscription.' })
      .min(1, { error: 'Cochez au moins une inscription.' })
      .max(500, { error: 'Traitez 500 inscriptions au plus à la fois.' }),
    action: z.enum(['approuver', 'refuser'], { error: 'Choisissez l’action à appliquer.' }),
    motif: z.string().trim().max(1000, { error: 'Le motif compte 1 000 caractères au plus.' }).default(''),
  })
  .refine((v) => v.action !== 'refuser' || v.motif.length > 0, {
    path: ['motif'],
    error: 'Indiquez le motif du refus : il est envoyé aux personnes refusées.',
  });

export interface BulkReport {
  action: 'approuver' | 'refuser';
  done: number;
  /** Approved but put on the waiting list: a capacity was lowered since they registered. */
  waiting: number;
  /** Already decided (or cancelled) before this click: unchanged. */
  skipped: number;
}

/**
 * Applies one decision to many registrations of one event, each through the registration engine (its own
 * transaction under the event's lock, its own e-mail), so that a bulk decision is exactly the sum of single
 * ones. Ids that are not registrations of this event are skipped, never touched.
 *
 * @example
 * await applyBulk(deps, ['r1', 'r2'], eventIds, { action: 'refuser', motif: 'Public non concerné' }, 'orga@…');
 */
export async function applyBulk(
  deps: RegistrationDeps,
  ids: string[],
  ofThisEvent: Set<string>,
  decision: { action: 'approuver' | 'refuser'; motif: string },
  actor: string,
): Promise<BulkReport> {
  const report: BulkReport = { action: decision.action, done: 0, waiting: 0, skipped: 0 };
  for (const id of new Set(ids)) {
    if (!ofThisEvent.has(id)) {
      report.skipped += 1;
      continue;
    }
    if (decision.action === 'approuver') {
      const outcome = await approveRegistration(deps, id, actor);
      if (outcome === 'confirmee') report.done += 1;
      else if (outcome === 'attente') report.waiting += 1;
      else report.skipped += 1;
    } else if (await refuseRegistration(deps, id, decision.motif, actor)) {
      report.done += 1;
    } else {
      report.skipped += 1;
    }
  }
  return report;
}
