import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../test/helpers/database.js';
import { createTerritoriesModule } from '../territories/index.js';
import { createRegistration } from './events.registration.js';
import { createEvent } from './registration/testing/factory.js';
import { outboxMailsTo } from './registration/testing/mails.js';
import { type StandaloneEventsApp, standaloneEventsApp } from './testing/standalone-events-app.js';

describe('registration pages over HTTP', () => {
  let t: StandaloneEventsApp;
  let eventId: string;
  before(async () => {
    t = await standaloneEventsApp({
      database: freshDatabase,
      routes: (ctx) =>
        createRegistration({
          ...ctx,
          publicUrl: 'http://localhost:3000',
          territories: createTerritoriesModule({ db: ctx.db, clock: ctx.clock }),
        }).routes,
    });
    eventId = await createEvent(t.db, {
      capacity_total: 1,
      sessions: [{ id: 'atelier-http', title: 'Atelier données', capacity: 5 }],
      questions: [{ id: 'regime', label: 'Régime alimentaire', kind: 'oui-non', required: true }],
    });
  });
  after(() => t.close());

  /** A visitor's session from the form page: cookie, CSRF token and idempotency key. */
  async function openForm(event = eventId) {
    const res = await t.request(`/evenements/${event}/inscription`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const cle = /name="cle" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { html, session: { id: '', email: '', cookie, csrf }, cle };
  }
  const valid = (cle: string, n: string) => ({
    cle,
    profil: 'sgar',
    prenom: 'Camille',
    nom: 'Martin',
    email: `http.${n}@example.fr`,
    organisation: 'SGAR Auvergne-Rhône-Alpes',
    mode: 'presentiel',
    q_regime: 'non',
    sessions: 'atelier-http',
  });

  test('the form is accessible markup: one h1, every field labelled, the privacy notice', async () => {
    const { html } = await openForm();
    assert.equal(html.match(/<h1/g)?.length, 1);
    assert.match(html, /Vos données personnelles/);
    assert.match(html, /href="\/evenements\/[^"]+\/accreditation"/);
    assert.match(
      html,
      /<title>Inscription à Journée Numérique &amp; Territoires — Numérique &amp; Territoires<\/title>/,
    );
  });

  test('bad input: 400, French errors on the fields, everything typed kept, never a 500', async () => {
    const { session, cle } = await openForm();
    const res = await t.postForm(`/evenements/${eventId}/inscription`, session, {
      cle,
      prenom: 'Zoé',
      email: 'pas-une-adresse',
      nom: '<script>',
      mode: 'ailleurs',
      sessions: 'forgee',
      q_regime: 'peut-etre',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Choisissez votre profil\./);
    assert.match(html, /Saisissez une adresse électronique valide/);
    assert.match(html, /value="Zoé"/);
    assert.match(html, /value="pas-une-adresse"/);
    assert.match(html, /value="&lt;script&gt;"/);
    assert.match(html, /aria-invalid="true"/);
    const bodies: Array<Record<string, string>> = [
      {},
      { cle, profil: 'x'.repeat(5000) },
      { cle: 'a.b', email: 'é'.repeat(300) },
    ];
    for (const body of bodies) {
      const r = await t.postForm(`/evenements/${eventId}/inscription`, session, body);
      assert.ok(r.status < 500, `statut ${r.status}`);
    }
  });

  test('a forged key is refused and changes nothing', async () => {
    const { session } = await openForm();
    const res = await t.postForm(
      `/evenements/${eventId}/inscription`,
      session,
      valid('AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', 'forge'),
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /rien n’a été enregistré/);
    const rows = await t.db
      .selectFrom('registration')
      .select('id')
      .where('email', '=', 'http.forge@example.fr')
      .execute();
    assert.equal(rows.length, 0);
  });

  test('register, replay, see the result, manage with the e-mailed link, download my sessions, cancel', async () => {
    const { session, cle } = await openForm();
    const first = await t.postForm(`/evenements/${eventId}/inscription`, session, valid(cle, 'un'));
    assert.equal(first.status, 303);
    const replay = await t.postForm(`/evenements/${eventId}/inscription`, session, valid(cle, 'un'));
    assert.equal(replay.headers.get('location'), first.headers.get('location'));
    const result = await t.request(first.headers.get('location') ?? '', {
      headers: { cookie: session.cookie },
    });
    assert.equal(result.status, 200);
    assert.match(await result.text(), /Votre inscription est confirmée/);
    const elsewhere = await t.request(first.headers.get('location') ?? '');
    assert.equal(elsewhere.status, 404, 'the result is only shown to the browser that registered');
    const [mail] = await outboxMailsTo(t.db, 'http.un@example.fr');
    assert.equal(mail?.kind, 'inscription-confirmee');
    const link =
      /http:\/\/localhost:3000(\/inscriptions\/[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
    const page = await t.request(link);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Atelier données/);
    const ics = await t.request(`${link}/mes-sessions.ics`);
    assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(await ics.text(), /SUMMARY:Atelier données/);
    const confirm = await t.request(`${link}/annuler`, { headers: { cookie: session.cookie } });
    assert.match(await confirm.text(), /Confirmer l’annulation/);
    // Post/redirect/get: each answer sends to the registration's page, which says what happened.
    const cancelled = await t.postForm(`${link}/annuler`, session);
    assert.equal(cancelled.status, 303);
    assert.equal(cancelled.headers.get('location'), `${link}?resultat=annulee`);
    const after = await t.request(cancelled.headers.get('location') ?? '');
    assert.match(await after.text(), /Votre inscription est annulée : votre place a été libérée/);
    const twice = await t.postForm(`${link}/annuler`, session);
    assert.equal(twice.headers.get('location'), `${link}?resultat=deja-annulee`);
    assert.match(await (await t.request(`${link}?resultat=deja-annulee`)).text(), /déjà annulée/);
    // A made-up outcome says nothing.
    assert.doesNotMatch(await (await t.request(`${link}?resultat=toString`)).text(), /fr-alert--/);
  });

  test('a freed seat offered by e-mail is accepted in one click, then the page says so; twice changes nothing', async () => {
    const small = await createEvent(t.db, { capacity_total: 1 });
    const register = async (n: string) => {
      const { session, cle } = await openForm(small);
      const { sessions: _s, q_regime: _q, ...form } = valid(cle, n);
      const res = await t.postForm(`/evenements/${small}/inscription`, session, form);
      assert.equal(res.status, 303);
      const [mail] = await outboxMailsTo(t.db, `http.${n}@example.fr`);
      return /http:\/\/localhost:3000(\/inscriptions\/[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
    };
    const first = await register('offre-1');
    const second = await register('offre-2');
    const session = (await openForm(small)).session;
    assert.equal((await t.postForm(`${first}/annuler`, session)).status, 303);
    const accepted = await t.postForm(`${second}/accepter`, session);
    assert.equal(accepted.status, 303);
    assert.equal(accepted.headers.get('location'), `${second}?resultat=acceptee`);
    const page = await (await t.request(`${second}?resultat=acceptee`)).text();
    assert.match(page, /Vous avez accepté la place proposée/);
    assert.match(page, /Inscription confirmée/);
    const again = await t.postForm(`${second}/accepter`, session);
    assert.equal(again.headers.get('location'), `${second}?resultat=aucune-offre`);
  });

  test('unknown links and logged-out « Mes inscriptions » get clear answers', async () => {
    assert.equal((await t.request('/inscriptions/nimportequoi')).status, 404);
    assert.equal((await t.request(`/inscriptions/${'a'.repeat(43)}/mes-sessions.ics`)).status, 404);
    assert.equal((await t.request('/evenements/inconnu/inscription')).status, 404);
    const mine = await t.request('/mes-inscriptions');
    assert.equal(mine.status, 303);
    assert.equal(mine.headers.get('location'), '/connexion?retour=%2Fmes-inscriptions');
  });

  test('a logged-in agent finds the form pre-filled and the registration in « Mes inscriptions »', async () => {
    const agent = await t.signIn({ email: 'agent.http@example.gouv.fr' });
    const form = await t.request(`/evenements/${eventId}/inscription`, { headers: { cookie: agent.cookie } });
    const html = await form.text();
    assert.match(html, /value="agent\.http@example\.gouv\.fr"/);
    const cle = /name="cle" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await t.postForm(`/evenements/${eventId}/inscription`, agent, {
      ...valid(cle, 'x'),
      email: 'agent.http@example.gouv.fr',
    });
    assert.equal(res.status, 303);
    const list = await t.request('/mes-inscriptions', { headers: { cookie: agent.cookie } });
    assert.match(await list.text(), /Journée Numérique &amp; Territoires/);
  });
});
