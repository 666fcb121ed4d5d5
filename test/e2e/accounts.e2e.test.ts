import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessiblePage } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';
import { startServer } from '../helpers/server.js';

describe('Accounts in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  before(async () => {
    server = await startServer({ territories: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function axe(page: Page, label: string) {
    await assertAccessiblePage(page, label);
  }

  /** Logs in through the local ProConnect as the demo agent whose name is given, as a person would. */
  async function loginAs(page: Page, name: string) {
    await page.goto(`${server.url}/connexion?retour=%2Fmon-compte`);
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.waitForURL(`${server.url}/mon-compte`);
  }

  test('an agent logs in with ProConnect, and the login, account and admin pages pass axe-core and the HTML checker', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/connexion`);
    await axe(page, 'connexion');
    await loginAs(page, 'Léa');
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /lea\.moreau@numerique\.example\.gouv\.fr/,
    );
    await axe(page, 'mon compte');
    const sources: Record<string, string> = { 'mon-compte.html': await page.content() };
    for (const [name, path] of [
      ['admin', '/admin'],
      ['personnes', '/admin/personnes'],
      ['journal', '/admin/journal'],
      ['organisations', '/admin/organisations'],
    ] as const) {
      await page.goto(server.url + path);
      await axe(page, path);
      sources[`${name}.html`] = await page.content();
    }
    await page.goto(`${server.url}/admin/personnes`);
    await page.locator('table a').first().click();
    await axe(page, 'fiche personne');
    sources['personne.html'] = await page.content();
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard: ask for a login link without a mouse, with the error announced on the field first', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion`);
    await page.locator('#champ-email').focus();
    await page.keyboard.type('pas-une-adresse');
    await Promise.all([page.waitForURL(/\/connexion\/lien$/), page.keyboard.press('Enter')]);
    const field = page.locator('#champ-email');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.inputValue(), 'pas-une-adresse');
    await axe(page, 'connexion avec erreur');
    await field.fill('');
    await field.focus();
    await page.keyboard.type('presse@example.fr');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Consultez votre messagerie');
    await axe(page, 'lien envoyé');
    await context.close();
  });

  test('keyboard: log out from the header with Tab and Enter', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await loginAs(page, 'Camille');
    const logout = page.locator('.fr-header__tools-links').getByRole('button', { name: 'Se déconnecter' });
    await logout.focus();
    await page.keyboard.press('Enter');
    // The local provider asks for confirmation, as ProConnect may.
    const confirm = page.getByRole('button', { name: /déconnecter/i });
    await confirm.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/deconnexion\/terminee/);
    assert.equal(await page.locator('h1').textContent(), 'Vous êtes déconnecté');
    await axe(page, 'déconnexion');
    await context.close();
  });
});
