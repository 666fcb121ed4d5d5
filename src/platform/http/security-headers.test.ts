import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeaders } from './security-headers.js';

function app() {
  const a = new Hono();
  a.use(securityHeaders());
  a.get('/page', (c) => c.html('<p>page</p>'));
  a.post('/form', (c) => c.redirect('/page', 303));
  a.get('/raw', () => new Response('brut', { headers: { 'content-type': 'text/plain' } }));
  a.get('/download', (c) =>
    c.body('<p>mail</p>', 200, { 'content-type': 'text/html', 'content-security-policy': 'sandbox' }),
  );
  return a;
}

function assertSecure(res: Response, path: string, csp = CONTENT_SECURITY_POLICY) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(
      res.headers.get(name),
      name === 'Content-Security-Policy' ? csp : value,
      `${path} : ${name}`,
    );
  }
}

describe('security headers', () => {
  let origin = '';
  let close: () => Promise<void> = async () => {};
  before(async () => {
    const server = serve({ fetch: app().fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  test('the policy allows the site’s own scripts only, no inline code, no framing', () => {
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|nonce-/);
  });

  test('on Node, every answer carries them: a page, a redirect, a raw response', async () => {
    assertSecure(await fetch(`${origin}/page`), '/page');
    const redirect = await fetch(`${origin}/form`, { method: 'POST', redirect: 'manual' });
    assert.equal(redirect.status, 303);
    assertSecure(redirect, '/form');
    assertSecure(await fetch(`${origin}/raw`), '/raw');
  });

  test('outside Node (app.request) too', async () => {
    const a = app();
    assertSecure(await a.request('/page'), '/page');
    assertSecure(await a.request('/form', { method: 'POST' }), '/form');
    assertSecure(await a.request('/raw'), '/raw');
  });

  test('a response that sets one of them keeps its own value, on Node and outside', async () => {
    assertSecure(await fetch(`${origin}/download`), '/download', 'sandbox');
    assertSecure(await app().request('/download'), '/download', 'sandbox');
  });
});
