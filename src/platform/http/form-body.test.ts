import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import { formBodies } from './form-body.js';

describe('forms read straight from Node’s request', () => {
  let origin = '';
  let close: () => Promise<void> = async () => {};

  before(async () => {
    const app = new Hono<AppEnv>();
    app.use(formBodies({ maxBytes: 1024 }));
    app.post('/parse', async (c) =>
      c.json({ read: c.get('formRead') ?? false, body: await c.req.parseBody({ all: true }) }),
    );
    app.post('/text', async (c) => c.json({ read: c.get('formRead') ?? false, text: await c.req.text() }));
    app.post('/json', async (c) => c.json({ read: c.get('formRead') ?? false, json: await c.req.json() }));
    app.onError((error, c) =>
      error instanceof HTTPException ? c.text(error.message, error.status) : c.text('erreur', 500),
    );
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  const post = (path: string, body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

  test('fields, repeated fields and accents arrive as Hono’s own reader gives them', async () => {
    const body = new URLSearchParams([
      ['nom', 'Zoé Lefèvre'],
      ['sessions', 'atelier-1'],
      ['sessions', 'atelier-2'],
      ['vide', ''],
      ['signes', 'a+b&c=d'],
    ]).toString();
    const mine = await (await post('/parse', body)).json();
    const hono = (await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }).formData()) as FormData;
    assert.equal(mine.read, true);
    assert.deepEqual(mine.body, {
      nom: hono.get('nom'),
      sessions: hono.getAll('sessions'),
      vide: hono.get('vide'),
      signes: hono.get('signes'),
    });
    assert.deepEqual(mine.body.sessions, ['atelier-1', 'atelier-2']);
  });

  test('the raw text is the bytes sent, and a charset in the type changes nothing', async () => {
    const body = 'nom=Zo%C3%A9&x=1';
    const answer = await (
      await post('/text', body, 'Application/X-WWW-Form-Urlencoded; charset=UTF-8')
    ).json();
    assert.deepEqual(answer, { read: true, text: body });
  });

  test('a form over the limit gets a French 413, whether its length is declared or not', async () => {
    const big = `nom=${'a'.repeat(2000)}`;
    const declared = await post('/parse', big);
    assert.equal(declared.status, 413);
    assert.match(await declared.text(), /trop volumineux.*rien n’a été enregistré/);
    const chunked = await fetch(`${origin}/parse`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(500)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
  });

  test('other bodies are left to Hono', async () => {
    const answer = await (await post('/json', '{"nom":"Zoé"}', 'application/json')).json();
    assert.deepEqual(answer, { read: false, json: { nom: 'Zoé' } });
  });
});
