import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn, postForm } from '../../../test/helpers/accounts.js';
import { testPlatform } from '../../../test/helpers/platform.js';
import { REPORT_LIMITS } from './contact/contact.service.js';
import { insertTestCatalogue, testSolution, testUse } from './testing/factory.js';

type T = Awaited<ReturnType<typeof testPlatform>>;
type Session = Awaited<ReturnType<typeof loggedIn>>;

/**
 * Defects found in review, each with the test that showed it: what the open data files, the history, the
 * reports and the declaration form must not do.
 */
describe('Catalogue: privacy, limits and forms (review)', () => {
  let t: T;
  let agent: Session;
  const get = (path: string, who?: Session) =>
    t.request(path, who ? { headers: { cookie: who.cookie } } : undefined);

  before(async () => {
    t = await testPlatform('sqlite');
    await t.territories.ensureLoaded();
    await insertTestCatalogue(t.database.db, 'sqlite', {
      solutions: [
        testSolution({ id: 'formule', name: 'Formule' }),
        testSolution({ id: 'trois-usages', name: 'Trois usages' }),
        testSolution({ id: 'signalee', name: 'Signalée' }),
        testSolution({ id: 'sans-declaration', name: 'Sans déclaration' }),
      ],
      uses: [
        testUse('trois-usages', 'bordeaux'),
        testUse('trois-usages', 'rennes'),
        testUse('trois-usages', 'voiron', 'souhaite'),
      ],
    });
    agent = await loggedIn(t, { email: 'agente@grenoble.example.fr' });
  });
  after(() => t?.close());

  it('a declaration typed as a spreadsheet formula is defused in the CSV file, kept as typed in the JSON', async () => {
    const formula = '=HYPERLINK("https://piege.example","Cliquez")';
    const declared = await postForm(t, '/catalogue/solutions/formule/utiliser', agent, {
      mode: 'declarer',
      organisation: '213801855',
      statut: 'utilise',
      depuis: '2022-09',
      usage: formula,
      instance: '',
    });
    assert.equal(declared.status, 303);
    const csv = await (await get('/donnees/catalogue-utilisations.csv')).text();
    const line = csv.split('\r\n').find((l) => l.startsWith('formule;'));
    assert.ok(line, 'the declaration is in the CSV file');
    // csv-stringify quotes the cell (it holds quotes): the cell must start with an apostrophe, not « = ».
    assert.ok(line.includes(`"'=HYPERLINK(""https://piege.example"",""Cliquez"")"`), line);
    assert.ok(!line.includes(`;"=HYPERLINK`), line);
    const json = (await (await get('/donnees/catalogue.json')).json()) as Array<{
      identifiant: string;
      utilisateurs: Array<{ usage: string }>;
    }>;
    assert.equal(json.find((s) => s.identifiant === 'formule')?.utilisateurs[0]?.usage, formula);
  });

  it('the history shown to an author never shows a reviewer’s e-mail address, even one without a name', async () => {
    const author = await loggedIn(t, { email: 'autrice@grenoble.example.fr' });
    const reviewer = await loggedIn(t, { roles: ['operateur'], email: 'relecteur.sans.nom@example.gouv.fr' });
    await t.database.db
      .updateTable('person')
      .set({ given_name: null, usual_name: null })
      .where('id', '=', reviewer.id)
      .execute();
    await insertTestCatalogue(t.database.db, 'sqlite', {
      solutions: [
        testSolution({
          id: 'soumise',
          name: 'Soumise',
          status: 'soumise',
          authorId: author.id,
          publishedAt: null,
        }),
      ],
    });
    const refused = await postForm(t, '/admin/catalogue/solutions/soumise/etat', reviewer, {
      transition: 'refuser',
      'motif-refuser': 'Décrivez le problème résolu.',
    });
    assert.equal(refused.status, 303);
    const page = await get('/catalogue/solutions/soumise', author);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Historique éditorial/);
    assert.match(html, /Décrivez le problème résolu/);
    assert.ok(!html.includes('relecteur.sans.nom@example.gouv.fr'), 'the reviewer’s address is not shown');
    assert.match(html, /Une personne sans nom renseigné/);
  });

  it(`limits a person to ${REPORT_LIMITS.perHour} reports an hour, keeping the reason typed`, async () => {
    const reporter = await loggedIn(t);
    for (let i = 0; i < REPORT_LIMITS.perHour; i++) {
      const res = await postForm(t, '/catalogue/solutions/signalee/signaler', reporter, {
        motif: `Lien cassé n° ${i + 1}`,
      });
      assert.equal(res.status, 303, `report ${i + 1}`);
    }
    const refused = await postForm(t, '/catalogue/solutions/signalee/signaler', reporter, {
      motif: 'Encore un signalement',
    });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '3600');
    const html = await refused.text();
    assert.match(html, /beaucoup de signalements récemment/);
    assert.match(html, /Encore un signalement/);
    const stored = await t.database.db
      .selectFrom('catalogue_report')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('reporter_id', '=', reporter.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), REPORT_LIMITS.perHour);
    // Someone else still may.
    const other = await loggedIn(t);
    const theirs = await postForm(t, '/catalogue/solutions/signalee/signaler', other, {
      motif: 'Lien cassé',
    });
    assert.equal(theirs.status, 303);
  });

  it('a draft’s screenshot is never kept by a shared cache; a published one may be', async () => {
    await insertTestCatalogue(t.database.db, 'sqlite', {
      solutions: [
        testSolution({ id: 'brouillon-capture', status: 'brouillon', authorId: agent.id, publishedAt: null }),
      ],
    });
    const form = new FormData();
    form.set('_csrf', agent.csrf);
    form.set('alternative', 'Le calendrier des salles');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    form.set('capture', new Blob([png], { type: 'image/png' }), 'capture.png');
    const upload = await t.request('/catalogue/solutions/brouillon-capture/captures', {
      method: 'POST',
      headers: { cookie: agent.cookie },
      body: form,
    });
    assert.equal(upload.status, 303);
    const page = await (await get('/catalogue/solutions/brouillon-capture', agent)).text();
    const src = /<img[^>]+src="([^"]+)"/.exec(page)?.[1];
    assert.ok(src, 'the draft shows its screenshot to its author');
    const draft = await get(src, agent);
    assert.equal(draft.status, 200);
    assert.equal(draft.headers.get('cache-control'), 'private, no-store');
    await t.database.db
      .updateTable('solution')
      .set({ status: 'publiee', published_at: '2023-01-20T10:00:00.000Z' })
      .where('id', '=', 'brouillon-capture')
      .execute();
    const published = await get(src);
    assert.equal(published.status, 200);
    assert.match(published.headers.get('cache-control') ?? '', /^public/);
  });

  it('counts the organisations that wish to use a solution in a sentence that starts with a capital', async () => {
    const html = await (await get('/catalogue/solutions/trois-usages')).text();
    assert.match(html, /Utilisée par 2 organisations\. Une organisation souhaite l’utiliser\./);
  });

  it('a refused organisation is shown on the form, where the error summary’s link leads', async () => {
    const res = await postForm(t, '/catalogue/solutions/sans-declaration/utiliser', agent, {
      mode: 'modifier',
      organisation: '213801855',
      statut: 'utilise',
      depuis: '2022-09',
      usage: '',
      instance: '',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /href="#champ-organisation"/);
    assert.match(html, /id="champ-organisation"/);
    assert.match(html, /id="champ-organisation-erreur">Cette déclaration n’existe plus/);
  });
});
