import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from './context.js';
import { createPageCache } from './page-cache.js';

/** An app whose pages count how often they are rendered. */
function app(opts: { ttlMs?: number } = {}) {
  let now = 0;
  let renders = 0;
  const cache = createPageCache({ maxEntries: 2, ttlMs: opts.ttlMs ?? 1000, now: () => now });
  const a = new Hono<AppEnv>();
  a.use(async (c, next) => {
    c.set('viewer', c.req.header('x-viewer') ? { name: 'Camille', csrfToken: 't', adminHref: null } : null);
    await next();
  });
  a.use(cache.middleware);
  a.get('/partage/:n', (c) => {
    renders++;
    c.set('shareable', true);
    return c.html(`<p>page ${c.req.param('n')} ${'x'.repeat(2000)} rendu ${renders}</p>`);
  });
  a.get('/prive', (c) => {
    renders++;
    return c.html(`<p>jeton ${renders}</p>`);
  });
  return {
    a,
    cache,
    renders: () => renders,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('The page cache', () => {
  test('a shareable page is rendered once and served with its ETag; a match gives 304', async () => {
    const t = app();
    const first = await t.a.request('/partage/1');
    const second = await t.a.request('/partage/1');
    assert.equal(t.renders(), 1);
    assert.equal(await first.text(), await second.text());
    const etag = second.headers.get('etag');
    assert.ok(etag);
    const again = await t.a.request('/partage/1', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const br = await t.a.request('/partage/1', { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(t.renders(), 1);
  });

  test('pages that did not say they are shareable are never kept', async () => {
    const t = app();
    await t.a.request('/prive');
    await t.a.request('/prive');
    assert.equal(t.renders(), 2);
  });

  test('a logged-in viewer always gets a fresh page', async () => {
    const t = app();
    await t.a.request('/partage/1');
    await t.a.request('/partage/1', { headers: { 'x-viewer': '1' } });
    assert.equal(t.renders(), 2);
  });

  test('clear() and the time-to-live both make the next request render again', async () => {
    const t = app({ ttlMs: 1000 });
    await t.a.request('/partage/1');
    t.cache.clear();
    await t.a.request('/partage/1');
    assert.equal(t.renders(), 2);
    t.advance(1001);
    await t.a.request('/partage/1');
    assert.equal(t.renders(), 3);
  });

  test('the least recently used page is dropped past the limit', async () => {
    const t = app();
    await t.a.request('/partage/1');
    await t.a.request('/partage/2');
    await t.a.request('/partage/1');
    await t.a.request('/partage/3');
    assert.equal(t.cache.size, 2);
    await t.a.request('/partage/1');
    assert.equal(t.renders(), 3);
    await t.a.request('/partage/2');
    assert.equal(t.renders(), 4);
  });

  test('the fast lane answers cookie-less visitors before the chain, with the headers the chain gave the page', async () => {
    const cache = createPageCache({ maxEntries: 10, ttlMs: 1000, now: () => 0 });
    let chain = 0;
    const a = new Hono<AppEnv>();
    a.use(cache.fastLane({ sessionCookie: 'sid' }));
    a.use(async (c, next) => {
      chain++;
      await next();
      c.res.headers.set('x-frame-options', 'DENY');
      c.res.headers.set('content-security-policy', "script-src 'self'");
    });
    a.use(cache.middleware);
    a.get('/page', (c) => {
      c.set('shareable', true);
      return c.html('<p>page</p>');
    });
    await a.request('/page'); // rendered, stored, and its final headers learnt by the lane
    assert.equal(chain, 1);
    const fast = await a.request('/page');
    assert.equal(chain, 1, 'the chain was not run');
    assert.equal(await fast.text(), '<p>page</p>');
    assert.equal(fast.headers.get('x-frame-options'), 'DENY');
    assert.equal(fast.headers.get('content-security-policy'), "script-src 'self'");
    assert.equal(fast.headers.get('x-nt-page-cache'), null);
    await a.request('/page', { headers: { cookie: 'sid=1' } });
    assert.equal(chain, 2, 'a session takes the chain');
  });
});
