import { type Mode, SEAT_STATUSES } from '../events.domain.js';
import { badgeClaims } from './announce.js';
import { hasSeat } from './capacity.js';
import type { FieldErrors } from './checks.js';
import type { RegistrationDeps } from './deps.js';
import { serially, withEventLock } from './lock.js';
import { announceChange } from './manage.js';
import {
  countSeats,
  invitedSessions,
  loadEventContext,
  lockedLimits,
  registrationById,
  sessionSeats,
  sessionsOf,
} from './queries.js';
import { promoteWithin } from './waitlist.js';

export type ChangeOutcome =
  | { status: 'modifiee'; mode: Mode; sessions: Array<{ sessionId: string; status: string }> }
  | { status: 'inchangee' }
  | { status: 'complet'; field: 'mode' }
  | { status: 'impossible'; reason: 'introuvable' | 'terminee' }
  | { status: 'invalide'; errors: FieldErrors };

/**
 * Changes the attendance mode or the sessions of a live registration, subject to capacity: a new mode is
 * taken only if it has a seat (otherwise nothing changes and `complet` says why); a new session gets a seat
 * or a place in its line; a session let go frees its seat for the next person at once. Until the event starts.
 *
 * @example
 * await changeRegistration(deps, id, { mode: 'distance', sessions: ['atelier-1'] }) // { status: 'modifiee', … }
 */
export async function changeRegistration(
  deps: RegistrationDeps,
  registrationId: string,
  change: { mode?: Mode; sessions?: string[] },
): Promise<ChangeOutcome> {
  return serially(deps.db, deps.dialect, async (db): Promise<ChangeOutcome> => {
    const found = await registrationById(db, registrationId);
    if (!found || !['confirmee', 'validation', 'attente', 'offre'].includes(found.status)) {
      return { status: 'impossible', reason: 'introuvable' };
    }
    const ctx = await loadEventContext(db, found.eventId);
    if (!ctx) return { status: 'impossible', reason: 'introuvable' };
    const now = deps.clock.now();
    const at = now.toISOString();
    if (at >= ctx.startsAt) return { status: 'impossible', reason: 'terminee' };
    const errors: FieldErrors = {};
    const mode = change.mode ?? found.mode;
    if ((mode === 'presentiel' && !ctx.inPerson) || (mode === 'distance' && !ctx.remote)) {
      errors.mode = 'Ce mode de participation n’est pas proposé pour cet événement.';
    }
    const wanted = change.sessions ? [...new Set(change.sessions)] : null;
    if (wanted) {
      const invited = await invitedSessions(db, ctx.id, found.email);
      for (const id of wanted) {
        const s = ctx.sessions.find((x) => x.id === id);
        if (!s)
          errors.sessions = 'Une session choisie n’existe pas dans le programme : choisissez dans la liste.';
        else if (s.closed && !invited.has(id))
          errors.sessions = `La session « ${s.title} » est réservée aux personnes invitées.`;
      }
    }
    if (Object.keys(errors).length > 0) return { status: 'invalide', errors };

    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      const current = await registrationById(trx, registrationId);
      if (!current || !['confirmee', 'validation', 'attente', 'offre'].includes(current.status)) {
        return { status: 'impossible', reason: 'introuvable' } as const;
      }
      const holdsSeat = (SEAT_STATUSES as readonly string[]).includes(current.status);
      let changed = false;
      if (mode !== current.mode) {
        if (holdsSeat) {
          const limits = (await lockedLimits(trx, ctx.id, ctx.limits.quotas)) ?? ctx.limits;
          const others = await countSeats(trx, ctx.id, registrationId);
          if (!hasSeat(limits, others, mode, current.profile))
            return { status: 'complet', field: 'mode' } as const;
        }
        await trx
          .updateTable('registration')
          .set({ mode, updated_at: at })
          .where('id', '=', registrationId)
          .execute();
        changed = true;
      }
      if (wanted) {
        const rows = await sessionsOf(trx, registrationId);
        const live = new Set(rows.filter((r) => r.status !== 'annulee').map((r) => r.session_id));
        const dropped = [...live].filter((id) => !wanted.includes(id));
        const added = wanted.filter((id) => !live.has(id));
        if (dropped.length > 0) {
          await trx
            .updateTable('registration_session')
            .set({ status: 'annulee', offer_expires_at: null, updated_at: at })
            .where('registration_id', '=', registrationId)
            .where('session_id', 'in', dropped)
            .execute();
        }
        const seated = current.status === 'confirmee' || current.status === 'validation';
        const held = seated ? await sessionSeats(trx, added) : new Map<string, number>();
        for (const sessionId of added) {
          const capacity = ctx.sessions.find((s) => s.id === sessionId)?.capacity ?? null;
          const status =
            seated && (capacity === null || (held.get(sessionId) ?? 0) < capacity) ? 'confirmee' : 'attente';
          // Joining again (after letting it go) puts the person at the end of the session's line.
          await trx
            .insertInto('registration_session')
            .values({
              registration_id: registrationId,
              session_id: sessionId,
              status,
              offer_expires_at: null,
              created_at: at,
              updated_at: at,
            })
            .onConflict((oc) =>
              oc
                .columns(['registration_id', 'session_id'])
                .doUpdateSet({ status, offer_expires_at: null, created_at: at, updated_at: at }),
            )
            .execute();
        }
        changed ||= dropped.length + added.length > 0;
      }
      if (!changed) return { status: 'inchangee' } as const;
      await promoteWithin(trx, deps, ctx, now);
      const registrant = { ...current, mode };
      const badge =
        mode === 'presentiel' && mode !== current.mode && current.status === 'confirmee'
          ? badgeClaims(ctx.id, registrant)
          : null;
      await announceChange(trx, deps, ctx, registrant, badge, at);
      const sessions = (await sessionsOf(trx, registrationId))
        .filter((r) => r.status !== 'annulee')
        .map((r) => ({ sessionId: r.session_id, status: r.status }));
      return { status: 'modifiee', mode, sessions } as const;
    });
  });
}
