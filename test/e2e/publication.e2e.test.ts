import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';
import { startServer } from '../helpers/server.js';

const SEED_PATH = '/espace-presse/journee-numerique-et-territoires-france-relance/';
const PAGES: Record<string, string> = {
  accueil: '/',
  liste: '/actualites/?tag=mutualisation',
  communique: SEED_PATH,
  recherche: '/recherche?q=collectivite',
  evenement: '/agenda/journee-numerique-territoires/',
  programme: '/programme-tnt/presentation/',
  introuvable: '/nulle-part/',
};

describe('Publication in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page and records what the console and CSP complain about. */
  async function open(path: string, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport, locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const res = await page.goto(server.url + path, { waitUntil: 'load' });
    // DSFR's script marks the page when it has started.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    return { page, res, problems, close: () => context.close() };
  }

  test('every page passes axe-core (WCAG 2.1 A and AA) with no console or CSP error', async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const { page, problems, close } = await open(path);
      assert.deepEqual(await axeViolations(page), [], `${name} (${path})`);
      assert.deepEqual(
        problems.filter((p) => !(name === 'introuvable' && /404/.test(p))),
        [],
        `${name}: erreurs de console`,
      );
      assert.equal(await page.locator('h1').count(), 1, `${name}: un seul h1`);
      assert.match(await page.title(), / — Numérique & Territoires$|^Numérique & Territoires$/);
      await close();
    }
  });

  test('the pages’ HTML passes the Nu HTML checker', async () => {
    const sources: Record<string, string> = {};
    for (const [name, path] of Object.entries(PAGES)) {
      const res = await fetch(server.url + path);
      sources[`${name}.html`] = await res.text();
    }
    const errors = await validateHtml(sources);
    assert.deepEqual(
      errors.map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
  });

  test('keyboard: the first Tab reaches the skip links, which lead to the content, the menu and the footer', async () => {
    const { page, close } = await open('/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Contenu');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#contenu');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu');

    await page.keyboard.press('Shift+Tab'); // back into the page from the top
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Menu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('nav')?.id ?? document.activeElement?.textContent,
    );
    assert.equal(focused, 'navigation-principale');
    await close();
  });

  test('keyboard: on a phone, the menu opens with Enter, its links are reachable, and Escape closes it', async () => {
    const { page, close } = await open('/', { width: 375, height: 800 });
    const menuButton = page.locator('#bouton-menu');
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const modal = page.locator('#modal-menu');
    await page.waitForFunction(() =>
      document.getElementById('modal-menu')?.classList.contains('fr-modal--opened'),
    );
    let reached = '';
    for (let i = 0; i < 8 && !reached.startsWith('Espace presse'); i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
    }
    assert.equal(reached, 'Espace presse');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.getElementById('modal-menu')?.classList.contains('fr-modal--opened'),
    );
    // DSFR closes the dialog with a transition: it must end hidden, with the focus back on the menu button.
    await modal.waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'bouton-menu');
    await close();
  });

  test('a search typed in the header reaches the results, with the matched words highlighted', async () => {
    const { page, close } = await open('/');
    await page.locator('#recherche-site-q').fill('collectivite');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\?q=collectivite/);
    const first = page.locator('.nt-search-hit').first();
    assert.ok((await first.locator('mark').count()) > 0);
    await page.locator(`a[href="${SEED_PATH}"]`).first().click();
    await page.waitForURL(new RegExp(SEED_PATH));
    assert.match((await page.locator('h1').textContent()) ?? '', /Journée Numérique & Territoires/);
    await close();
  });

  test('display settings switch the site to the dark theme', async () => {
    const { page, close } = await open('/');
    await page.getByRole('button', { name: 'Paramètres d’affichage' }).click();
    await page.locator('label[for="fr-radios-theme-dark"]').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-fr-theme') === 'dark');
    await close();
  });
});
