import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { sha256 } from '../../../shared/hash.js';
import { badgesPdf } from '../backoffice/badges-pdf.js';
import type { BackofficeDeps } from '../backoffice/deps.js';
import { findEvent } from '../backoffice/deps.js';
import type { BadgeSigner } from '../checkin/badge-token.js';
import { PROFILES } from '../events.domain.js';
import { acceptedMail, receivedMail, refusedMail } from './accreditation.mails.js';
import { pressRegistration } from './press-registration.js';

export {
  type AccreditationRow,
  accreditationAttachment,
  listAccreditations,
} from './accreditation.queries.js';

import { ATTACHMENT_TYPES, type AttachmentKind } from './attachment.js';

export type AccreditationStatus = 'demandee' | 'acceptee' | 'refusee';

export interface AccreditationRequest {
  eventId: string;
  /** The form's idempotency key: a replay returns the first answer. */
  key: string;
  givenName: string;
  familyName: string;
  email: string;
  media: string;
  pressCard: string;
  attachment: { data: Buffer; kind: AttachmentKind } | null;
}

export type RequestResult =
  | { ok: true; id: string; replay: boolean }
  | { ok: false; reason: 'evenement-inconnu' | 'terminee' | 'deja-demandee' };

const IDEMPOTENCY_SCOPE = 'accreditation';

/**
 * Records a journalist's request and acknowledges it by e-mail, once: a replayed form (same key) returns the
 * first answer; a second live request for the same address is refused (the partial unique index
 * `press_accreditation_live` makes it impossible, the check before it gives the clear answer). The attachment
 * is stored first: storage is not transactional, and an orphan file is better than a row naming no file.
 *
 * @example
 * const result = await requestAccreditation(deps, { eventId, key, givenName: 'Anne', familyName: 'Martin',
 *   email: 'anne.martin@redaction.fr', media: 'Le Quotidien', pressCard: '12345', attachment: null });
 */
export async function requestAccreditation(
  deps: BackofficeDeps,
  input: AccreditationRequest,
): Promise<RequestResult> {
  const { db } = deps;
  const replay = await previousAnswer(db, input.key);
  if (replay) return { ok: true, id: replay, replay: true };
  const event = await findEvent(db, input.eventId);
  if (event?.status !== 'publie') return { ok: false, reason: 'evenement-inconnu' };
  const now = deps.clock.now();
  if (event.endsAt <= now.toISOString()) return { ok: false, reason: 'terminee' };
  if (await liveRequest(db, event.id, input.email)) return alreadyRequested(db, input.key);

  const id = randomUUID();
  let attachmentKey: string | null = null;
  if (input.attachment) {
    attachmentKey = `accreditations/${sha256(event.id).slice(0, 16)}/${id}.${input.attachment.kind === 'jpeg' ? 'jpg' : input.attachment.kind}`;
    await deps.storage.put(attachmentKey, input.attachment.data);
  }
  const fullName = `${input.givenName} ${input.familyName}`;
  try {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('idempotency_key')
        .values({
          key: `${IDEMPOTENCY_SCOPE}:${input.key}`,
          scope: IDEMPOTENCY_SCOPE,
          response: id,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new Replayed();
      await trx
        .insertInto('press_accreditation')
        .values({
          id,
          event_id: event.id,
          registration_id: null,
          email: input.email,
          full_name: fullName,
          media: input.media,
          press_card: input.pressCard || null,
          attachment_key: attachmentKey,
          status: 'demandee',
          reason: null,
          decided_by: null,
          decided_at: null,
          created_at: now.toISOString(),
        })
        .execute();
      await deps.outbox.enqueue(trx, {
        kind: 'accreditation-demandee',
        to: input.email,
        dedupeKey: `accreditation:${id}:demandee`,
        ...receivedMail({ fullName, eventTitle: event.title, eventDate: event.startsAt }),
      });
    });
  } catch (error) {
    if (error instanceof Replayed) {
      const first = await previousAnswer(db, input.key);
      if (first) return { ok: true, id: first, replay: true };
    }
    // Two requests for one address at the same instant: the unique index let one through.
    if (await liveRequest(db, event.id, input.email)) return alreadyRequested(db, input.key);
    throw error;
  }
  return { ok: true, id, replay: false };
}

class Replayed extends Error {}

