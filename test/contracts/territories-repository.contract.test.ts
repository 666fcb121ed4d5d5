import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import type { Organisation } from '../../src/modules/territories/organisations.domain.js';
import { createKyselyOrganisationRepository } from '../../src/modules/territories/organisations.repository.kysely.js';
import type { Territory, TerritoryAlias } from '../../src/modules/territories/territories.domain.js';
import type {
  OrganisationRepository,
  TerritoryMeta,
  TerritoryRepository,
} from '../../src/modules/territories/territories.repository.js';
import { createKyselyTerritoryRepository } from '../../src/modules/territories/territories.repository.kysely.js';
import { dialects, freshDatabase } from '../helpers/database.js';

/** A territory with defaults; tests say only what matters to them. */
function territory(over: Partial<Territory> & Pick<Territory, 'kind' | 'code' | 'name'>): Territory {
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

const REGION = territory({
  kind: 'region',
  code: '84',
  name: 'Auvergne-Rhône-Alpes',
  chefLieu: '69123',
  population: 9,
});
const VAUCLUSE = territory({
  kind: 'departement',
  code: '84',
  name: 'Vaucluse',
  regionCode: '93',
  population: 5,
});
const ISERE = territory({ kind: 'departement', code: '38', name: 'Isère', regionCode: '84', population: 8 });
const METRO = territory({
  kind: 'epci',
  code: '200040715',
  name: 'Grenoble-Alpes-Métropole',
  siren: '200040715',
  epciType: 'METRO',
  departementCode: '38',
  regionCode: '84',
  population: 7,
});
const commune = (code: string, name: string, population: number | null, extra: Partial<Territory> = {}) =>
  territory({ kind: 'commune', code, name, population, departementCode: '38', regionCode: '84', ...extra });
const GRENOBLE = commune('38185', 'Grenoble', 156_140, {
  siren: '213801855',
  epciCode: '200040715',
  postcodes: ['38000', '38100'],
});
/** Enough communes for two pages of members; populations tie, and one is unknown. */
const SMALL = Array.from({ length: 30 }, (_, i) =>
  commune(`38${String(200 + i).padStart(3, '0')}`, `Commune ${i}`, i === 7 ? null : 100 + (i % 3), {
    epciCode: '200040715',
  }),
);
const ALIASES: TerritoryAlias[] = [
  { code: '38999', kind: 'ancien-code', name: null, communeCode: '38185' },
  { code: '38998', kind: 'commune-deleguee', name: "Saint-Martin-d'Uriage", communeCode: '38185' },
];
const META: TerritoryMeta = {
  edition: 'essai-1',
  loadedAt: '2026-01-01T00:00:00.000Z',
  counts: {
    communes: 31,
    arrondissements: 0,
    epci: 1,
    epciByType: { METRO: 1 },
    departements: 2,
    regions: 1,
    communesDeleguees: 1,
    communesAssociees: 0,
    anciensCodes: 1,
  },
};
const DATASET = { territories: [REGION, VAUCLUSE, ISERE, METRO, GRENOBLE, ...SMALL], aliases: ALIASES };

function organisation(over: Partial<Organisation> & { siren: string }): Organisation {
  return {
    name: null,
    kind: 'autre-administration',
    territory: null,
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...over,
  };
}

for (const dialect of dialects) {
  describe(`TerritoryRepository on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let repo: TerritoryRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyTerritoryRepository(handle.db);
    });
    after(() => handle.close());

    test('knows no edition before the first load', async () => {
      assert.equal(await repo.edition(), null);
      assert.equal(await repo.meta(), null);
    });

    test('loads a dataset once per edition, and replaces it for another edition', async () => {
      assert.equal(await repo.replaceAll(DATASET, META), true);
      assert.equal(await repo.edition(), 'essai-1');
      assert.deepEqual(await repo.meta(), META);
      assert.equal(await repo.replaceAll(DATASET, META), false);
      const smaller = { territories: [REGION, ISERE, GRENOBLE], aliases: [] };
      assert.equal(await repo.replaceAll(smaller, { ...META, edition: 'essai-2' }), true);
      assert.equal((await repo.searchSource()).territories.length, 3);
      assert.equal(await repo.replaceAll(DATASET, META), true);
      assert.equal((await repo.searchSource()).territories.length, DATASET.territories.length);
    });

    test('two loads at once write the edition once', async () => {
      const results = await Promise.all([
        repo.replaceAll(DATASET, { ...META, edition: 'essai-3' }),
        repo.replaceAll(DATASET, { ...META, edition: 'essai-3' }),
      ]);
      assert.deepEqual(results.sort(), [false, true]);
      assert.equal((await repo.searchSource()).territories.length, DATASET.territories.length);
    });

    test('finds a territory by kind and code, with every field intact; "84" is two territories', async () => {
      assert.deepEqual(await repo.find('commune', '38185'), GRENOBLE);
      assert.deepEqual(await repo.find('epci', '200040715'), METRO);
      assert.equal((await repo.find('region', '84'))?.name, 'Auvergne-Rhône-Alpes');
      assert.equal((await repo.find('departement', '84'))?.name, 'Vaucluse');
      assert.equal(await repo.find('commune', '84'), null);
      assert.deepEqual(
        (
          await repo.findMany([
            { kind: 'region', code: '84' },
            { kind: 'epci', code: '200040715' },
          ])
        )
          .map((t) => t.kind)
          .sort(),
        ['epci', 'region'],
      );
      assert.deepEqual(await repo.findMany([]), []);
    });

    test('finds a commune or an EPCI by SIREN, and the current commune of a former code', async () => {
      assert.equal((await repo.findBySiren('213801855'))?.code, '38185');
      assert.equal((await repo.findBySiren('200040715'))?.kind, 'epci');
      assert.equal(await repo.findBySiren('000000000'), null);
      assert.equal(await repo.resolveAlias('38999'), '38185');
      assert.equal(await repo.resolveAlias('38998'), '38185');
      assert.equal(await repo.resolveAlias('38185'), null);
      assert.deepEqual(
        (await repo.aliasesOf('38185')).map((a) => `${a.kind}:${a.code}`),
        ['commune-deleguee:38998', 'ancien-code:38999'],
      );
    });

    test('pages the members of a territory, most populous first, unknown populations last, ties by code', async () => {
      const first = await repo.members(METRO, 'commune', { limit: 20, offset: 0 });
      const second = await repo.members(METRO, 'commune', { limit: 20, offset: 20 });
      assert.equal(first.total, 31);
      const all = [...first.items, ...second.items];
      assert.equal(all.length, 31);
      assert.equal(all[0]?.code, '38185');
      assert.equal(all[all.length - 1]?.population, null);
      const expected = [GRENOBLE, ...SMALL]
        .sort((a, b) => (b.population ?? -1) - (a.population ?? -1) || (a.code < b.code ? -1 : 1))
        .map((t) => t.code);
      assert.deepEqual(
        all.map((t) => t.code),
        expected,
      );
      assert.deepEqual(
        (await repo.members(REGION, 'departement', { limit: 10, offset: 0 })).items.map((t) => t.code),
        ['38'],
      );
      assert.deepEqual(
        (await repo.listKind('departement')).map((t) => t.name),
        ['Isère', 'Vaucluse'],
      );
    });
  });

  describe(`OrganisationRepository on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let repo: OrganisationRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyOrganisationRepository(handle.db);
    });
    after(() => handle.close());

    test('inserts an organisation once, and returns the stored one after', async () => {
      const megalis = organisation({
        siren: '253514491',
        name: 'Mégalis Bretagne',
        kind: 'structure-mutualisation',
      });
      assert.deepEqual(await repo.insertIfAbsent(megalis), { organisation: megalis, created: true });
      const again = await repo.insertIfAbsent({ ...megalis, name: 'Autre nom' });
      assert.deepEqual(again, { organisation: megalis, created: false });
      assert.deepEqual(await repo.find('253514491'), megalis);
      assert.equal(await repo.find('000000000'), null);
    });

    test('two inserts of one SIREN at once make one row', async () => {
      const o = organisation({ siren: '130025265', name: 'Direction interministérielle du numérique' });
      const results = await Promise.all([repo.insertIfAbsent(o), repo.insertIfAbsent(o)]);
      assert.deepEqual(results.map((r) => r.created).sort(), [false, true]);
    });

    test('keeps a territory link and an unknown name', async () => {
      const grenoble = organisation({
        siren: '213801855',
        name: 'Commune de Grenoble',
        kind: 'commune',
        territory: { kind: 'commune', code: '38185' },
      });
      await repo.insertIfAbsent(grenoble);
      assert.deepEqual((await repo.find('213801855'))?.territory, { kind: 'commune', code: '38185' });
      await repo.insertIfAbsent(organisation({ siren: '110044017' }));
      assert.equal((await repo.find('110044017'))?.name, null);
    });

    test('renames, and the list finds it by its new name', async () => {
      const renamed = await repo.rename('110044017', 'Préfecture de l’Isère', '2026-02-01T00:00:00.000Z');
      assert.equal(renamed?.name, 'Préfecture de l’Isère');
      assert.equal(renamed?.updatedAt, '2026-02-01T00:00:00.000Z');
      assert.equal(renamed?.createdAt, '2026-01-02T00:00:00.000Z');
      assert.equal(await repo.rename('999999999', 'x', '2026-02-01T00:00:00.000Z'), null);
      const found = await repo.list({ q: 'PREFECTURE isere', limit: 10, offset: 0 });
      assert.deepEqual(
        found.items.map((o) => o.siren),
        ['110044017'],
      );
    });

    test('lists by name, accents and case ignored, filters by SIREN or kind, and pages', async () => {
      const all = await repo.list({ q: '', limit: 10, offset: 0 });
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.items.map((o) => o.name),
        [
          'Commune de Grenoble',
          'Direction interministérielle du numérique',
          'Mégalis Bretagne',
          'Préfecture de l’Isère',
        ],
      );
      assert.equal((await repo.list({ q: 'megalis', limit: 10, offset: 0 })).total, 1);
      assert.equal((await repo.list({ q: '2535', limit: 10, offset: 0 })).items[0]?.siren, '253514491');
      assert.equal((await repo.list({ q: '', kind: 'commune', limit: 10, offset: 0 })).total, 1);
      const page2 = await repo.list({ q: '', limit: 2, offset: 2 });
      assert.deepEqual(
        page2.items.map((o) => o.siren),
        ['253514491', '110044017'],
      );
      // Wildcards and emoji fold to nothing, hence no filter; SQL is only words that match no name.
      for (const q of ['%', '_', '\\', '😀']) {
        assert.equal((await repo.list({ q, limit: 10, offset: 0 })).total, 4, q);
      }
      assert.equal((await repo.list({ q: "' or 1=1 --", limit: 10, offset: 0 })).total, 0);
    });
  });
}
