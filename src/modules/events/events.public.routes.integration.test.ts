import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../test/helpers/database.js';
import { DEMO_EVENT_2023, DEMO_EVENT_2027 } from './demo/seed.js';
import { createEventsCore, type EventsCore } from './events.core.js';
import { parseIcs } from './testing/ics-reader.js';
import { type StandaloneEventsApp, standaloneEventsApp } from './testing/standalone-events-app.js';

const COMMITTEE = 'Comité d’orientation politique du programme';
const INVITED = 'lea.moreau@numerique.example.gouv.fr';

describe('public event pages', () => {
  let t: StandaloneEventsApp;
  let core: EventsCore;
  before(async () => {
    t = await standaloneEventsApp({
      database: freshDatabase,
      now: '2026-11-28T10:00:00.000Z',
      routes: (ctx) => {
        core = createEventsCore({ ...ctx, publicUrl: 'https://nt.example.fr' });
        return [core.publicRoutes, core.organiserRoutes];
      },
    });
    await core.seedDemoEvent();
  });
  after(async () => {
    await t?.close();
  });

  let invitedSession: Awaited<ReturnType<StandaloneEventsApp['signIn']>> | undefined;
  /** The demonstration DINUM agent, invited to the committee by the seed. */
  const signInInvited = async () => {
    invitedSession ??= await t.signIn({ email: INVITED });
    return invitedSession;
  };

  const get = async (path: string, cookie?: string) => {
    const res = await t.request(path, { headers: cookie ? { cookie } : {} });
    return { res, html: await res.text() };
  };

  test('/evenements lists the 2027 edition as upcoming and the 2023 one as past, shareable', async () => {
    const { res, html } = await get('/evenements');
    assert.equal(res.status, 200);
    const upcoming = html.indexOf('À venir');
    const past = html.indexOf('Événements passés');
    assert.ok(
      upcoming < html.indexOf('Journée Numérique &amp; Territoires 2027') &&
        html.indexOf('Journée Numérique &amp; Territoires 2027') < past,
    );
    assert.ok(html.indexOf(`/evenements/${DEMO_EVENT_2023}`) > past);
    assert.match(html, /Données de démonstration/);
    assert.equal(res.headers.get('set-cookie'), null, 'a visitor’s page writes no session');
    assert.equal((await t.request('/evenements/', { redirect: 'manual' })).status, 301);
  });

  test('the 2027 page: practical information, map link marked external, « S’inscrire » while open', async () => {
    const { res, html } = await get(`/evenements/${DEMO_EVENT_2027}`);
    assert.equal(res.status, 200);
    assert.equal((html.match(/<h1/g) ?? []).length, 1);
    assert.match(
      html,
      /<title>Journée Numérique &amp; Territoires 2027 — Numérique &amp; Territoires<\/title>/,
    );
    assert.match(html, /Mercredi 20 janvier 2027, de 9 h à 16 h 30/);
    assert.match(
      html,
      /href="https:\/\/www\.openstreetmap\.org\/search\?query=20%20avenue%20de%20S%C3%A9gur%2C%2075007%20Paris"[^>]*target="_blank"[^>]*rel="noopener noreferrer"[^>]*title="[^"]*nouvelle fenêtre"/,
    );
    assert.match(html, new RegExp(`href="/evenements/${DEMO_EVENT_2027}/inscription"[^>]*>\\s*S’inscrire`));
    assert.match(html, /Informations pratiques/);
    assert.match(html, /Ministre de la Transformation et de la Fonction publiques/);
    assert.match(
      html,
      /<caption>Vue d’ensemble du mercredi 20 janvier 2027, par horaire et par salle<\/caption>/,
    );
    assert.match(html, /<th scope="row">15 h – 16 h 30<\/th>/);
    assert.doesNotMatch(
      html,
      /video\.numerique\.example/,
      'the video link goes to registered remote participants only',
    );
  });

  test('the 2023 page says registration is closed and offers no « S’inscrire »', async () => {
    const { res, html } = await get(`/evenements/${DEMO_EVENT_2023}`);
    assert.equal(res.status, 200);
    assert.match(html, /Les inscriptions sont closes depuis le 6 janvier 2023/);
    assert.doesNotMatch(html, /\/inscription"/);
  });

  test('the closed committee is hidden from visitors and from people not invited, shown to the invited', async () => {
    const visitor = await get(`/evenements/${DEMO_EVENT_2027}`);
    assert.doesNotMatch(visitor.html, new RegExp(COMMITTEE));
    const stranger = await t.signIn({ email: 'quelquun@ville.example.fr' });
    const strangerPage = await get(`/evenements/${DEMO_EVENT_2027}`, stranger.cookie);
    assert.doesNotMatch(strangerPage.html, new RegExp(COMMITTEE));
    const invited = await signInInvited();
    const invitedPage = await get(`/evenements/${DEMO_EVENT_2027}`, invited.cookie);
    assert.match(invitedPage.html, new RegExp(COMMITTEE));
    assert.match(invitedPage.html, /Sur invitation/);
    assert.match(invitedPage.html, /la session fermée où\s+vous êtes invité ou invitée/);
  });

  test('a draft is found only by its organisers', async () => {
    const organiser = await t.signIn({ roles: ['organisateur'] });
    const created = await t.postForm('/organisation/evenements/nouveau', organiser, {
      title: 'Brouillon secret',
      startDate: '2027-03-10',
      startTime: '09:00',
      endDate: '2027-03-10',
      endTime: '12:00',
      opensDate: '2027-01-10',
      opensTime: '09:00',
      closesDate: '2027-03-09',
      closesTime: '18:00',
      remote: '1',
    });
    assert.equal(created.status, 303);
    assert.equal((await get('/evenements/brouillon-secret-2027')).res.status, 404);
    assert.equal((await get('/evenements/brouillon-secret-2027/programme.ics')).res.status, 404);
    const agent = await t.signIn();
    assert.equal((await get('/evenements/brouillon-secret-2027', agent.cookie)).res.status, 404);
    const seen = await get('/evenements/brouillon-secret-2027', organiser.cookie);
    assert.equal(seen.res.status, 200);
    assert.match(seen.html, /Brouillon : visible des seuls organisateurs/);
    assert.doesNotMatch((await get('/evenements')).html, /Brouillon secret/);
  });

  test('the programme as iCalendar: VTIMEZONE Europe/Paris, one VEVENT per open session, TZID times', async () => {
    const { res, html: text } = await get(`/evenements/${DEMO_EVENT_2027}/programme.ics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const cal = parseIcs(text);
    assert.equal(cal.children.find((c) => c.name === 'VTIMEZONE')?.props.TZID?.[0]?.value, 'Europe/Paris');
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    const open = (await core.service.sessions(DEMO_EVENT_2027)).filter((s) => !s.closed);
    assert.equal(events.length, open.length);
    assert.equal(events.length, 13);
    assert.ok(events.every((e) => e.props.DTSTART?.[0]?.params.TZID === 'Europe/Paris'));
    assert.equal(events[0]?.props.DTSTART?.[0]?.value, '20270120T090000');
    assert.ok(!events.some((e) => e.props.SUMMARY?.[0]?.value === COMMITTEE));
    assert.equal(events[0]?.props.URL?.[0]?.value, `https://nt.example.fr/evenements/${DEMO_EVENT_2027}`);
    // The invited person's file is the same public file: closed sessions never reach it.
    const invited = await signInInvited();
    const theirs = await get(`/evenements/${DEMO_EVENT_2027}/programme.ics`, invited.cookie);
    assert.doesNotMatch(theirs.html, /Comité d’orientation/);
  });

  test('the programme as JSON: event, rooms, open sessions with speakers; no video link', async () => {
    const res = await t.request(`/evenements/${DEMO_EVENT_2027}/programme.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as {
      evenement: Record<string, unknown>;
      salles: Array<{ nom: string }>;
      sessions: Array<{
        titre: string;
        type: string;
        debut: string;
        salle: { nom: string } | null;
        intervenants: unknown[];
      }>;
    };
    assert.equal(body.evenement.titre, 'Journée Numérique & Territoires 2027');
    assert.equal(body.evenement.debut, '2027-01-20T08:00:00.000Z');
    assert.equal(body.evenement.demonstration, true);
    assert.deepEqual((body.evenement.inscriptions as Record<string, unknown>).ouvertes, true);
    assert.deepEqual(
      body.salles.map((s) => s.nom),
      ['Auditorium Marceau Long', 'Mezzanine Ségur', 'Salle Jean Monnet'],
    );
    assert.equal(body.sessions.length, 13);
    assert.ok(!body.sessions.some((s) => s.titre === COMMITTEE));
    const table = body.sessions.find((s) => s.type === 'table-ronde');
    assert.equal(table?.intervenants.length, 6);
    assert.equal(table?.salle?.nom, 'Auditorium Marceau Long');
    assert.doesNotMatch(JSON.stringify(body), /video/);
  });

  test('garbage addresses and query strings never reach a 500', async () => {
    for (const path of [
      '/evenements?page=%00&x[]=1',
      `/evenements/${DEMO_EVENT_2027}?utm=%ZZ&q=<script>`,
      '/evenements/INCONNU',
      '/evenements/%F0%9F%98%80',
      `/evenements/${'a'.repeat(300)}`,
      '/evenements/..%2F..%2Fetc',
      '/evenements/inconnu/programme.json',
      '/evenements/inconnu/programme.ics',
    ]) {
      const res = await t.request(path);
      assert.ok(res.status < 500, `${path} → ${res.status}`);
    }
    assert.equal((await t.request('/evenements/inconnu/programme.json')).status, 404);
  });
});
