import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../../adapters/db/connect.js';
import { getBadgeSigner, verifyBadge } from './badge-token.js';

const claims = {
  registrationId: '0f8c2f64-3d1e-4c57-9a43-7c0c1f1f2a10',
  eventId: 'journee-numerique-et-territoires-2023',
  name: 'Anne-Sophie de La Rochefoucauld',
  profile: 'agent-collectivite',
  mode: 'presentiel',
};

describe('badge tokens', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await freshDatabase('sqlite');
  });
  after(() => handle.close());

  it('signs a badge that verifies with the public key, and stays short enough for a QR code', async () => {
    const signer = getBadgeSigner(handle.db);
    const payload = await signer.sign(claims);
    assert.match(payload, /^NT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.ok(payload.length < 320, `${payload.length} caractères`);
    assert.deepEqual(verifyBadge(payload, await signer.publicKey()), claims);
    assert.deepEqual(verifyBadge(payload, await signer.publicKeyJwk()), claims);
  });

  it('creates the key pair once: a second signer over the same database uses the same key', async () => {
    const first = await getBadgeSigner(handle.db).publicKeyJwk();
    const second = await getBadgeSigner(handle.db).publicKeyJwk();
    assert.equal(first.x, second.x);
    const rows = await handle.db.selectFrom('signing_key').selectAll().execute();
    assert.equal(rows.length, 1);
  });

  it('rejects a forged, altered or malformed payload', async () => {
    const signer = getBadgeSigner(handle.db);
    const payload = await signer.sign(claims);
    const key = await signer.publicKey();
    const [version, , signature] = payload.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ r: 'autre', e: claims.eventId, n: 'X', p: 'presse', m: 'presentiel' }),
    ).toString('base64url');
    assert.equal(verifyBadge(`${version}.${forgedBody}.${signature}`, key), null);
    const other = generateKeyPairSync('ed25519');
    assert.equal(verifyBadge(payload, other.publicKey), null);
    for (const bad of ['', 'NT1', 'NT1..', 'NT2.a.b', `${payload}.x`, 'NT1.!!!.???']) {
      assert.equal(verifyBadge(bad, key), null, bad);
    }
  });

  it('cuts a very long name so that the QR code stays small', async () => {
    const signer = getBadgeSigner(handle.db);
    const payload = await signer.sign({ ...claims, name: 'é'.repeat(200) });
    assert.equal(verifyBadge(payload, await signer.publicKey())?.name.length, 60);
  });
});
