import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../test/helpers/database.js';
import { DEMO_EVENT_2023, DEMO_EVENT_2027 } from './demo/seed.js';
import { createEventsCore, type EventsCore } from './events.core.js';
import {
  type StandaloneEventsApp,
  standaloneEventsApp,
  type TestSession,
} from './testing/standalone-events-app.js';

const BASE = '/organisation/evenements';
const EVENT = `${BASE}/${DEMO_EVENT_2027}`;

/** Every organiser page of the 2027 demonstration event. */
const PAGES = [
  EVENT,
  `${EVENT}/modifier`,
  `${EVENT}/salles`,
  `${EVENT}/salles/${DEMO_EVENT_2027}-auditorium`,
  `${EVENT}/programme`,
  `${EVENT}/programme/nouvelle`,
  `${EVENT}/programme/${DEMO_EVENT_2027}-table-ronde`,
  `${EVENT}/programme/${DEMO_EVENT_2027}-comite-politique/invitations`,
  `${EVENT}/questions`,
  `${EVENT}/questions/${DEMO_EVENT_2027}-question-forum`,
  `${EVENT}/profils`,
];

export const validEvent: Record<string, string> = {
  title: 'Atelier données',
  summary: 'Un atelier.',
  startDate: '2027-03-10',
  startTime: '09:00',
  endDate: '2027-03-10',
  endTime: '12:30',
  inPerson: '1',
  venueName: 'DINUM',
  address: '20 avenue de Ségur, 75007 Paris',
  opensDate: '2027-01-10',
  opensTime: '09:00',
  closesDate: '2027-03-09',
  closesTime: '18:00',
  capacityInPerson: '40',
};

