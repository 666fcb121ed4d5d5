/**
 * The decision on a batch of registrations to one event (see queue.ts), in one transaction under the event's
 * lock: the event, the stored answers, the live registrations of these addresses and the seats are read once,
 * from rows; then each request is decided in arrival order, the seats it takes added to the counts, so that
 * the batch decides exactly what the same requests taken one by one would have decided.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { isRegistrationOpen } from '../events.domain.js';
import { hasSeat, takeSeat } from './capacity.js';
import { checkAgainstEvent, type RegistrationInput } from './checks.js';
import type { RegistrationDeps } from './deps.js';
import { registrationScope, storedAnswers } from './idempotency.js';
import { orderedId } from './ids.js';
import { newToken } from './links.js';
import { withEventLock } from './lock.js';
import { countSeats, type EventContext, invitedSessions, loadEventContext, sessionSeats } from './queries.js';
import { alreadyRegistered, type Decided, type StoredOutcome, writeDecisions } from './record.js';
import type { RegistrationOutcome, SessionChoice } from './register.js';
import { promoteWithin } from './waitlist.js';

/** One person's request, as `registerParticipant` queues it. */
export interface Arrival {
  deps: RegistrationDeps;
  input: RegistrationInput;
  /** Trimmed and lower-cased. */
  email: string;
  key: string;
  /** When the request arrived: its `created_at`, and the moment the registration window is checked at. */
  now: Date;
}

const DEFAULT_REFUSAL = 'Ce profil n’est pas admis à cet événement.';

/**
 * Decides `arrivals` (all for the same event, on the same database) and returns their outcomes in order.
 *
 * @example
 * const [outcome] = await admit([{ deps, input, email, key, now: new Date() }]);
 */
export function admit(arrivals: Arrival[]): Promise<RegistrationOutcome[]> {
  const first = arrivals[0];
  if (!first) return Promise.resolve([]);
  const { db, dialect } = first.deps;
  const eventId = first.input.eventId;
  return withEventLock(db, dialect, eventId, (trx) => decideAll(trx, eventId, arrivals));
}

async function decideAll(
  trx: Kysely<Database>,
  eventId: string,
  arrivals: Arrival[],
): Promise<RegistrationOutcome[]> {
  const scope = registrationScope(eventId);
  const stored = await storedAnswers<StoredOutcome>(
    trx,
    arrivals.map((a) => a.key),
    scope,
  );
  const fresh = arrivals.filter((a) => !stored.has(a.key));
  const ctx = fresh.length > 0 ? await loadEventContext(trx, eventId) : null;
  const live =
    ctx?.status === 'publie'
      ? await liveByEmail(
          trx,
          ctx.id,
          fresh.map((a) => a.email),
        )
      : new Map<string, { id: string; status: string }>();
  // Each result is read once everything is written: a write may still turn a decision into `deja-inscrit`.
  const results: Array<() => RegistrationOutcome> = [];
  const decidedByKey = new Map<string, Decided>();
  let seats: Awaited<ReturnType<typeof readSeats>> | null = null;
  let pending: Decided[] = [];
  const flush = async () => {
    await writeDecisions(trx, scope, pending, arrivals.length === 1);
    pending = [];
  };

  for (const a of arrivals) {
    const replay = stored.get(a.key);
    const earlier = decidedByKey.get(a.key);
    if (replay || earlier) {
      results.push(() => ({ ...(replay ?? (earlier as Decided).outcome), replay: true }));
      continue;
    }
    const early = await check(trx, ctx, a);
    if (early) {
      results.push(() => early);
      continue;
    }
    const c = ctx as EventContext;
    const held = live.get(a.email);
    let decided: Decided;
    if (held) {
      decided = alreadyRegistered(a, c, held);
    } else {
      const rule = c.rules.get(a.input.profile) ?? { decision: 'accepte', quota: null, refusalReason: null };
      if (rule.decision === 'refuse') {
        decided = refused(a, c, rule.refusalReason ?? DEFAULT_REFUSAL);
      } else {
        seats ??= await readSeats(trx, c);
        const { mode, profile } = a.input;
        // Someone waiting may fit where this person fits (a capacity was raised since): they come first.
        if (seats.counts.waiting > 0 && hasSeat(c.limits, seats.counts, mode, profile)) {
          await flush();
          await promoteWithin(trx, a.deps, c, a.now);
          seats = await readSeats(trx, c);
        }
        const seat = hasSeat(c.limits, seats.counts, mode, profile);
        const status = !seat ? 'attente' : rule.decision === 'validation' ? 'validation' : 'confirmee';
        if (status === 'attente') seats.counts.waiting = 1;
        else takeSeat(seats.counts, mode, profile);
        decided = registered(a, c, status, seats.held);
        live.set(a.email, { id: decided.id, status });
      }
    }
    pending.push(decided);
    decidedByKey.set(a.key, decided);
    const final = decided;
    results.push(() => final.outcome);
  }
  await flush();
  return results.map((result) => result());
}

