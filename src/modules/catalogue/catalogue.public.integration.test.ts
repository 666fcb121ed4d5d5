import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../../../test/helpers/accounts.js';
import { testPlatform } from '../../../test/helpers/platform.js';
import { insertTestCatalogue, searchFixture } from './testing/factory.js';

type T = Awaited<ReturnType<typeof testPlatform>>;
const FIXTURE = searchFixture(45);
const PUBLISHED = FIXTURE.solutions.filter((s) => s.status === 'publiee');

/** The public side over HTTP: the search page keeps its state in the address, the API, the open data files. */
describe('Catalogue public pages, API and open data', () => {
  let t: T;
  const json = async (path: string, status = 200) => {
    const res = await t.request(path);
    assert.equal(res.status, status, path);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    return res.json() as Promise<Record<string, unknown>>;
  };

  before(async () => {
    t = await testPlatform('sqlite');
    await t.territories.ensureLoaded();
    await insertTestCatalogue(t.database.db, 'sqlite', FIXTURE);
  });
  after(() => t?.close());

  it('/catalogue: facets with counts, chosen values checked, removable tags, links that keep the state', async () => {
    const res = await t.request('/catalogue?q=salle&maturite=production&theme=relation-usagers&tri=recent');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(
      html,
      /<input type="checkbox" id="filtre-maturite-production" name="maturite" value="production" checked=""/,
    );
    assert.match(html, /Maturité : En production/);
    assert.match(
      html,
      /href="\/catalogue\/carte\?q=salle&amp;theme=relation-usagers&amp;maturite=production&amp;tri=recent"/,
    );
    assert.match(html, /value="recent" selected=""/);
    const all = await (await t.request('/catalogue')).text();
    assert.match(all, new RegExp(`${PUBLISHED.length} solutions`));
    const map = await (await t.request('/catalogue/carte?departement=38')).text();
    assert.match(map, /Organisations utilisant ces solutions, par département/);
    assert.match(map, /<caption>Organisations utilisant ces solutions, par département<\/caption>/);
  });

  it('/api/v1/solutions: filters, facets, cursor pages, ETag, errors in French', async () => {
    const first = await json('/api/v1/solutions?limite=10&tri=recent');
    assert.equal(first.total, PUBLISHED.length);
    assert.equal((first.resultats as unknown as unknown[]).length, 10);
    const facettes = first.facettes as unknown as Record<string, Record<string, number>>;
    assert.ok(facettes.maturite && facettes.licence && facettes.departement);
    const ids: string[] = [];
    let next: string | null = '/api/v1/solutions?limite=10&tri=recent';
    while (next) {
      const page = (await json(next)) as unknown as {
        resultats: Array<{ identifiant: string }>;
        suivant: string | null;
      };
      ids.push(...page.resultats.map((r) => r.identifiant));
      next = page.suivant;
    }
    assert.deepEqual(
      ids,
      [...PUBLISHED]
        .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!) || (a.id < b.id ? -1 : 1))
        .map((s) => s.id),
    );
    const res = await t.request('/api/v1/solutions?maturite=production');
    const etag = res.headers.get('etag')!;
    assert.equal(
      (await t.request('/api/v1/solutions?maturite=production', { headers: { 'if-none-match': etag } }))
        .status,
      304,
    );
    const bad = await json('/api/v1/solutions?maturite=pas-une&inconnu=1&curseur=xyz', 400);
    assert.deepEqual(
      (bad.details as unknown as Array<{ parametre: string }>).map((d) => d.parametre).sort(),
      ['curseur', 'inconnu', 'maturite'],
    );
    const one = await json(`/api/v1/solutions/${PUBLISHED[0]!.id}`);
    assert.equal(one.identifiant, PUBLISHED[0]!.id);
    assert.ok(Array.isArray(one.utilisateurs));
    assert.match(String((await json('/api/v1/solutions/inconnue', 404)).erreur), /Aucune solution/);
    assert.match(String((await json('/api/v1/solutions/a/b', 404)).erreur), /Adresse inconnue/);
    const draft = FIXTURE.solutions.find((s) => s.status === 'brouillon')!;
    await json(`/api/v1/solutions/${draft.id}`, 404);
  });

  it('the OpenAPI description documents /api/v1/solutions, and its references resolve', async () => {
    const doc = (await json('/api/v1/openapi.json')) as unknown as {
      paths: Record<string, { get: { parameters?: Array<{ name: string }> } }>;
    };
    const params = doc.paths['/api/v1/solutions']!.get.parameters!.map((p) => p.name);
    for (const name of [
      'q',
      'theme',
      'maturite',
      'licence',
      'adoption',
      'adoptant',
      'region',
      'departement',
      'pres',
      'tri',
      'curseur',
    ]) {
      assert.ok(params.includes(name), name);
    }
    for (const ref of JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []) {
      const found = ref
        .slice(8, -1)
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      assert.ok(found, ref);
    }
    for (const name of params)
      assert.equal((await t.request(`/api/v1/solutions?${name}=`)).status, 200, name);
  });

  it('open data: CSV with a BOM and « ; », the users’ file, JSON with the users, and an ETag', async () => {
    const csv = await t.request('/donnees/catalogue-solutions.csv');
    assert.equal(csv.status, 200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    assert.match(lines[0]!, /^identifiant;nom;probleme;/);
    assert.equal(lines.length, PUBLISHED.length + 1);
    const uses = await (await t.request('/donnees/catalogue-utilisations.csv')).text();
    const publishedIds = new Set(PUBLISHED.map((s) => s.id));
    assert.equal(
      uses.trim().split('\r\n').length,
      FIXTURE.uses.filter((u) => publishedIds.has(u.solutionId)).length + 1,
    );
    const all = (await (await t.request('/donnees/catalogue.json')).json()) as Array<{
      identifiant: string;
      utilisateurs: unknown[];
    }>;
    assert.equal(all.length, PUBLISHED.length);
    const withUsers = all.find((s) => s.utilisateurs.length > 0)!;
    assert.equal(
      withUsers.utilisateurs.length,
      FIXTURE.uses.filter((u) => u.solutionId === withUsers.identifiant).length,
    );
    const etag = csv.headers.get('etag')!;
    assert.equal(
      (await t.request('/donnees/catalogue-solutions.csv', { headers: { 'if-none-match': etag } })).status,
      304,
    );
    assert.match(await (await t.request('/catalogue/donnees')).text(), /nombreUtilisateurs/);
  });

  it('no entry point answers 500 to bad input', async () => {
    const agent = await loggedIn(t);
    const operator = await loggedIn(t, { roles: ['operateur'] });
    const long = 'x'.repeat(5_000);
    const gets = [
      `/catalogue?q=${long}&page=-1&limite=abc&tri=%00&theme=<script>&departement=9999&pres=${long}&portee=loin&siren=1`,
      '/catalogue?page=99999999999&q=%22*)%20OR%20NEAR(',
      '/catalogue/carte?region=xx&verification=peut-etre',
      `/catalogue/solutions/${long}`,
      '/catalogue/solutions/..%2F..%2Fetc/captures/x',
      '/catalogue/solutions/s-000/captures/..%2F..%2Fpasswd',
      '/catalogue/organisations/12345',
      '/catalogue/organisations/999999999',
      `/catalogue/solutions/s-000/contacter?organisation=${long}`,
      '/catalogue/solutions/s-000/utiliser?organisation=abc',
      '/catalogue/messages/inconnu/signaler',
      '/catalogue/solutions/inconnue/modifier',
      '/admin/catalogue?etat=nimporte&page=abc',
      '/admin/catalogue/solutions/inconnue',
      '/admin/catalogue/signalements?etat=x&page=-4',
      `/api/v1/solutions?limite=0&curseur=${long}&pres=abc`,
      '/api/v1/solutions?pres=99999',
    ];
    for (const who of [null, agent, operator]) {
      const headers = who ? { cookie: who.cookie } : undefined;
      for (const path of gets) {
        const res = await t.request(path, { headers });
        assert.ok(
          res.status < 500,
          `${who ? 'connecté' : 'visiteur'} GET ${path.slice(0, 80)} → ${res.status}`,
        );
      }
    }
    const posts: Array<[string, Record<string, string | string[]>]> = [
      [
        '/catalogue/proposer',
        { nom: long, themes: ['inconnu', long], mainteneurs: 'abc\n123 ; x', laureats: '../x' },
      ],
      [
        '/catalogue/solutions/s-000/utiliser',
        { mode: 'modifier', organisation: long, statut: 'peut-etre', depuis: '2022-13' },
      ],
      ['/catalogue/solutions/s-000/utiliser/retirer', { organisation: '' }],
      [
        '/catalogue/solutions/s-000/contacter',
        { objet: `a\r\nBcc: x@y.fr`, message: long.repeat(3), organisation: 'x' },
      ],
      ['/catalogue/solutions/s-000/signaler', { motif: long }],
      ['/catalogue/messages/inconnu/signaler', { motif: 'x' }],
      ['/catalogue/preferences', { perimetre: 'solution:../../', accepter: '1' }],
      ['/catalogue/solutions/s-000/modifier', { nom: '' }],
      ['/catalogue/solutions/s-000/etat', { transition: 'voler' }],
      ['/catalogue/solutions/s-000/captures', { capture: 'pas un fichier', alternative: long }],
      ['/catalogue/solutions/s-000/captures/inconnue/retirer', {}],
      ['/admin/catalogue/solutions/s-000/etat', { transition: 'refuser', 'motif-refuser': long }],
      ['/admin/catalogue/solutions/inconnue/verification', { verifiee: '1' }],
      ['/admin/catalogue/signalements/inconnu', { issue: 'traite', 'note-inconnu': 'x' }],
    ];
    for (const who of [agent, operator]) {
      for (const [path, fields] of posts) {
        const body = new URLSearchParams({ _csrf: who.csrf });
        for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
        const res = await t.request(path, {
          method: 'POST',
          headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        assert.ok(res.status < 500, `POST ${path} → ${res.status}`);
      }
    }
    const garbled = await t.request('/catalogue/solutions/s-000/captures', {
      method: 'POST',
      headers: {
        cookie: operator.cookie,
        'content-type': 'multipart/form-data; boundary=x',
        'x-csrf-token': operator.csrf,
      },
      body: '--x\r\nnot a part\r\n',
    });
    assert.ok(garbled.status < 500, `multipart → ${garbled.status}`);
  });
});
