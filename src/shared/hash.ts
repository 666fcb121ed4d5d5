import { createHash, randomBytes } from 'node:crypto';

/** Hex SHA-256, for content fingerprints and for storing secrets that only need comparing. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An unguessable token, URL-safe. */
export function randomToken(bytes = 32): string {
  return secureRandomBytes(bytes).toString('base64url');
}

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * `bytes` bytes from the system's secure random source, served from a pool filled 4 kB at a time, as Node does
 * for `randomUUID`: one call to the source per ~128 tokens instead of one each, which counts when every
 * registration of a rush draws an id and a link. Each call gets its own copy of bytes no other call gets.
 *
 * @example
 * secureRandomBytes(8) // <Buffer 3f a1 …>
 */
export function secureRandomBytes(bytes: number): Buffer {
  if (bytes > POOL_BYTES / 8) return randomBytes(bytes);
  if (used + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  // A copy: a view would let its holder read the pool's other bytes through `.buffer`.
  const out = Buffer.from(pool.subarray(used, used + bytes));
  used += bytes;
  return out;
}
