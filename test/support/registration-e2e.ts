/**
 * What the registration journeys in Chromium share: the real server (`startServer`, the COG loaded for the
 * collectivité picker) sending its mail to a real SMTP server, an event whose registration is open whatever
 * the day the tests run, pages checked with axe-core and kept for the HTML checker, and the management link
 * read from the mail as a participant would.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { createEvent } from '../../src/modules/events/registration/testing/factory.js';
import { assertAccessiblePage } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { validateHtml } from '../helpers/html-validator.js';
import { tabTo } from '../helpers/keyboard.js';
import { startServer } from '../helpers/server.js';
import { type CapturedMail, startSmtpCapture } from '../helpers/smtp-server.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The test event: its id, its sessions' and questions' ids, by role. */
export interface OpenEvent {
  id: string;
  title: string;
  sessions: { donnees: string; cyber: string; comite: string };
  questions: { forum: string; theme: string; acces: string };
}

/**
 * Writes a published event whose registration opened yesterday and closes in 20 days (the server runs on the
 * real clock): in person (100 seats) and remote, two workshops of 20 seats, a closed committee, three
 * questions (yes/no and choice required, text optional); « autre » waits for the organiser's approval.
 */
export async function createOpenEvent(
  db: Parameters<typeof createEvent>[0],
  id: string,
  now = Date.now(),
): Promise<OpenEvent> {
  const day = Math.floor(now / DAY) * DAY + 30 * DAY;
  const at = (hours: number) => new Date(day + hours * HOUR).toISOString();
  const sessions = { donnees: `${id}-donnees`, cyber: `${id}-cyber`, comite: `${id}-comite` };
  const questions = { forum: `${id}-forum`, theme: `${id}-theme`, acces: `${id}-acces` };
  const title = 'Rencontre des territoires numériques';
  await createEvent(db, {
    id,
    title,
    starts_at: at(8),
    ends_at: at(15.5),
    registration_opens_at: new Date(now - DAY).toISOString(),
    registration_closes_at: new Date(now + 20 * DAY).toISOString(),
    capacity_in_person: 100,
    sessions: [
      { id: sessions.donnees, title: 'Atelier « Données ouvertes »', capacity: 20, startsAt: at(9) },
      { id: sessions.cyber, title: 'Atelier « Cybersécurité »', capacity: 20, startsAt: at(13) },
      { id: sessions.comite, title: 'Comité d’orientation', closed: true, startsAt: at(14) },
    ],
    questions: [
      {
        id: questions.forum,
        label: 'Resterez-vous pour le forum de l’après-midi ?',
        kind: 'oui-non',
        required: true,
      },
      {
        id: questions.theme,
        label: 'Quel thème vous intéresse le plus ?',
        kind: 'choix',
        choices: ['Relation usagers', 'Données', 'Cybersécurité'],
        required: true,
      },
      { id: questions.acces, label: 'Avez-vous besoin d’un aménagement ?', kind: 'texte' },
    ],
    rules: [{ profile: 'autre', decision: 'validation' }],
  });
  return { id, title, sessions, questions };
}

/** The real server with its mail going to a real SMTP server, Chromium, and the test event. */
export async function registrationE2e(eventId: string) {
  const smtp = await startSmtpCapture();
  const server = await startServer({ territories: true, env: { SMTP_URL: smtp.url } });
  const worker = server.platform.createWorker();
  const db = server.platform.database.db;
  const event = await createOpenEvent(db, eventId);
  const browser = await launchBrowser();
  const sources: Record<string, string> = {};

  /** A browser context (French), recording console errors, page errors and CSP reports. */
  async function visitor(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return { context, page, problems };
  }

  return {
    server,
    smtp,
    db,
    event,
    browser,
    visitor,
    /** Waits for the DSFR's script, checks the page with axe-core and keeps its HTML for the checker. */
    async check(page: Page, name: string) {
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
      await assertAccessiblePage(page, name);
      sources[`${name}.html`] = await page.content();
    },
    /** Every page kept by `check`, through the Nu HTML checker: its errors, one line each. */
    async htmlErrors() {
      return (await validateHtml(sources)).map((e) => `${e.file}:${e.line} ${e.message}`);
    },
    /** Sends what the outbox holds, then the messages the SMTP server received for this address. */
    async mailsTo(address: string): Promise<CapturedMail[]> {
      await worker.runOnce();
      return smtp.received.filter((m) => m.rcptTo.includes(address));
    },
    async close() {
      await browser?.close();
      await worker.stop();
      await server?.close();
      await smtp?.stop();
    },
  };
}

/**
 * Logs in through the local ProConnect with the keyboard (Tab and Enter), as the demo agent named, and comes
 * back to `path`.
 */
export async function loginByKeyboard(page: Page, origin: string, agent: string, path: string) {
  await page.goto(`${origin}/connexion?retour=${encodeURIComponent(path)}`);
  await tabTo(page, { text: 'S’identifier avec ProConnect' });
  await Promise.all([page.waitForURL(/\/_dev\/proconnect\//), page.keyboard.press('Enter')]);
  await tabTo(page, { text: agent });
  await Promise.all([page.waitForURL(`${origin}${path}`), page.keyboard.press('Enter')]);
}

/** The management link a mail carries (`<server>/inscriptions/<token>`), from its plain text. */
export function manageLink(mail: CapturedMail, origin: string): string {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`${escaped}/inscriptions/[A-Za-z0-9_-]+`).exec(mail.mail.text ?? '')?.[0];
  assert.ok(link, `aucun lien de gestion dans « ${mail.mail.subject} »`);
  return link;
}

/** Problems other than the expected answer of a form sent back with errors (Chromium logs its 4xx status). */
export const unexpected = (problems: string[], status = 400) =>
  problems.filter((p) => !p.includes(`status of ${status}`));
