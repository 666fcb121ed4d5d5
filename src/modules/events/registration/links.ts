import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { randomToken, sha256 } from '../../../shared/hash.js';
import { withRegistrationTables } from './tables.js';

/**
 * Management links (« lien magique »): whoever holds the link manages the registration, without an account.
 * Only the token's SHA-256 is stored, so the database alone opens nothing. The first link lives on the
 * registration row (`manage_token_hash`); every later e-mail that needs one (an offer, a reminder…) gets a
 * fresh token in `registration_link`, so that an older e-mail's link keeps working.
 */

/** A new token and its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: sha256(token) };
}

/**
 * A further link for a registration, inside the caller's transaction; returns the token to put in the e-mail.
 *
 * @example
 * const token = await issueLink(trx, registrationId, now); manageUrl(publicUrl, token)
 */
export async function issueLink(trx: Kysely<Database>, registrationId: string, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await withRegistrationTables(trx)
    .insertInto('registration_link')
    .values({ token_hash: hash, registration_id: registrationId, created_at: now.toISOString() })
    .execute();
  return token;
}

/** The page where a participant manages their registration. */
export function manageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/inscriptions/${token}`;
}

/**
 * The registration a token opens, or null (unknown, malformed, or the registration was purged).
 *
 * @example
 * const id = await registrationIdByToken(db, c.req.param('token'));
 */
export async function registrationIdByToken(db: Kysely<Database>, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = sha256(token);
  const first = await db
    .selectFrom('registration')
    .select('id')
    .where('manage_token_hash', '=', hash)
    .executeTakeFirst();
  if (first) return first.id;
  const later = await withRegistrationTables(db)
    .selectFrom('registration_link')
    .select('registration_id')
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return later?.registration_id ?? null;
}
