import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { RegistrationDeps } from './deps.js';
import { serially, withEventLock } from './lock.js';
import { loadEventContext } from './queries.js';
import { expireWithin, promoteWithin } from './waitlist.js';

/**
 * Ends the event's expired offers (each passes to the next person) and offers every free seat to the people
 * waiting, in one locked transaction. Returns how many offers were made. The timer calls it for every event
 * with a waiting list; a cancellation or a refusal does the same work in its own transaction.
 *
 * @example
 * await promoteFromWaitlist(deps, 'journee-2023') // 2: two seats offered
 */
export async function promoteFromWaitlist(deps: RegistrationDeps, eventId: string): Promise<number> {
  return serially(deps.db, deps.dialect, async (db) => {
    const ctx = await loadEventContext(db, eventId);
    if (!ctx) return 0;
    const now = deps.clock.now();
    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      await expireWithin(trx, deps, ctx, now);
      return promoteWithin(trx, deps, ctx, now);
    });
  });
}

/** The events with an offer open or someone waiting (event or session lines): the timer's work list. */
export async function eventsWithLines(db: Kysely<Database>): Promise<string[]> {
  const events = await db
    .selectFrom('registration')
    .select('event_id')
    .distinct()
    .where('status', 'in', ['attente', 'offre'])
    .execute();
  const sessions = await db
    .selectFrom('registration_session as rs')
    .innerJoin('event_session as s', 's.id', 'rs.session_id')
    .select('s.event_id')
    .distinct()
    .where('rs.status', 'in', ['attente', 'offre'])
    .execute();
  return [...new Set([...events.map((e) => e.event_id), ...sessions.map((s) => s.event_id)])];
}

/**
 * The timer's pass: `promoteFromWaitlist` for every event with a line, as of `now`. Returns the offers made.
 *
 * @example
 * setInterval(() => promoteAll(deps, new Date()), 60_000)
 */
export async function promoteAll(deps: RegistrationDeps, now: Date): Promise<number> {
  const at = { ...deps, clock: { now: () => now } };
  let made = 0;
  for (const eventId of await eventsWithLines(deps.db)) made += await promoteFromWaitlist(at, eventId);
  return made;
}
