/**
 * Links sent by e-mail (« lien magique »): whoever holds one opens a participant's or a member's agenda, or
 * cancels one meeting, without an account. Only the token's SHA-256 is stored: the database alone opens nothing.
 * A link dies with what it names (ON DELETE CASCADE on the registration, the member and the booking), and
 * expires `LINK_DAYS_AFTER_EVENT` days after its event ends: a meeting's links serve until the day itself.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { randomToken, sha256 } from '../../../shared/hash.js';

export type TokenPurpose =
  | 'acces-participant'
  | 'acces-membre'
  | 'annulation-participant'
  | 'annulation-membre';

export interface TokenTarget {
  eventId: string;
  purpose: TokenPurpose;
  registrationId: string | null;
  memberId: string | null;
  bookingId: string | null;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new link's token, stored hashed inside the caller's transaction.
 *
 * @example
 * const token = await issueToken(trx, { eventId, purpose: 'annulation-participant', bookingId, registrationId: null, memberId: null }, now);
 */
export async function issueToken(trx: Kysely<Database>, target: TokenTarget, now: string): Promise<string> {
  const token = randomToken(32);
  await trx
    .insertInto('meeting_token')
    .values({
      token_hash: sha256(token),
      event_id: target.eventId,
      purpose: target.purpose,
      registration_id: target.registrationId,
      member_id: target.memberId,
      booking_id: target.bookingId,
      created_at: now,
    })
    .execute();
  return token;
}

export type TokenRow = Database['meeting_token'];

/**
 * New links' tokens and the rows that store their hashes, made outside any transaction (so that e-mails can be
 * written before the decision that sends them), stored later with `insertTokens`.
 *
 * @example
 * const { tokens, rows } = prepareTokens([{ eventId, purpose: 'acces-participant', registrationId, memberId: null, bookingId: null }], now);
 */
export function prepareTokens(
  targets: readonly TokenTarget[],
  now: string,
): { tokens: string[]; rows: TokenRow[] } {
  const tokens = targets.map(() => randomToken(32));
  const rows = targets.map((t, i) => ({
    token_hash: sha256(tokens[i]!),
    event_id: t.eventId,
    purpose: t.purpose,
    registration_id: t.registrationId,
    member_id: t.memberId,
    booking_id: t.bookingId,
    created_at: now,
  }));
  return { tokens, rows };
}

/** Stores prepared links, in batches, inside the caller's transaction. */
export async function insertTokens(trx: Kysely<Database>, rows: readonly TokenRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('meeting_token')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Many links at once (a published assignment); tokens in the order of `targets`. */
export async function issueTokens(
  trx: Kysely<Database>,
  targets: readonly TokenTarget[],
  now: string,
): Promise<string[]> {
  const { tokens, rows } = prepareTokens(targets, now);
  await insertTokens(trx, rows);
  return tokens;
}

/** How long after its event's end a link still opens what it names. */
export const LINK_DAYS_AFTER_EVENT = 7;

/** What a token opens, or null (malformed, unknown, expired, or what it named is gone). */
export async function tokenTarget(
  db: Kysely<Database>,
  token: string,
  now: string,
): Promise<TokenTarget | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db
    .selectFrom('meeting_token as t')
    .innerJoin('event as e', 'e.id', 't.event_id')
    .select(['t.event_id', 't.purpose', 't.registration_id', 't.member_id', 't.booking_id', 'e.ends_at'])
    .where('t.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) return null;
  const expires = Date.parse(row.ends_at) + LINK_DAYS_AFTER_EVENT * 86_400_000;
  if (!(Date.parse(now) <= expires)) return null;
  return {
    eventId: row.event_id,
    purpose: row.purpose as TokenPurpose,
    registrationId: row.registration_id,
    memberId: row.member_id,
    bookingId: row.booking_id,
  };
}

export const accessUrl = (publicUrl: string, token: string) => `${publicUrl}/rencontres/acces/${token}`;
export const cancelUrl = (publicUrl: string, token: string) => `${publicUrl}/rencontres/annulation/${token}`;
