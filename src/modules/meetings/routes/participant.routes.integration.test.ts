import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { type MeetingsTestApp, meetingsTestApp } from '../testing/app.js';
import { addLaureat, createForum, type Forum, registerPeople } from '../testing/factory.js';

describe('the participants’ pages over HTTP', () => {
  let t: MeetingsTestApp;
  let forum: Forum;
  let emails: string[];
  before(async () => {
    t = await meetingsTestApp({ database: freshDatabase });
    forum = await createForum(t.db, {
      stands: 2,
      membersPerStand: 2,
      slotsPerMember: 3,
      space: { per_person_limit: 2 },
    });
    await registerPeople(t.db, forum.eventId, 3);
    await registerPeople(t.db, forum.eventId, 1, { mode: 'distance', email: 'a.distance@example.fr' });
    emails = (
      await t.db
        .selectFrom('registration')
        .select('email')
        .where('event_id', '=', forum.eventId)
        .where('mode', '=', 'presentiel')
        .orderBy('family_name')
        .execute()
    ).map((r) => r.email);
  });
  after(() => t.close());

  const space = () => `/evenements/${forum.eventId}/rencontres`;

  /** A participant's browser: a visitor's session that followed the link of their access e-mail. */
  async function participant(email: string) {
    const session = await t.visitor(space());
    const sent = await t.postForm(`${space()}/acces`, session, { email });
    assert.equal(sent.status, 303);
    const [link] = await t.linksIn(email, 'rencontre-acces-participant');
    const opened = await t.get(link!, session);
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.get('location'), `${space()}/mon-agenda`);
    return session;
  }

  test('a visitor sees the stands and the way in, not a booking form', async () => {
    const res = await t.request(space());
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal(html.match(/<h1/g)?.length, 1);
    assert.match(html, /Stand 1/);
    assert.match(html, /Recevoir mon lien/);
    const stand = await (await t.request(`${space()}/stands/${forum.stands[0]!.id}`)).text();
    assert.match(stand, /Pour réserver, accédez à votre espace/);
    assert.doesNotMatch(stand, /name="creneau"/);
  });

  test('asking for a link: a French error on a bad address, the same answer for a known and an unknown one', async () => {
    const session = await t.visitor(space());
    const bad = await t.postForm(`${space()}/acces`, session, { email: 'pas-une-adresse' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Saisissez une adresse électronique valide/);
    assert.match(html, /value="pas-une-adresse"/);
    const unknown = await t.postForm(`${space()}/acces`, session, { email: 'inconnu@example.fr' });
    const known = await t.postForm(`${space()}/acces`, session, { email: emails[0]! });
    assert.equal(unknown.status, 303);
    assert.equal(known.headers.get('location'), unknown.headers.get('location'));
    const toUnknown = await t.db
      .selectFrom('outbox_message')
      .select('id')
      .where('recipient', '=', 'inconnu@example.fr')
      .execute();
    assert.equal(toUnknown.length, 0);
  });

  test('booking, the replay, the agenda with its .ics and PDF, then cancelling', async () => {
    const session = await participant(emails[0]!);
    const standId = forum.stands[0]!.id;
    const slotId = forum.stands[0]!.members[0]!.slots[0]!;
    const page = await (await t.get(`${space()}/stands/${standId}`, session)).text();
    assert.match(page, new RegExp(`value="${slotId}"`));
    const missing = await t.postForm(`${space()}/stands/${standId}/reserver`, session, { sujet: 'Les API' });
    assert.equal(missing.status, 422);
    const missingHtml = await missing.text();
    assert.match(missingHtml, /Choisissez un créneau\./);
    assert.match(missingHtml, /Les API/, 'the topic typed is kept');
    const forged = await t.postForm(`${space()}/stands/${standId}/reserver`, session, {
      creneau: forum.stands[1]!.members[0]!.slots[0]!,
    });
    assert.equal(forged.status, 422, 'a slot of another stand is not bookable here');
    const booked = await t.postForm(`${space()}/stands/${standId}/reserver`, session, {
      creneau: slotId,
      sujet: 'Les API',
    });
    assert.equal(booked.status, 303);
    assert.equal(booked.headers.get('location'), `${space()}/mon-agenda?message=confirme`);
    const replay = await t.postForm(`${space()}/stands/${standId}/reserver`, session, { creneau: slotId });
    assert.equal(replay.headers.get('location'), `${space()}/mon-agenda?message=deja`);
    const agenda = await (await t.get(`${space()}/mon-agenda?message=confirme`, session)).text();
    assert.match(agenda, /Votre rendez-vous est confirmé/);
    assert.match(agenda, /15 h 00 – 15 h 15/);
    const ics = await t.get(`${space()}/mon-agenda.ics`, session);
    assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
    const icsText = await ics.text();
    assert.match(icsText, /BEGIN:VEVENT/);
    assert.match(icsText, /DTSTART:20230118T140000Z/);
    const pdf = await t.get(`${space()}/mon-agenda.pdf`, session);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    // Same time at the other stand: refused with the reason on the field.
    const clash = await t.postForm(`${space()}/stands/${forum.stands[1]!.id}/reserver`, session, {
      creneau: forum.stands[1]!.members[0]!.slots[0]!,
    });
    assert.equal(clash.status, 422);
    assert.match(await clash.text(), /déjà un rendez-vous à cette heure-là/);
    const bookingId = (
      await t.db
        .selectFrom('meeting_booking')
        .select('id')
        .where('slot_id', '=', slotId)
        .executeTakeFirstOrThrow()
    ).id;
    const cancelled = await t.postForm(`${space()}/rendez-vous/${bookingId}/annuler`, session);
    assert.equal(cancelled.headers.get('location'), `${space()}/mon-agenda?message=annule`);
    const again = await t.postForm(`${space()}/rendez-vous/${bookingId}/annuler`, session);
    assert.equal(again.headers.get('location'), `${space()}/mon-agenda?message=deja-traite`);
    const memberMail = await t.linksIn(forum.stands[0]!.members[0]!.email, 'rencontre-membre-annule');
    assert.equal(memberMail.length, 1, 'the member is told, with a link to their agenda');
  });

  test('the cancellation link of an e-mail: a confirmation page, then the meeting is cancelled once', async () => {
    const session = await participant(emails[1]!);
    const standId = forum.stands[1]!.id;
    const slotId = forum.stands[1]!.members[1]!.slots[2]!;
    await t.postForm(`${space()}/stands/${standId}/reserver`, session, { creneau: slotId });
    const links = await t.linksIn(emails[1]!, 'rencontre-participant-confirme');
    const cancel = links.find((l) => l.startsWith('/rencontres/annulation/'))!;
    const anyone = await t.visitor(cancel);
    const page = await (await t.get(cancel, anyone)).text();
    assert.match(page, /Annuler ce rendez-vous \?/);
    const done = await t.postForm(cancel, anyone);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Le rendez-vous est annulé/);
    const twice = await t.postForm(cancel, anyone);
    assert.match(await twice.text(), /n’est plus prévu/);
    const slot = await t.db
      .selectFrom('meeting_slot')
      .select('booked')
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    assert.equal(slot.booked, 0);
  });

  test('a participant whose organisation’s projects share a stand’s themes sees it suggested, with why', async () => {
    await t.db
      .updateTable('registration')
      .set({ organisation_siren: '213801855' })
      .where('email', '=', emails[2]!)
      .execute();
    await addLaureat(t.db, { siren: '213801855', themes: ['cooperation', 'donnees-ouvertes'] });
    const html = await (await t.get(space(), await participant(emails[2]!))).text();
    assert.match(html, /Stands suggérés pour vous/);
    assert.match(
      html,
      /Vos projets financés par le fonds portent sur « Coopération avec les partenaires et usagers »/,
    );
    const stranger = await (await t.get(space(), await participant(emails[1]!))).text();
    assert.doesNotMatch(stranger, /Stands suggérés pour vous/);
  });

  test('a remote participant cannot book; nobody can book a slot of the past', async () => {
    const session = await participant('a.distance@example.fr');
    const html = await (await t.get(`${space()}/stands/${forum.stands[0]!.id}`, session)).text();
    assert.match(html, /réservés aux participants inscrits en présentiel/);
    const res = await t.postForm(`${space()}/stands/${forum.stands[0]!.id}/reserver`, session, {
      creneau: forum.stands[0]!.members[1]!.slots[1]!,
    });
    assert.equal(res.status, 422);
  });

  test('bad input never reaches a 500', async () => {
    const session = await participant(emails[2]!);
    const standId = forum.stands[0]!.id;
    const requests: Array<[string, string, Record<string, string>?]> = [
      ['GET', '/evenements/INCONNU/rencontres'],
      ['GET', '/evenements/inconnu/rencontres'],
      ['GET', `${space()}/stands/inexistant`],
      ['GET', `${space()}/stands/${'x'.repeat(400)}`],
      ['GET', `${space()}?theme=${'%00'.repeat(10)}`],
      ['GET', '/rencontres/acces/court'],
      ['GET', `/rencontres/acces/${'A'.repeat(43)}`],
      ['GET', `/rencontres/annulation/${'A'.repeat(43)}`],
      ['POST', `/rencontres/annulation/${'A'.repeat(43)}`, {}],
      [
        'POST',
        `${space()}/stands/${standId}/reserver`,
        { creneau: "'; DROP TABLE meeting_slot; --", sujet: 'x'.repeat(5000) },
      ],
      ['POST', `${space()}/stands/${standId}/reserver`, { creneau: forum.slots[0]!, sujet: 'x'.repeat(600) }],
      ['POST', `${space()}/rendez-vous/inexistant/annuler`, {}],
      ['POST', `${space()}/acces`, { email: 'x'.repeat(3000) }],
      ['POST', `${space()}/classement`, { 'choix-1': 'inexistant' }],
      ['GET', `${space()}/classement`],
      ['GET', `${space()}/equipe`],
      ['POST', `${space()}/equipe/indisponibilites`, { membre: 'x', jour: '31/02/2023', debut: '25:00' }],
      ['POST', `${space()}/equipe/demandes/inexistant/accepter`, {}],
      ['POST', `${space()}/equipe/demandes/inexistant/refuser`, { motif: 'x'.repeat(2000) }],
      ['POST', `${space()}/equipe/rendez-vous/inexistant/annuler`, {}],
      ['POST', `${space()}/equipe/indisponibilites/inexistant/supprimer`, {}],
      ['GET', `${space()}/equipe/agenda.ics`],
      ['GET', `${space()}/equipe/agenda.pdf`],
      ['GET', `${space()}/mon-agenda.ics`],
      ['GET', `${space()}/mon-agenda.pdf`],
      ['GET', '/rencontres'],
    ];
    for (const [method, path, fields] of requests) {
      const res = method === 'GET' ? await t.get(path, session) : await t.postForm(path, session, fields);
      assert.ok(res.status < 500, `${method} ${path.slice(0, 80)} → ${res.status}`);
    }
    const repeated = new URLSearchParams([
      ['_csrf', session.csrf],
      ['creneau', forum.slots[0]!],
      ['creneau', forum.slots[1]!],
    ]);
    const res = await t.request(`${space()}/stands/${standId}/reserver`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: repeated.toString(),
    });
    assert.ok(res.status < 500, `repeated fields → ${res.status}`);
  });
});
