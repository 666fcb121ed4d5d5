/**
 * The whole pinned COG on SQLite and on PostgreSQL: loading, the picker's answers to real queries (the same
 * on both), and organisations made from the COG. The COG is loaded once per database, in `before`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import {
  COG_EDITION,
  createTerritoriesModule,
  type TerritoriesModule,
} from '../../src/modules/territories/index.js';
import { fixedClock } from '../../src/ports/clock.js';
import { dialects, freshDatabase } from '../helpers/database.js';

/** What people type, and the territory (its key) that must come first. */
const FIRST_ANSWERS: Array<[query: string, key: string]> = [
  ['grenob', '38185'],
  ['Grenoble', '38185'],
  ['Orleans', '45234'], // accents ignored
  ['ORLÉANS', '45234'],
  ['aix en provence', '13001'], // hyphens ignored
  ['Aix-en-Provence', '13001'],
  ['st etienne', '42218'], // "st" is "saint"
  ['Saint-Étienne', '42218'],
  ['ste marie', '97418'],
  ['Saint-Martin', '65392'], // homonyms: the most populous first
  ['Sainte-Marie', '97418'],
  ["l'ile d'yeu", '85113'], // apostrophes ignored
  ['chalons en champagne', '51108'],
  ['38000', '38185'], // a postcode
  ['38 000', '38185'],
  ['75001', '75056'], // Paris's postcode, before the 1968 code of Alfortville
  ['2A004', '2A004'], // Corsica
  ['2b033', '2B033'],
  ['97411', '97411'], // overseas
  ['13001', '13001'], // an INSEE code before the postcode it also is (Marseille's)
  ['74011', '74010'], // Annecy-le-Vieux, merged into Annecy in 2017
  ['annecy le vieux', '74010'], // by the commune déléguée's name
  ['bellegarde sur valserine', '01033'], // now Valserhône
  ['213801855', '38185'], // a commune's SIREN
  ['21380185500015', '38185'], // a SIRET
  ['200040715', '200040715'], // an EPCI's SIREN
  ['grenoble alpes metropole', '200040715'],
  ['pays de gex', '240100750'],
  ['isere', 'departement-38'],
  ['bretagne', 'region-53'], // the région before the two communes of that name
  ['84', 'region-84'],
  ['paris', '75056'], // the commune, then the département of the same name and population
  ['lyon', '69123'],
];

const GARBAGE = [
  '',
  '   ',
  '%_\\',
  "'; DROP TABLE territory; --",
  '😀🏛️',
  'x'.repeat(1000),
  '\u0000',
  '<script>',
];
const answers: Record<string, string[][]> = {};

