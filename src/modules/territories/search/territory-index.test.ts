import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Territory, TerritoryAlias } from '../territories.domain.js';
import { buildTerritoryIndex } from './territory-index.js';

/** A territory with defaults; tests say only what matters to them. */
function t(over: Partial<Territory> & Pick<Territory, 'kind' | 'code' | 'name'>): Territory {
  return {
    siren: null,
    epciType: null,
    departementCode: null,
    regionCode: null,
    epciCode: null,
    communeCode: null,
    chefLieu: null,
    population: null,
    postcodes: [],
    zone: 'metro',
    ...over,
  };
}
const commune = (code: string, name: string, population: number, extra: Partial<Territory> = {}) =>
  t({
    kind: 'commune',
    code,
    name,
    population,
    departementCode: code.slice(0, 2),
    regionCode: '84',
    ...extra,
  });

const territories: Territory[] = [
  t({ kind: 'region', code: '84', name: 'Auvergne-Rhône-Alpes', population: 8_000_000 }),
  t({ kind: 'departement', code: '73', name: 'Savoie', regionCode: '84', population: 440_000 }),
  t({ kind: 'departement', code: '38', name: 'Isère', regionCode: '84', population: 1_270_000 }),
  t({ kind: 'departement', code: '74', name: 'Haute-Savoie', regionCode: '84', population: 840_000 }),
  commune('73001', 'Saint-Martin', 300),
  commune('74001', 'Saint-Martin', 900),
  commune('73002', 'Saint-Martin-de-Belleville', 2_500),
  commune('38185', 'Grenoble', 156_000, {
    postcodes: ['38000', '38100'],
    siren: '213801855',
    epciCode: '200040715',
  }),
  commune('38151', 'Échirolles', 37_000, { postcodes: ['38130'] }),
  commune('38002', 'Le Grand-Grenoble-Village', 50, { postcodes: ['38000'] }),
  commune('38003', 'Mont-Saint-Martin', 90),
  commune('38004', 'Notre-Dame-de-l’Isle', 40),
  commune('38005', 'Les Deux-Alpes', 2_000),
  t({
    kind: 'epci',
    code: '200040715',
    name: 'Grenoble-Alpes-Métropole',
    siren: '200040715',
    epciType: 'METRO',
    departementCode: '38',
    population: 450_000,
  }),
  t({
    kind: 'epci',
    code: '200000001',
    name: 'CC du Pays de Gex',
    epciType: 'CC',
    departementCode: '74',
    population: 100,
  }),
  t({
    kind: 'arrondissement',
    code: '38901',
    name: 'Grenoble 1er Arrondissement',
    communeCode: '38185',
    population: 1,
  }),
];
const aliases: TerritoryAlias[] = [
  { code: '38999', kind: 'ancien-code', name: null, communeCode: '38005' },
  { code: '38998', kind: 'commune-deleguee', name: 'Venosc', communeCode: '38005' },
  { code: '38005', kind: 'commune-deleguee', name: 'Les Deux-Alpes', communeCode: '38005' },
];
const index = buildTerritoryIndex({ territories, aliases });
const first = (q: string, kinds?: Territory['kind'][]) => index.search(q, { kinds })[0];
const labels = (q: string, limit = 10) => index.search(q, { limit }).map((s) => s.label);

