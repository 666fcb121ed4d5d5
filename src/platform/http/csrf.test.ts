import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { fixedClock } from '../../ports/clock.js';
import type { SessionRecord, SessionStore } from '../../ports/session-store.js';
import type { AppEnv } from './context.js';
import { csrf } from './csrf.js';
import { SESSION_COOKIE, sessions } from './session.js';

/** An in-memory session store: the twin of the database one, for fast tests of the middleware. */
function memoryStore(): SessionStore {
  const rows = new Map<string, SessionRecord>();
  return {
    find: async (id, now) => {
      const r = rows.get(id);
      return r && r.expiresAt > now.toISOString() ? structuredClone(r) : null;
    },
    create: async (id, r) => void rows.set(id, structuredClone(r)),
    update: async (id, r) => void rows.set(id, structuredClone(r)),
    destroy: async (id) => void rows.delete(id),
    purgeExpired: async () => 0,
    destroyForPerson: async () => 0,
  };
}

function app() {
  const a = new Hono<AppEnv>();
  a.use(sessions(memoryStore(), fixedClock('2023-01-18T08:00:00Z')));
  a.use(csrf());
  a.get('/form', async (c) => c.text(await c.var.session.csrfToken()));
  a.post('/form', (c) => c.text('enregistré'));
  a.onError((err, c) => c.text(err.message, 403));
  return a;
}

async function tokenAndCookie(a: Hono<AppEnv>) {
  const res = await a.request('/form');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { token: await res.text(), cookie };
}

describe('CSRF protection', () => {
  test('the session cookie is opaque, __Host-, Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await app().request('/form');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    assert.match(cookie, /Path=\//);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  });

  test('a form with the session’s token goes through, in a field or a header', async () => {
    const a = app();
    const { token, cookie } = await tokenAndCookie(a);
    const viaField = await a.request('/form', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token }).toString(),
    });
    assert.equal(await viaField.text(), 'enregistré');
    // Media types are case-insensitive (RFC 9110): the field is read whatever the case.
    const shouted = await a.request('/form', {
      method: 'POST',
      headers: { cookie, 'content-type': 'Application/X-WWW-Form-Urlencoded; Charset=UTF-8' },
      body: new URLSearchParams({ _csrf: token }).toString(),
    });
    assert.equal(await shouted.text(), 'enregistré');
    const viaHeader = await a.request('/form', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': token },
    });
    assert.equal(await viaHeader.text(), 'enregistré');
  });

  test('a missing, wrong or foreign token is refused', async () => {
    const a = app();
    const { token, cookie } = await tokenAndCookie(a);
    const other = await tokenAndCookie(a);
    const cases: Array<Record<string, string>> = [
      { cookie },
      { cookie, 'x-csrf-token': 'faux' },
      { cookie, 'x-csrf-token': other.token },
      { 'x-csrf-token': token },
      { cookie, 'x-csrf-token': token, origin: 'https://ailleurs.example' },
      { cookie, 'x-csrf-token': token, 'sec-fetch-site': 'cross-site' },
      { cookie, 'x-csrf-token': token, origin: 'null' },
    ];
    for (const headers of cases) {
      const res = await a.request('/form', { method: 'POST', headers });
      assert.equal(res.status, 403, JSON.stringify(Object.keys(headers)));
      assert.match(await res.text(), /Rechargez la page/);
    }
  });
});
