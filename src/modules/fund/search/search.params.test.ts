import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor } from './cursor.js';
import { parseSearchParams, searchHref } from './search.params.js';

test('the page reads what it can and drops the rest, silently', () => {
  const { query, errors } = parseSearchParams(
    {
      q: [' salles '],
      statut: ['livre', 'nimporte', 'livre'],
      departement: ['2a', '38'],
      page: ['-3'],
      tri: ['prix'],
    },
    'page',
  );
  assert.equal(query.text, 'salles');
  assert.deepEqual(query.facets?.statuts, ['livre']);
  assert.deepEqual(query.facets?.departements, ['2A', '38']);
  assert.equal(query.page, 1);
  assert.equal(query.sort, 'pertinence');
  assert.deepEqual(errors, []);
});

test('the API says what is wrong, in French, parameter by parameter', () => {
  const { errors, query } = parseSearchParams(
    { statut: ['livre,nimporte'], limite: ['500'], epci: ['12'] },
    'api',
  );
  assert.deepEqual(query.facets?.statuts, ['livre']);
  assert.deepEqual(
    errors.map((e) => e.param),
    ['statut', 'epci', 'limite'],
  );
  assert.match(errors[0]!.message, /Valeur inconnue pour « statut » : nimporte/);
});

test('an address holds the whole state, defaults left out, and reads back the same', () => {
  const state = {
    text: 'salles',
    facets: { statuts: ['livre', 'en-cours'], regions: ['84'] },
    restrict: { communes: ['38185'] },
    sort: 'montant' as const,
    page: 2,
    near: { code: '38185', text: 'Grenoble', km: 50 as const },
  };
  const href = searchHref(state);
  assert.equal(
    href,
    '/laureats?q=salles&region=84&statut=livre&statut=en-cours&commune=38185&pres_de=38185&pres_de_libelle=Grenoble&rayon=50&tri=montant&page=2',
  );
  const params: Record<string, string[]> = {};
  for (const [k, v] of new URL(href, 'http://x').searchParams) params[k] = [...(params[k] ?? []), v];
  const back = parseSearchParams(params, 'page');
  assert.deepEqual(back.query.facets, state.facets);
  assert.equal(back.query.sort, 'montant');
  assert.deepEqual(back.near, state.near);
  assert.equal(searchHref({}), '/laureats');
});

test('« à moins de N km »: the page keeps what it can of bad values, the API names each in French', () => {
  const page = parseSearchParams({ pres_de: ['2a004'], rayon: ['7'] }, 'page');
  assert.deepEqual(page.near, { code: '2A004', text: null, km: 20 });
  assert.deepEqual(page.errors, []);
  const typed = parseSearchParams({ pres_de: ['pas un code'], pres_de_libelle: ['Ajaccio'] }, 'page');
  assert.deepEqual(typed.near, { code: null, text: 'Ajaccio', km: 20 });

  const cases: Array<[Record<string, string[]>, string, RegExp]> = [
    [{ pres_de: ['38185'], rayon: ['7'] }, 'rayon', /« rayon » vaut « 5 », « 10 », « 20 », « 50 », « 100 »/],
    [{ pres_de: ['38185'], rayon: ['20km'] }, 'rayon', /kilomètres/],
    [{ pres_de: ['Grenoble'] }, 'pres_de', /code INSEE d’une commune/],
    [{ pres_de: ['381850'], rayon: ['10'] }, 'pres_de', /5 caractères/],
    [{ rayon: ['10'] }, 'rayon', /s’emploie avec « pres_de »/],
  ];
  for (const [params, param, message] of cases) {
    const { errors } = parseSearchParams(params, 'api');
    assert.equal(errors.length, 1, JSON.stringify(params));
    assert.equal(errors[0]!.param, param);
    assert.match(errors[0]!.message, message);
  }
  assert.deepEqual(parseSearchParams({ pres_de: ['38185'], rayon: ['100'] }, 'api').errors, []);
  assert.deepEqual(parseSearchParams({ pres_de: ['38185'], rayon: ['100'] }, 'api').near, {
    code: '38185',
    text: null,
    km: 100,
  });
});

test('a cursor reads back for its own sort only', () => {
  const key = { tier: 2, decided: '2022-01-15', amount: 5000, title: 'salle', id: 'L-1' };
  assert.deepEqual(decodeCursor(encodeCursor('montant', key), 'montant'), key);
  assert.equal(decodeCursor(encodeCursor('montant', key), 'date'), null);
  assert.equal(decodeCursor('???', 'date'), null);
  assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'date'), null);
});