/**
 * A live request exists for the address: if it is this very form's (a replay that lost the race to the first
 * copy, which committed between our checks), give the first answer; otherwise it is a second request.
 */
async function alreadyRequested(db: Kysely<Database>, key: string): Promise<RequestResult> {
  const first = await previousAnswer(db, key);
  return first ? { ok: true, id: first, replay: true } : { ok: false, reason: 'deja-demandee' };
}

async function previousAnswer(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('idempotency_key')
    .select('response')
    .where('key', '=', `${IDEMPOTENCY_SCOPE}:${key}`)
    .executeTakeFirst();
  return row?.response ?? null;
}

async function liveRequest(db: Kysely<Database>, eventId: string, email: string) {
  return db
    .selectFrom('press_accreditation')
    .select('id')
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .where('status', '<>', 'refusee')
    .executeTakeFirst();
}

export type DecisionResult =
  | { ok: true; status: AccreditationStatus }
  | { ok: false; reason: 'introuvable' | 'deja-decidee' };

/**
 * Accepts or refuses a request, once (a conditional update on `demandee`: a second click changes nothing), and
 * tells the journalist by e-mail in the same transaction. An accepted journalist gets a confirmed registration
 * of profile `presse` (their existing one when they had registered) so that their badge is scanned at the
 * door like any other, and appears on the press check-in list. Press seats are the organiser's decision, not
 * the capacity engine's: the registration is written directly, outside the capacity count's lock.
 *
 * @example
 * await decideAccreditation(deps, { eventId, id, decision: 'refusee', reason: 'Média hors du champ', actor: 'orga@…' });
 */
export async function decideAccreditation(
  deps: BackofficeDeps,
  input: {
    eventId: string;
    id: string;
    decision: 'acceptee' | 'refusee';
    reason: string | null;
    actor: string;
  },
  signer: BadgeSigner,
): Promise<DecisionResult> {
  const { db } = deps;
  const event = await findEvent(db, input.eventId);
  const row = await db
    .selectFrom('press_accreditation')
    .selectAll()
    .where('id', '=', input.id)
    .where('event_id', '=', input.eventId)
    .executeTakeFirst();
  if (!event || !row) return { ok: false, reason: 'introuvable' };
  if (row.status !== 'demandee') return { ok: false, reason: 'deja-decidee' };
  const now = deps.clock.now().toISOString();
  // Loads the signing key now: on SQLite a read outside the transaction would wait for it to end, for ever.
  await signer.publicKey();

  let decided = false;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('press_accreditation')
      .set({ status: input.decision, reason: input.reason, decided_by: input.actor, decided_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'demandee')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return;
    decided = true;
    if (input.decision === 'refusee') {
      await deps.outbox.enqueue(trx, {
        kind: 'accreditation-refusee',
        to: row.email,
        dedupeKey: `accreditation:${row.id}:refusee`,
        ...refusedMail({ fullName: row.full_name, eventTitle: event.title, reason: input.reason ?? '' }),
      });
      return;
    }
    const registration = await pressRegistration(trx, {
      eventId: event.id,
      email: row.email,
      fullName: row.full_name,
      organisation: row.media,
      now,
    });
    await trx
      .updateTable('press_accreditation')
      .set({ registration_id: registration.id })
      .where('id', '=', row.id)
      .execute();
    const payload = await signer.sign({
      registrationId: registration.id,
      eventId: event.id,
      name: registration.name,
      profile: 'presse',
      mode: registration.mode,
    });
    const pdf = await badgesPdf(
      { title: event.title, date: formatDate(event.startsAt), demonstration: event.demonstration },
      [
        {
          name: registration.name,
          organisation: row.media,
          profileLabel: PROFILES.presse,
          press: true,
          payload,
        },
      ],
    );
    await deps.outbox.enqueue(trx, {
      kind: 'accreditation-acceptee',
      to: row.email,
      dedupeKey: `accreditation:${row.id}:acceptee`,
      attachments: [{ filename: 'badge-presse.pdf', contentType: ATTACHMENT_TYPES.pdf, content: pdf }],
      ...acceptedMail({
        fullName: row.full_name,
        eventTitle: event.title,
        eventDate: event.startsAt,
        eventUrl: `${deps.publicUrl}/evenements/${encodeURIComponent(event.id)}`,
      }),
    });
  });
  return decided ? { ok: true, status: input.decision } : { ok: false, reason: 'deja-decidee' };
}
