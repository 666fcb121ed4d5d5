import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { randomToken } from '../../../shared/hash.js';

/**
 * Idempotency keys of the public registration form (ARCHITECTURE.md, « Every public POST is idempotent »).
 *
 * A key is made when the form is rendered: `<random>.<HMAC(session's CSRF token, event id + random)>`. So a
 * key cannot be forged (it needs the session's secret), nor carried to another event or another browser. The
 * first answer is stored with the key, in the registration's own transaction: a replay (a double click, a
 * refresh, a retry after a timeout) gets the same answer, never a second registration.
 */

const KEY_PATTERN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

function mac(secret: string, eventId: string, random: string): string {
  return createHmac('sha256', secret)
    .update(`${eventId}\n${random}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * A new key for a form of this event, bound to the session's CSRF token.
 *
 * @example
 * const cle = issueFormKey(await c.var.session.csrfToken(), 'journee-2023');
 */
export function issueFormKey(sessionSecret: string, eventId: string): string {
  const random = randomToken(16);
  return `${random}.${mac(sessionSecret, eventId, random)}`;
}

/**
 * Whether a submitted key was made by `issueFormKey` for this session and event.
 *
 * @example
 * if (!isFormKey(body.cle, csrf, eventId)) return forgedKeyPage();
 */
export function isFormKey(key: unknown, sessionSecret: string, eventId: string): key is string {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) return false;
  const [random, given] = key.split('.') as [string, string];
  const expected = Buffer.from(mac(sessionSecret, eventId, random));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The scope a key is stored under: a key answers for one event's form only. */
export const registrationScope = (eventId: string) => `inscription:${eventId}`;

/** The first answer given to this key, or null. */
export async function storedAnswer<T>(db: Kysely<Database>, key: string, scope: string): Promise<T | null> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['scope', 'response'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || row.scope !== scope || row.response === null) return null;
  return JSON.parse(row.response) as T;
}

/** The first answers given to these keys in `scope`, by key (keys stored under another scope are left out). */
export async function storedAnswers<T>(
  db: Kysely<Database>,
  keys: readonly string[],
  scope: string,
): Promise<Map<string, T>> {
  const answers = new Map<string, T>();
  if (keys.length === 0) return answers;
  const rows = await db
    .selectFrom('idempotency_key')
    .select(['key', 'scope', 'response'])
    .where('key', 'in', [...new Set(keys)])
    .execute();
  for (const row of rows) {
    if (row.scope === scope && row.response !== null) answers.set(row.key, JSON.parse(row.response) as T);
  }
  return answers;
}

/** Stores first answers, inside the transaction that made them; a key already stored keeps its answer. */
export async function storeAnswers(
  trx: Kysely<Database>,
  scope: string,
  answers: ReadonlyArray<{ key: string; answer: unknown; at: Date }>,
): Promise<void> {
  if (answers.length === 0) return;
  await trx
    .insertInto('idempotency_key')
    .values(
      answers.map((a) => ({
        key: a.key,
        scope,
        response: JSON.stringify(a.answer),
        created_at: a.at.toISOString(),
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
