import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('The configuration', () => {
  test('needs nothing set: SQLite in var/, port 3000, local ProConnect, development mail outbox', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, 'sqlite:var/data.sqlite');
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.proconnect, null);
    assert.equal(c.mail.smtpUrl, null);
    assert.equal(c.outboxWorker, true);
  });

  test('TRUSTED_PROXIES lists addresses; anything else is refused in French', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, []);
    assert.deepEqual(loadConfig({ TRUSTED_PROXIES: '10.0.0.2, ::1' }).trustedProxies, ['10.0.0.2', '::1']);
    assert.throws(
      () => loadConfig({ TRUSTED_PROXIES: '10.0.0.2,proxy.interne' }),
      (e: Error) => e instanceof ConfigError && /TRUSTED_PROXIES liste des adresses IP/.test(e.message),
    );
  });

  test('DATABASE_URL chooses the database; a wrong one is refused in French', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).databaseUrl, 'postgres://u:p@h/db');
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }),
      (e: Error) => e instanceof ConfigError && /DATABASE_URL doit commencer/.test(e.message),
    );
  });

  test('a bad port or SMTP address is refused with its variable named', () => {
    assert.throws(() => loadConfig({ PORT: 'abc' }), /PORT/);
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT doit être compris/);
    assert.throws(() => loadConfig({ SMTP_URL: 'http://x' }), /SMTP_URL/);
  });

  test('ProConnect needs its client id and secret, and production refuses the local stand-in', () => {
    assert.throws(
      () => loadConfig({ PROCONNECT_ISSUER: 'https://auth.example.gouv.fr/api/v2' }),
      /PROCONNECT_CLIENT_ID/,
    );
    const c = loadConfig({
      PROCONNECT_ISSUER: 'https://auth.example.gouv.fr/api/v2/',
      PROCONNECT_CLIENT_ID: 'id',
      PROCONNECT_CLIENT_SECRET: 'secret',
    });
    assert.deepEqual(c.proconnect, {
      issuer: 'https://auth.example.gouv.fr/api/v2',
      clientId: 'id',
      clientSecret: 'secret',
    });
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /PROCONNECT_ISSUER est requis en production/);
  });
});
