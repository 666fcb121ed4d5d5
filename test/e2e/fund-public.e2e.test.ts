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
import { standaloneFundPublicApp } from '../../src/modules/fund/testing/public-app.js';
import { insertTestLaureats, testLaureat } from '../../src/modules/fund/testing/public-factory.js';
import { searchFixture } from '../../src/modules/fund/testing/public-fixtures.js';
import { loadTerritories } from '../../src/modules/territories/index.js';
import { fixedClock } from '../../src/ports/clock.js';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';

const PAGES: Record<string, string> = {
  recherche: '/laureats?q=salles&statut=livre&statut=en-cours&region=84&tri=montant',
  'recherche-pres': '/laureats?pres_de=38185&pres_de_libelle=Grenoble+%2838%29&rayon=20',
  laureat: '/laureats/isere-salle',
  dispositifs: '/dispositifs',
  dispositif: '/dispositifs/axe-2',
  donnees: '/donnees',
  territoire: '/territoires/38185',
};

const FIXTURE = [
  ...searchFixture(60),
  testLaureat({
    id: 'isere-salle',
    title: 'Salle sur demande',
    summary: 'Les habitants réservent les salles du Département en ligne.',
    dispositifCode: 'axe-2',
    porteurKind: 'departement',
    porteurName: 'Département de l’Isère',
    territoryKey: 'departement-38',
    coporteurs: [{ siren: '213801855', name: 'Commune de Grenoble' }],
    siteUrl: 'https://salles.example.fr',
    filedOn: '2021-11-02',
    demonstration: true,
  }),
];

/**
 * The fund's public pages in Chromium, served by the module's routes in a small app of their own on
 * 127.0.0.1, on a SQLite file holding the whole COG and a few dozen lauréats.
 */
describe('Lauréats in Chromium', () => {
  let dir: string;
  let database: DatabaseHandle;
  let server: ServerType;
  let origin: string;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nt-e2e-fund-'));
    database = connectDatabase(`sqlite:${join(dir, 'e2e.sqlite')}`);
    await migrateToLatest(database.db, 'sqlite');
    const clock = fixedClock('2023-01-20T10:00:00.000Z');
    await loadTerritories(database.db, { clock });
    await insertTestLaureats(database.db, 'sqlite', FIXTURE);
    const { app } = standaloneFundPublicApp({ db: database.db, dialect: 'sqlite', clock });
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
      // The folded facets too: open every <details> before the audit.
      await page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        });
      });
      assert.deepEqual(await axe(page), [], `${name} (${path})`);
      assert.deepEqual(problems, [], `${name}: erreurs de console`);
      assert.equal(await page.locator('h1').count(), 1, `${name}: un seul h1`);
      assert.match(await page.title(), / — Numérique & Territoires$/);
      await close();
    }
  });

  test('the pages’ HTML passes the Nu HTML checker', async () => {
    const sources: Record<string, string> = {};
    for (const [name, path] of Object.entries(PAGES)) {
      sources[`${name}.html`] = await (await fetch(origin + path)).text();
    }
    const errors = await validateHtml(sources);
    assert.deepEqual(
      errors.map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
  });

  test('keyboard: check a facet with Space, reach « Appliquer les filtres », Enter: the counts follow the choice', async () => {
    const { page, problems, close } = await open('/laureats');
    const total = async () =>
      Number(((await page.locator('#resultats').textContent()) ?? '').match(/^\d+/)?.[0]);
    const before = await total();
    const label = (await page.locator('label[for="filtre-statut-livre"]').textContent()) ?? '';
    const expected = Number(label.match(/\((\d+)\)$/)?.[1]);
    assert.ok(expected > 0 && expected < before, label);

    await page.locator('#filtre-statut-livre').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#filtre-statut-livre').isChecked(), true);
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'appliquer')) break;
      await page.keyboard.press('Tab');
    }
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Appliquer les filtres',
    );
    await Promise.all([page.waitForURL(/statut=livre/), page.keyboard.press('Enter')]);

    assert.equal(await total(), expected, 'the result count is the count the label promised');
    assert.equal(await page.locator('#filtre-statut-livre').isChecked(), true);
    // Other facets' counts now count « livré » lauréats only: a status's own counts stay as they were.
    const dispositifs = await page
      .locator('fieldset[aria-labelledby="filtre-dispositif-legende"] label')
      .allTextContents();
    const sum = dispositifs.reduce((s, t) => s + Number(t.match(/\((\d+)\)$/)?.[1] ?? 0), 0);
    assert.equal(sum, expected);
    assert.equal(await page.locator('a[aria-label="Retirer le filtre Statut : Livré"]').count(), 1);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await close();
  });

  test('« à moins de N km »: type a commune, choose a distance with the keyboard, apply; the count is the one promised', async () => {
    // Within 5 km of Grenoble: Grenoble, Saint-Martin-d’Hères (3 to 4 km) and the Isère (its chef-lieu).
    const expected = FIXTURE.filter((l) =>
      ['38185', '38421', 'departement-38'].includes(l.territoryKey ?? ''),
    );
    const { page, problems, close } = await open('/laureats');
    // The picker's suggestions: the first for « Grenoble » is the commune; arrow down, Enter.
    await page.locator('#pres-de').fill('Grenoble');
    await page.locator('[role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('input[type="hidden"][name="pres_de"]').inputValue(), '38185');
    await page.locator('#rayon-5').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#rayon-5').isChecked(), true);
    await Promise.all([
      page.waitForURL(/rayon=5/),
      page.getByRole('button', { name: 'Appliquer les filtres' }).click(),
    ]);
    const heading = (await page.locator('#resultats').textContent()) ?? '';
    assert.equal(Number(heading.match(/^\d+/)?.[0]), expected.length, heading);
    const label = (await page.locator('label[for="rayon-5"]').textContent()) ?? '';
    assert.equal(label.trim(), `5 km (${expected.length})`);
    const wider = Number(
      ((await page.locator('label[for="rayon-100"]').textContent()) ?? '').match(/\((\d+)\)/)?.[1],
    );
    assert.ok(wider >= expected.length);
    assert.equal(
      await page.locator('a[aria-label="Retirer le filtre À moins de 5 km de Grenoble (38)"]').count(),
      1,
    );
    assert.match(new URL(page.url()).search, /pres_de=38185/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await close();

    // Without JavaScript, the same address gives the same page.
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const noJs = await context.newPage();
    await noJs.goto(`${origin}/laureats?pres_de_libelle=Grenoble&rayon=5`);
    assert.match(
      (await noJs.locator('#resultats').textContent()) ?? '',
      new RegExp(`^${expected.length} lauréats`),
    );
    await context.close();
  });
});
