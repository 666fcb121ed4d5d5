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
    near: { code: '38185', text: 'Grenoble', portee: 'voisins' as const },
  };
  const href = searchHref(state);
  assert.equal(
    href,
    '/laureats?q=salles&region=84&statut=livre&statut=en-cours&commune=38185&pres=38185&pres_libelle=Grenoble&portee=voisins&tri=montant&page=2',
  );
  const params: Record<string, string[]> = {};
  for (const [k, v] of new URL(href, 'http://x').searchParams) params[k] = [...(params[k] ?? []), v];
  const back = parseSearchParams(params, 'page');
  assert.deepEqual(back.query.facets, state.facets);
  assert.equal(back.query.sort, 'montant');
  assert.deepEqual(back.near, state.near);
  assert.equal(searchHref({}), '/laureats');
});

test('a cursor reads back for its own sort only', () => {
  const key = { tier: 2, decided: '2022-01-15', amount: 5000, title: 'salle', id: 'L-1' };
  assert.deepEqual(decodeCursor(encodeCursor('montant', key), 'montant'), key);
  assert.equal(decodeCursor(encodeCursor('montant', key), 'date'), null);
  assert.equal(decodeCursor('???', 'date'), null);
  assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'date'), null);
});
