/**
 * The waiting lists: of the event (registrations in `attente`) and of each session with a capacity
 * (`registration_session` rows in `attente`). When a seat frees, the first person in line who fits gets an
 * offer (`offre`) valid `offer_hours`, never past closing; an offer not accepted in time passes to the next.
 * Every change of state here is a conditional update (`… WHERE status = 'attente'`), run under the event's
 * lock, so that it cannot happen twice.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { type Mode, offerExpiry } from '../events.domain.js';
import { mailEvent } from './announce.js';
import { hasSeat, takeSeat } from './capacity.js';
import type { RegistrationDeps } from './deps.js';
import { issueLink, manageUrl } from './links.js';
import { offerExpiredMail, offerMail } from './mail/messages.js';
import { countSeats, type EventContext, lockedLimits, sessionSeats } from './queries.js';

/** How many people of a list are looked at in one pass (a pass loops while seats remain). */
const BATCH = 500;

/**
 * Offers every free seat to the first people waiting who fit it (event, then sessions), inside the lock.
 * Returns how many offers were made. Nothing is offered once registration has closed.
 */
export async function promoteWithin(
  trx: Kysely<Database>,
  deps: RegistrationDeps,
  ctx: EventContext,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  if (at >= ctx.closesAt) return 0;
  const expires = offerExpiry(now, ctx.offerHours, ctx.closesAt);
  const limits = (await lockedLimits(trx, ctx.id, ctx.limits.quotas)) ?? ctx.limits;
  const counts = await countSeats(trx, ctx.id);
  let made = 0;
  const full = () => limits.total !== null && counts.total >= limits.total;
  if (counts.waiting > 0 && !full()) {
    const waiting = await trx
      .selectFrom('registration')
      .select(['id', 'email', 'given_name', 'mode', 'profile'])
      .where('event_id', '=', ctx.id)
      .where('status', '=', 'attente')
      .orderBy('created_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const w of waiting) {
      const mode = w.mode as Mode;
      if (!hasSeat(limits, counts, mode, w.profile)) continue;
      const offered = await trx
        .updateTable('registration')
        .set({ status: 'offre', offer_expires_at: expires, updated_at: at })
        .where('id', '=', w.id)
        .where('status', '=', 'attente')
        .executeTakeFirst();
      if (Number(offered.numUpdatedRows) !== 1) continue;
      takeSeat(counts, mode, w.profile);
      const token = await issueLink(trx, w.id, now);
      await deps.outbox.enqueue(
        trx,
        offerMail({
          event: mailEvent(ctx),
          person: { registrationId: w.id, givenName: w.given_name, email: w.email, mode },
          offerUrl: `${manageUrl(deps.publicUrl, token)}/offre`,
          expiresAt: expires,
        }),
      );
      made++;
      if (full()) break;
    }
  }
  return made + (await promoteSessionsWithin(trx, deps, ctx, now, expires));
}

/** The sessions' own lists: a seat freed in a session goes to the first of its line whose registration holds a seat. */
async function promoteSessionsWithin(
  trx: Kysely<Database>,
  deps: RegistrationDeps,
  ctx: EventContext,
  now: Date,
  expires: string,
): Promise<number> {
  const limited = ctx.sessions.filter((s) => s.capacity !== null);
  if (limited.length === 0) return 0;
  const at = now.toISOString();
  const held = await sessionSeats(
    trx,
    limited.map((s) => s.id),
  );
  let made = 0;
  for (const session of limited) {
    const free = (session.capacity ?? 0) - (held.get(session.id) ?? 0);
    if (free <= 0) continue;
    const waiting = await trx
      .selectFrom('registration_session as rs')
      .innerJoin('registration as r', 'r.id', 'rs.registration_id')
      .select(['r.id', 'r.email', 'r.given_name', 'r.mode'])
      .where('rs.session_id', '=', session.id)
      .where('rs.status', '=', 'attente')
      .where('r.status', 'in', ['confirmee', 'validation'])
      .orderBy('rs.created_at')
      .orderBy('rs.registration_id')
      .limit(free)
      .execute();
    for (const w of waiting) {
      const offered = await trx
        .updateTable('registration_session')
        .set({ status: 'offre', offer_expires_at: expires, updated_at: at })
        .where('registration_id', '=', w.id)
        .where('session_id', '=', session.id)
        .where('status', '=', 'attente')
        .executeTakeFirst();
      if (Number(offered.numUpdatedRows) !== 1) continue;
      const token = await issueLink(trx, w.id, now);
      await deps.outbox.enqueue(
        trx,
        offerMail({
          event: mailEvent(ctx),
          person: { registrationId: w.id, givenName: w.given_name, email: w.email, mode: w.mode as Mode },
          offerUrl: `${manageUrl(deps.publicUrl, token)}/offre`,
          expiresAt: expires,
          session: { id: session.id, title: session.title },
        }),
      );
      made++;
    }
  }
  return made;
}

/**
 * Ends the offers whose time is up, inside the lock: the registration is cancelled (its owner may register
 * again, at the end of the line) and told so; a session offer goes back to nobody. Returns how many ended.
 */
export async function expireWithin(
  trx: Kysely<Database>,
  deps: RegistrationDeps,
  ctx: EventContext,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const expired = await trx
    .updateTable('registration')
    .set({ status: 'annulee', cancelled_at: at, updated_at: at })
    .where('event_id', '=', ctx.id)
    .where('status', '=', 'offre')
    .where('offer_expires_at', '<=', at)
    .returning(['id', 'email', 'given_name', 'mode'])
    .execute();
  await releaseSessions(
    trx,
    expired.map((e) => e.id),
    at,
  );
  const registerUrl = `${deps.publicUrl}/evenements/${encodeURIComponent(ctx.id)}/inscription`;
  for (const e of expired) {
    await deps.outbox.enqueue(
      trx,
      offerExpiredMail({
        event: mailEvent(ctx),
        person: { registrationId: e.id, givenName: e.given_name, email: e.email, mode: e.mode as Mode },
        registerUrl,
      }),
    );
  }
  let sessionsExpired = 0;
  if (ctx.sessions.length > 0) {
    const r = await trx
      .updateTable('registration_session')
      .set({ status: 'annulee', offer_expires_at: null, updated_at: at })
      .where('status', '=', 'offre')
      .where('offer_expires_at', '<=', at)
      .where(
        'session_id',
        'in',
        ctx.sessions.map((s) => s.id),
      )
      .executeTakeFirst();
    sessionsExpired = Number(r.numUpdatedRows);
  }
  return expired.length + sessionsExpired;
}

/** A registration that leaves: its session seats and places in session lines go too. */
export async function releaseSessions(trx: Kysely<Database>, registrationIds: readonly string[], at: string) {
  if (registrationIds.length === 0) return;
  await trx
    .updateTable('registration_session')
    .set({ status: 'annulee', offer_expires_at: null, updated_at: at })
    .where('registration_id', 'in', [...registrationIds])
    .where('status', '<>', 'annulee')
    .execute();
}