/** The answers that change nothing: no such event, registration closed, or the input does not fit the event. */
async function check(
  trx: Kysely<Database>,
  ctx: EventContext | null,
  a: Arrival,
): Promise<RegistrationOutcome | null> {
  if (ctx?.status !== 'publie') return { status: 'fermee', reason: 'introuvable' };
  const window = {
    status: 'publie' as const,
    registrationOpensAt: ctx.opensAt,
    registrationClosesAt: ctx.closesAt,
  };
  if (!isRegistrationOpen(window, a.now)) {
    return { status: 'fermee', reason: a.now.toISOString() < ctx.opensAt ? 'pas-encore' : 'terminee' };
  }
  const closedChosen = a.input.sessionIds.some((id) => ctx.sessions.find((s) => s.id === id)?.closed);
  const invited = closedChosen ? await invitedSessions(trx, ctx.id, a.email) : new Set<string>();
  const errors = checkAgainstEvent(ctx, a.input, invited);
  return Object.keys(errors).length > 0 ? { status: 'invalide', errors } : null;
}

/** The seats held in the event (by limit) and in its sessions that have a capacity, counted from rows. */
async function readSeats(trx: Kysely<Database>, ctx: EventContext) {
  const limited = ctx.sessions.filter((s) => s.capacity !== null).map((s) => s.id);
  return { counts: await countSeats(trx, ctx.id), held: await sessionSeats(trx, limited) };
}

function refused(a: Arrival, ctx: EventContext, reason: string): Decided {
  const id = orderedId(a.now);
  return {
    kind: 'inscrite',
    arrival: a,
    ctx,
    id,
    status: 'refusee',
    token: newToken(),
    sessions: [],
    reason,
    outcome: { status: 'refusee', registrationId: id, email: a.email, reason },
  };
}

/**
 * A registration with a seat or on the waiting list, and its sessions: a seat in each chosen session that has
 * one left (counted in `held`, which this updates), else a place in that session's line.
 */
function registered(
  a: Arrival,
  ctx: EventContext,
  status: 'confirmee' | 'validation' | 'attente',
  held: Map<string, number>,
): Decided {
  const id = orderedId(a.now);
  const sessions: SessionChoice[] = [...new Set(a.input.sessionIds)].map((sessionId) => {
    if (status === 'attente') return { sessionId, status: 'attente' };
    const capacity = ctx.sessions.find((s) => s.id === sessionId)?.capacity ?? null;
    if (capacity === null) return { sessionId, status: 'confirmee' };
    const taken = held.get(sessionId) ?? 0;
    if (taken >= capacity) return { sessionId, status: 'attente' };
    held.set(sessionId, taken + 1);
    return { sessionId, status: 'confirmee' };
  });
  return {
    kind: 'inscrite',
    arrival: a,
    ctx,
    id,
    status,
    token: newToken(),
    sessions,
    reason: null,
    outcome: { status, registrationId: id, email: a.email, mode: a.input.mode, sessions },
  };
}

/** The live registrations of these addresses (already lower-cased) for an event, by address. */
export async function liveByEmail(
  trx: Kysely<Database>,
  eventId: string,
  emails: readonly string[],
): Promise<Map<string, { id: string; status: string }>> {
  const live = new Map<string, { id: string; status: string }>();
  if (emails.length === 0) return live;
  const rows = await trx
    .selectFrom('registration')
    .select(['id', 'status', 'email'])
    .where('event_id', '=', eventId)
    .where('email', 'in', [...new Set(emails)])
    // Written out, as in `findLive`, so that the partial unique index answers.
    .where(sql<boolean>`status NOT IN ('annulee', 'refusee')`)
    .execute();
  for (const r of rows) live.set(r.email, { id: r.id, status: r.status });
  return live;
}
