import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertEvent, insertRegistration } from '../backoffice/testing/factory.js';
import { type BackofficeTestApp, backofficeTestApp } from '../backoffice/testing/test-app.js';
import type { TestSession } from '../testing/standalone-events-app.js';

const EVENT = 'journee-2023';

describe('check-in over HTTP', () => {
  let t: BackofficeTestApp;
  let accueil: TestSession;
  let anne: Awaited<ReturnType<typeof insertRegistration>>;
  let paul: Awaited<ReturnType<typeof insertRegistration>>;
  let cancelled: Awaited<ReturnType<typeof insertRegistration>>;
  const page = `/organisation/evenements/${EVENT}/emargement`;

  before(async () => {
    t = await backofficeTestApp({ now: '2023-01-18T08:30:00.000Z' });
    await insertEvent(t.db, { id: EVENT });
    await insertEvent(t.db, { id: 'autre' });
    anne = await insertRegistration(t.db, { event_id: EVENT, given_name: 'Anne', family_name: 'Martin' });
    paul = await insertRegistration(t.db, {
      event_id: EVENT,
      given_name: 'Paul',
      family_name: 'Élie',
      profile: 'presse',
      organisation_name: 'Le Quotidien',
    });
    cancelled = await insertRegistration(t.db, {
      event_id: EVENT,
      given_name: 'Zoé',
      family_name: 'Annulée',
      status: 'annulee',
    });
    accueil = await t.signIn({ roles: [['accueil', `evenement:${EVENT}`]] });
  });
  after(() => t.close());

  const json = (path: string, session: TestSession, body: unknown) =>
    t.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('sends a visitor to login and refuses people without a role for this event', async () => {
    const res = await t.request(page);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/connexion/);
    const stranger = await t.signIn();
    assert.equal((await t.request(page, { headers: { cookie: stranger.cookie } })).status, 403);
    const elsewhere = await t.signIn({ roles: [['accueil', 'evenement:autre']] });
    assert.equal((await t.request(page, { headers: { cookie: elsewhere.cookie } })).status, 403);
    assert.equal(
      (await t.request(`${page}/donnees.json`, { headers: { cookie: elsewhere.cookie } })).status,
      403,
    );
  });

  it('shows accueil the check-in page, with the script and its data addresses, and no back-office links', async () => {
    const res = await t.request(page, { headers: { cookie: accueil.cookie } });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Émargement<\/h1>/);
    assert.match(html, /data-donnees="\/organisation\/evenements\/journee-2023\/emargement\/donnees.json"/);
    assert.match(html, /<script type="module" src="\/static\/app\/[0-9a-f]+\/checkin.js">/);
    assert.doesNotMatch(html, /Gestion de l’événement/);
    assert.match(html, /Paul Élie/); // the press list
    const organiser = await t.signIn({ roles: [['organisateur', `evenement:${EVENT}`]] });
    assert.match(
      await (await t.request(page, { headers: { cookie: organiser.cookie } })).text(),
      /Gestion de l’événement/,
    );
  });

  it('gives the device the public key and the confirmed attendees, never cached', async () => {
    const res = await t.request(`${page}/donnees.json`, { headers: { cookie: accueil.cookie } });
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const data = (await res.json()) as {
      clePublique: JsonWebKey;
      personnes: Array<{ id: string; name: string }>;
    };
    assert.equal(data.clePublique.crv, 'Ed25519');
    assert.equal(data.clePublique.d, undefined);
    assert.deepEqual(data.personnes.map((p) => p.name).sort(), ['Anne Martin', 'Paul Élie']);
  });

  it('counts a scan sent twice once, and a second person’s scan of the same badge as a duplicate', async () => {
    const scan = {
      id: randomUUID(),
      registrationId: anne.id,
      scannedAt: '2023-01-18T08:29:00.000Z',
      device: 'tablette-1',
    };
    const first = await json(`${page}/scans`, accueil, { scans: [scan] });
    assert.equal(first.status, 200);
    const body = (await first.json()) as {
      resultats: Array<{ etat: string; premier: string }>;
      compte: { arrived: number };
    };
    assert.equal(body.resultats[0]?.etat, 'enregistre');
    assert.equal(body.compte.arrived, 1);
    const resent = (await (await json(`${page}/scans`, accueil, { scans: [scan] })).json()) as typeof body;
    assert.equal(resent.resultats[0]?.etat, 'deja-recu');
    const other = { ...scan, id: randomUUID(), scannedAt: '2023-01-18T08:29:30.000Z', device: 'tablette-2' };
    const duplicate = (await (
      await json(`${page}/scans`, accueil, { scans: [other] })
    ).json()) as typeof body;
    assert.equal(duplicate.resultats[0]?.etat, 'deja-present');
    assert.equal(duplicate.resultats[0]?.premier, '2023-01-18T08:29:00.000Z');
    assert.equal(duplicate.compte.arrived, 1);
    const scans = await t.db.selectFrom('checkin_scan').select('id').execute();
    assert.equal(scans.length, 2);
  });

  it('refuses scans of cancelled or unknown registrations, and of another event', async () => {
    const other = await insertRegistration(t.db, { event_id: 'autre' });
    const res = (await (
      await json(`${page}/scans`, accueil, {
        scans: [cancelled.id, 'inconnue', other.id].map((registrationId) => ({
          id: randomUUID(),
          registrationId,
          scannedAt: '2023-01-18T08:31:00.000Z',
          device: 'tablette-1',
        })),
      })
    ).json()) as { resultats: Array<{ etat: string }> };
    assert.deepEqual(
      res.resultats.map((r) => r.etat),
      ['non-confirmee', 'inconnu', 'inconnu'],
    );
  });

  it('answers malformed batches with a 400 in French, never a 500, and requires the CSRF header', async () => {
    for (const body of [
      '{',
      '[]',
      { scans: 'x' },
      { scans: [{ id: 'pas-un-uuid', registrationId: anne.id, scannedAt: 'hier', device: 'x' }] },
    ]) {
      const res = await json(`${page}/scans`, accueil, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(((await res.json()) as { erreur: string }).erreur, /./);
    }
    const noHeader = await t.request(`${page}/scans`, {
      method: 'POST',
      headers: { cookie: accueil.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ scans: [] }),
    });
    assert.equal(noHeader.status, 403);
  });

  it('reports the arrivals other devices sent since a server time', async () => {
    const res = await t.request(`${page}/arrivees.json?depuis=2023-01-18T08:00:00.000Z`, {
      headers: { cookie: accueil.cookie },
    });
    const body = (await res.json()) as { arrivees: Array<{ registrationId: string }>; heureServeur: string };
    assert.deepEqual(
      body.arrivees.map((a) => a.registrationId),
      [anne.id],
    );
    const later = await t.request(`${page}/arrivees.json?depuis=${body.heureServeur}`, {
      headers: { cookie: accueil.cookie },
    });
    assert.deepEqual(((await later.json()) as typeof body).arrivees, []);
    assert.equal(
      (await t.request(`${page}/arrivees.json?depuis=n%27importe`, { headers: { cookie: accueil.cookie } }))
        .status,
      200,
    );
  });

  it('checks in without JavaScript: a badge typed in the form, a forged one, and the name search', async () => {
    const payload = await t.backoffice.badgeSigner.sign({
      registrationId: paul.id,
      eventId: EVENT,
      name: 'Paul Élie',
      profile: 'presse',
      mode: 'presentiel',
    });
    const ok = await t.postForm(`${page}/badge`, accueil, { badge: payload });
    assert.equal(ok.status, 303);
    const location = ok.headers.get('location') ?? '';
    assert.match(location, /etat=enregistre/);
    assert.match(
      await (await t.request(location, { headers: { cookie: accueil.cookie } })).text(),
      /Paul Élie : arrivée enregistrée/,
    );
    const again = await t.postForm(`${page}/badge`, accueil, { badge: payload });
    assert.match(again.headers.get('location') ?? '', /etat=deja-present/);
    const [v, , sig] = payload.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ r: cancelled.id, e: EVENT, n: 'X', p: 'presse', m: 'presentiel' }),
    ).toString('base64url');
    const forged = await t.postForm(`${page}/badge`, accueil, { badge: `${v}.${forgedBody}.${sig}` });
    assert.match(forged.headers.get('location') ?? '', /etat=invalide/);
    const empty = await t.postForm(`${page}/badge`, accueil, { badge: '' });
    assert.match(empty.headers.get('location') ?? '', /etat=vide/);
    const otherEvent = await t.backoffice.badgeSigner.sign({
      registrationId: 'x',
      eventId: 'autre',
      name: 'X',
      profile: 'autre',
      mode: 'presentiel',
    });
    assert.match(
      (await t.postForm(`${page}/badge`, accueil, { badge: otherEvent })).headers.get('location') ?? '',
      /etat=autre-evenement/,
    );

    const search = await t.request(`${page}?q=martin`, { headers: { cookie: accueil.cookie } });
    const html = await search.text();
    assert.match(html, /Anne Martin/);
    assert.match(html, /Arrivé à/);
    const nobody = await t.request(`${page}?q=${encodeURIComponent('<script>')}`, {
      headers: { cookie: accueil.cookie },
    });
    assert.match(await nobody.text(), /Aucune personne attendue ne correspond à « &lt;script&gt; »/);
    const late = await insertRegistration(t.db, {
      event_id: EVENT,
      given_name: 'Léa',
      family_name: 'Moreau',
    });
    const hand = await t.postForm(`${page}/presence`, accueil, { inscription: late.id, q: 'moreau' });
    assert.match(hand.headers.get('location') ?? '', /etat=enregistre.*q=moreau/);
  });

  it('serves the service worker beside the page, whatever the session', async () => {
    const res = await t.request(`/organisation/evenements/${EVENT}/emargement-sw.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    const code = await res.text();
    assert.match(code, /'\/static\/app\/[0-9a-f]+\/'/);
    assert.doesNotMatch(code, /__APP_PREFIX__|__DSFR_PREFIX__/);
  });
});
