import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  insertAccreditation,
  insertEvent,
  insertRegistration,
} from '../../src/modules/events/backoffice/testing/factory.js';
import {
  type BackofficeTestApp,
  backofficeTestApp,
} from '../../src/modules/events/backoffice/testing/test-app.js';
import { SESSION_COOKIE } from '../../src/platform/http/session.js';
import { assertAccessiblePage } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';

const EVENT = 'journee-2023';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('aucun port libre');
  return address.port;
}

describe('Check-in and accreditation in Chromium', () => {
  let t: BackofficeTestApp;
  let browser: Browser;
  let url: string;
  let server: ReturnType<typeof serve>;
  const people: Record<string, string> = {};

  before(async () => {
    // The morning of the day: registration closed, the event not over (accreditation still open).
    t = await backofficeTestApp({ now: '2023-01-18T07:30:00.000Z' });
    await insertEvent(t.db, { id: EVENT });
    people.anne = (
      await insertRegistration(t.db, { event_id: EVENT, given_name: 'Anne', family_name: 'Martin' })
    ).id;
    people.paul = (
      await insertRegistration(t.db, {
        event_id: EVENT,
        given_name: 'Paul',
        family_name: 'Élie',
        profile: 'presse',
        organisation_name: 'Le Quotidien',
      })
    ).id;
    people.zoe = (
      await insertRegistration(t.db, { event_id: EVENT, given_name: 'Zoé', family_name: 'Lambert' })
    ).id;
    await insertRegistration(t.db, {
      event_id: EVENT,
      given_name: 'Léo',
      family_name: 'Attente',
      status: 'validation',
    });
    await insertAccreditation(t.db, { event_id: EVENT, full_name: 'Inès Roux', email: 'ines@redaction.fr' });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // The real app's referrer policy (app.ts): with the standalone app's default `no-referrer`, Chromium sends
    // `Origin: null` with a form and the CSRF check rightly refuses it.
    const fetch = async (request: Request) => {
      const response = await t.app.fetch(request);
      const headers = new Headers(response.headers);
      headers.set('referrer-policy', 'strict-origin-when-cross-origin');
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    };
    server = serve({ fetch, port, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t?.close();
  });

  async function axe(page: Page, label: string) {
    await assertAccessiblePage(page, label);
  }

  async function contextAs(
    roles: Parameters<BackofficeTestApp['signIn']>[0],
  ): Promise<{ context: BrowserContext; csrf: string }> {
    const session = await t.signIn(roles);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const [name, value] = session.cookie.split('=') as [string, string];
    assert.equal(name, SESSION_COOKIE);
    await context.addCookies([
      { name, value, domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
    ]);
    return { context, csrf: session.csrf };
  }

  const badge = (id: string, name: string, profile = 'agent-collectivite') =>
    t.backoffice.badgeSigner.sign({ registrationId: id, eventId: EVENT, name, profile, mode: 'presentiel' });

  /** Types a payload into the badge field and submits it with Enter, as a barcode reader does. */
  async function scan(page: Page, payload: string) {
    const field = page.getByLabel('Contenu du badge');
    await field.focus();
    await field.fill(payload);
    await page.keyboard.press('Enter');
  }

  const checkedIn = async () =>
    (
      await t.db
        .selectFrom('registration')
        .select('id')
        .where('event_id', '=', EVENT)
        .where('checked_in_at', 'is not', null)
        .execute()
    ).length;

  test('offline: scans are verified on the device, queued, announced, and counted once when the network returns', async () => {
    const { context, csrf } = await contextAs({ roles: [['accueil', `evenement:${EVENT}`]] });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${url}/organisation/evenements/${EVENT}/emargement`);
    const network = page.locator('[data-nt-reseau]');
    const announce = page.locator('[data-nt-annonce]');
    await network.getByText('En ligne — tous les passages sont envoyés').waitFor();
    await axe(page, 'émargement');
    // The service worker takes the page under its wing: it opens again without network.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    const anne = await badge(people.anne!, 'Anne Martin');
    const paul = await badge(people.paul!, 'Paul Élie', 'presse');
    await context.setOffline(true);
    await scan(page, anne);
    await announce.getByText('Bienvenue Anne Martin').waitFor();
    assert.equal(await page.locator('[data-nt-arrivees]').textContent(), '1');
    await scan(page, anne);
    await announce.getByText('Déjà enregistré : Anne Martin').waitFor();
    assert.match((await announce.textContent()) ?? '', /Premier passage à \d\d h \d\d/);
    await scan(page, paul);
    await announce.getByText('Bienvenue Paul Élie (PRESSE)').waitFor();
    const [v, body, sig] = anne.split('.') as [string, string, string];
    const forgedBody = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body, 'base64url').toString()),
        r: people.zoe,
        n: 'Zoé Lambert',
      }),
    ).toString('base64url');
    await scan(page, `${v}.${forgedBody}.${sig}`);
    await announce.getByText('Badge non reconnu').waitFor();
    await network.getByText('Hors ligne — 2 passages en attente d’envoi').waitFor();
    assert.equal(await checkedIn(), 0, 'nothing reached the server while offline');

    // A reload without network: the service worker serves the page, the device keeps its list and its queue.
    await page.reload();
    await network.getByText('Hors ligne — 2 passages en attente d’envoi').waitFor();
    assert.equal(await page.locator('[data-nt-arrivees]').textContent(), '2');
    const queued = await page.evaluate((key) => localStorage.getItem(key), `nt-emargement:${EVENT}:file`);

    await context.setOffline(false);
    await network.getByText('En ligne — tous les passages sont envoyés').waitFor({ timeout: 20_000 });
    assert.equal(await checkedIn(), 2);
    assert.equal((await t.db.selectFrom('checkin_scan').select('id').execute()).length, 2);

    // The same queue sent again (a lost answer): the server ignores it.
    const answer = await page.evaluate(
      async ({ scans, token, path }) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ scans: JSON.parse(scans ?? '[]') }),
        });
        return (await response.json()) as { resultats: Array<{ etat: string }>; compte: { arrived: number } };
      },
      { scans: queued, token: csrf, path: `/organisation/evenements/${EVENT}/emargement/scans` },
    );
    assert.deepEqual(
      answer.resultats.map((r) => r.etat),
      ['deja-recu', 'deja-recu'],
    );
    assert.equal(answer.compte.arrived, 2);
    assert.equal((await t.db.selectFrom('checkin_scan').select('id').execute()).length, 2);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard: find a person by name and check them in with Tab and Enter', async () => {
    const { context } = await contextAs({ roles: [['accueil', `evenement:${EVENT}`]] });
    const page = await context.newPage();
    await page.goto(`${url}/organisation/evenements/${EVENT}/emargement`);
    await page.locator('[data-nt-reseau]').getByText('En ligne').waitFor();
    // From the top of the page, the search field is reachable with Tab alone.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'champ-q');
    }
    assert.ok(reached, 'le champ de recherche s’atteint au clavier');
    await page.keyboard.type('lambert');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.match(
      (await page.evaluate(() => document.activeElement?.textContent)) ?? '',
      /Marquer présent : Zoé Lambert/,
    );
    await page.keyboard.press('Enter');
    await page.locator('[data-nt-annonce]').getByText('Bienvenue Zoé Lambert').waitFor();
    await page
      .locator('[data-nt-reseau]')
      .getByText('tous les passages sont envoyés')
      .waitFor({ timeout: 20_000 });
    assert.equal(await checkedIn(), 3);
    await axe(page, 'émargement après recherche');
    await context.close();
  });

  test('keyboard: a journalist requests accreditation, meets the errors, corrects them and sends', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${url}/evenements/${EVENT}/accreditation`);
    await axe(page, 'formulaire d’accréditation');
    await page.getByLabel('Prénom').focus();
    await page.keyboard.type('Inès');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pas-une-adresse');
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForURL(/accreditation$/),
      page.keyboard.press('Enter'),
    ]);
    await page.getByRole('heading', { name: '3 champs sont à corriger' }).waitFor();
    await axe(page, 'formulaire d’accréditation avec erreurs');
    assert.equal(await page.getByLabel('Prénom').inputValue(), 'Inès');
    await page.getByRole('link', { name: 'Saisissez votre nom.' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Duval');
    await page.getByLabel('Adresse électronique').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('ines.duval@redaction.fr');
    await page.getByLabel('Média').focus();
    await page.keyboard.type('Radio Territoires');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).focus();
    await Promise.all([page.waitForURL(/accreditation\/envoyee$/), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Demande d’accréditation envoyée' }).waitFor();
    await axe(page, 'demande envoyée');
    const row = await t.db
      .selectFrom('press_accreditation')
      .selectAll()
      .where('email', '=', 'ines.duval@redaction.fr')
      .executeTakeFirst();
    assert.equal(row?.full_name, 'Inès Duval');
    await context.close();
  });

  test('the organisers’ pages and the accreditation form pass axe-core and the HTML checker', async () => {
    const { context } = await contextAs({ roles: [['organisateur', `evenement:${EVENT}`]] });
    const page = await context.newPage();
    const sources: Record<string, string> = {};
    const paths = [
      '/inscriptions',
      '/inscriptions?statut=validation',
      '/inscriptions/attente',
      '/inscriptions/statistiques',
      '/accreditations',
      '/courriels',
      '/emargement',
    ];
    for (const [i, path] of paths.entries()) {
      await page.goto(`${url}/organisation/evenements/${EVENT}${path}`);
      await axe(page, path);
      sources[`page-${i}.html`] = await page.content();
    }
    await page.goto(`${url}/evenements/${EVENT}/accreditation`);
    sources['accreditation.html'] = await page.content();
    assert.deepEqual(
      (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`),
      [],
    );
    await context.close();
  });
});
