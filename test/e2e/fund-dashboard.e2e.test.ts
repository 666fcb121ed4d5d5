/**
 * The results dashboard in Chromium, served by its routes in a small app on 127.0.0.1 (the app does not mount
 * the fund yet) with the platform's CSP and page cache, on a SQLite file holding the COG and the demonstration
 * lauréats: axe-core, the console (CSP errors included), the HTML checker, the keyboard on the map.
 */
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
import { standaloneDashboardApp } from '../../src/modules/fund/dashboard/standalone-app.js';
import { createFundDashboard } from '../../src/modules/fund/fund.dashboard.js';
import { loadTerritories } from '../../src/modules/territories/index.js';
import { systemClock } from '../../src/ports/clock.js';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';

describe('/resultats in Chromium', () => {
  let dir: string;
  let database: DatabaseHandle;
  let server: ServerType;
  let origin: string;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nt-e2e-resultats-'));
    database = connectDatabase(`sqlite:${join(dir, 'e2e.sqlite')}`);
    await migrateToLatest(database.db, 'sqlite');
    await loadTerritories(database.db);
    const dashboard = createFundDashboard({ db: database.db, dialect: 'sqlite', clock: systemClock });
    await dashboard.seedDemoLaureats();
    const app = standaloneDashboardApp(dashboard, systemClock);
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

  /** Opens the page and records what the console and the CSP complain about. */
  async function open(path = '/resultats') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP : ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    return { page, problems, close: () => context.close() };
  }

  const axe = axeViolations;

  test('axe-core (WCAG 2.1 A and AA) finds nothing; no console or CSP error; one h1', async () => {
    const { page, problems, close } = await open();
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.title(), 'Résultats du fonds — Numérique & Territoires');
    // The stylesheet of the charts applied (a CSP refusal would leave the bars black and unsized).
    const fill = await page
      .locator('#graphique-dispositifs .nt-bars__bar')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    assert.equal(fill, 'rgb(0, 0, 145)');
    await close();
  });

  test('the charts and maps come with their tables: six tables with captions, each chart named', async () => {
    const { page, close } = await open();
    assert.equal(await page.locator('table caption').count(), 6);
    for (const id of [
      'graphique-dispositifs',
      'graphique-population',
      'graphique-types',
      'graphique-trimestres',
    ]) {
      const chart = page.getByRole('img', { name: /^Montant accordé/ }).and(page.locator(`#${id}`));
      assert.equal(await chart.count(), 1, id);
    }
    assert.ok(await page.locator('#carte-departements').isVisible());
    assert.ok(await page.locator('#carte-regions').isVisible());
    const csv = await page.request.get(`${origin}/resultats/donnees/resultats-par-departement.csv`);
    assert.equal(csv.status(), 200);
    await close();
  });

  test('keyboard: from the skip link, Tab walks the 101 départements, each named with its figures', async () => {
    const { page, problems, close } = await open();
    await page.locator('#carte a.fr-link').first().focus();
    const names: string[] = [];
    for (let i = 0; i < 101; i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => {
          const el = document.activeElement;
          return el?.closest('#carte-departements') ? (el.getAttribute('aria-label') ?? '') : '';
        }),
      );
    }
    assert.ok(
      names.every((n) => /^.+ : [\d,\s\u00a0\u202f]+(M|k)?€, [\d\u202f]+ projets?$/.test(n)),
      names.join('\n'),
    );
    assert.ok(names.some((n) => n.startsWith('Isère : ')));
    assert.ok(
      names.some((n) => n.startsWith('Mayotte : ')),
      'overseas insets are reachable',
    );
    // The next Tab leaves the map for the table.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => Boolean(document.activeElement?.closest('#carte-departements'))),
      false,
    );

    // Enter on a département follows its link to the search of its lauréats.
    await page.locator('#carte-departements a[href="/laureats?departement=38"]').focus();
    await Promise.all([page.waitForURL(/\/laureats\?departement=38$/), page.keyboard.press('Enter')]);
    assert.deepEqual(
      problems.filter((p) => !/404/.test(p)),
      [],
    );
    await close();
  });

  test('the page’s HTML passes the Nu HTML checker', async () => {
    const source = await (await fetch(`${origin}/resultats`)).text();
    const errors = await validateHtml({ 'resultats.html': source });
    assert.deepEqual(
      errors.map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
  });
});
