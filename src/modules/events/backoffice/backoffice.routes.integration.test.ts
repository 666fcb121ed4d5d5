import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestSession } from '../testing/standalone-events-app.js';
import { insertEvent, insertRegistration } from './testing/factory.js';
import { type BackofficeTestApp, backofficeTestApp } from './testing/test-app.js';

const EVENT = 'journee-2023';
const base = `/organisation/evenements/${EVENT}`;

describe('the organisers’ back office over HTTP', () => {
  let t: BackofficeTestApp;
  let organiser: TestSession;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await backofficeTestApp();
    await insertEvent(t.db, { id: EVENT });
    await insertEvent(t.db, { id: 'autre' });
    const add = async (key: string, o: Parameters<typeof insertRegistration>[1]) => {
      ids[key] = (await insertRegistration(t.db, o)).id;
    };
    await add('anne', {
      event_id: EVENT,
      given_name: 'Anne',
      family_name: 'Martin',
      email: 'anne@grenoble.fr',
    });
    await add('eric', {
      event_id: EVENT,
      given_name: 'Éric',
      family_name: 'Lefèvre',
      status: 'validation',
      profile: 'elu-collectivite',
      organisation_name: '=HYPERLINK("http://x")',
      collectivite_key: 'departement-38',
    });
    await add('lina', {
      event_id: EVENT,
      given_name: 'Lina',
      family_name: 'Benali',
      status: 'validation',
      mode: 'distance',
      collectivite_key: null,
      profile: 'autre',
      organisation_name: 'Préfecture',
    });
    await add('noe', {
      event_id: EVENT,
      given_name: 'Noé',
      family_name: 'Petit',
      status: 'attente',
      created_at: '2022-12-11T10:00:00.000Z',
    });
    await add('other', {
      event_id: 'autre',
      given_name: 'Autre',
      family_name: 'Événement',
      status: 'validation',
    });
    organiser = await t.signIn({ roles: [['organisateur', `evenement:${EVENT}`]] });
  });
  after(() => t.close());

  const get = (path: string, session: TestSession = organiser) =>
    t.request(path, { headers: { cookie: session.cookie } });

  it('sends a visitor to login and refuses accueil and other events’ organisers everywhere', async () => {
    const pages = [
      '/inscriptions',
      '/inscriptions/attente',
      '/inscriptions/statistiques',
      '/inscriptions/export.csv',
      '/inscriptions/export.xlsx',
      '/inscriptions/badges.pdf',
      '/courriels',
    ];
    const accueil = await t.signIn({ roles: [['accueil', `evenement:${EVENT}`]] });
    const elsewhere = await t.signIn({ roles: [['organisateur', 'evenement:autre']] });
    for (const p of pages) {
      const anonymous = await t.request(base + p);
      assert.equal(anonymous.status, 303, p);
      assert.match(anonymous.headers.get('location') ?? '', /^\/connexion/, p);
      assert.equal((await get(base + p, accueil)).status, 403, p);
      assert.equal((await get(base + p, elsewhere)).status, 403, p);
    }
    assert.equal(
      (await t.postForm(`${base}/inscriptions/lot`, accueil, { ids: ids.eric!, action: 'approuver' })).status,
      403,
    );
    const admin = await t.signIn({ roles: ['administrateur'] });
    assert.equal((await get(`${base}/inscriptions`, admin)).status, 200);
    assert.equal((await get('/organisation/evenements/inconnu/inscriptions', admin)).status, 404);
  });

  it('lists, filters and searches without regard to accents, and ignores unknown filter values', async () => {
    const all = await (await get(`${base}/inscriptions`)).text();
    assert.match(all, /4 inscriptions correspondent/);
    assert.doesNotMatch(all, /Autre Événement/);
    const pending = await (await get(`${base}/inscriptions?statut=validation`)).text();
    assert.match(pending, /2 inscriptions correspondent/);
    const search = await (await get(`${base}/inscriptions?q=lefevre`)).text();
    assert.match(search, /1 inscription correspond/);
    assert.match(search, /Éric/);
    assert.match(await (await get(`${base}/inscriptions?q=prefecture`)).text(), /Lina/);
    assert.match(await (await get(`${base}/inscriptions?mode=distance`)).text(), /1 inscription correspond/);
    assert.match(
      await (await get(`${base}/inscriptions?collectivite=departement`)).text(),
      /1 inscription correspond/,
    );
    assert.match(
      await (await get(`${base}/inscriptions?collectivite=none`)).text(),
      /1 inscription correspond/,
    );
    const junk = await get(
      `${base}/inscriptions?statut=%00&profil=x&page=-3&territoire=';drop&q=${'x'.repeat(500)}`,
    );
    assert.equal(junk.status, 200);
  });

  it('approves and refuses in bulk through the registration engine; a refusal needs its reason', async () => {
    const noReason = await t.postForm(
      `${base}/inscriptions/lot`,
      organiser,
      new URLSearchParams([
        ['ids', ids.eric!],
        ['ids', ids.lina!],
        ['action', 'refuser'],
        ['motif', ''],
      ]),
    );
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /Indiquez le motif du refus/);
    const nothing = await t.postForm(`${base}/inscriptions/lot`, organiser, { action: 'approuver' });
    assert.equal(nothing.status, 400);
    assert.match(await nothing.text(), /Cochez au moins une inscription/);

    const approve = await t.postForm(
      `${base}/inscriptions/lot`,
      organiser,
      new URLSearchParams([
        ['ids', ids.eric!],
        ['ids', ids.anne!],
        ['ids', ids.other!],
        ['action', 'approuver'],
        ['retour', '?statut=validation'],
      ]),
    );
    assert.equal(approve.status, 303);
    const location = approve.headers.get('location') ?? '';
    assert.match(location, /statut=validation/);
    assert.match(location, /fait=approuver%3A1%3A0%3A2/);
    assert.match(await (await get(location)).text(), /1 inscription approuvée, 2 déjà traitées/);
    const refuse = await t.postForm(
      `${base}/inscriptions/lot`,
      organiser,
      new URLSearchParams([
        ['ids', ids.lina!],
        ['action', 'refuser'],
        ['motif', 'Public non concerné.'],
      ]),
    );
    assert.match(refuse.headers.get('location') ?? '', /fait=refuser%3A1%3A0%3A0/);
    const rows = await t.db.selectFrom('registration').select(['id', 'status', 'refusal_reason']).execute();
    const status = Object.fromEntries(rows.map((r) => [r.id, r]));
    assert.equal(status[ids.eric!]?.status, 'confirmee');
    assert.equal(status[ids.lina!]?.status, 'refusee');
    assert.equal(status[ids.lina!]?.refusal_reason, 'Public non concerné.');
    assert.equal(status[ids.other!]?.status, 'validation', 'another event’s registration is never touched');
  });

  it('shows the waiting lists in order and the statistics as tables', async () => {
    const waiting = await (await get(`${base}/inscriptions/attente`)).text();
    assert.match(waiting, /Noé Petit/);
    const stats = await (await get(`${base}/inscriptions/statistiques`)).text();
    assert.match(stats, /<caption>Inscriptions par profil<\/caption>/);
    assert.match(stats, /<th scope="row">Agent de collectivité territoriale<\/th>/);
    assert.match(stats, /<caption>Inscriptions par type de collectivité<\/caption>/);
  });

  it('exports CSV (BOM, semicolons, formulas defused) and XLSX, with the filters', async () => {
    const csv = await get(`${base}/inscriptions/export.csv`);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      csv.headers.get('content-disposition') ?? '',
      /attachment; filename="journee-2023-inscriptions-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.match(text, /^Nom;Prénom;Adresse électronique;/);
    assert.match(text, /'=HYPERLINK/);
    assert.equal(text.trim().split('\r\n').length, 5);
    const filtered = await (await get(`${base}/inscriptions/export.csv?statut=refusee`)).text();
    assert.equal(filtered.trim().split('\r\n').length, 2);

    const xlsx = await get(`${base}/inscriptions/export.xlsx?q=martin`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Inscriptions');
    assert.equal(sheet?.getRow(1).getCell(1).value, 'Nom');
    assert.equal(sheet?.getRow(2).getCell(1).value, 'Martin');
    assert.equal(sheet?.rowCount, 2);
  });

  it('prints A6 badges of confirmed in-person registrations', async () => {
    const res = await get(`${base}/inscriptions/badges.pdf`);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdf.toString('latin1');
    assert.equal(text.match(/\/Type \/Page\n/g)?.length, 2); // Anne and Éric, confirmed in person
    assert.match(text, /\/MediaBox \[0 0 297\.64 419\.53\]/);
    const none = Buffer.from(
      await (await get(`${base}/inscriptions/badges.pdf?statut=attente`)).arrayBuffer(),
    );
    assert.equal(none.toString('latin1').match(/\/Type \/Page\n/g)?.length, 1);
  });

  it('lists the event’s e-mails with their state, and resends only this event’s', async () => {
    const page = await (await get(`${base}/courriels`)).text();
    assert.match(page, /Courriels de l’événement/);
    const mine = await t.db
      .selectFrom('outbox_message')
      .select(['id', 'recipient'])
      .where(
        'recipient',
        '=',
        (
          await t.db
            .selectFrom('registration')
            .select('email')
            .where('id', '=', ids.lina!)
            .executeTakeFirstOrThrow()
        ).email,
      )
      .executeTakeFirstOrThrow();
    assert.match(page, new RegExp(mine.recipient));
    const resend = await t.postForm(`${base}/courriels/${mine.id}/renvoyer`, organiser);
    assert.equal(resend.status, 303);
    assert.match(resend.headers.get('location') ?? '', /fait=(relance|copie)/);
    const other = await t.signIn({ roles: [['organisateur', 'evenement:autre']] });
    assert.equal(
      (await t.postForm(`/organisation/evenements/autre/courriels/${mine.id}/renvoyer`, other)).status,
      404,
    );
    assert.equal((await t.postForm(`${base}/courriels/inconnu/renvoyer`, organiser)).status, 404);
    assert.equal((await get(`${base}/courriels?page=abc`)).status, 200);
  });
});
