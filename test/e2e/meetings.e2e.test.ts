import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { registerPeople } from '../../src/modules/meetings/testing/factory.js';
import { assertAccessiblePage } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';
import { startServer } from '../helpers/server.js';

const EVENT = 'journee-numerique-et-territoires-2027';
const SPACE = `/evenements/${EVENT}/rencontres`;
const ORGANISER = `/organisation/evenements/${EVENT}/rencontres`;
const PARTICIPANT = 'camille.navigateur@exemple-commune.fr';

/**
 * The espace de rencontres in Chromium, on the real server with the demonstration forum (the 2027 Journée,
 * whose slots are still to come): axe-core and the HTML checker on every page of participants, stand members
 * and organisers, and keyboard-only journeys to book then cancel a meeting.
 */
describe('Espace de rencontres in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    await registerPeople(server.platform.database.db, EVENT, 1, {
      email: PARTICIPANT,
      given_name: 'Camille',
      family_name: 'Navigateur',
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function context(): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      // A form sent back with its errors answers 422, which Chromium logs: that one is expected.
      if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return { ctx, page, problems };
  }

  async function open(page: Page, path: string) {
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
  }

  /** The newest link of a kind of e-mail sent to an address, as a path of the site. */
  async function linkFrom(to: string, kind: string, prefix: string): Promise<string> {
    const mail = await server.platform.database.db
      .selectFrom('outbox_message')
      .select('text')
      .where('recipient', '=', to)
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const found = new RegExp(`${server.url}(${prefix}[A-Za-z0-9_-]{43})`).exec(mail.text);
    assert.ok(found, `a link in the « ${kind} » e-mail`);
    return found[1]!;
  }

  /** Presses Tab until the element matching `test` has the focus. */
  async function tabTo(page: Page, test: string, label: string) {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, test)) return;
    }
    assert.fail(`${label} ne s’atteint pas au clavier`);
  }

  async function loginAsLea(page: Page) {
    await page.goto(`${server.url}/connexion?retour=%2Fmon-compte`);
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
    await page.getByRole('button', { name: /Léa/ }).click();
    await page.waitForURL(`${server.url}/mon-compte`);
  }

  test('keyboard: ask for the link, book a slot (meeting an error first), then cancel it', async () => {
    const { ctx, page, problems } = await context();
    await open(page, SPACE);
    await assertAccessiblePage(page, 'espace, visiteur');
    await tabTo(page, '#champ-email', 'le champ d’adresse');
    await page.keyboard.type(PARTICIPANT);
    await Promise.all([page.waitForURL(/message=lien-envoye/), page.keyboard.press('Enter')]);
    assert.match(
      (await page.locator('.fr-alert--success').textContent()) ?? '',
      /un lien d’accès vient d’y être envoyé/,
    );
    await open(page, await linkFrom(PARTICIPANT, 'rencontre-acces-participant', '/rencontres/acces/'));
    assert.equal(new URL(page.url()).pathname, `${SPACE}/mon-agenda`);
    await assertAccessiblePage(page, 'mon agenda, vide');

    await open(page, `${SPACE}/stands/${EVENT}-stand-franceconnect`);
    await assertAccessiblePage(page, 'stand, formulaire');
    // Sent without a slot: the error summary, the error on the fieldset, the topic kept.
    await tabTo(page, '#champ-sujet', 'le champ du sujet');
    await page.keyboard.type('Déployer FranceConnect sur nos démarches');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match((await page.locator('.fr-alert--error').textContent()) ?? '', /Choisissez un créneau/);
    assert.equal(await page.locator('#champ-sujet').inputValue(), 'Déployer FranceConnect sur nos démarches');
    await assertAccessiblePage(page, 'stand, erreur');
    // The first free slot with the keyboard: Tab into the radio group, Space to choose it, Tab to the button.
    await tabTo(page, 'input[name="creneau"]', 'les créneaux');
    await page.keyboard.press('Space');
    const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await tabTo(page, 'button[type="submit"]:not([title])', 'le bouton de réservation');
    assert.match(
      (await page.evaluate(() => document.activeElement?.textContent)) ?? '',
      /Réserver ce créneau/,
    );
    await Promise.all([page.waitForURL(/mon-agenda\?message=confirme/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('table').textContent()) ?? '', /FranceConnect/);
    await assertAccessiblePage(page, 'mon agenda, un rendez-vous');
    const booking = await server.platform.database.db
      .selectFrom('meeting_booking')
      .select(['status', 'note'])
      .where('slot_id', '=', chosen)
      .executeTakeFirstOrThrow();
    assert.deepEqual(booking, { status: 'confirmee', note: 'Déployer FranceConnect sur nos démarches' });

    await tabTo(page, 'table button', 'le bouton d’annulation');
    assert.match(
      (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '',
      /^Annuler : FranceConnect/,
    );
    await Promise.all([page.waitForURL(/message=annule/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('.fr-alert--success').textContent()) ?? '', /Le rendez-vous est annulé/);
    await assertAccessiblePage(page, 'mon agenda, annulé');
    const slot = await server.platform.database.db
      .selectFrom('meeting_slot')
      .select('booked')
      .where('id', '=', chosen)
      .executeTakeFirstOrThrow();
    assert.equal(slot.booked, 0);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  test('keyboard: cancel from the link of the confirmation e-mail', async () => {
    const { ctx, page } = await context();
    await open(page, SPACE);
    await page.locator('#champ-email').fill(PARTICIPANT);
    await Promise.all([
      page.waitForURL(/lien-envoye/),
      page.getByRole('button', { name: 'Recevoir mon lien' }).click(),
    ]);
    await open(page, await linkFrom(PARTICIPANT, 'rencontre-acces-participant', '/rencontres/acces/'));
    await open(page, `${SPACE}/stands/${EVENT}-stand-demarches-simplifiees`);
    await page.locator('label[for^="creneau-"]').first().click();
    await Promise.all([
      page.waitForURL(/message=confirme/),
      page.getByRole('button', { name: 'Réserver ce créneau' }).click(),
    ]);
    const cancel = await linkFrom(PARTICIPANT, 'rencontre-participant-confirme', '/rencontres/annulation/');
    await open(page, cancel);
    await assertAccessiblePage(page, 'annulation par lien');
    await tabTo(page, 'main button[type="submit"]', 'le bouton d’annulation');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Le rendez-vous est annulé');
    await assertAccessiblePage(page, 'annulation faite');
    await ctx.close();
  });

  test('every page of participants, members and organisers passes axe-core and the HTML checker', async () => {
    const { ctx, page, problems } = await context();
    const sources: Record<string, string> = {};
    const visit = async (name: string, path: string) => {
      await open(page, path);
      await assertAccessiblePage(page, path);
      sources[`${name}.html`] = await page.content();
    };
    await visit('liste', '/rencontres');
    await visit('espace-theme', `${SPACE}?theme=franceconnect-api`);
    await visit('stand-visiteur', `${SPACE}/stands/${EVENT}-stand-logiciels-libres`);
    await loginAsLea(page);
    // Léa is a member of the Mission Logiciels libres stand in the demonstration, and an organiser.
    await visit('equipe', `${SPACE}/equipe`);
    await visit('liste-organisatrice', '/rencontres');
    await visit('espace-organisatrice', SPACE);
    assert.equal(
      await page.getByRole('link', { name: /Gérer l’espace de rencontres/ }).getAttribute('href'),
      ORGANISER,
    );
    for (const [name, sub] of [
      ['apercu', ''],
      ['stands', '/stands'],
      ['stand', `/stands/${EVENT}-stand-franceconnect`],
      ['nouveau-stand', '/stands/nouveau'],
      ['lieux', '/lieux'],
      ['creneaux', `/creneaux?stand=${EVENT}-stand-franceconnect`],
      ['planification', '/planification'],
      ['feuilles', '/feuilles'],
      ['feuille', `/feuilles/${EVENT}-lieu-mezzanine`],
    ] as const) {
      await visit(name, ORGANISER + sub);
    }
    await open(page, `${ORGANISER}/creneaux?stand=${EVENT}-stand-franceconnect`);
    await page.locator('#champ-duree').fill('90');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Créer les créneaux' }).click(),
    ]);
    assert.match((await page.locator('.fr-alert--error').textContent()) ?? '', /Le formulaire contient/);
    await assertAccessiblePage(page, 'créneaux, erreur');
    sources['creneaux-erreur.html'] = await page.content();
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
