import type { Mode } from '../events.domain.js';
import { type Arrival, admit } from './admit.js';
import type { FieldErrors, RegistrationInput } from './checks.js';
import type { RegistrationDeps } from './deps.js';
import { registrationScope } from './idempotency.js';
import { inTurn } from './queue.js';

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

/**
 * Registers a person for an event: eligibility by profile, then a seat if one is free in every limit that
 * applies (event, mode, profile quota), else the waiting list; each chosen session gives a seat or a place in
 * its own line. The decision counts and writes under the event's lock (lock.ts), with the e-mail announcing
 * the outcome enqueued in the same transaction. During a rush, the requests that arrive while a decision is
 * being taken are decided together, in arrival order, in the next transaction (queue.ts, admit.ts).
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
  if (!input.eventId || input.eventId.length > 200) return { status: 'fermee', reason: 'introuvable' };
  const arrival: Arrival = {
    deps,
    input,
    email: input.email.trim().toLowerCase(),
    key: idempotencyKey,
    now: deps.clock.now(),
  };
  return inTurn(deps.db, registrationScope(input.eventId), arrival, admit);
}
