import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { DEMO_EVENT_2027 } from '../demo/seed.js';
import { createEventsCore, type EventsCore } from '../events.core.js';
import {
  type StandaloneEventsApp,
  standaloneEventsApp,
  type TestSession,
} from '../testing/standalone-events-app.js';

const EVENT = `/organisation/evenements/${DEMO_EVENT_2027}`;
const COMMITTEE = `${DEMO_EVENT_2027}-comite-politique`;

describe('organiser pages: the programme, rooms, questions, rules and invitations', () => {
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

  const page = async (path: string) =>
    (await t.request(path, { headers: { cookie: organiser.cookie } })).text();
  const session = {
    title: 'Atelier FranceConnect',
    kind: 'intervention',
    day: '2027-01-20',
    startTime: '12:45',
    endTime: '13:30',
    roomId: `${DEMO_EVENT_2027}-monnet`,
    capacity: '30',
    speaker0Name: 'Équipe FranceConnect',
    speaker0Role: 'démonstration',
    speaker0Organisation: 'DINUM',
  };

  test('a session is added with its speakers and shows on the public page', async () => {
    const res = await t.postForm(`${EVENT}/programme/nouvelle`, organiser, session);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${EVENT}/programme?message=session-ajoutee`);
    const added = (await core.service.sessions(DEMO_EVENT_2027)).find(
      (s) => s.title === 'Atelier FranceConnect',
    );
    assert.equal(added?.startsAt, '2027-01-20T11:45:00.000Z');
    assert.equal(added?.capacity, 30);
    assert.deepEqual(added?.speakers, [
      { name: 'Équipe FranceConnect', role: 'démonstration', organisation: 'DINUM' },
    ]);
    const publicPage = await (await t.request(`/evenements/${DEMO_EVENT_2027}`)).text();
    assert.match(publicPage, /Atelier FranceConnect/);
    const log = await t.accounts.repo.listAudit({
      targetId: DEMO_EVENT_2027,
      action: 'session-ajoutee',
      limit: 5,
      offset: 0,
    });
    assert.equal(log.items.length, 1);
  });

  test('a session outside the event, or with a forged room, comes back with errors on its fields', async () => {
    const res = await t.postForm(`${EVENT}/programme/nouvelle`, organiser, {
      ...session,
      startTime: '08:00',
      endTime: '18:00',
      roomId: 'salle-d-un-autre-evenement',
      speaker1Role: 'sans nom',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(
      html,
      /id="champ-speaker1Name-erreur">Indiquez le nom de l’intervenant, ou videz la ligne\./,
    );
    // The schema's errors come first; once fixed, the service's (times, room) come on their fields.
    const second = await t.postForm(`${EVENT}/programme/nouvelle`, organiser, {
      ...session,
      startTime: '08:00',
      endTime: '18:00',
      roomId: 'salle-d-un-autre-evenement',
    });
    const again = await second.text();
    assert.equal(second.status, 422);
    assert.match(again, /id="champ-startTime-erreur">La session doit commencer pendant l’événement/);
    assert.match(again, /id="champ-endTime-erreur">La session doit finir pendant l’événement/);
    assert.match(again, /id="champ-roomId-erreur">Choisissez une salle de cet événement\./);
    assert.match(again, /name="speaker0Name" value="Équipe FranceConnect"/);
  });

  test('« Ajouter trois lignes » sends the form back with three more lines and saves nothing', async () => {
    const before = (await core.service.sessions(DEMO_EVENT_2027)).length;
    const res = await t.postForm(`${EVENT}/programme/nouvelle`, organiser, {
      ...session,
      title: 'Pas encore',
      speakerRows: '3',
      _action: 'lignes',
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /name="speaker5Name"/);
    assert.doesNotMatch(html, /name="speaker6Name"/);
    assert.match(html, /name="title" value="Pas encore"/);
    assert.equal((await core.service.sessions(DEMO_EVENT_2027)).length, before);
  });

  test('a session is edited (speakers replaced) and removed', async () => {
    const target = `${EVENT}/programme/${DEMO_EVENT_2027}-anssi`;
    const form = await page(target);
    assert.match(form, /name="speaker0Name" value="ANSSI"/);
    const res = await t.postForm(target, organiser, {
      title: 'Cybersécurité des collectivités',
      kind: 'intervention',
      day: '2027-01-20',
      startTime: '14:15',
      endTime: '14:30',
      roomId: `${DEMO_EVENT_2027}-auditorium`,
      speaker0Name: 'ANSSI',
      speaker0Role: 'sous-direction',
      speaker1Name: 'CERT-FR',
    });
    assert.equal(res.status, 303);
    const edited = await core.service.session(DEMO_EVENT_2027, `${DEMO_EVENT_2027}-anssi`);
    assert.equal(edited.title, 'Cybersécurité des collectivités');
    assert.deepEqual(
      edited.speakers.map((s) => s.name),
      ['ANSSI', 'CERT-FR'],
    );
    assert.equal((await t.postForm(`${target}/supprimer`, organiser)).status, 303);
    assert.equal((await t.request(target, { headers: { cookie: organiser.cookie } })).status, 404);
  });

  test('invitations: pasted addresses are added, invalid lines reported with their number and kept', async () => {
    const path = `${EVENT}/programme/${COMMITTEE}/invitations`;
    const res = await t.postForm(path, organiser, {
      emails:
        'Maire@Commune.example.fr\nnimporte quoi\nlea.moreau@numerique.example.gouv.fr, presidente@departement.example.fr',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /2 personnes invitées/);
    assert.match(html, /1 adresse\(s\) étaient déjà invitées/);
    assert.match(html, /Ligne 2 : « nimporte quoi »/);
    assert.match(html, />nimporte quoi<\/textarea>/);
    assert.match(html, /maire@commune\.example\.fr/);
    const invited = await t.signIn({ email: 'maire@commune.example.fr' });
    const publicPage = await (
      await t.request(`/evenements/${DEMO_EVENT_2027}`, { headers: { cookie: invited.cookie } })
    ).text();
    assert.match(publicPage, /Comité d’orientation politique/);

    const empty = await t.postForm(path, organiser, { emails: '  \n ' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /id="champ-emails-erreur">Collez au moins une adresse électronique/);

    const removed = await t.postForm(`${path}/retirer`, organiser, { email: 'maire@commune.example.fr' });
    assert.equal(removed.status, 303);
    assert.doesNotMatch(await page(path), /maire@commune\.example\.fr/);

    const open = await t.postForm(`${EVENT}/programme/${DEMO_EVENT_2027}-ouverture/invitations`, organiser, {
      emails: 'a@b.fr',
    });
    assert.equal(open.status, 422);
    assert.match(await open.text(), /Cette session est ouverte à tous/);
  });

  test('rooms: added, renamed (never two of the same name) and removed', async () => {
    assert.equal(
      (await t.postForm(`${EVENT}/salles`, organiser, { name: 'Salle Ségur 2', capacity: '40' })).status,
      303,
    );
    const twice = await t.postForm(`${EVENT}/salles`, organiser, { name: 'salle ségur 2' });
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /Une salle porte déjà ce nom/);
    const room = (await core.service.rooms(DEMO_EVENT_2027)).find((r) => r.name === 'Salle Ségur 2');
    assert.ok(room);
    const bad = await t.postForm(`${EVENT}/salles/${room.id}`, organiser, { name: '', capacity: '0' });
    assert.equal(bad.status, 422);
    assert.equal(
      (await t.postForm(`${EVENT}/salles/${room.id}`, organiser, { name: 'Salle Ségur B', capacity: '' }))
        .status,
      303,
    );
    assert.equal((await core.service.rooms(DEMO_EVENT_2027)).find((r) => r.id === room.id)?.capacity, null);
    assert.equal((await t.postForm(`${EVENT}/salles/${room.id}/supprimer`, organiser)).status, 303);
    assert.equal((await t.postForm(`${EVENT}/salles/${room.id}/supprimer`, organiser)).status, 404);
  });

  test('questions: added, edited, removed; a choice needs two choices', async () => {
    const bad = await t.postForm(`${EVENT}/questions`, organiser, {
      label: 'Repas ?',
      kind: 'choix',
      choices: 'Oui',
    });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /id="champ-choices-erreur">Indiquez au moins deux choix/);
    assert.equal(
      (
        await t.postForm(`${EVENT}/questions`, organiser, {
          label: 'Repas ?',
          kind: 'choix',
          choices: 'Végétarien\nSans gluten',
          required: '1',
        })
      ).status,
      303,
    );
    const q = (await core.service.questions(DEMO_EVENT_2027)).find((x) => x.label === 'Repas ?');
    assert.deepEqual(q?.choices, ['Végétarien', 'Sans gluten']);
    assert.equal(
      (await t.postForm(`${EVENT}/questions/${q?.id}`, organiser, { label: 'Régime ?', kind: 'texte' }))
        .status,
      303,
    );
    assert.equal((await core.service.questions(DEMO_EVENT_2027)).find((x) => x.id === q?.id)?.kind, 'texte');
    assert.equal((await t.postForm(`${EVENT}/questions/${q?.id}/supprimer`, organiser)).status, 303);
  });

  test('rules per profile: the form shows the seeded rules and saves decisions and quotas', async () => {
    const form = await page(`${EVENT}/profils`);
    assert.match(form, /<option value="refuse" selected="">Refusée<\/option>/);
    const fields: Record<string, string> = {};
    for (const m of form.matchAll(/<select[^>]*name="(decision-[^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      fields[m[1] ?? ''] = /<option value="([^"]+)" selected=""/.exec(m[2] ?? '')?.[1] ?? '';
    }
    const bad = await t.postForm(`${EVENT}/profils`, organiser, { ...fields, 'quota-sgar': 'dix' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /id="champ-quota-sgar-erreur">Indiquez un nombre entier positif/);
    const ok = await t.postForm(`${EVENT}/profils`, organiser, {
      ...fields,
      'decision-autre': 'refuse',
      'quota-sgar': '10',
    });
    assert.equal(ok.status, 303);
    const rules = await core.service.rules(DEMO_EVENT_2027);
    assert.equal(rules.find((r) => r.profile === 'sgar')?.quota, 10);
    assert.equal(rules.find((r) => r.profile === 'autre')?.decision, 'refuse');
  });
});
