import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_EVENT_2027 } from '../../src/modules/events/demo/seed.js';
import { createEventsCore, type EventsCore } from '../../src/modules/events/events.core.js';
import {
  type StandaloneEventsApp,
  standaloneEventsApp,
  type TestSession,
} from '../../src/modules/events/testing/standalone-events-app.js';
import { SESSION_COOKIE } from '../../src/platform/http/session.js';
import { assertAccessiblePage } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { freshDatabase } from '../helpers/database.js';
import { validateHtml } from '../helpers/html-validator.js';

const EVENT_PAGE = `/evenements/${DEMO_EVENT_2027}`;
const EDITOR = `/organisation/evenements/${DEMO_EVENT_2027}/programme`;

/**
 * The events pages in Chromium, served by the module's routes in the shared standalone app on 127.0.0.1 (the
 * app does not mount the module yet), with the demonstration events: axe-core on the public pages and the
 * organiser's event form, the HTML checker, and a keyboard-only journey through the programme editor.
 */
describe('Événements in Chromium', () => {
  let t: StandaloneEventsApp;
  let core: EventsCore;
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  let organiser: TestSession;
  let invited: TestSession;

  before(async () => {
    t = await standaloneEventsApp({
      database: freshDatabase,
      now: '2026-11-28T10:00:00.000Z',
      routes: (ctx) => {
        core = createEventsCore(ctx);
        return [core.publicRoutes, core.organiserRoutes];
      },
    });
    await core.seedDemoEvent();
    organiser = await t.signIn({ roles: ['organisateur'] });
    invited = await t.signIn({ email: 'lea.moreau@numerique.example.gouv.fr' });
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await t?.close();
  });

  /** A browser context, logged in as `who` when given (the session cookie the platform would have set). */
  async function context(
    who?: TestSession,
  ): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    if (who) {
      // The cookie the platform sets at login; `__Host-` takes a host and path, not a URL, from outside.
      const [name = '', value = ''] = who.cookie.split('=');
      assert.equal(name, SESSION_COOKIE);
      await ctx.addCookies([
        { name, value, domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
      ]);
    }
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return { ctx, page, problems };
  }

  async function open(page: Page, path: string) {
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
  }

  async function axe(page: Page, label: string) {
    await assertAccessiblePage(page, label);
  }

  test('the public pages pass axe-core and the HTML checker, with no console or CSP error', async () => {
    const sources: Record<string, string> = {};
    for (const [who, label] of [
      [undefined, 'visiteur'],
      [invited, 'invitée'],
    ] as const) {
      const { ctx, page, problems } = await context(who);
      for (const [name, path] of [
        ['liste', '/evenements'],
        ['evenement', EVENT_PAGE],
        ['evenement-passe', '/evenements/journee-numerique-et-territoires-2023'],
      ] as const) {
        await open(page, path);
        await axe(page, `${label} ${path}`);
        sources[`${label}-${name}.html`] = await page.content();
      }
      assert.deepEqual(problems, [], label);
      await ctx.close();
    }
    assert.match(sources['invitée-evenement.html'] ?? '', /Comité d’orientation politique/);
    assert.doesNotMatch(sources['visiteur-evenement.html'] ?? '', /Comité d’orientation politique/);
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
  });

  test('the programme’s overview links lead to the sessions’ details, and « S’inscrire » is a link', async () => {
    const { ctx, page } = await context();
    await open(page, EVENT_PAGE);
    await page
      .getByRole('table')
      .getByRole('link', { name: /Table ronde/ })
      .click();
    assert.match(page.url(), /#session-journee-numerique-et-territoires-2027-table-ronde$/);
    const href = await page.getByRole('link', { name: 'S’inscrire' }).getAttribute('href');
    assert.equal(href, `${EVENT_PAGE}/inscription`);
    await ctx.close();
  });

  test('the organiser’s event form passes axe-core, empty, with errors, and filled in', async () => {
    const { ctx, page, problems } = await context(organiser);
    const sources: Record<string, string> = {};
    await open(page, '/organisation/evenements/nouveau');
    await axe(page, 'nouvel événement');
    sources['nouveau.html'] = await page.content();
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    assert.match((await page.locator('.fr-alert--error').textContent()) ?? '', /Le formulaire contient/);
    await axe(page, 'nouvel événement, erreurs');
    sources['nouveau-erreurs.html'] = await page.content();
    for (const path of [
      `/organisation/evenements/${DEMO_EVENT_2027}/modifier`,
      EDITOR,
      `${EDITOR}/nouvelle`,
    ]) {
      await open(page, path);
      await axe(page, path);
      sources[`${path.split('/').slice(-1)[0]}.html`] = await page.content();
    }
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    // The form sent back with its errors answers 422, which Chromium reports in the console: expected.
    assert.deepEqual(
      problems.filter((p) => !/status of 422/.test(p)),
      [],
    );
    await ctx.close();
  });

  test('keyboard only: add a session to the programme, correct an error, find it on the public page', async () => {
    const { ctx, page } = await context(organiser);
    await open(page, EDITOR);
    await tabTo(page, { text: 'Ajouter une session' });
    await Promise.all([page.waitForURL(/\/programme\/nouvelle$/), page.keyboard.press('Enter')]);

    await tabTo(page, { name: 'title' });
    await page.keyboard.type('Atelier « Données ouvertes »');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Table ronde'); // a focused select picks the option typed
    await tabTo(page, { name: 'startTime' });
    await page.keyboard.type('13:00');
    await tabTo(page, { name: 'endTime' });
    await page.keyboard.type('12 h 45'); // before the start: refused
    await tabTo(page, { name: 'speaker0Name' });
    await page.keyboard.type('OpenDataFrance');
    await page.keyboard.press('Tab');
    await page.keyboard.type('association');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);

    assert.match((await page.locator('#champ-endTime-erreur').textContent()) ?? '', /après son début/);
    assert.equal(await page.locator('input[name="title"]').inputValue(), 'Atelier « Données ouvertes »');
    assert.equal(await page.locator('select[name="kind"]').inputValue(), 'table-ronde');
    await axe(page, 'session, erreurs');
    // The error summary's link takes the keyboard to the field.
    await tabTo(page, { href: '#champ-endTime' });
    await page.keyboard.press('Enter');
    await tabTo(page, { name: 'endTime' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('13:45');
    await Promise.all([
      page.waitForURL(/\/programme\?message=session-ajoutee$/),
      page.keyboard.press('Enter'),
    ]);
    assert.match((await page.locator('main').textContent()) ?? '', /La session est ajoutée au programme/);

    await open(page, EVENT_PAGE);
    const details = page.locator('article', { hasText: 'Atelier « Données ouvertes »' });
    assert.match((await details.textContent()) ?? '', /13 h – 13 h 45/);
    assert.match((await details.textContent()) ?? '', /OpenDataFrance, association/);
    await ctx.close();
  });
});

type Target = { name?: string; text?: string; href?: string };

/** Presses Tab until the focused element is the one described, as a keyboard user would (at most 150 presses). */
async function tabTo(page: Page, target: Target) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((t: Target) => {
      const el = document.activeElement;
      if (!el) return false;
      if (t.name !== undefined && el.getAttribute('name') !== t.name) return false;
      if (t.href !== undefined && el.getAttribute('href') !== t.href) return false;
      if (t.text !== undefined && el.textContent?.trim() !== t.text) return false;
      return true;
    }, target);
    if (found) return;
  }
  throw new Error(`aucun élément atteint au clavier pour ${JSON.stringify(target)}`);
}
