import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../adapters/db/connect.js';
import { fixedClock } from '../../ports/clock.js';
import { loadTerritories } from '../territories/index.js';
import { standaloneFundPublicApp } from './testing/public-app.js';
import { insertTestLaureats, testLaureat } from './testing/public-factory.js';
import { searchFixture } from './testing/public-fixtures.js';

const clock = fixedClock('2023-01-20T10:00:00.000Z');
const FIXTURE = [
  ...searchFixture(60),
  testLaureat({
    id: 'isere-salle',
    title: 'Salle sur demande',
    summary: 'Les habitants réservent les salles du Département en ligne.',
    dispositifCode: 'axe-2',
    porteurKind: 'departement',
    porteurSiren: '223800015',
    porteurName: 'Département de l’Isère',
    territoryKey: 'departement-38',
    communeCode: null,
    population: 1_270_000,
    amountEur: 350_000,
    totalCostEur: 500_000,
    filedOn: '2021-11-02',
    decidedOn: '2022-01-15',
    coporteurs: [{ siren: '213801855', name: 'Commune de Grenoble' }],
    siteUrl: 'https://salles.example.fr',
    sourceUrl: 'javascript:alert(1)',
    outputs: 'Un logiciel libre de réservation.',
    demonstration: true,
  }),
];

