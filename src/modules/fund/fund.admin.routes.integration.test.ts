import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loggedIn, postForm } from '../../../test/helpers/accounts.js';
import { csvFile, goodLine, SIREN } from './testing/files.js';
import { type FundTestPlatform, fundTestPlatform } from './testing/fund-platform.js';

type Session = Awaited<ReturnType<typeof loggedIn>>;

describe('The operators’ pages of the fund', () => {
  let t: FundTestPlatform;
  let axe2: Session;
  let admin: Session;
  before(async () => {
    t = await fundTestPlatform('sqlite');
    axe2 = await loggedIn(t, { roles: [['operateur', 'dispositif:axe-2']] });
    admin = await loggedIn(t, { roles: ['administrateur'] });
  });
  after(() => t.close());

  const get = (path: string, s?: Session) => t.request(path, { headers: s ? { cookie: s.cookie } : {} });
  const upload = (s: Session, bytes: Uint8Array | null, name = 'laureats.csv') => {
    const form = new FormData();
    form.set('_csrf', s.csrf);
    if (bytes) form.set('fichier', new File([Buffer.from(bytes)], name, { type: 'text/csv' }));
    return t.request('/admin/fonds/import', { method: 'POST', headers: { cookie: s.cookie }, body: form });
  };
  const keyOf = (html: string) => /name="cle" value="([^"]+)"/.exec(html)?.[1];
  const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

  test('a visitor is sent to log in, an agent and an organiser get a 403', async () => {
    const visitor = await get('/admin/fonds/import');
    assert.equal(visitor.status, 303);
    assert.equal(visitor.headers.get('location'), '/connexion?retour=%2Fadmin%2Ffonds%2Fimport');
    const agent = await loggedIn(t);
    assert.equal((await get('/admin/fonds', agent)).status, 403);
    const organiser = await loggedIn(t, { roles: ['organisateur'] });
    const refused = await get('/admin/fonds/laureats', organiser);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Vous n’avez pas accès à cette page/);
  });

  test('an operator sees their dispositifs only, with their rule versions', async () => {
    const res = await get('/admin/fonds', axe2);
    assert.equal(res.status, 200);
    const html = main(await res.text());
    assert.equal(html.match(/<h1/g)?.length, 1);
    assert.match(html, /Axe 2 — Grands projets/);
    assert.doesNotMatch(html, /Axe 3 —/);
    assert.match(html, /01\/10\/2021/);
    assert.doesNotMatch(html, /style=/);
  });

  test('a dry run shows each line an axe 2 operator may not import, and offers no confirmation', async () => {
    const res = await upload(
      axe2,
      csvFile([goodLine(), goodLine({ identifiant: 'AX3', dispositif: 'axe-3' })]),
    );
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /dispositif axe-3 hors de votre périmètre \(vous gérez : axe-2\)/);
    assert.match(html, /<td>3<\/td><td>dispositif<\/td><td>axe-3<\/td>/);
    assert.match(html, /Rien n’a été importé/);
    assert.equal(keyOf(html), undefined);
    assert.equal(await t.fund.repo.countLaureats(), 0);
  });

  test('bad uploads get a French answer, never a 500', async () => {
    const cases: Array<[string, Uint8Array | null, string, number, RegExp]> = [
      ['no file', null, 'x.csv', 400, /Choisissez un fichier CSV ou XLSX à envoyer/],
      ['an empty file', new Uint8Array(0), 'vide.csv', 200, /fichier vide/],
      [
        'an image',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
        'photo.png',
        200,
        /format non reconnu/,
      ],
      [
        'a zip',
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]),
        'archive.xlsx',
        200,
        /ce classeur XLSX est illisible/,
      ],
      ['no header', Buffer.from('a;b\n1;2\n'), 'a.csv', 200, /format non reconnu/],
      [
        'a strange name',
        csvFile([goodLine()], { columns: ['objet'] }),
        '../../etc/\u0007passwd.csv',
        200,
        /Essai de passwd\.csv/,
      ],
    ];
    for (const [name, bytes, fileName, status, pattern] of cases) {
      const res = await upload(axe2, bytes, fileName);
      assert.equal(res.status, status, name);
      assert.match(await res.text(), pattern, name);
    }
  });

  test('confirming applies the file kept at the dry run, once, audited with the operator’s name', async () => {
    const dry = await upload(
      axe2,
      csvFile([goodLine(), goodLine({ identifiant: 'DINUM-2', objet: 'Données' })]),
    );
    const html = await dry.text();
    assert.match(html, /2 lauréats à créer/);
    assert.match(html, /Confirmer l’import/);
    const cle = keyOf(html)!;
    // Another operator of axe 2 cannot confirm it: the kept file is its sender’s.
    const other = await loggedIn(t, { roles: [['operateur', 'dispositif:axe-2']] });
    const stolen = await postForm(t, '/admin/fonds/import/confirmer', other, { cle });
    assert.equal(stolen.status, 400);
    assert.equal(await t.fund.repo.countLaureats(), 0);

    const confirmed = await postForm(t, '/admin/fonds/import/confirmer', axe2, { cle });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/admin/fonds/import');
    assert.match(await (await get('/admin/fonds/import', axe2)).text(), /Import terminé/);
    assert.equal(await t.fund.repo.countLaureats(), 2);
    const again = await postForm(t, '/admin/fonds/import/confirmer', axe2, { cle });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /Cet essai n’est plus disponible/);
    const audit = await t.accounts.repo.listAudit({ action: 'laureats-importes', limit: 5, offset: 0 });
    assert.equal(audit.items[0]?.actorId, axe2.id);
    assert.equal(audit.items[0]?.details.crees, 2);

    const same = await upload(
      axe2,
      csvFile([goodLine(), goodLine({ identifiant: 'DINUM-2', objet: 'Données' })]),
    );
    assert.match(await same.text(), /Rien à importer/);
  });

  test('a dry run that would now do something else is shown again, not applied', async () => {
    const dry = await upload(axe2, csvFile([goodLine({ identifiant: 'CHG-1', montant: '1000' })]));
    const cle = keyOf(await dry.text())!;
    await t.fund.importLaureats(csvFile([goodLine({ identifiant: 'CHG-1', montant: '2000' })]), 'autre.csv', {
      dryRun: false,
    });
    const res = await postForm(t, '/admin/fonds/import/confirmer', axe2, { cle });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Les données ont changé depuis l’essai/);
    assert.notEqual(keyOf(html), cle);
    assert.equal((await t.fund.repo.findLaureat('CHG-1'))?.amountEur, 2000);
  });

  test('a model file and, past 500 problems, the full list of rejections as CSV', async () => {
    const model = await get('/admin/fonds/import/modele.csv', axe2);
    assert.equal(model.headers.get('content-type'), 'text/csv; charset=utf-8');
    // Read as bytes: Response.text() drops the BOM that Excel needs.
    const text = Buffer.from(await model.arrayBuffer()).toString('utf8');
    assert.match(text, /^\uFEFFidentifiant;dispositif;idBeneficiaire;/);
    const bad = Array.from({ length: 501 }, (_, i) => goodLine({ identifiant: `M-${i}`, montant: 'douze' }));
    const html = await (await upload(axe2, csvFile(bad))).text();
    const link = /href="(\/admin\/fonds\/import\/[^"]+\/rejets\.csv)"/.exec(html)?.[1];
    assert.ok(link);
    const list = Buffer.from(await (await get(link, axe2)).arrayBuffer()).toString('utf8');
    assert.equal(list.trim().split('\r\n').length, 502);
    assert.match(list, /^\uFEFFligne;colonne;valeur;motif\r\n2;montant;douze;montant n’est pas un nombre/);
    assert.equal((await get(link, admin)).status, 404, 'the list is its sender’s');
  });

  describe('the edit form', () => {
    const path = '/admin/fonds/laureats/FORM-1';
    before(async () => {
      await t.fund.importLaureats(
        csvFile([
          goodLine({ identifiant: 'FORM-1' }),
          goodLine({ identifiant: 'FORM-3', dispositif: 'axe-3', nomAttribuant: '' }),
        ]),
        'form.csv',
        { dryRun: false },
      );
    });

    const fields = async (s: Session) => {
      const html = await (await get(path, s)).text();
      const values: Record<string, string> = {};
      for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) values[m[1]!] = m[2]!;
      for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
        values[m[1]!] = m[2]!;
      for (const m of html.matchAll(
        /<select[^>]*name="([^"]+)"[^>]*>[\s\S]*?<option value="([^"]*)" selected/g,
      ))
        values[m[1]!] = m[2]!;
      delete values.themes;
      return values;
    };

    test('shows the lauréat’s values; another dispositif’s lauréat is refused; an unknown one is not found', async () => {
      const res = await get(path, axe2);
      assert.equal(res.status, 200);
      const values = await fields(axe2);
      assert.equal(values.montant, '150000');
      assert.equal(values.dateConvention, '20/01/2022');
      assert.equal(values.idBeneficiaire, SIREN.grenobleMetropole);
      assert.equal((await get('/admin/fonds/laureats/FORM-3', axe2)).status, 403);
      assert.equal((await get('/admin/fonds/laureats/absent', axe2)).status, 404);
    });

    test('errors are on their fields, tied by aria-describedby, and what was typed is kept', async () => {
      const values = await fields(axe2);
      const res = await postForm(t, path, axe2, {
        ...values,
        montant: 'douze',
        dateConvention: '31/02/2022',
        site: 'salles.example.fr',
        idBeneficiaire: '123',
        objet: '',
      });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /Le formulaire contient 5 erreurs/);
      assert.match(html, /id="champ-montant-erreur">Le montant n’est pas un nombre\.</);
      assert.match(html, /aria-describedby="champ-montant-aide champ-montant-erreur"/);
      assert.match(html, /value="douze"/);
      assert.match(html, /Date impossible : 31\/02\/2022\./);
      assert.match(
        html,
        /Adresse web invalide : salles\.example\.fr \(elle doit commencer par https:\/\/\)\./,
      );
      assert.match(html, /SIREN inconnu ou invalide\./);
      assert.match(html, /Saisissez l’objet du projet\./);
      assert.equal((await t.fund.repo.findLaureat('FORM-1'))?.amountEur, 150_000);
    });

    test('an operator cannot move a lauréat out of their dispositif', async () => {
      const res = await postForm(t, path, axe2, { ...(await fields(axe2)), dispositif: 'axe-3' });
      assert.equal(res.status, 400);
      assert.match(await res.text(), /Dispositif axe-3 hors de votre périmètre \(vous gérez : axe-2\)\./);
    });

    test('saving is audited with the fields that changed; a stale form is refused', async () => {
      const values = await fields(axe2);
      const res = await postForm(t, path, axe2, {
        ...values,
        montant: '140 000',
        statut: 'livre',
        themes: 'usage-donnee',
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${path}?fait=enregistre`);
      const saved = await t.fund.repo.findLaureat('FORM-1');
      assert.deepEqual(
        [saved?.amountEur, saved?.status, saved?.themes],
        [140_000, 'livre', ['usage-donnee']],
      );
      const audit = await t.accounts.repo.listAudit({ action: 'laureat-modifie', limit: 5, offset: 0 });
      assert.deepEqual(audit.items[0]?.details, {
        changements: {
          themes: { avant: 'dematerialisation-demarches|franceconnect-api', apres: 'usage-donnee' },
          montant: { avant: 150_000, apres: 140_000 },
          statut: { avant: 'en-cours', apres: 'livre' },
        },
      });
      assert.equal(audit.items[0]?.targetId, 'FORM-1');
      const stale = await postForm(t, path, axe2, { ...values, montant: '1' });
      assert.equal(stale.status, 400);
      assert.match(await stale.text(), /a été modifié par quelqu’un d’autre/);
      assert.match(await (await get(`${path}?fait=enregistre`, axe2)).text(), /Modifications enregistrées/);
    });
  });
});
