import { createHash, randomBytes } from 'node:crypto';

/** Hex SHA-256, for content fingerprints and for storing secrets that only need comparing. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An unguessable token, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
