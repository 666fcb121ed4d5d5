/**
 * The organisers' decisions on a registration (called by the back office): approve a pending request, or
 * refuse with a reason. Conditional updates under the event's lock: a decision taken twice (a double click,
 * two organisers at once) takes effect once, and the second learns it was already made.
 */
import { announceStatus, mailEvent, mailPerson } from './announce.js';
import { hasSeat } from './capacity.js';
import type { RegistrationDeps } from './deps.js';
import { serially, withEventLock } from './lock.js';
import { logDecision as log, wasApproved } from './log.js';
import { refusalMail } from './mail/messages.js';
import { allotSessions } from './manage.js';
import { countSeats, loadEventContext, lockedLimits, registrationById } from './queries.js';
import { promoteWithin, releaseSessions } from './waitlist.js';

/**
 * Approves a registration. A pending request (`validation`, which already holds its seat) becomes confirmed,
 * unless the organiser lowered a capacity since, in which case it joins the waiting list at its rank. A
 * registration on the waiting list is approved in advance: it will be confirmed as soon as it accepts a seat.
 * `deja-traitee` when there was nothing to approve.
 *
 * @example
 * await approveRegistration(deps, id, 'Léa Moreau (organisatrice)') // 'confirmee'
 */
export async function approveRegistration(
  deps: RegistrationDeps,
  registrationId: string,
  actorLabel: string,
): Promise<'confirmee' | 'attente' | 'deja-traitee'> {
  return serially(deps.db, deps.dialect, async (db) => {
    const found = await registrationById(db, registrationId);
    if (!found) return 'deja-traitee';
    const ctx = await loadEventContext(db, found.eventId);
    if (!ctx) return 'deja-traitee';
    const at = deps.clock.now().toISOString();
    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      const current = await registrationById(trx, registrationId);
      if (current?.status === 'attente') {
        if (await wasApproved(trx, registrationId)) return 'deja-traitee';
        await log(trx, registrationId, 'approuvee', actorLabel, at, 'sur liste d’attente');
        return 'attente';
      }
      if (current?.status !== 'validation') return 'deja-traitee';
      const limits = (await lockedLimits(trx, ctx.id, ctx.limits.quotas)) ?? ctx.limits;
      const others = await countSeats(trx, ctx.id, registrationId);
      const status = hasSeat(limits, others, current.mode, current.profile) ? 'confirmee' : 'attente';
      const r = await trx
        .updateTable('registration')
        .set({ status, updated_at: at })
        .where('id', '=', registrationId)
        .where('status', '=', 'validation')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'deja-traitee';
      await log(trx, registrationId, 'approuvee', actorLabel, at);
      const sessions = status === 'confirmee' ? await allotSessions(trx, ctx, registrationId, at) : [];
      await announceStatus(trx, deps, { ctx, registrant: current, status, sessions });
      return status;
    });
  });
}

/**
 * Refuses a registration with the reason given to the person. Its seat, if it held one, goes to the next
 * person waiting in the same transaction. False when it was already refused or cancelled.
 *
 * @example
 * await refuseRegistration(deps, id, 'Réservé aux agents des collectivités.', 'Léa Moreau')
 */
export async function refuseRegistration(
  deps: RegistrationDeps,
  registrationId: string,
  reason: string,
  actorLabel: string,
): Promise<boolean> {
  const motif = reason.trim() || 'Votre demande ne correspond pas au public de cet événement.';
  return serially(deps.db, deps.dialect, async (db) => {
    const found = await registrationById(db, registrationId);
    if (!found) return false;
    const ctx = await loadEventContext(db, found.eventId);
    if (!ctx) return false;
    const now = deps.clock.now();
    const at = now.toISOString();
    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      const r = await trx
        .updateTable('registration')
        .set({ status: 'refusee', refusal_reason: motif, offer_expires_at: null, updated_at: at })
        .where('id', '=', registrationId)
        .where('status', 'in', ['validation', 'attente', 'offre', 'confirmee'])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await releaseSessions(trx, [registrationId], at);
      await log(trx, registrationId, 'refusee', actorLabel, at, motif);
      await deps.outbox.enqueue(
        trx,
        refusalMail({ event: mailEvent(ctx), person: mailPerson(found), reason: motif }),
      );
      await promoteWithin(trx, deps, ctx, now);
      return true;
    });
  });
}
