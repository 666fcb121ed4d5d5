import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  type JsonWebKey as NodeJsonWebKey,
  sign,
  verify,
} from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/**
 * Badge tokens: what the QR code of a badge carries. `NT1.<base64url(JSON)>.<base64url(Ed25519 signature)>`,
 * the signature covering `NT1.<base64url(JSON)>` so that the version cannot be swapped. The JSON keys are one
 * letter because every byte makes the QR code denser (about 250 characters in all: version 10, easy to scan
 * from a phone screen). The check-in page verifies the same format offline with WebCrypto
 * (`src/platform/ui/assets/checkin-verify.js`): keep both in step.
 */

export interface BadgeClaims {
  registrationId: string;
  eventId: string;
  /** As printed on the badge; cut to {@link MAX_NAME_LENGTH} characters to keep the QR code small. */
  name: string;
  /** A profile key (`presse` marks a press badge). */
  profile: string;
  /** `presentiel` or `distance`. */
  mode: string;
}

export interface BadgeSigner {
  /** Signs a badge; the key pair is created on first use and kept in `signing_key`. */
  sign(claims: BadgeClaims): Promise<string>;
  /** The public key as a JWK (`{ kty: 'OKP', crv: 'Ed25519', x }`), for the check-in page. */
  publicKeyJwk(): Promise<JsonWebKey>;
  /** The public key as a Node key object, for {@link verifyBadge} on the server. */
  publicKey(): Promise<KeyObject>;
}

export const BADGE_TOKEN_VERSION = 'NT1';
export const MAX_NAME_LENGTH = 60;
/** One key for every badge: a fixed id lets two processes racing to create it agree on the first one. */
const BADGE_KEY_ID = 'badge-ed25519';

/**
 * The badge signer over a database. The key pair is read once and cached by the signer; two processes that
 * start at once both try to insert a key and both keep whichever landed first.
 *
 * @example
 * const signer = getBadgeSigner(db);
 * const payload = await signer.sign({ registrationId: 'r1', eventId: 'journee-2023', name: 'Anne Martin', profile: 'presse', mode: 'presentiel' });
 * // 'NT1.eyJyIjoicjEiLC….Zx8…'
 */
export function getBadgeSigner(db: Kysely<Database>): BadgeSigner {
  let keys: Promise<{ privateKey: KeyObject; publicKey: KeyObject }> | undefined;
  const load = () => {
    keys ??= loadOrCreateKeyPair(db).catch((error: unknown) => {
      keys = undefined; // a failed read (database down) must not poison the signer for good
      throw error;
    });
    return keys;
  };
  return {
    async sign(claims) {
      const { privateKey } = await load();
      const body = Buffer.from(
        JSON.stringify({
          r: claims.registrationId,
          e: claims.eventId,
          n: [...claims.name].slice(0, MAX_NAME_LENGTH).join(''),
          p: claims.profile,
          m: claims.mode,
        }),
      ).toString('base64url');
      const signed = `${BADGE_TOKEN_VERSION}.${body}`;
      return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
    },
    async publicKeyJwk() {
      const { publicKey } = await load();
      return publicKey.export({ format: 'jwk' }) as JsonWebKey;
    },
    async publicKey() {
      return (await load()).publicKey;
    },
  };
}

/**
 * Checks a scanned payload and returns its claims, or null when it is malformed, of another version or not
 * signed by `publicKey` (a forged or altered badge). Never throws: a QR code is untrusted input.
 *
 * @example
 * const claims = verifyBadge(scanned, await signer.publicKey());
 * if (!claims) return 'Badge non reconnu';
 */
export function verifyBadge(payload: string, publicKey: KeyObject | JsonWebKey): BadgeClaims | null {
  const parts = payload.trim().split('.');
  if (parts.length !== 3 || parts[0] !== BADGE_TOKEN_VERSION) return null;
  const [version, body, signature] = parts as [string, string, string];
  try {
    const key =
      'type' in publicKey && typeof publicKey.type === 'string' && publicKey.type === 'public'
        ? (publicKey as KeyObject)
        : createPublicKey({ key: publicKey as NodeJsonWebKey, format: 'jwk' });
    const ok = verify(null, Buffer.from(`${version}.${body}`), key, Buffer.from(signature, 'base64url'));
    if (!ok) return null;
    const data: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return claimsFrom(data);
  } catch {
    return null;
  }
}

function claimsFrom(data: unknown): BadgeClaims | null {
  if (typeof data !== 'object' || data === null) return null;
  const { r, e, n, p, m } = data as Record<string, unknown>;
  if ([r, e, n, p, m].some((value) => typeof value !== 'string')) return null;
  return {
    registrationId: r as string,
    eventId: e as string,
    name: n as string,
    profile: p as string,
    mode: m as string,
  };
}

async function loadOrCreateKeyPair(db: Kysely<Database>) {
  let row = await readKey(db);
  if (!row) {
    const pair = generateKeyPairSync('ed25519');
    await db
      .insertInto('signing_key')
      .values({
        id: BADGE_KEY_ID,
        algorithm: 'Ed25519',
        public_key: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        private_key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await readKey(db);
    if (!row) throw new Error('La clé de signature des badges n’a pas pu être créée');
  }
  return {
    publicKey: createPublicKey({ key: Buffer.from(row.public_key, 'base64'), format: 'der', type: 'spki' }),
    privateKey: createPrivateKey({
      key: Buffer.from(row.private_key, 'base64'),
      format: 'der',
      type: 'pkcs8',
    }),
  };
}

function readKey(db: Kysely<Database>) {
  return db
    .selectFrom('signing_key')
    .select(['public_key', 'private_key'])
    .where('id', '=', BADGE_KEY_ID)
    .executeTakeFirst();
}