describe('organiser pages: permissions and the event form', () => {
  let t: StandaloneEventsApp;
  let core: EventsCore;
  let organiser: TestSession;
  before(async () => {
    t = await standaloneEventsApp({
      database: freshDatabase,
      now: '2026-11-28T10:00:00.000Z',
      routes: (ctx) => {
        core = createEventsCore(ctx);
        return [core.publicRoutes, core.organiserRoutes];
      },
    });
    await core.seedDemoEvent();
    organiser = await t.signIn({ roles: ['organisateur'] });
  });
  after(async () => {
    await t?.close();
  });

  const get = (path: string, s?: TestSession) =>
    t.request(path, { headers: s ? { cookie: s.cookie } : {}, redirect: 'manual' });

  test('a visitor is sent to the login page, coming back afterwards', async () => {
    for (const path of [BASE, `${BASE}/nouveau`, ...PAGES]) {
      const res = await get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), `/connexion?retour=${encodeURIComponent(path)}`);
    }
  });

  test('an agent without the role gets a French 403', async () => {
    const agent = await t.signIn();
    for (const path of [BASE, `${BASE}/nouveau`, ...PAGES]) {
      const res = await get(path, agent);
      assert.equal(res.status, 403, path);
      assert.match(await res.text(), /Vous n’avez pas accès à cette page/);
    }
    const post = await t.postForm(`${EVENT}/publier`, agent);
    assert.equal(post.status, 403);
  });

  test('an organiser and an administrator reach every page, not shareable, with one h1', async () => {
    const admin = await t.signIn({ roles: ['administrateur'] });
    for (const who of [organiser, admin]) {
      for (const path of [BASE, `${BASE}/nouveau`, ...PAGES]) {
        const res = await get(path, who);
        const html = await res.text();
        assert.equal(res.status, 200, path);
        assert.equal((html.match(/<h1/g) ?? []).length, 1, path);
      }
    }
    const list = await (await get(BASE, organiser)).text();
    assert.match(list, /Créer un événement/);
    assert.match(list, new RegExp(DEMO_EVENT_2023));
  });

  test('an organiser of one event sees that event alone and cannot create one', async () => {
    const scoped = await t.signIn({ roles: [['organisateur', `evenement:${DEMO_EVENT_2023}`]] });
    const list = await (await get(BASE, scoped)).text();
    assert.match(list, new RegExp(DEMO_EVENT_2023));
    assert.doesNotMatch(list, new RegExp(DEMO_EVENT_2027));
    assert.doesNotMatch(list, /Créer un événement/);
    assert.equal((await get(`${BASE}/${DEMO_EVENT_2023}/programme`, scoped)).status, 200);
    assert.equal((await get(`${EVENT}/programme`, scoped)).status, 403);
    assert.equal((await get(`${BASE}/nouveau`, scoped)).status, 403);
  });

  test('creating an event: a draft at its address, then published; every step audited', async () => {
    const res = await t.postForm(`${BASE}/nouveau`, organiser, validEvent);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${BASE}/atelier-donnees-2027?message=cree`);
    const page = await (await get(`${BASE}/atelier-donnees-2027?message=cree`, organiser)).text();
    assert.match(page, /L’événement est créé, en brouillon/);
    assert.equal((await t.postForm(`${BASE}/atelier-donnees-2027/publier`, organiser)).status, 303);
    const again = await t.postForm(`${BASE}/atelier-donnees-2027/publier`, organiser);
    assert.equal(again.status, 422);
    assert.match(await again.text(), /L’événement a déjà changé d’état/);
    assert.equal((await t.request('/evenements/atelier-donnees-2027')).status, 200);
    const log = await t.accounts.repo.listAudit({ targetId: 'atelier-donnees-2027', limit: 10, offset: 0 });
    assert.deepEqual(log.items.map((e) => e.action).sort(), ['evenement-cree', 'evenement-publie']);
    assert.equal(log.items[0]?.actorId, organiser.id);
  });

  test('a refused form comes back as 422 with every error on its field and every value kept', async () => {
    const res = await t.postForm(`${BASE}/nouveau`, organiser, {
      ...validEvent,
      title: '',
      summary: 'Mon résumé « gardé »',
      endTime: '08:00',
      closesDate: '2027-03-11',
      capacityInPerson: 'quarante',
      videoUrl: 'ftp://x',
      remote: '1',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Le formulaire contient 5 erreurs/);
    assert.match(html, /<input[^>]*id="champ-title"[^>]*aria-describedby="champ-title-erreur"/);
    assert.match(html, /id="champ-title-erreur">Indiquez le titre de l’événement\./);
    assert.match(html, /id="champ-end-erreur">La fin de l’événement doit venir après son début\./);
    assert.match(html, /id="champ-closes-erreur">Les inscriptions doivent fermer au plus tard à la fin/);
    assert.match(html, /id="champ-capacityInPerson-erreur">Indiquez un nombre entier positif/);
    assert.match(html, /id="champ-videoUrl-erreur">/);
    assert.match(html, />Mon résumé « gardé »<\/textarea>/);
    assert.match(html, /name="capacityInPerson" value="quarante"/);
    assert.match(html, /href="#champ-end"/);
  });

  test('editing keeps values in Paris time and saves; moving the day off the programme is refused', async () => {
    const form = await (await get(`${EVENT}/modifier`, organiser)).text();
    assert.match(form, /name="startDate" value="2027-01-20"/);
    assert.match(form, /name="startTime" value="09:00"/);
    assert.match(form, /name="capacityInPerson" value="250"/);
    const fields = Object.fromEntries(
      [...form.matchAll(/<input[^>]*name="([^"_]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    ) as Record<string, string>;
    const checked = (n: string) => (new RegExp(`name="${n}" value="1" checked`).test(form) ? '1' : '');
    const base = {
      ...fields,
      inPerson: checked('inPerson'),
      remote: checked('remote'),
      title: 'Journée 2027 (renommée)',
    };
    const saved = await t.postForm(`${EVENT}/modifier`, organiser, base);
    assert.equal(saved.status, 303);
    assert.equal((await core.service.event(DEMO_EVENT_2027))?.title, 'Journée 2027 (renommée)');
    const moved = await t.postForm(`${EVENT}/modifier`, organiser, {
      ...base,
      startDate: '2027-01-21',
      endDate: '2027-01-21',
    });
    assert.equal(moved.status, 422);
    assert.match(await moved.text(), /laisseraient hors de l’événement les sessions/);
  });

  test('garbage forms and ids never reach a 500, and a form without its CSRF token is refused', async () => {
    const junk = {
      title: 'x'.repeat(5000),
      startDate: '<script>',
      startTime: '99:99',
      capacityTotal: '1e9',
      inPerson: 'oui',
      speaker999Name: 'x',
      _action: 'lignes',
    };
    for (const path of [
      `${BASE}/nouveau`,
      `${EVENT}/modifier`,
      `${EVENT}/salles`,
      `${EVENT}/programme/nouvelle`,
      `${EVENT}/programme/${DEMO_EVENT_2027}-ouverture`,
      `${EVENT}/programme/${DEMO_EVENT_2027}-comite-politique/invitations`,
      `${EVENT}/questions`,
      `${EVENT}/profils`,
      `${EVENT}/programme/inconnue`,
      `${EVENT}/programme/inconnue/supprimer`,
      `${EVENT}/salles/inconnue/supprimer`,
      `${EVENT}/questions/%00/supprimer`,
      `${BASE}/INCONNU/modifier`,
      `${BASE}/inconnu/publier`,
    ]) {
      const res = await t.postForm(path, organiser, junk);
      assert.ok(res.status < 500, `${path} → ${res.status}`);
    }
    for (const path of [`${EVENT}?message=%ZZ`, `${EVENT}/programme/..`, `${BASE}/inconnu/programme`]) {
      assert.ok((await get(path, organiser)).status < 500, path);
    }
    const forged = await t.request(`${EVENT}/publier`, {
      method: 'POST',
      headers: { cookie: organiser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(forged.status, 403);
  });
});
