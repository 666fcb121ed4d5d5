import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { isRegistrationOpen, type Mode } from '../events.domain.js';
import { announceStatus, mailEvent, mailPerson } from './announce.js';
import { hasSeat } from './capacity.js';
import { checkAgainstEvent, type FieldErrors, type RegistrationInput } from './checks.js';
import { type RegistrationDeps, readySigner } from './deps.js';
import { registrationScope, storeAnswer, storedAnswer } from './idempotency.js';
import { orderedId } from './ids.js';
import { issueLink, manageUrl, newToken } from './links.js';
import { serially, withEventLock } from './lock.js';
import { linkMail, refusalMail } from './mail/messages.js';
import {
  countSeats,
  type EventContext,
  findLive,
  invitedSessions,
  loadEventContext,
  lockedLimits,
  sessionSeats,
} from './queries.js';
import { promoteWithin } from './waitlist.js';

export type SessionChoice = { sessionId: string; status: string };

/** The answer to a registration, as the form's result page shows it (and as a replay gets it again). */
export type RegistrationOutcome =
  | {
      status: 'confirmee' | 'validation' | 'attente';
      registrationId: string;
      email: string;
      mode: Mode;
      sessions: SessionChoice[];
      replay?: boolean;
    }
  | { status: 'refusee'; registrationId: string; email: string; reason: string; replay?: boolean }
  | { status: 'deja-inscrit'; registrationId: string; email: string; current: string; replay?: boolean }
  | { status: 'fermee'; reason: 'introuvable' | 'pas-encore' | 'terminee' }
  | { status: 'invalide'; errors: FieldErrors };

/** The answers stored with their key (the others changed nothing, and the form may be sent again). */
type StoredOutcome = Exclude<RegistrationOutcome, { status: 'fermee' | 'invalide' }>;

const DEFAULT_REFUSAL = 'Ce profil n’est pas admis à cet événement.';

/**
 * Registers a person for an event: eligibility by profile, then a seat if one is free in every limit that
 * applies (event, mode, profile quota), else the waiting list; each chosen session gives a seat or a place in
 * its own line. What counts or writes runs under the event's lock (lock.ts), with the e-mail announcing the
 * outcome enqueued in the same transaction.
 *
 * Idempotent: the first answer is stored under `idempotencyKey` and a replay returns it (`replay: true`).
 * An address that already holds a live registration gets `deja-inscrit` (and, by e-mail, a fresh link to
 * the registration it holds), never a second row.
 *
 * @example
 * const outcome = await registerParticipant(deps, input, cle);
 * if (outcome.status === 'attente') … // on the waiting list
 */
export async function registerParticipant(
  deps: RegistrationDeps,
  input: RegistrationInput,
  idempotencyKey: string,
): Promise<RegistrationOutcome> {
  const signer = await readySigner(deps);
  const scope = registrationScope(input.eventId);
  return serially(deps.db, deps.dialect, async (db) => {
    const now = deps.clock.now();
    // A replay is answered first, even after closing: the person asked once and gets that answer again.
    const replayed = await storedAnswer<StoredOutcome>(db, idempotencyKey, scope);
    if (replayed) return { ...replayed, replay: true };
    const ctx = await loadEventContext(db, input.eventId);
    if (ctx?.status !== 'publie') return { status: 'fermee', reason: 'introuvable' };
    const window = {
      status: 'publie' as const,
      registrationOpensAt: ctx.opensAt,
      registrationClosesAt: ctx.closesAt,
    };
    if (!isRegistrationOpen(window, now)) {
      return { status: 'fermee', reason: now.toISOString() < ctx.opensAt ? 'pas-encore' : 'terminee' };
    }
    const email = input.email.trim().toLowerCase();
    const closedChosen = input.sessionIds.some((id) => ctx.sessions.find((s) => s.id === id)?.closed);
    const invited = closedChosen ? await invitedSessions(db, ctx.id, email) : new Set<string>();
    const errors = checkAgainstEvent(ctx, input, invited);
    if (Object.keys(errors).length > 0) return { status: 'invalide', errors };

    return withEventLock(db, deps.dialect, ctx.id, async (trx) => {
      const again = await storedAnswer<StoredOutcome>(trx, idempotencyKey, scope);
      if (again) return { ...again, replay: true };
      const decided = await decide(trx, deps, ctx, input, email, now);
      let outcome: StoredOutcome;
      if (decided.kind === 'deja-inscrit') {
        // The address's owner gets a fresh link to the registration they hold; the page says no more.
        const link = await issueLink(trx, decided.id, now);
        const person = { registrationId: decided.id, givenName: input.givenName, email, mode: input.mode };
        await deps.outbox.enqueue(
          trx,
          linkMail({
            event: mailEvent(ctx),
            person,
            manageUrl: manageUrl(deps.publicUrl, link),
            fact: idempotencyKey,
          }),
        );
        outcome = { status: 'deja-inscrit', registrationId: decided.id, email, current: decided.status };
      } else if (decided.status === 'refusee') {
        await deps.outbox.enqueue(
          trx,
          refusalMail({
            event: mailEvent(ctx),
            person: mailPerson(decided.registrant),
            reason: decided.reason,
          }),
        );
        outcome = { status: 'refusee', registrationId: decided.registrant.id, email, reason: decided.reason };
      } else {
        const { registrant, status, sessions, token } = decided;
        await announceStatus(trx, deps, signer, { ctx, registrant, status, sessions, token });
        outcome = { status, registrationId: registrant.id, email, mode: input.mode, sessions };
      }
      await storeAnswer(trx, idempotencyKey, scope, outcome, now);
      return outcome;
    });
  });
}

