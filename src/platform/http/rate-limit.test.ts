import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { fixedClock } from '../../ports/clock.js';
import type { SessionRecord, SessionStore } from '../../ports/session-store.js';
import type { AppEnv } from './context.js';
import { clientAddress, rateLimit, resolveClientAddress } from './rate-limit.js';
import { sessions } from './session.js';

const clock = fixedClock('2023-01-18T08:00:00Z');

/** In-memory sessions, enough for the limiter to tell one form's session from another. */
function memoryStore(): SessionStore {
  const rows = new Map<string, SessionRecord>();
  return {
    find: async (id) => structuredClone(rows.get(id) ?? null),
    create: async (id, r) => void rows.set(id, structuredClone(r)),
    update: async (id, r) => void rows.set(id, structuredClone(r)),
    destroy: async (id) => void rows.delete(id),
    purgeExpired: async () => 0,
    destroyForPerson: async () => 0,
  };
}

/** A request arriving on a socket from `from`. */
const socket = (from: string) => ({ incoming: { socket: { remoteAddress: from } } });

function app(trusted: string[] = []) {
  const a = new Hono<AppEnv>();
  a.use(resolveClientAddress(trusted));
  a.use(sessions(memoryStore(), clock));
  a.get('/form', async (c) => c.text(await c.var.session.csrfToken()));
  a.get('/qui', (c) => c.text(clientAddress(c)));
  a.post('/form', rateLimit({ limit: 3, windowMs: 60_000, clock, key: 'ecriture', per: 'session' }));
  a.post('/form', rateLimit({ limit: 5, windowMs: 60_000, clock, key: 'ecriture-adresse' }));
  a.post('/form', (c) => c.text('enregistré'));
  a.onError((err, c) => c.text(err.message, err instanceof HTTPException ? err.status : 500));
  return a;
}

async function session(a: Hono<AppEnv>, from: string) {
  const res = await a.request('/form', {}, socket(from));
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const post = (a: Hono<AppEnv>, from: string, cookie = '') =>
  a.request('/form', { method: 'POST', headers: cookie ? { cookie } : {} }, socket(from));

describe('The write limit', () => {
  test('each session has its own allowance, so people behind one address do not share it', async () => {
    const a = app();
    const [first, second] = [await session(a, '10.1.1.1'), await session(a, '10.1.1.1')];
    for (let i = 0; i < 3; i++) assert.equal((await post(a, '10.1.1.1', first)).status, 200);
    const refused = await post(a, '10.1.1.1', first);
    assert.equal(refused.status, 429);
    assert.match(await refused.text(), /Patientez une minute/);
    assert.equal(refused.headers.get('retry-after'), '60');
    // Another person behind the same proxy still gets through.
    assert.equal((await post(a, '10.1.1.1', second)).status, 200);
  });

  test('one address rotating sessions meets the wider ceiling', async () => {
    const a = app();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await post(a, '10.2.2.2', await session(a, '10.2.2.2'))).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    assert.equal((await post(a, '10.3.3.3', await session(a, '10.3.3.3'))).status, 200);
  });

  test('a request without a session is counted by its address', async () => {
    const a = app();
    for (let i = 0; i < 3; i++) assert.equal((await post(a, '10.4.4.4')).status, 200);
    assert.equal((await post(a, '10.4.4.4')).status, 429);
    assert.equal((await post(a, '10.5.5.5')).status, 200);
  });
});

describe('The client address', () => {
  test('without trusted proxies X-Forwarded-For is ignored', async () => {
    const res = await app().request(
      '/qui',
      { headers: { 'x-forwarded-for': '1.2.3.4' } },
      socket('10.0.0.2'),
    );
    assert.equal(await res.text(), '10.0.0.2');
  });

  test('behind a trusted proxy, the nearest untrusted hop of X-Forwarded-For', async () => {
    const a = app(['10.0.0.2', '10.0.0.3']);
    const ask = async (from: string, forwarded: string) =>
      (await a.request('/qui', { headers: { 'x-forwarded-for': forwarded } }, socket(from))).text();
    assert.equal(await ask('::ffff:10.0.0.2', '203.0.113.7'), '203.0.113.7');
    // A client's own forged hop stays on the left, behind the address the proxies saw.
    assert.equal(await ask('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.3'), '203.0.113.7');
    // A request that did not come through a trusted proxy keeps its socket address.
    assert.equal(await ask('198.51.100.9', '203.0.113.7'), '198.51.100.9');
  });
});
