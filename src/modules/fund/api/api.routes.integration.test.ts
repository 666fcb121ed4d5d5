import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../../adapters/db/connect.js';
import { fixedClock } from '../../../ports/clock.js';
import { loadTerritories } from '../../territories/index.js';
import { standaloneFundPublicApp } from '../testing/public-app.js';
import { insertTestLaureats } from '../testing/public-factory.js';
import { searchFixture } from '../testing/public-fixtures.js';

const FIXTURE = searchFixture(45);

/** The open data API over HTTP (SQLite; the search behind it has its own contract suite on both databases). */
describe('API /api/v1', () => {
  let db: DatabaseHandle;
  let request: (path: string, init?: RequestInit) => Promise<Response>;
  before(async () => {
    db = await freshDatabase('sqlite');
    await loadTerritories(db.db);
    await insertTestLaureats(db.db, 'sqlite', FIXTURE);
    const { app } = standaloneFundPublicApp({
      db: db.db,
      dialect: 'sqlite',
      clock: fixedClock('2023-01-20'),
    });
    request = async (path, init) => app.request(path, init);
  });
  after(() => db?.close());

  const json = async (path: string, status = 200) => {
    const res = await request(path);
    assert.equal(res.status, status, path);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the API sent.
    return (await res.json()) as any;
  };

  it('lists lauréats with facets as codes, and pages through all of them with the cursor', async () => {
    const first = await json('/api/v1/laureats?limite=10&tri=montant');
    assert.equal(first.total, 45);
    assert.equal(first.resultats.length, 10);
    assert.equal(first.resultats[0].url, `/laureats/${first.resultats[0].referenceDecision}`);
    const seen: string[] = first.resultats.map((r: { referenceDecision: string }) => r.referenceDecision);
    let next: string | null = first.suivant;
    while (next) {
      const page = await json(next);
      seen.push(...page.resultats.map((r: { referenceDecision: string }) => r.referenceDecision));
      next = page.suivant;
    }
    assert.equal(new Set(seen).size, 45);
    const amounts = seen.map((id) => FIXTURE.find((l) => l.id === id)!.amountEur);
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a),
    );

    const filtered = await json('/api/v1/laureats?departement=38,2A&statut=livre&statut=en-cours');
    const expected = FIXTURE.filter(
      (l) => ['38', '2A'].includes(l.departementCode ?? '') && ['livre', 'en-cours'].includes(l.status),
    );
    assert.equal(filtered.total, expected.length);
    assert.equal(filtered.facettes.statut.livre, expected.filter((l) => l.status === 'livre').length);
    const bySiren = await json('/api/v1/laureats?siren=213801855&limite=100');
    assert.equal(bySiren.total, FIXTURE.filter((l) => l.porteurSiren === '213801855').length);
  });

  it('answers 304 to a matching If-None-Match, for lists and single lauréats', async () => {
    for (const path of [
      '/api/v1/laureats?statut=livre',
      `/api/v1/laureats/${FIXTURE[0]!.id}`,
      '/api/v1/dispositifs',
    ]) {
      const res = await request(path);
      const etag = res.headers.get('etag');
      assert.ok(etag, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const again = await request(path, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
    }
  });

  it('refuses bad parameters with a 400 and French messages, never a 500', async () => {
    const cases: Array<[string, string]> = [
      ['limite=101', 'limite'],
      ['limite=0', 'limite'],
      ['limite=abc', 'limite'],
      ['statut=termine', 'statut'],
      ['departement=999x', 'departement'],
      ['commune=grenoble', 'commune'],
      ['siren=12', 'siren'],
      ['tri=prix', 'tri'],
      ['curseur=abc', 'curseur'],
      ['annee=21', 'annee'],
      ['couleur=bleu', 'couleur'],
      ['pres=38185', 'pres'],
      ['pres_de=38185&rayon=lune', 'rayon'],
      ['pres_de=38185&rayon=15', 'rayon'],
      ['pres_de=38185&rayon=-5', 'rayon'],
      ['rayon=10', 'rayon'],
      ['pres_de=Grenoble', 'pres_de'],
      ['pres_de=99999', 'pres_de'],
      ['pres_de=38185&pres_de_libelle=Grenoble', 'pres_de_libelle'],
    ];
    for (const [qs, param] of cases) {
      const body = await json(`/api/v1/laureats?${qs}`, 400);
      assert.equal(body.erreur, 'Paramètres invalides.');
      assert.ok(
        body.details.some((d: { parametre: string }) => d.parametre === param),
        `${qs}: ${JSON.stringify(body.details)}`,
      );
    }
    const other = await json('/api/v1/laureats?limite=5&tri=date');
    const cursorOfDate = other.curseurSuivant as string;
    const wrongSort = await json(`/api/v1/laureats?tri=montant&curseur=${cursorOfDate}`, 400);
    assert.match(wrongSort.details[0].message, /curseur/);
    for (const qs of ['q=%00%22%27', `q=${'x'.repeat(3000)}`, 'theme=', 'page=1', 'q=NEAR(a b)']) {
      const res = await request(`/api/v1/laureats?${qs}`);
      assert.ok(res.status === 200 || res.status === 400, `${qs}: ${res.status}`);
    }
  });

  it('« pres_de » and « rayon »: the lauréats within reach, their distance, and the count per distance', async () => {
    // Grenoble (38185) and Saint-Martin-d’Hères (38421) are 3 to 4 km apart; the fixture's other communes
    // (Bordeaux, Rennes, L’Abergement-Clémenciat, Ajaccio) are more than 100 km from Grenoble.
    const within = FIXTURE.filter((l) => ['38185', '38421'].includes(l.territoryKey ?? ''));
    const body = await json('/api/v1/laureats?pres_de=38185&rayon=5&limite=100');
    assert.equal(body.total, within.length);
    assert.deepEqual(
      body.resultats.map((r: { referenceDecision: string }) => r.referenceDecision).sort(),
      within.map((l) => l.id).sort(),
    );
    for (const r of body.resultats) assert.ok(r.distanceKm >= 0 && r.distanceKm < 5, JSON.stringify(r));
    assert.equal(body.facettes.rayon['5'], within.length);
    assert.equal(body.facettes.rayon['100'], within.length);
    // The total for each distance is what choosing it gives.
    const wider = await json('/api/v1/laureats?pres_de=38185&rayon=100&limite=1');
    assert.equal(wider.total, body.facettes.rayon['100']);
    // A former INSEE code leads to the current commune (01340, Ambléon, merged into Arboys en Bugey).
    const former = await json('/api/v1/laureats?pres_de=01340&rayon=5');
    assert.equal(former.total, 0);
    const doc = await json('/api/v1/openapi.json');
    const params = doc.paths['/api/v1/laureats'].get.parameters.map((p: { name: string }) => p.name);
    assert.ok(params.includes('pres_de') && params.includes('rayon'));
    const rayon = doc.paths['/api/v1/laureats'].get.parameters.find(
      (p: { name: string }) => p.name === 'rayon',
    );
    assert.deepEqual(rayon.schema.enum, [5, 10, 20, 50, 100]);
  });

  it('one lauréat, 404 in JSON for an unknown one or an unknown address', async () => {
    const one = await json(`/api/v1/laureats/${FIXTURE[3]!.id}`);
    assert.equal(one.objet, FIXTURE[3]!.title);
    assert.equal(one.resume, FIXTURE[3]!.summary);
    assert.match((await json('/api/v1/laureats/inconnu', 404)).erreur, /Aucun lauréat/);
    assert.match((await json('/api/v1/nulle-part', 404)).erreur, /Adresse inconnue/);
  });

  it('dispositifs with their dated rules', async () => {
    const body = await json('/api/v1/dispositifs');
    const axe2 = body.resultats.find((d: { code: string }) => d.code === 'axe-2');
    assert.deepEqual(
      axe2.regles.map((r: { enVigueurDepuis: string }) => r.enVigueurDepuis),
      ['2021-01-25', '2021-10-01'],
    );
    assert.equal(axe2.operateur, 'DINUM');
  });

  it('serves an OpenAPI 3.1 description whose references resolve and whose parameters are the API’s', async () => {
    const doc = await json('/api/v1/openapi.json');
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.info.title && doc.info.version);
    for (const [path, item] of Object.entries<Record<string, { responses: object; operationId: string }>>(
      doc.paths,
    )) {
      assert.match(path, /^\/api\/v1\//);
      for (const op of Object.values(item)) {
        assert.ok(op.operationId, path);
        assert.ok(Object.keys(op.responses).length > 0, path);
      }
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(8, -1).replace(/^#\//, '').split('/');
      const found = target.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        doc,
      );
      assert.ok(found, ref);
    }
    const params = doc.paths['/api/v1/laureats'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of [
      'q',
      'dispositif',
      'theme',
      'region',
      'departement',
      'commune',
      'epci',
      'siren',
      'type',
      'population',
      'montant',
      'statut',
      'annee',
      'tri',
      'limite',
      'curseur',
    ]) {
      assert.ok(params.includes(name), name);
    }
    // Every documented parameter is accepted.
    for (const name of params) {
      const res = await request(`/api/v1/laureats?${name}=`);
      assert.equal(res.status, 200, name);
    }
  });
});
