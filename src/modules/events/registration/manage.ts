/**
 * What a participant does with their registration: cancel it, accept an offered seat, change the attendance
 * mode or the sessions. Each runs under the event's lock and frees or takes seats at once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { BadgeClaims } from '../checkin/badge-token.js';
import { LIVE_STATUSES } from '../events.domain.js';
import { announceStatus, mailEvent, mailPerson, mailSessions, type Registrant } from './announce.js';
import type { RegistrationDeps } from './deps.js';
import { issueLink, manageUrl } from './links.js';
import { serially, withEventLock } from './lock.js';
import { wasApproved } from './log.js';
import { composedAtSending } from './mail/composed.js';
import { cancellationMail } from './mail/messages.js';
import {
  type EventContext,
  loadEventContext,
  registrationById,
  sessionSeats,
  sessionsOf,
} from './queries.js';
import { expireWithin, promoteWithin, releaseSessions } from './waitlist.js';

/**
 * Cancels a live registration: its seat (and its session seats) are freed at once and offered to the next
 * people waiting, in the same transaction. False when there was nothing to cancel (unknown, or already
 * cancelled or refused): a second click changes nothing.
 *
 * @example
 * if (await cancelRegistration(deps, id)) … // « Votre inscription est annulée »
 */
export async function cancelRegistration(deps: RegistrationDeps, registrationId: string): Promise<boolean> {
  return serially(deps.db, deps.dialect, async (db) => {
    const found = await registrationById(db, registrationId);
    if (!found) return false;
    const ctx = await loadEventContext(db, found.eventId);
    if (!ctx) return false;
    const now = deps.clock.now();
    const at = now.toISOString();
    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      const cancelled = await trx
        .updateTable('registration')
        .set({ status: 'annulee', cancelled_at: at, updated_at: at, offer_expires_at: null })
        .where('id', '=', registrationId)
        .where('status', 'in', [...LIVE_STATUSES])
        .executeTakeFirst();
      if (Number(cancelled.numUpdatedRows) !== 1) return false;
      await releaseSessions(trx, [registrationId], at);
      await deps.outbox.enqueue(
        trx,
        cancellationMail({
          event: mailEvent(ctx),
          person: mailPerson(found),
          registerUrl: `${deps.publicUrl}/evenements/${encodeURIComponent(ctx.id)}/inscription`,
        }),
      );
      await promoteWithin(trx, deps, ctx, now);
      return true;
    });
  });
}

/**
 * Gives seats in its wanted sessions to a registration that now holds an event seat, where seats are free;
 * the others stay in their session's line. Returns every live session choice of the registration.
 */
export async function allotSessions(
  trx: Kysely<Database>,
  ctx: EventContext,
  registrationId: string,
  at: string,
): Promise<Array<{ sessionId: string; status: string }>> {
  const rows = await sessionsOf(trx, registrationId);
  const waiting = rows.filter((r) => r.status === 'attente').map((r) => r.session_id);
  const held = await sessionSeats(trx, waiting);
  const result: Array<{ sessionId: string; status: string }> = [];
  for (const row of rows) {
    let status = row.status;
    if (status === 'attente') {
      const capacity = ctx.sessions.find((s) => s.id === row.session_id)?.capacity ?? null;
      if (capacity === null || (held.get(row.session_id) ?? 0) < capacity) {
        const r = await trx
          .updateTable('registration_session')
          .set({ status: 'confirmee', updated_at: at })
          .where('registration_id', '=', registrationId)
          .where('session_id', '=', row.session_id)
          .where('status', '=', 'attente')
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) status = 'confirmee';
      }
    }
    if (status !== 'annulee') result.push({ sessionId: row.session_id, status });
  }
  return result;
}

export type OfferAnswer = 'acceptee' | 'expiree' | 'aucune-offre';

/**
 * Accepts what is offered to a registration: the event seat (then confirmed, or pending approval for a
 * profile that needs it) and any session seat. An offer whose time is up is ended here, as the timer would.
 *
 * @example
 * await acceptOffer(deps, id) // 'acceptee'
 */
export async function acceptOffer(deps: RegistrationDeps, registrationId: string): Promise<OfferAnswer> {
  return serially(deps.db, deps.dialect, async (db) => {
    const found = await registrationById(db, registrationId);
    if (!found) return 'aucune-offre';
    const ctx = await loadEventContext(db, found.eventId);
    if (!ctx) return 'aucune-offre';
    const now = deps.clock.now();
    const at = now.toISOString();
    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      if ((await expireWithin(trx, deps, ctx, now)) > 0) await promoteWithin(trx, deps, ctx, now);
      const current = await trx
        .selectFrom('registration')
        .select(['status'])
        .where('id', '=', registrationId)
        .executeTakeFirst();
      let accepted = false;
      if (current?.status === 'offre') {
        const needsApproval =
          ctx.rules.get(found.profile)?.decision === 'validation' &&
          !(await wasApproved(trx, registrationId));
        const status = needsApproval ? 'validation' : 'confirmee';
        const r = await trx
          .updateTable('registration')
          .set({ status, offer_expires_at: null, updated_at: at })
          .where('id', '=', registrationId)
          .where('status', '=', 'offre')
          .where('offer_expires_at', '>', at)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) {
          accepted = true;
          const sessions = await allotSessions(trx, ctx, registrationId, at);
          await announceStatus(trx, deps, { ctx, registrant: found, status, sessions });
        }
      }
      const sessionOffers = await trx
        .updateTable('registration_session')
        .set({ status: 'confirmee', offer_expires_at: null, updated_at: at })
        .where('registration_id', '=', registrationId)
        .where('status', '=', 'offre')
        .where('offer_expires_at', '>', at)
        .executeTakeFirst();
      if (Number(sessionOffers.numUpdatedRows) > 0 && !accepted) {
        accepted = true;
        await announceChange(trx, deps, ctx, found, null, at);
      }
      if (accepted) return 'acceptee';
      return current?.status === 'annulee' && found.status === 'offre' ? 'expiree' : 'aucune-offre';
    });
  });
}

/** « Inscription modifiée », with the sessions as they stand and a badge when given. */
export async function announceChange(
  trx: Kysely<Database>,
  deps: RegistrationDeps,
  ctx: EventContext,
  registrant: Registrant,
  badge: BadgeClaims | null,
  at: string,
) {
  const rows = await sessionsOf(trx, registrant.id);
  const token = await issueLink(trx, registrant.id, new Date(at));
  await deps.outbox.enqueue(
    trx,
    composedAtSending({
      mail: 'modifiee',
      event: mailEvent(ctx),
      person: mailPerson(registrant),
      sessions: mailSessions(
        ctx,
        rows.map((r) => ({ sessionId: r.session_id, status: r.status })),
      ),
      manageUrl: manageUrl(deps.publicUrl, token),
      at,
      badge,
    }),
  );
}