type Decision =
  | { kind: 'deja-inscrit'; id: string; status: string }
  | {
      kind: 'inscrite';
      registrant: {
        id: string;
        givenName: string;
        familyName: string;
        email: string;
        profile: string;
        mode: Mode;
      };
      status: 'confirmee' | 'validation' | 'attente';
      sessions: SessionChoice[];
      token: string;
    }
  | {
      kind: 'inscrite';
      registrant: {
        id: string;
        givenName: string;
        familyName: string;
        email: string;
        profile: string;
        mode: Mode;
      };
      status: 'refusee';
      reason: string;
    };

/** The decision proper, under the lock: eligibility, seats, sessions, and the rows that record it. */
async function decide(
  trx: Kysely<Database>,
  deps: RegistrationDeps,
  ctx: EventContext,
  input: RegistrationInput,
  email: string,
  now: Date,
): Promise<Decision> {
  const existing = await findLive(trx, ctx.id, email);
  if (existing) return { kind: 'deja-inscrit', id: existing.id, status: existing.status };
  const rule = ctx.rules.get(input.profile) ?? { decision: 'accepte', quota: null, refusalReason: null };
  let status: 'confirmee' | 'validation' | 'attente' | 'refusee' = 'refusee';
  if (rule.decision !== 'refuse') {
    const limits = (await lockedLimits(trx, ctx.id, ctx.limits.quotas)) ?? ctx.limits;
    let counts = await countSeats(trx, ctx.id);
    // Someone waiting may fit where this person fits (a capacity was raised since): they come first.
    if (counts.waiting > 0 && hasSeat(limits, counts, input.mode, input.profile)) {
      await promoteWithin(trx, deps, ctx, now);
      counts = await countSeats(trx, ctx.id);
    }
    const seat = hasSeat(limits, counts, input.mode, input.profile);
    status = !seat ? 'attente' : rule.decision === 'validation' ? 'validation' : 'confirmee';
  }
  const id = orderedId(now);
  const at = now.toISOString();
  const { token, hash } = newToken();
  const reason = rule.refusalReason ?? DEFAULT_REFUSAL;
  const inserted = await trx
    .insertInto('registration')
    .values({
      id,
      event_id: ctx.id,
      person_id: input.personId,
      email,
      given_name: input.givenName,
      family_name: input.familyName,
      organisation_name: input.organisationName,
      organisation_siren: input.organisationSiren,
      collectivite_key: input.collectiviteKey,
      profile: input.profile,
      mode: input.mode,
      status,
      offer_expires_at: null,
      answers: JSON.stringify(input.answers),
      listed: input.listed ? 1 : 0,
      manage_token_hash: hash,
      refusal_reason: status === 'refusee' ? reason : null,
      checked_in_at: null,
      created_at: at,
      updated_at: at,
      cancelled_at: null,
    })
    // Belt and braces: every writer here holds the lock, but the partial unique index has the last word,
    // and DO NOTHING keeps a PostgreSQL transaction usable where a violation would abort it.
    .onConflict((oc) =>
      oc.columns(['event_id', 'email']).where(sql<boolean>`status NOT IN ('annulee', 'refusee')`).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const live = await findLive(trx, ctx.id, email);
    if (!live) throw new Error('Inscription ni créée ni trouvée');
    return { kind: 'deja-inscrit', id: live.id, status: live.status };
  }
  const registrant = {
    id,
    givenName: input.givenName,
    familyName: input.familyName,
    email,
    profile: input.profile,
    mode: input.mode,
  };
  if (status === 'refusee') return { kind: 'inscrite', registrant, status, reason };
  const chosen = [...new Set(input.sessionIds)];
  const limited = ctx.sessions.filter((s) => s.capacity !== null && chosen.includes(s.id)).map((s) => s.id);
  const held = status === 'attente' ? new Map<string, number>() : await sessionSeats(trx, limited);
  const sessions: SessionChoice[] = chosen.map((sessionId) => {
    if (status === 'attente') return { sessionId, status: 'attente' };
    const capacity = ctx.sessions.find((s) => s.id === sessionId)?.capacity ?? null;
    return {
      sessionId,
      status: capacity === null || (held.get(sessionId) ?? 0) < capacity ? 'confirmee' : 'attente',
    };
  });
  if (sessions.length > 0) {
    await trx
      .insertInto('registration_session')
      .values(
        sessions.map((s) => ({
          registration_id: id,
          session_id: s.sessionId,
          status: s.status,
          offer_expires_at: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
  return { kind: 'inscrite', registrant, status, sessions, token };
}
