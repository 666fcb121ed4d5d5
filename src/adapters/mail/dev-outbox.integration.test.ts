import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { simpleParser } from 'mailparser';
import type { AppEnv } from '../../platform/http/context.js';
import { fixedClock } from '../../ports/clock.js';
import { createDevOutboxMailer, devMailsRoutes } from './dev-outbox.js';
import { renderMail } from './templates/render-mail.js';

const FROM = '"Numérique & Territoires" <ne-pas-repondre@localhost>';

describe('development outbox', () => {
  let dir: string;
  let app: Hono<AppEnv>;
  const clock = fixedClock('2025-03-12T09:15:00.000Z');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nt-mails-'));
    app = new Hono<AppEnv>().route('/', devMailsRoutes(dir));
    const mailer = createDevOutboxMailer({ dir, from: FROM, clock });
    const first = renderMail({
      title: 'Votre lien de connexion',
      paragraphs: ['Bonjour,', 'Voici votre lien.'],
      action: { label: 'Me connecter à Numérique & Territoires', url: 'http://localhost:3000/connexion/abc' },
    });
    await mailer.send({ to: 'camille@exemple.fr', subject: 'Votre lien de connexion', ...first });
    clock.set('2025-03-12T10:00:00.000Z');
    await mailer.send({
      to: 'dominique@exemple.fr',
      subject: 'Inscription confirmée à « Élus & numérique »',
      text: 'Bonjour Dominique,\n\nVotre badge est joint.',
      html: '<p style="color:red">Bonjour <script>alert(1)</script></p>',
      messageId: '<fixe@numerique-territoires>',
      attachments: [
        { filename: 'badge.pdf', content: Buffer.from('%PDF-1.4 faux'), contentType: 'application/pdf' },
      ],
    });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('writes each message as an .eml that a mail client reads back', async () => {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
    assert.equal(names.length, 2);
    const res = await app.request(`/_dev/mails/${names[1]}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'message/rfc822');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.eml"$/);
    const parsed = await simpleParser(Buffer.from(await res.arrayBuffer()));
    assert.equal(parsed.subject, 'Inscription confirmée à « Élus & numérique »');
    assert.equal(parsed.messageId, '<fixe@numerique-territoires>');
    assert.equal(parsed.attachments[0]?.filename, 'badge.pdf');
    assert.equal(parsed.attachments[0]?.content.toString(), '%PDF-1.4 faux');
  });

  test('lists messages newest first, with date, subject and recipient, and says it is a development tool', async () => {
    const res = await app.request('/_dev/mails');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Courriels de développement<\/h1>/);
    assert.match(html, /Outil de développement/);
    const second = html.indexOf('Élus &amp; numérique');
    const first = html.indexOf('Votre lien de connexion</a>');
    assert.ok(second > 0 && first > second, 'le plus récent d’abord');
    assert.match(html, /dominique@exemple\.fr/);
    assert.match(html, /12 mars 2025 à 11 h/);
  });

  test('shows a message as text with its links, and never puts its HTML in our page', async () => {
    const list = await (await app.request('/_dev/mails')).text();
    const id = /href="\/_dev\/mails\/([^"]+)">Inscription/.exec(list)?.[1];
    assert.ok(id);
    const html = await (await app.request(`/_dev/mails/${id}`)).text();
    assert.match(html, /<h1>Inscription confirmée à « Élus &amp; numérique »<\/h1>/);
    assert.match(html, /<p>Votre badge est joint\.<\/p>/);
    assert.doesNotMatch(html, /alert\(1\)|style="color:red"/);
    assert.match(html, new RegExp(`href="/_dev/mails/${id}\\.html" download`));
    assert.match(html, /badge\.pdf \(application\/pdf, 1 ko\)/);

    const login = /href="\/_dev\/mails\/([^"]+)">Votre lien/.exec(list)?.[1];
    const page = await (await app.request(`/_dev/mails/${login}`)).text();
    assert.match(page, /<a href="http:\/\/localhost:3000\/connexion\/abc">/);
  });

  test('offers the HTML part only as a sandboxed download', async () => {
    const list = await (await app.request('/_dev/mails')).text();
    const id = /href="\/_dev\/mails\/([^"]+)">Inscription/.exec(list)?.[1];
    const res = await app.request(`/_dev/mails/${id}.html`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.match(res.headers.get('content-security-policy') ?? '', /^sandbox;/);
    assert.match(await res.text(), /<script>alert\(1\)<\/script>/);
  });

  test('answers 404 to anything that is not one of its messages', async () => {
    for (const path of [
      '/_dev/mails/inconnu',
      '/_dev/mails/..%2F..%2Fpackage.json',
      '/_dev/mails/20990101T000000000Z-00000000.eml',
    ]) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });
});
