/**
 * The writes of a batch of registration decisions (admit.ts), inside its transaction: the registrations in one
 * statement, their sessions in another, then each person's e-mail through the outbox (same transaction: a
 * decision rolled back announces nothing), and the answers under their idempotency keys in one last statement.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { Outbox, OutboxMessage } from '../../../ports/outbox.js';
import type { Arrival } from './admit.js';
import { mailEvent, mailPerson, statusMail } from './announce.js';
import { storeAnswers } from './idempotency.js';
import { issueLink, manageUrl } from './links.js';
import { linkMail, refusalMail } from './mail/messages.js';
import { type EventContext, findLive } from './queries.js';
import type { RegistrationOutcome, SessionChoice } from './register.js';

/** The answers stored with their key (the others changed nothing, and the form may be sent again). */
export type StoredOutcome = Exclude<RegistrationOutcome, { status: 'fermee' | 'invalide' }>;

/** What was decided for one request, before it is written. */
export type Decided =
  | {
      kind: 'deja-inscrit';
      arrival: Arrival;
      ctx: EventContext;
      /** The registration this address already holds. */
      id: string;
      status: string;
      outcome: StoredOutcome;
    }
  | {
      kind: 'inscrite';
      arrival: Arrival;
      ctx: EventContext;
      id: string;
      status: 'confirmee' | 'validation' | 'attente' | 'refusee';
      token: { token: string; hash: string };
      sessions: SessionChoice[];
      reason: string | null;
      outcome: StoredOutcome;
    };

/** Rows per INSERT: far below SQLite's 32,766 bound parameters whatever the number of columns. */
const ROWS_PER_INSERT = 500;
/** E-mails written between two turns of the event loop (about a millisecond of work). */
const YIELD_EVERY = 2;

/**
 * Writes `decided` in order. A registration the partial unique index turns away (only a writer that skipped
 * the lock could have made its twin) fails a batch, whose seat counts assumed it, and the batch is taken again
 * request by request; `alone`, the request becomes `deja-inscrit`, as it would have had it seen that row.
 */
