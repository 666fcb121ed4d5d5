import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { type MeetingsTestApp, meetingsTestApp, type TestSession } from '../testing/app.js';
import { createForum, registerPeople } from '../testing/factory.js';

describe('the organisers’ and stand members’ pages over HTTP', () => {
  let t: MeetingsTestApp;
  let eventId: string;
  let organiser: TestSession;
  const o = (sub = '') => `/organisation/evenements/${eventId}/rencontres${sub}`;
  before(async () => {
    t = await meetingsTestApp({ database: freshDatabase });
    // An event without stands: the organiser sets everything up through the pages.
    eventId = (await createForum(t.db, { stands: 0 })).eventId;
    organiser = await t.signIn({ roles: [['organisateur', `evenement:${eventId}`]] });
  });
  after(() => t.close());

  const locationOf = (body: Response) => body.headers.get('location') ?? '';

  test('only the event’s organisers reach its pages', async () => {
    assert.equal((await t.request(o())).status, 303, 'a visitor is sent to the login page');
    const other = await t.signIn({ roles: [['organisateur', 'evenement:autre-evenement']] });
    assert.equal((await t.get(o(), other)).status, 403);
    assert.equal((await t.get(o(), organiser)).status, 200);
    assert.equal(
      (
        await t.get(
          '/organisation/evenements/inconnu/rencontres',
          await t.signIn({ roles: ['organisateur'] }),
        )
      ).status,
      404,
    );
  });

  test('set-up: settings, a location, a stand with a member, a series of slots — each with its French errors', async () => {
    const badSettings = await t.postForm(o('/reglages'), organiser, {
      mode: 'libre',
      limite: 'trois',
      choix: '5',
      'ouverture-jour': '2023-01-12',
    });
    assert.equal(badSettings.status, 422);
    const settingsHtml = await badSettings.text();
    assert.match(settingsHtml, /Indiquez un nombre de rendez-vous par personne de 1 à 50/);
    assert.match(settingsHtml, /Indiquez l’ouverture des réservations avec un jour/);
    assert.match(settingsHtml, /value="trois"/);
    assert.equal(
      locationOf(await t.postForm(o('/reglages'), organiser, { mode: 'libre', limite: '2', choix: '5' })),
      `${o()}?message=enregistre`,
    );

    const badLocation = await t.postForm(o('/lieux'), organiser, { nom: '', capacite: '0' });
    assert.equal(badLocation.status, 422);
    assert.match(await badLocation.text(), /Indiquez le nom du lieu/);
    assert.equal(
      (await t.postForm(o('/lieux'), organiser, { nom: 'Table ronde 1', capacite: '2' })).status,
      303,
    );
    const location = await t.db
      .selectFrom('meeting_location')
      .select('id')
      .where('event_id', '=', eventId)
      .where('name', '=', 'Table ronde 1')
      .executeTakeFirstOrThrow();

    const badStand = await t.postForm(o('/stands/nouveau'), organiser, {
      nom: 'FranceConnect',
      mode: 'direct',
    });
    assert.equal(badStand.status, 422);
    const standHtml = await badStand.text();
    assert.match(standHtml, /Indiquez l’organisation qui tient le stand/);
    assert.match(standHtml, /value="FranceConnect"/);
    const created = await t.postForm(
      o('/stands/nouveau'),
      organiser,
      new URLSearchParams([
        ['nom', 'FranceConnect'],
        ['organisation', 'DINUM'],
        ['themes', 'franceconnect-api'],
        ['themes', 'relation-usagers'],
        ['mode', 'demande'],
        ['lieu', location.id],
      ]),
    );
    assert.equal(created.status, 303);
    const standId = locationOf(created).split('/stands/')[1]!.split('?')[0]!;
    const badMember = await t.postForm(o(`/stands/${standId}/membres`), organiser, {
      'nom-membre': 'Alix',
      email: 'alix@',
    });
    assert.equal(badMember.status, 422);
    assert.match(await badMember.text(), /Saisissez une adresse électronique valide/);
    for (const [nom, email] of [
      ['Alix Leroy', 'alix.leroy@numerique.example.gouv.fr'],
      ['Sam Petit', 'sam.petit@numerique.example.gouv.fr'],
      ['Noa Roux', 'noa.roux@numerique.example.gouv.fr'],
    ]) {
      assert.equal(
        (await t.postForm(o(`/stands/${standId}/membres`), organiser, { 'nom-membre': nom!, email: email! }))
          .status,
        303,
      );
    }
    const twice = await t.postForm(o(`/stands/${standId}/membres`), organiser, {
      'nom-membre': 'Alix',
      email: 'ALIX.LEROY@numerique.example.gouv.fr',
    });
    assert.match(await twice.text(), /fait déjà partie du stand/);

    const series = {
      stand: standId,
      membre: 'tous',
      lieu: location.id,
      jour: '18/01/2023',
      debut: '15:00',
      fin: '16:30',
      intervalle: '20',
      duree: '20',
      capacite: '1',
    };
    const tooLong = await t.postForm(o('/creneaux'), organiser, { ...series, duree: '30' });
    assert.match(await tooLong.text(), /se chevaucheraient/);
    const tooShort = await t.postForm(o('/creneaux'), organiser, { ...series, duree: '5', intervalle: '5' });
    assert.match(await tooShort.text(), /Un créneau dure de 10 à 60 minutes/);
    const outside = await t.postForm(o('/creneaux'), organiser, { ...series, debut: '17:00', fin: '18:00' });
    assert.match(await outside.text(), /horaires de l’événement/);
    const crowded = await t.postForm(o('/creneaux'), organiser, series);
    assert.equal(crowded.status, 422, 'three members at once in a location for two');
    assert.match(await crowded.text(), /accueille 2 rendez-vous à la fois/);
    const members = await t.db
      .selectFrom('meeting_stand_member')
      .select(['id', 'name'])
      .where('stand_id', '=', standId)
      .orderBy('name')
      .execute();
    const made = await t.postForm(o('/creneaux'), organiser, { ...series, membre: members[0]!.id });
    assert.equal(made.status, 303);
    // Every 20 minutes from 15:00 to 16:30, 20 minutes each: 15:00, 15:20, 15:40, 16:00.
    const slots = await t.db
      .selectFrom('meeting_slot')
      .select(['starts_at'])
      .where('stand_id', '=', standId)
      .orderBy('starts_at')
      .execute();
    assert.deepEqual(
      slots.map((s) => s.starts_at),
      [
        '2023-01-18T14:00:00.000Z',
        '2023-01-18T14:20:00.000Z',
        '2023-01-18T14:40:00.000Z',
        '2023-01-18T15:00:00.000Z',
      ],
    );
    const overlap = await t.postForm(o('/creneaux'), organiser, {
      ...series,
      membre: members[0]!.id,
      debut: '15:10',
      fin: '15:30',
    });
    assert.match(await overlap.text(), /a déjà un créneau qui chevauche/);
    assert.equal(
      (await t.postForm(o('/creneaux'), organiser, { ...series, membre: members[1]!.id, capacite: '3' }))
        .status,
      303,
    );
    const page = await (await t.get(`${o('/creneaux')}?stand=${standId}`, organiser)).text();
    assert.match(page, /0 \/ 3/);
  });

  test('a stand member answers requests, marks themselves unavailable, and their agenda prints', async () => {
    const stand = await t.db
      .selectFrom('meeting_stand')
      .select('id')
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    const alix = await t.db
      .selectFrom('meeting_stand_member')
      .select(['id', 'email'])
      .where('name', '=', 'Alix Leroy')
      .executeTakeFirstOrThrow();
    const slots = await t.db
      .selectFrom('meeting_slot')
      .select('id')
      .where('member_id', '=', alix.id)
      .orderBy('starts_at')
      .execute();
    const [a, b] = await registerPeople(t.db, eventId, 2);
    const emailOf = async (id: string) =>
      (await t.db.selectFrom('registration').select('email').where('id', '=', id).executeTakeFirstOrThrow())
        .email;
    const space = `/evenements/${eventId}/rencontres`;
    // Two participants ask through their access links.
    const ask = async (registration: string, slot: string) => {
      const s = await t.visitor(space);
      await t.postForm(`${space}/acces`, s, { email: await emailOf(registration) });
      const [link] = await t.linksIn(await emailOf(registration), 'rencontre-acces-participant');
      await t.get(link!, s);
      const res = await t.postForm(`${space}/stands/${stand.id}/reserver`, s, { creneau: slot });
      assert.equal(locationOf(res), `${space}/mon-agenda?message=demande`);
    };
    await ask(a!, slots[0]!.id);
    await ask(b!, slots[1]!.id);
    // The member logs in with the address the organiser gave: their agenda.
    const member = await t.signIn({ email: alix.email });
    const agenda = await (await t.get(`${space}/equipe`, member)).text();
    assert.match(agenda, /Demandes à traiter/);
    const ids = await t.db
      .selectFrom('meeting_booking')
      .select(['id', 'registration_id'])
      .where('stand_id', '=', stand.id)
      .execute();
    const of = (r: string) => ids.find((i) => i.registration_id === r)!.id;
    assert.equal(
      locationOf(await t.postForm(`${space}/equipe/demandes/${of(a!)}/accepter`, member)),
      `${space}/equipe?message=accepte`,
    );
    assert.equal(
      locationOf(
        await t.postForm(`${space}/equipe/demandes/${of(b!)}/refuser`, member, { motif: 'Déjà pris' }),
      ),
      `${space}/equipe?message=refuse`,
    );
    assert.deepEqual(
      (
        await t.db
          .selectFrom('outbox_message')
          .select('kind')
          .where('recipient', '=', await emailOf(b!))
          .execute()
      )
        .map((m) => m.kind)
        .sort(),
      ['rencontre-acces-participant', 'rencontre-participant-demande', 'rencontre-participant-refuse'],
    );
    // A stranger cannot answer for the stand.
    const stranger = await t.signIn({});
    const res = await t.postForm(`${space}/equipe/demandes/${of(a!)}/refuser`, stranger);
    assert.equal(locationOf(res), space, 'sent to the space, nothing changed');
    // Unavailable over a booked meeting: refused with the reason; over free slots: recorded.
    const busy = await t.postForm(`${space}/equipe/indisponibilites`, member, {
      membre: alix.id,
      jour: '2023-01-18',
      debut: '15:00',
      fin: '15:30',
    });
    assert.equal(busy.status, 422);
    assert.match(await busy.text(), /Vous avez un rendez-vous pendant cette période/);
    const free = await t.postForm(`${space}/equipe/indisponibilites`, member, {
      membre: alix.id,
      jour: '2023-01-18',
      debut: '15:40',
      fin: '16:20',
    });
    assert.equal(locationOf(free), `${space}/equipe?message=indisponible`);
    const standPage = await (await t.request(`${space}/stands/${stand.id}`)).text();
    assert.match(standPage, /15 h 40 – 16 h 00, Alix Leroy, Table ronde 1 : indisponible/);
    const pdf = await t.get(`${space}/equipe/agenda.pdf`, member);
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    const ics = await (await t.get(`${space}/equipe/agenda.ics`, member)).text();
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 1);
    // The sheet of the location lists the meeting.
    const location = await t.db
      .selectFrom('meeting_location')
      .select('id')
      .where('event_id', '=', eventId)
      .where('name', '=', 'Table ronde 1')
      .executeTakeFirstOrThrow();
    const sheet = await (await t.get(o(`/feuilles/${location.id}`), organiser)).text();
    assert.match(sheet, /Martin 0/);
    const sheetPdf = await t.get(o(`/feuilles/${location.id}.pdf`), organiser);
    assert.equal(sheetPdf.headers.get('content-type'), 'application/pdf');
    // A slot holding a meeting cannot be deleted; the member neither.
    const refused = await t.postForm(o(`/creneaux/${slots[0]!.id}/supprimer`), organiser);
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /a des rendez-vous/);
  });

  test('bad input on the organisers’ pages never reaches a 500', async () => {
    const requests: Array<[string, string, Record<string, string>?]> = [
      ['GET', o('/stands/inexistant')],
      ['GET', o('/feuilles/inexistant')],
      ['GET', o('/feuilles/inexistant.pdf')],
      ['GET', `${o('/creneaux')}?stand=${'%27'.repeat(20)}`],
      ['POST', o('/creneaux'), { stand: 'inexistant' }],
      ['POST', o('/creneaux'), {}],
      ['POST', o('/creneaux/inexistant/supprimer'), {}],
      ['POST', o('/lieux/inexistant/supprimer'), {}],
      ['POST', o('/stands/inexistant'), { nom: 'x' }],
      ['POST', o('/stands/inexistant/membres'), { email: 'a@b.fr', nom: 'A' }],
      ['POST', o('/stands/inexistant/supprimer'), {}],
      ['POST', o('/rendez-vous/inexistant/annuler'), {}],
      ['POST', o('/planification'), {}],
      ['POST', o('/planification/inexistant/publier'), {}],
      ['POST', o('/planification/inexistant/ecarter'), {}],
      [
        'POST',
        o('/reglages'),
        { mode: 'autre', choix: '-1', 'cloture-jour': '99/99/9999', 'cloture-heure': '99:99' },
      ],
      ['POST', o('/lieux'), { nom: 'x'.repeat(4000), capacite: '1e9' }],
    ];
    for (const [method, path, fields] of requests) {
      const res = method === 'GET' ? await t.get(path, organiser) : await t.postForm(path, organiser, fields);
      assert.ok(res.status < 500, `${method} ${path} → ${res.status}`);
    }
  });
});
