import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { freshDatabase } from '../../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../../adapters/db/connect.js';
import { APP_ASSETS_DIR } from '../../../platform/ui/assets-paths.js';
import { type BadgeClaims, getBadgeSigner } from './badge-token.js';

type BrowserVerify = { verifyBadge(payload: string, key: CryptoKey): Promise<BadgeClaims | null> };

// The check-in page verifies badges with its own script: the server's signature and the browser's check must
// agree on the format, byte for byte. Node's WebCrypto runs the very same file.
describe('the check-in page’s badge check (checkin-verify.js)', () => {
  let handle: DatabaseHandle;
  let browser: BrowserVerify;
  before(async () => {
    handle = await freshDatabase('sqlite');
    browser = (await import(pathToFileURL(join(APP_ASSETS_DIR, 'checkin-verify.js')).href)) as BrowserVerify;
  });
  after(() => handle.close());

  const claims: BadgeClaims = {
    registrationId: 'b9a7c1de-0000-4000-8000-000000000001',
    eventId: 'journee-2023',
    name: 'Élodie N’Diaye',
    profile: 'presse',
    mode: 'presentiel',
  };

  it('accepts what the server signed, accents included, and refuses a forged or altered payload', async () => {
    const signer = getBadgeSigner(handle.db);
    const key = await crypto.subtle.importKey(
      'jwk',
      await signer.publicKeyJwk(),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const payload = await signer.sign(claims);
    assert.deepEqual(await browser.verifyBadge(payload, key), claims);
    const [version, body, signature] = payload.split('.') as [string, string, string];
    const altered = Buffer.from(
      JSON.stringify({ r: 'x', e: 'journee-2023', n: 'Faux', p: 'presse', m: 'presentiel' }),
    ).toString('base64url');
    assert.equal(await browser.verifyBadge(`${version}.${altered}.${signature}`, key), null);
    assert.equal(await browser.verifyBadge(`${version}.${body}.${signature.slice(0, -4)}AAAA`, key), null);
    for (const bad of ['', 'NT1', 'NT2.a.b', 'NT1.a+b.c', `${payload}.x`]) {
      assert.equal(await browser.verifyBadge(bad, key), null, bad);
    }
  });
});
