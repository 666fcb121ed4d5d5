import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { connectDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../src/adapters/db/migrations/index.js';
import { createTerritoriesModule } from '../../src/modules/territories/index.js';
import { standaloneTerritoriesApp } from '../../src/modules/territories/testing/standalone-app.js';
import { systemClock } from '../../src/ports/clock.js';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';

const PAGES: Record<string, string> = {
  accueil: '/territoires',
  commune: '/territoires/38185',
  epci: '/territoires/200040715',
  departement: '/territoires/departement-38',
  recherche: '/territoires/recherche?q=saint+martin',
  'a-propos': '/territoires/a-propos-des-donnees',
};

/**
 * The territories’ pages in Chromium, served by the module's routes in a small app of their own on
 * 127.0.0.1 (the app does not mount the module yet), on a SQLite file holding the whole COG.
 */
describe('Territoires in Chromium', () => {
  let dir: string;
  let database: DatabaseHandle;
  let server: ServerType;
  let origin: string;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nt-e2e-territoires-'));
    database = connectDatabase(`sqlite:${join(dir, 'e2e.sqlite')}`);
    await migrateToLatest(database.db, 'sqlite');
    const module = createTerritoriesModule({ db: database.db, clock: systemClock });
    await module.ensureLoaded();
    const app = standaloneTerritoriesApp(module);
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens a page and records what the console and the CSP complain about. */
  async function open(path: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    return { page, problems, close: () => context.close() };
  }

  const axe = axeViolations;

  test('every page passes axe-core (WCAG 2.1 A and AA) with no console or CSP error, and one h1', async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const { page, problems, close } = await open(path);
      assert.deepEqual(await axe(page), [], `${name} (${path})`);
      assert.deepEqual(problems, [], `${name}: erreurs de console`);
      assert.equal(await page.locator('h1').count(), 1, `${name}: un seul h1`);
      assert.match(await page.title(), / — Numérique & Territoires$/);
      await close();
    }
  });

  test('the pages’ HTML passes the Nu HTML checker', async () => {
    const sources: Record<string, string> = {};
    for (const [name, path] of Object.entries(PAGES))
      sources[`${name}.html`] = await (await fetch(origin + path)).text();
    const errors = await validateHtml(sources);
    assert.deepEqual(
      errors.map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
  });

  test('keyboard: type “grenob”, ArrowDown, Enter chooses Grenoble and sets the hidden code to 38185', async () => {
    const { page, problems, close } = await open('/territoires');
    const input = page.locator('#territoire');
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    const listboxId = await input.getAttribute('aria-controls');
    assert.ok(listboxId);
    // Enhanced: the no-JavaScript « Rechercher » button is gone.
    assert.equal(await page.locator('.nt-picker__search').count(), 0);

    await input.focus();
    await page.keyboard.type('grenob', { delay: 30 });
    const listbox = page.locator(`#${listboxId}`);
    await listbox.locator('[role="option"]').first().waitFor({ state: 'visible' });
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.equal(await listbox.getAttribute('role'), 'listbox');
    await page.waitForFunction(() =>
      /\d+ résultats?$/.test(document.querySelector('[role="status"]')?.textContent ?? ''),
    );
    assert.match((await page.locator('.nt-picker [role="status"]').textContent()) ?? '', /^\d+ résultats?$/);
    assert.deepEqual(await axe(page), [], 'with the listbox open');

    await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    assert.ok(activeId, 'an option is active');
    const active = page.locator(`#${activeId}`);
    assert.equal(await active.getAttribute('aria-selected'), 'true');
    assert.match((await active.textContent()) ?? '', /^Grenoble \(38 – Isère\)/);
    // The focus stays in the field: the option is active, not focused.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'territoire');

    await page.keyboard.press('Enter');
    assert.equal(await page.locator('input[name="territoire"]').inputValue(), '38185');
    assert.equal(await input.inputValue(), 'Grenoble (38 – Isère)');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await listbox.isVisible(), false);

    // With the list closed, Enter submits the form: the chosen territory's page.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/territoires\/38185$/);
    assert.match((await page.locator('h1').textContent()) ?? '', /Grenoble/);
    assert.deepEqual(problems, []);
    await close();
  });

  test('keyboard: arrows wrap, Escape closes the list then clears the field, and typing clears the code', async () => {
    const { page, close } = await open('/territoires');
    const input = page.locator('#territoire');
    await input.focus();
    await page.keyboard.type('saint mar', { delay: 20 });
    await page.locator('[role="option"]').first().waitFor({ state: 'visible' });
    const count = await page.locator('[role="option"]').count();
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.getAttribute('aria-activedescendant'), `territoire-option-${count - 1}`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'territoire-option-0');
    await page.keyboard.press('Enter');
    const chosen = await page.locator('input[name="territoire"]').inputValue();
    assert.match(chosen, /^\d{5}$/);
    await page.keyboard.press('Backspace');
    assert.equal(
      await page.locator('input[name="territoire"]').inputValue(),
      '',
      'the code goes with an edit',
    );
    await page.locator('[role="option"]').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.notEqual(await input.inputValue(), '');
    await page.keyboard.press('Escape');
    assert.equal(await input.inputValue(), '');
    await close();
  });

  test('a click on a suggestion chooses it', async () => {
    const { page, close } = await open('/territoires');
    await page.locator('#territoire').fill('38000');
    const option = page.locator('[role="option"]').first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    assert.equal(await page.locator('input[name="territoire"]').inputValue(), '38185');
    await close();
  });

  test('without JavaScript, the field and its « Rechercher » button lead to the search page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${origin}/territoires`);
    await page.locator('#territoire').fill('saint martin');
    await page.locator('.nt-picker__search').click();
    await page.waitForURL(/\/territoires\/recherche\?q=saint\+martin/);
    await page.getByRole('link', { name: 'Saint-Martin (65 – Hautes-Pyrénées)' }).click();
    await page.waitForURL(/\/territoires\/65392$/);
    await context.close();
  });
});
