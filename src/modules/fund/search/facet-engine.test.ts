import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EngineQuery, runFacetQuery } from './facet-engine.js';
import { buildFacetTable, type FacetSourceRow } from './facet-table.js';

const row = (id: string, over: Partial<FacetSourceRow>): FacetSourceRow => ({
  id,
  rid: null,
  title: id,
  dispositifCode: 'axe-3',
  porteurKind: 'commune',
  porteurSiren: '213801855',
  territoryKey: '38185',
  epciCode: '200040715',
  regionCode: '84',
  departementCode: '38',
  population: 1000,
  amountEur: 1000,
  status: 'livre',
  decidedOn: '2022-01-01',
  themes: [],
  ...over,
});

const table = buildFacetTable([
  row('a', { status: 'livre', dispositifCode: 'axe-1', themes: ['t1', 't2'] }),
  row('b', { status: 'livre', dispositifCode: 'axe-3', themes: ['t2'] }),
  row('c', { status: 'en-cours', dispositifCode: 'axe-1', themes: [] }),
  row('d', { status: 'abandonne', dispositifCode: 'axe-3', themes: ['t1'], regionCode: null }),
]);
const query = (over: Partial<EngineQuery>): EngineQuery => ({
  selections: {},
  restrict: {},
  tiers: null,
  sort: 'date',
  page: 1,
  limit: 10,
  after: null,
  ...over,
});
const countOf = (
  facet: 'statuts' | 'dispositifs' | 'themes',
  value: string,
  counts: Record<string, Int32Array>,
) => {
  const dict = facet === 'themes' ? table.themes : table.columns[facet];
  return counts[facet]![dict.index.get(value)!];
};

test('a facet’s counts ignore its own selection and respect the others (disjunctive counting)', () => {
  const r = runFacetQuery(table, query({ selections: { statuts: ['livre'], dispositifs: ['axe-1'] } }));
  assert.equal(r.total, 1);
  // Statuts are counted among axe-1 lauréats whatever the status: a (livre) and c (en-cours).
  assert.equal(countOf('statuts', 'livre', r.counts), 1);
  assert.equal(countOf('statuts', 'en-cours', r.counts), 1);
  // Dispositifs are counted among « livré » lauréats: a (axe-1) and b (axe-3).
  assert.equal(countOf('dispositifs', 'axe-3', r.counts), 1);
  // A multi-valued facet: themes of the one lauréat left.
  assert.equal(countOf('themes', 't1', r.counts), 1);
});

test('themes are OR within the facet; a row without a value is not counted under any', () => {
  const r = runFacetQuery(table, query({ selections: { themes: ['t1', 't2'] } }));
  assert.equal(r.total, 3);
  assert.equal(countOf('themes', 't1', r.counts), 2);
  const regions = runFacetQuery(table, query({}));
  assert.equal(regions.counts.regions[table.columns.regions.index.get('84')!], 3);
});

test('restrictions narrow every count; text tiers order pertinence', () => {
  const r = runFacetQuery(table, query({ restrict: { departements: ['38'], sirens: ['000000000'] } }));
  assert.equal(r.total, 0);
  const tiers = new Uint8Array([1, 2, 0, 1]);
  const p = runFacetQuery(table, query({ tiers, sort: 'pertinence' }));
  assert.deepEqual(
    p.rows.map((i) => table.ids[i]),
    ['b', 'a', 'd'],
  );
});