/** The fund's public pages over HTTP (SQLite, with the real COG for territory pages and « à moins de N km »). */
describe('Fund public routes', () => {
  let db: DatabaseHandle;
  let request: (path: string, init?: RequestInit) => Promise<Response>;
  before(async () => {
    db = await freshDatabase('sqlite');
    await loadTerritories(db.db, { clock });
    await insertTestLaureats(db.db, 'sqlite', FIXTURE);
    const { app } = standaloneFundPublicApp({ db: db.db, dialect: 'sqlite', clock });
    request = async (path, init) => app.request(path, init);
  });
  after(() => db?.close());

  const page = async (path: string) => {
    const res = await request(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.equal(html.match(/<h1[ >]/g)?.length, 1, `${path}: one h1`);
    assert.match(html, /class="fr-breadcrumb"/);
    return html;
  };

  it('/laureats: every facet with counts, chosen values checked, removable tags, pagination keeping the state', async () => {
    const html = await page('/laureats?q=salles&statut=livre&statut=en-cours&region=84&tri=montant');
    for (const legend of [
      'Dispositif',
      'Thème',
      'Région',
      'Département',
      'Type de porteur',
      'Population du porteur',
      'Montant accordé',
      'Statut',
      'Année de décision',
    ]) {
      assert.ok(html.includes(legend), legend);
    }
    assert.match(
      html,
      /<input type="checkbox" id="filtre-statut-livre" name="statut" value="livre" checked=""/,
    );
    assert.match(html, /Livré \(\d+\)/);
    assert.match(html, /value="salles"/);
    assert.match(
      html,
      /href="\/laureats\?q=salles&amp;region=84&amp;statut=en-cours&amp;tri=montant" aria-label="Retirer le filtre Statut : Livré"/,
    );
    assert.match(html, /<option value="montant" selected/);
    const all = await page('/laureats');
    assert.match(all, /61 lauréats/);
    assert.match(all, /href="\/laureats\?page=2"/);
    assert.match(all, /aria-current="page"/);
  });

  it('/laureats: « à moins de N km » keeps the porteurs within reach, counts each distance, says what it did', async () => {
    // Saint-Martin-d’Hères (38421) touches Grenoble (3 to 4 km between their centres); the Isère's chef-lieu
    // is Grenoble; every other place of the fixture is over 100 km away.
    const near = FIXTURE.filter((l) => ['38185', '38421', 'departement-38'].includes(l.territoryKey ?? ''));
    const html = await page('/laureats?pres_de_libelle=Grenoble&rayon=5');
    assert.match(html, new RegExp(`${near.length} lauréats`));
    assert.match(html, /À moins de 5 km de Grenoble \(38\)/);
    assert.match(html, /name="pres_de" value="38185"/);
    assert.match(
      html,
      new RegExp(
        `id="rayon-5" name="rayon" value="5" checked=""[^>]*>\\s*<label class="fr-label" for="rayon-5">5 km \\(${near.length}\\)`,
      ),
    );
    assert.match(html, new RegExp(`for="rayon-20">20 km \\(${near.length}\\)`));
    assert.match(html, /— à 0,0 km/);
    // The tag that removes it leads to the same search without it.
    assert.match(
      html,
      /href="\/laureats"[^>]*aria-label="Retirer le filtre À moins de 5 km de Grenoble \(38\)"/,
    );
    const byCode = await page('/laureats?pres_de=38185&rayon=5&statut=livre');
    const delivered = near.filter((l) => l.status === 'livre').length;
    assert.match(byCode, new RegExp(`${delivered} lauréats?|Aucun lauréat`));
    assert.match(byCode, new RegExp(`for="rayon-5">5 km \\(${delivered}\\)`));
    const none = await page('/laureats?pres_de_libelle=Zzzzzz');
    assert.match(none, /Aucune commune ne correspond à « Zzzzzz »/);
    assert.match(none, /61 lauréats/);
  });

  it('garbage in the query string never reaches a 500', async () => {
    for (const qs of [
      'page=-1',
      'page=abc&tri=%00',
      'statut=%E2%80%AE&statut=',
      'q=%22%2A%3A%26%7C%21',
      `q=${'a'.repeat(5000)}`,
      'theme[]=x&departement=ZZ',
      'curseur=%%%',
      'pres_de=99999&rayon=mars',
      'pres_de=2A004&rayon=-5',
      'rayon=100000',
      'pres_de_libelle=%00&rayon=5',
      'commune=abc&epci=1&siren=x',
      'page=1e308',
    ]) {
      const res = await request(`/laureats?${qs}`);
      assert.equal(res.status, 200, qs);
    }
  });

  it('/laureats/<id>: porteur linked to its territory, co-porteurs, rule in force when filed, demonstration badge', async () => {
    const html = await page('/laureats/isere-salle');
    assert.match(html, /<h1>Salle sur demande<\/h1>/);
    assert.match(html, /href="\/territoires\/departement-38">Département de l’Isère/);
    assert.match(html, /Commune de Grenoble \(SIREN 213\s801\s855\)/);
    assert.match(html, /Version du 1er octobre 2021/);
    assert.match(html, /Données de démonstration/);
    assert.match(html, /350\s000\s€/);
    assert.match(html, /70\s%/);
    assert.match(html, /href="https:\/\/salles.example.fr"/);
    assert.doesNotMatch(html, /href="javascript:/);
    assert.equal((await request('/laureats/inconnu')).status, 404);
  });

  it('/dispositifs and /dispositifs/<code>: operators, envelopes, dated rules, links to the search', async () => {
    const list = await page('/dispositifs');
    assert.match(list, /DINUM/);
    assert.match(list, /href="\/laureats\?dispositif=axe-2"/);
    const axe2 = await page('/dispositifs/axe-2');
    assert.match(axe2, /25 janvier 2021/);
    assert.match(axe2, /1er octobre 2021/);
    assert.match(axe2, /500\s000 habitants/);
    assert.equal((await request('/dispositifs/axe-9')).status, 404);
  });

  it('territory pages show what was financed there, with a link to the filtered search', async () => {
    const commune = await (await request('/territoires/38185')).text();
    const count = FIXTURE.filter((l) => l.territoryKey === '38185').length;
    assert.match(commune, /Ce qui a été financé ici/);
    assert.match(commune, new RegExp(`${count} projets financés`));
    assert.match(commune, /href="\/laureats\?commune=38185"/);
    const dep = await (await request('/territoires/departement-38')).text();
    assert.match(dep, /href="\/laureats\?departement=38"/);
    const epci = await (await request('/territoires/200040715')).text();
    assert.match(epci, /href="\/laureats\?epci=200040715"/);
    const empty = await (await request('/territoires/departement-974')).text();
    assert.match(empty, /Aucun projet financé par le fonds/);
  });

  it('/donnees documents the dataset: columns, licence, formats, API', async () => {
    const html = await page('/donnees');
    for (const text of [
      'nomAttribuant',
      'pourcentageSubvention',
      'codeSource',
      'Licence Ouverte',
      '/donnees/laureats.csv',
      '/donnees/laureats.xlsx',
      '/api/v1/openapi.json',
    ]) {
      assert.ok(html.includes(text), text);
    }
  });
});