for (const dialect of dialects) {
  describe(`the COG on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let module: TerritoriesModule;
    before(async () => {
      handle = await freshDatabase(dialect);
      module = createTerritoriesModule({ db: handle.db, clock: fixedClock('2026-01-20T10:00:00.000Z') });
    });
    after(() => handle.close());

    test('loads the pinned edition once; the second call only checks it', async () => {
      const first = await module.ensureLoaded();
      assert.equal(first.loaded, true);
      assert.equal(first.edition, COG_EDITION.id);
      assert.equal(first.counts.communes, 34_875);
      assert.equal(first.counts.epci, 1_255);
      assert.equal(first.counts.departements, 101);
      assert.equal(first.counts.regions, 18);
      const second = await module.ensureLoaded();
      assert.deepEqual(
        { ...second, ms: 0 },
        { ...first, loaded: false, coordinates: { ...first.coordinates!, loaded: false }, ms: 0 },
      );
      assert.ok(second.ms < 200, `second call took ${second.ms} ms`);
      const about = await module.territories.about();
      assert.equal(about?.loadedAt, '2026-01-20T10:00:00.000Z');
    });

    test('every commune is linked to its département, région and EPCI', async () => {
      const grenoble = await module.territories.byCode('38185');
      assert.equal(grenoble?.siren, '213801855');
      assert.equal(grenoble?.departementCode, '38');
      assert.equal(grenoble?.regionCode, '84');
      assert.equal(grenoble?.epciCode, '200040715');
      assert.deepEqual(grenoble?.postcodes, ['38000', '38100']);
      const metro = await module.territories.byCode('200040715');
      assert.equal(metro?.epciType, 'METRO');
      assert.equal(metro?.departementCode, '38');
      assert.equal((await module.territories.communeBySiren('213801855'))?.code, '38185');
      assert.equal(await module.territories.communeBySiren('200040715'), null);
      assert.equal((await module.territories.byCode('74011'))?.code, '74010');
    });

    test('the picker’s first answer to real queries', async () => {
      const got: string[][] = [];
      for (const [query, key] of FIRST_ANSWERS) {
        const results = await module.territories.search(query, { limit: 10 });
        assert.equal(results[0]?.key, key, `« ${query} » → ${results[0]?.label}`);
        got.push(results.map((r) => `${r.key}|${r.label}|${r.match}|${r.detail}`));
      }
      for (const q of ['saint', 'sain', 'mont', 'le', 'a', '1', '38', 'st', 'saint mar', 'marseille']) {
        got.push((await module.territories.search(q, { limit: 50 })).map((r) => `${r.key}|${r.match}`));
      }
      answers[dialect] = got;
    });

    test('ranking: exact names, then names starting with the query, then names containing it', async () => {
      const results = await module.territories.search('saint mar', { limit: 50 });
      assert.ok(
        results.every((r) => r.match === 'prefix'),
        'only names starting with the query fill the first 50',
      );
      assert.ok(results.slice(0, 10).every((r) => r.name.startsWith('Saint-Mar')));
      const bellegarde = await module.territories.search('bellegarde', { limit: 50 });
      const order = ['exact', 'prefix', 'substring', 'words'];
      const ranks = bellegarde.map((r) => order.indexOf(r.match));
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
      );
      assert.ok(
        bellegarde.some((r) => r.match === 'exact') && bellegarde.some((r) => r.match === 'substring'),
      );
      const homonyms = bellegarde.filter((r) => r.match === 'exact');
      const populations = homonyms.map((r) => r.population ?? 0);
      assert.deepEqual(
        populations,
        [...populations].sort((a, b) => b - a),
      );
      assert.equal(
        new Set(homonyms.map((r) => r.label)).size,
        homonyms.length,
        'homonyms have distinct labels',
      );
    });

    test('the postcode 38000 gives its communes; 75001 gives Paris', async () => {
      assert.deepEqual(
        (await module.territories.search('38000', { kinds: ['commune'] })).map((r) => r.name),
        ['Grenoble'],
      );
      const paris = await module.territories.search('75001');
      assert.equal(paris[0]?.detail, 'code postal 75001');
      assert.equal(
        (await module.territories.search('75001', { kinds: ['arrondissement'] }))[0]?.code,
        '75101',
      );
    });

    test('limits and kinds filter the answers', async () => {
      assert.equal((await module.territories.search('saint', { limit: 3 })).length, 3);
      assert.equal((await module.territories.search('saint', { limit: 500 })).length, 50);
      assert.equal((await module.territories.search('saint')).length, 10);
      const epci = await module.territories.search('grenoble', { kinds: ['epci'] });
      assert.deepEqual(
        epci.map((r) => r.kind),
        ['epci'],
      );
      assert.equal(
        (await module.territories.search('84', { kinds: ['departement'] }))[0]?.key,
        'departement-84',
      );
      assert.ok((await module.territories.search('savoie', { kinds: ['region'] })).length === 0);
    });

    test('garbage never throws and finds nothing', async () => {
      for (const q of GARBAGE) {
        assert.deepEqual(await module.territories.search(q), [], JSON.stringify(q.slice(0, 20)));
      }
    });

    test('a picker’s submission resolves to one territory or to choices', async () => {
      const t = module.territories;
      const chosen = async (input: { code?: string; text?: string }) => {
        const r = await t.resolvePick(input);
        return r.status === 'chosen' ? r.territory.code : r.status;
      };
      assert.equal(await chosen({ code: '38185', text: 'Grenoble (38 – Isère)' }), '38185');
      assert.equal(await chosen({ code: '38185', text: '' }), '38185');
      assert.equal(await chosen({ code: '38185', text: 'Échirolles' }), '38151'); // the text was edited
      assert.equal(await chosen({ text: 'grenoble' }), '38185');
      assert.equal(await chosen({ text: 'Saint-Martin (32 – Gers)' }), '32389');
      assert.equal(await chosen({ text: '2A004' }), '2A004');
      assert.equal(await chosen({ text: 'Saint-Martin' }), 'choices');
      assert.equal(await chosen({ text: 'zzzzqqq' }), 'none');
      assert.equal(await chosen({ text: '  ' }), 'empty');
      assert.equal(await chosen({ code: 'region-84', text: 'Grenoble' }), '38185'); // the text wins
    });

    test('a commune’s or EPCI’s organisation comes from the COG, stored when first needed', async () => {
      const o = module.organisations;
      const read = await o.bySiren('213 801 855');
      assert.equal(read?.name, 'Commune de Grenoble');
      assert.deepEqual(read?.territory, { kind: 'commune', code: '38185' });
      assert.equal((await o.list({})).total, 0, 'a read writes nothing');
      const made = await o.findOrCreate({
        siren: '213801855',
        name: 'Mairie de Grenoble',
        kind: 'prefecture',
      });
      assert.ok(made.ok && made.created && made.organisation.name === 'Commune de Grenoble');
      assert.equal(made.ok && made.organisation.kind, 'commune');
      const again = await o.findOrCreate({ siren: '213801855' });
      assert.ok(again.ok && !again.created);
      const metro = await o.findOrCreate({ siren: '200040715' });
      assert.equal(metro.ok && metro.organisation.name, 'Grenoble-Alpes-Métropole');
      const cc = await o.bySiren('240100750');
      assert.equal(cc?.name, 'Communauté d’agglomération du Pays de Gex');
    });

    test('any other body is created when first met, with a clean name, and can be renamed', async () => {
      const o = module.organisations;
      assert.deepEqual(await o.findOrCreate({ siren: '123456789' }), { ok: false, error: 'siren-invalide' });
      assert.equal(await o.bySiren('123456789'), null);
      const megalis = await o.findOrCreate({
        siren: '253514491',
        name: ' Mégalis  Bretagne ',
        kind: 'structure-mutualisation',
      });
      assert.ok(megalis.ok && megalis.created);
      assert.equal(megalis.ok && megalis.organisation.name, 'Mégalis Bretagne');
      const unnamed = await o.findOrCreate({ siren: '130025265', kind: 'nonsense' as never });
      assert.ok(unnamed.ok && unnamed.organisation.name === null);
      assert.equal(unnamed.ok && unnamed.organisation.kind, 'autre-administration');
      const renamed = await o.rename('130025265', 'Mairie du Bourg');
      assert.equal(renamed?.ok && renamed.organisation.name, 'Commune du Bourg');
      assert.deepEqual(await o.rename('130025265', '   '), { ok: false, error: 'nom-invalide' });
      assert.equal(await o.rename('253514499', 'X'), null);
      const list = await o.list({ q: 'bretagne', page: 99 });
      assert.deepEqual(
        list.items.map((x) => x.siren),
        ['253514491'],
      );
      assert.equal(list.page, 1);
    });
  });
}

describe('both databases', () => {
  test('give the picker the same answers', () => {
    assert.ok(answers.sqlite && answers.postgres, 'both suites ran');
    assert.deepEqual(answers.postgres, answers.sqlite);
  });
});
