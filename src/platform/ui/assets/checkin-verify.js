// Verifies a badge's QR payload in the browser, offline: `NT1.<base64url(JSON)>.<base64url(Ed25519 signature)>`,
// the signature over `NT1.<base64url(JSON)>` (the format of modules/events/checkin/badge-token.ts; keep both in
// step). Returns the claims, or null for anything malformed, of another version, or not signed by the key.

/**
 * @param {string} payload what the QR code holds
 * @param {CryptoKey} key the Ed25519 public key, imported from the JWK the page fetched
 * @returns {Promise<{registrationId: string, eventId: string, name: string, profile: string, mode: string} | null>}
 * @example
 * const key = await crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['verify']);
 * const claims = await verifyBadge('NT1.eyJy….Zx8…', key);
 */
export async function verifyBadge(payload, key) {
  const parts = String(payload).trim().split('.');
  if (parts.length !== 3 || parts[0] !== 'NT1') return null;
  try {
    const signature = fromBase64Url(parts[2]);
    const signed = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signed);
    if (!ok) return null;
    const data = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[1])));
    const { r, e, n, p, m } = data ?? {};
    if (![r, e, n, p, m].every((v) => typeof v === 'string')) return null;
    return { registrationId: r, eventId: e, name: n, profile: p, mode: m };
  } catch {
    return null;
  }
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('base64url attendu');
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