export async function writeDecisions(
  trx: Kysely<Database>,
  scope: string,
  decided: Decided[],
  alone: boolean,
): Promise<void> {
  const made = decided.filter((d): d is Extract<Decided, { kind: 'inscrite' }> => d.kind === 'inscrite');
  if (made.length > 0) {
    const inserted = new Set<string>();
    for (let i = 0; i < made.length; i += ROWS_PER_INSERT) {
      const rows = await trx
        .insertInto('registration')
        .values(made.slice(i, i + ROWS_PER_INSERT).map(registrationRow))
        // DO NOTHING keeps a PostgreSQL transaction usable where a violation would abort it.
        .onConflict((oc) =>
          oc
            .columns(['event_id', 'email'])
            .where(sql<boolean>`status NOT IN ('annulee', 'refusee')`)
            .doNothing(),
        )
        .returning('id')
        .execute();
      for (const r of rows) inserted.add(r.id);
    }
    for (const d of made) {
      if (inserted.has(d.id)) continue;
      if (!alone) throw new Error('Inscription en double malgré le verrou : lot repris une à une');
      const twin = await findLive(trx, d.ctx.id, d.arrival.email);
      if (!twin) throw new Error('Inscription ni créée ni trouvée');
      Object.assign(d, alreadyRegistered(d.arrival, d.ctx, twin));
    }
    const sessionRows = made
      .filter((d) => d.kind === 'inscrite')
      .flatMap((d) =>
        d.sessions.map((s) => ({
          registration_id: d.id,
          session_id: s.sessionId,
          status: s.status,
          offer_expires_at: null,
          created_at: d.arrival.now.toISOString(),
          updated_at: d.arrival.now.toISOString(),
        })),
      );
    for (let i = 0; i < sessionRows.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('registration_session')
        .values(sessionRows.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
  }
  const mails: Array<{ outbox: Outbox; message: OutboxMessage }> = [];
  for (const [i, d] of decided.entries()) {
    // Writing a confirmation (signing the badge, drawing its QR code) is most of a batch's time, and on SQLite
    // nothing in a batch waits for I/O: let the server turn every few, to accept and read the requests that
    // come meanwhile (Node accepts one new connection per turn of its loop).
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const message = await mailFor(trx, d);
    if (message) mails.push({ outbox: d.arrival.deps.outbox, message });
  }
  await enqueueAll(trx, mails);
  for (let i = 0; i < decided.length; i += ROWS_PER_INSERT) {
    await storeAnswers(
      trx,
      scope,
      decided
        .slice(i, i + ROWS_PER_INSERT)
        .map((d) => ({ key: d.arrival.key, answer: d.outcome, at: d.arrival.now })),
    );
  }
}

/** The decision for an address that already holds a live registration of the event. */
export function alreadyRegistered(
  arrival: Arrival,
  ctx: EventContext,
  held: { id: string; status: string },
): Extract<Decided, { kind: 'deja-inscrit' }> {
  return {
    kind: 'deja-inscrit',
    arrival,
    ctx,
    id: held.id,
    status: held.status,
    outcome: { status: 'deja-inscrit', registrationId: held.id, email: arrival.email, current: held.status },
  };
}

/** The e-mail that tells the person where they stand. */
async function mailFor(trx: Kysely<Database>, d: Decided): Promise<OutboxMessage | null> {
  const { deps, input, email, key, now } = d.arrival;
  const person = {
    id: d.id,
    givenName: input.givenName,
    familyName: input.familyName,
    email,
    profile: input.profile,
    mode: input.mode,
  };
  if (d.kind === 'deja-inscrit') {
    // The address's owner gets a fresh link to the registration they hold; the page says no more.
    const token = await issueLink(trx, d.id, now);
    const manage = manageUrl(deps.publicUrl, token);
    return linkMail({ event: mailEvent(d.ctx), person: mailPerson(person), manageUrl: manage, fact: key });
  }
  if (d.status === 'refusee') {
    return refusalMail({ event: mailEvent(d.ctx), person: mailPerson(person), reason: d.reason ?? '' });
  }
  const facts = {
    ctx: d.ctx,
    registrant: person,
    status: d.status,
    sessions: d.sessions,
    token: d.token.token,
  };
  return statusMail(deps, facts);
}

/** The batch's e-mails into the outbox, in order, in one statement when the outbox can. */
async function enqueueAll(
  trx: Kysely<Database>,
  mails: ReadonlyArray<{ outbox: Outbox; message: OutboxMessage }>,
) {
  for (let i = 0; i < mails.length; ) {
    const outbox = mails[i]?.outbox as Outbox;
    let end = i;
    while (end < mails.length && mails[end]?.outbox === outbox) end++;
    const messages = mails.slice(i, end).map((m) => m.message);
    if (outbox.enqueueMany) await outbox.enqueueMany(trx, messages);
    else for (const message of messages) await outbox.enqueue(trx, message);
    i = end;
  }
}

function registrationRow(d: Extract<Decided, { kind: 'inscrite' }>) {
  const { input, email, now } = d.arrival;
  const at = now.toISOString();
  return {
    id: d.id,
    event_id: d.ctx.id,
    person_id: input.personId,
    email,
    given_name: input.givenName,
    family_name: input.familyName,
    organisation_name: input.organisationName,
    organisation_siren: input.organisationSiren,
    collectivite_key: input.collectiviteKey,
    profile: input.profile,
    mode: input.mode,
    status: d.status,
    offer_expires_at: null,
    answers: JSON.stringify(input.answers),
    listed: input.listed ? 1 : 0,
    manage_token_hash: d.token.hash,
    refusal_reason: d.status === 'refusee' ? d.reason : null,
    checked_in_at: null,
    created_at: at,
    updated_at: at,
    cancelled_at: null,
  };
}
