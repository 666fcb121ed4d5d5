import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessiblePage } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';
import { startServer } from '../helpers/server.js';

/**
 * The catalogue in Chromium, on the real server with the demonstration data (COG, lauréats, catalogue):
 * « trouver une solution, déclarer qu’on l’utilise, contacter son équipe », with the keyboard, every page
 * checked by axe-core and the HTML checker.
 */
describe('Catalogue de mutualisation in Chromium', () => {
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

  /** Logs in through the local ProConnect as the demo agent whose name is given, as a person would. */
  async function loginAs(page: Page, name: string) {
    await page.goto(`${server.url}/connexion?retour=%2Fcatalogue`);
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.waitForURL(`${server.url}/catalogue`);
  }

  /** Focuses an element and presses a key: what a keyboard user does once Tab has reached it. */
  async function press(page: Page, selector: string, key = 'Enter') {
    await page.locator(selector).first().focus();
    await page.keyboard.press(key);
  }

  test('find a solution, declare that we use it and contact its team, with the keyboard', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    });
    const sources: Record<string, string> = {};
    const check = async (name: string) => {
      await assertAccessiblePage(page, name);
      sources[`${name}.html`] = await page.content();
    };

    await loginAs(page, 'Karim');
    await check('catalogue');
    assert.match((await page.locator('main').textContent()) ?? '', /Données de démonstration/);

    // Find: words, then a facet, then the card.
    await page.locator('#q').focus();
    await page.keyboard.type('signature électronique');
    await Promise.all([page.waitForURL(/q=signature/), page.keyboard.press('Enter')]);
    await press(page, '#filtre-adoption-mutualisation', 'Space');
    await Promise.all([page.waitForURL(/adoption=mutualisation/), press(page, 'button[name="appliquer"]')]);
    assert.match((await page.locator('#resultats').textContent()) ?? '', /solution/);
    await check('recherche');
    await Promise.all([
      page.waitForURL(/\/catalogue\/solutions\/signature-electronique-gironde-numerique$/),
      press(page, 'a[href="/catalogue/solutions/signature-electronique-gironde-numerique"]'),
    ]);
    await check('solution');

    // Declare: one form.
    await Promise.all([page.waitForURL(/\/utiliser$/), press(page, 'a[href$="/utiliser"]')]);
    await check('declarer');
    assert.match((await page.locator('main').textContent()) ?? '', /Grenoble-Alpes-Métropole/);
    await press(page, '#champ-statut-utilise', 'Space');
    await page.locator('#champ-depuis').fill('2022-09');
    await page.locator('#champ-usage').focus();
    await page.keyboard.type('Signature des arrêtés du président');
    await Promise.all([page.waitForURL(/fait=declaree/), press(page, 'main form button[type="submit"]')]);
    const declared = (await page.locator('main').textContent()) ?? '';
    assert.match(declared, /Votre déclaration est enregistrée/);
    assert.match(declared, /Grenoble-Alpes-Métropole a déclaré : « Nous utilisons »/);
    await check('declaree');

    // Contact the team: the page names it, counts its référents, shows no address.
    await Promise.all([page.waitForURL(/\/contacter$/), press(page, 'a[href$="/contacter"]')]);
    await check('contacter');
    const form = (await page.locator('main').textContent()) ?? '';
    assert.match(form, /Un référent recevra votre message/);
    assert.ok(!form.includes('equipe.signature@'), 'aucune adresse de référent affichée');
    await page.locator('#champ-objet').focus();
    await page.keyboard.type('Retour d’expérience');
    await page.locator('#champ-message').focus();
    await page.keyboard.type('Bonjour, nous venons de l’adopter : pouvons-nous échanger ?');
    await Promise.all([page.waitForURL(/fait=envoye/), press(page, 'main form button[type="submit"]')]);
    assert.match((await page.locator('main').textContent()) ?? '', /Votre message est envoyé/);

    const mails = await server.platform.database.db
      .selectFrom('outbox_message')
      .select(['recipient', 'reply_to', 'kind'])
      .where('kind', 'like', 'catalogue-message%')
      .execute();
    assert.deepEqual(mails.map((m) => [m.kind, m.recipient, m.reply_to]).sort(), [
      [
        'catalogue-message',
        'equipe.signature@girondenumerique.example.fr',
        'karim.benali@grenoblealpesmetropole.example.fr',
      ],
      ['catalogue-message-copie', 'karim.benali@grenoblealpesmetropole.example.fr', null],
    ]);
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the map, the organisation and territory pages, and the open data page pass axe-core', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const sources: Record<string, string> = {};
    for (const [name, path] of [
      ['carte', '/catalogue/carte?maturite=production'],
      ['organisation', '/catalogue/organisations/213801855'],
      ['territoire', '/territoires/departement-38'],
      ['donnees', '/catalogue/donnees'],
      ['solution-publique', '/catalogue/solutions/salle-sur-demande'],
    ] as const) {
      const res = await page.goto(server.url + path);
      assert.equal(res?.status(), 200, path);
      await assertAccessiblePage(page, path);
      sources[`${name}.html`] = await page.content();
    }
    // The map's départements are links reached with Tab, named for screen readers.
    await page.goto(`${server.url}/catalogue/solutions/salle-sur-demande`);
    const area = page.locator('.nt-map svg a').first();
    assert.match(
      (await area.getAttribute('aria-label')) ?? '',
      /Isère : \d+ organisations?|une organisation/,
    );
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    await context.close();
  });

  test('a reviewer reads the queue and a submitted proposal in the back office, with axe-core', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion?retour=%2Fadmin%2Fcatalogue`);
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
    await page.getByRole('button', { name: /Léa/ }).click();
    await page.waitForURL(`${server.url}/admin/catalogue`);
    await assertAccessiblePage(page, 'back office');
    const first = page.locator('main ul a[href^="/admin/catalogue/solutions/"]').first();
    await Promise.all([page.waitForURL(/\/admin\/catalogue\/solutions\//), first.click()]);
    await assertAccessiblePage(page, 'relecture');
    assert.match((await page.locator('main').textContent()) ?? '', /Publier/);
    await page.goto(`${server.url}/admin/catalogue/signalements`);
    await assertAccessiblePage(page, 'signalements');
    // The editors' pages: a proposal sent back with its errors, « mes solutions », an edit page, a report.
    const sources: Record<string, string> = {};
    await page.goto(`${server.url}/catalogue/proposer`);
    await assertAccessiblePage(page, 'proposer');
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('main form button[type="submit"]').last().click(),
    ]);
    assert.match((await page.locator('main').textContent()) ?? '', /Le formulaire contient \d+ erreurs/);
    await assertAccessiblePage(page, 'proposer (erreurs)');
    sources['proposer-erreurs.html'] = await page.content();
    for (const [name, path] of [
      ['mes-solutions', '/catalogue/mes-solutions'],
      ['modifier', '/catalogue/solutions/salle-sur-demande/modifier'],
      ['signaler', '/catalogue/solutions/salle-sur-demande/signaler'],
    ] as const) {
      await page.goto(server.url + path);
      await assertAccessiblePage(page, path);
      sources[`${name}.html`] = await page.content();
    }
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    await context.close();
  });
});