describe('the picker’s index', () => {
  test('an exact name comes before a name starting with it, which comes before one containing it', () => {
    assert.deepEqual(labels('saint martin'), [
      'Saint-Martin (74 – Haute-Savoie)',
      'Saint-Martin (73 – Savoie)',
      'Saint-Martin-de-Belleville (73 – Savoie)',
      'Mont-Saint-Martin (38 – Isère)',
    ]);
    assert.deepEqual(
      index.search('saint martin').map((s) => s.match),
      ['exact', 'exact', 'prefix', 'substring'],
    );
  });

  test('homonyms are ranked by population and told apart by their département', () => {
    const [a, b] = index.search('Saint-Martin');
    assert.equal(a?.key, '74001');
    assert.equal(b?.label, 'Saint-Martin (73 – Savoie)');
  });

  test('accents, case, hyphens, apostrophes and “st” are ignored', () => {
    assert.equal(first('ECHIROLLES')?.name, 'Échirolles');
    assert.equal(first('st martin de belleville')?.code, '73002');
    assert.equal(first('notre dame de l isle')?.name, 'Notre-Dame-de-l’Isle');
    assert.equal(first("notre-dame-de-l'isle")?.match, 'exact');
  });

  test('words match in any order, and a commune’s département tells homonyms apart', () => {
    assert.equal(first('belleville saint')?.code, '73002');
    assert.equal(first('belleville saint')?.match, 'words');
    assert.deepEqual(
      index.search('saint martin savoie').map((s) => s.code),
      ['73002', '74001', '73001'], // Haute-Savoie holds the word too
    );
    assert.deepEqual(
      index.search('saint martin 74').map((s) => s.code),
      ['74001'],
    );
  });

  test('a postcode gives its communes, most populous first; an INSEE code or a SIREN its territory', () => {
    assert.deepEqual(
      index.search('38000').map((s) => s.code),
      ['38185', '38002'],
    );
    assert.equal(first('38 000')?.code, '38185');
    assert.equal(first('38151')?.name, 'Échirolles');
    assert.equal(first('213 801 855')?.code, '38185');
    assert.equal(first('21380185500015')?.code, '38185');
    assert.equal(first('200040715')?.kind, 'epci');
  });

  test('a département or région code gives them; "73" the département before the postcodes', () => {
    assert.equal(first('73')?.label, 'Savoie (département 73)');
    assert.equal(first('84')?.label, 'Auvergne-Rhône-Alpes (région)');
  });

  test('a former code and a commune déléguée lead to the current commune, saying why', () => {
    const former = first('38999');
    assert.equal(former?.code, '38005');
    assert.equal(former?.detail, 'ancien code INSEE 38999');
    const deleguee = first('venosc');
    assert.equal(deleguee?.code, '38005');
    assert.equal(deleguee?.detail, 'commune déléguée : Venosc');
    // The commune déléguée that kept the commune's name is not listed twice.
    assert.equal(index.search('les deux alpes').length, 1);
  });

  test('an EPCI is found by its name and by its kind spelled out, ranked just after its largest commune', () => {
    assert.deepEqual(
      index.search('grenob').map((s) => s.key),
      ['38185', '200040715', '38002'],
    );
    assert.equal(first('communaute de communes du pays de gex')?.code, '200000001');
    assert.equal(first('cc du pays de gex')?.name, 'Communauté de communes du Pays de Gex');
    assert.equal(first('pays de gex')?.detail, 'Communauté de communes');
  });

  test('kinds filter the answers; arrondissements only when asked for', () => {
    assert.deepEqual(
      index.search('grenoble', { kinds: ['epci'] }).map((s) => s.kind),
      ['epci'],
    );
    assert.ok(!index.search('grenoble 1er').some((s) => s.kind === 'arrondissement'));
    assert.equal(first('grenoble 1er', ['arrondissement'])?.code, '38901');
    assert.equal(first('savoie', ['departement'])?.code, '73');
  });

  test('the limit holds, and nonsense limits fall back to 10', () => {
    assert.equal(index.search('a', { limit: 2 }).length, 2);
    assert.equal(index.search('e', { limit: Number.NaN }).length, 10);
    assert.equal(index.search('e', { limit: -5 }).length, 1);
    assert.ok(index.search('e', { limit: 1e9 }).length <= 50);
  });

  test('garbage never throws and finds nothing', () => {
    for (const q of [
      '',
      '   ',
      '%_\\',
      "'; DROP TABLE territory; --",
      '😀🎉',
      'x'.repeat(1000),
      '\u0000\u0001',
      '------',
    ]) {
      assert.deepEqual(index.search(q), [], JSON.stringify(q.slice(0, 20)));
    }
    assert.deepEqual(index.search(undefined as unknown as string), []);
  });

  test('the answer does not depend on the order the rows came in', () => {
    const reversed = buildTerritoryIndex({
      territories: [...territories].reverse(),
      aliases: [...aliases].reverse(),
    });
    for (const q of ['saint', 'grenoble', '38000', 'a', 'savoie', 'venosc']) {
      assert.deepEqual(reversed.search(q, { limit: 50 }), index.search(q, { limit: 50 }), q);
    }
  });
});
