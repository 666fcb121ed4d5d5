import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSmtpUrl } from './smtp.js';

describe('parseSmtpUrl', () => {
  test('reads host, port and percent-decoded credentials', () => {
    const o = parseSmtpUrl('smtp://nt%40exemple.fr:p%40ss%3Aw@smtp.exemple.fr:2525');
    assert.equal(o.host, 'smtp.exemple.fr');
    assert.equal(o.port, 2525);
    assert.equal(o.secure, false);
    assert.deepEqual(o.auth, { user: 'nt@exemple.fr', pass: 'p@ss:w' });
  });

  test('defaults to 587 with STARTTLS, or 465 with TLS from the start for smtps', () => {
    assert.equal(parseSmtpUrl('smtp://relais').port, 587);
    const tls = parseSmtpUrl('smtps://relais');
    assert.equal(tls.port, 465);
    assert.equal(tls.secure, true);
    assert.equal(parseSmtpUrl('smtp://relais').auth, undefined);
  });

  test('reads the documented options', () => {
    assert.equal(parseSmtpUrl('smtp://127.0.0.1:2525?ignoreTLS=true').ignoreTLS, true);
    assert.equal(parseSmtpUrl('smtp://relais?requireTLS=true').requireTLS, true);
    assert.deepEqual(parseSmtpUrl('smtp://relais?rejectUnauthorized=false').tls, {
      rejectUnauthorized: false,
    });
    assert.equal(parseSmtpUrl('smtp://relais?name=nt.exemple.fr').name, 'nt.exemple.fr');
  });

  test('keeps timeouts short, so that a hung server fails within the worker’s lease', () => {
    const o = parseSmtpUrl('smtp://relais');
    assert.ok((o.connectionTimeout ?? Infinity) <= 10_000);
    assert.ok((o.socketTimeout ?? Infinity) <= 30_000);
  });

  test('refuses what it does not understand, in French', () => {
    assert.throws(() => parseSmtpUrl('relais:25'), /smtp:\/\//);
    assert.throws(() => parseSmtpUrl('http://relais'), /smtp:\/\//);
    assert.throws(() => parseSmtpUrl('smtp://relais?ignoreTLs=true'), /option « ignoreTLs » inconnue/);
    assert.throws(() => parseSmtpUrl('smtp://relais?ignoreTLS=oui'), /« true » ou « false »/);
    assert.throws(() => parseSmtpUrl('smtp://relais?ignoreTLS=true&requireTLS=true'), /s’excluent/);
  });
});
