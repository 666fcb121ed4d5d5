import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dialects, freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../adapters/db/connect.js';
import { fixedClock } from '../../ports/clock.js';
import type { Territory } from './territories.domain.js';
import type { TerritoryMeta, TerritoryRepository } from './territories.repository.js';
import { createKyselyTerritoryRepository } from './territories.repository.kysely.js';
import { createTerritoryService } from './territories.service.js';

const commune = (code: string, name: string): Territory => ({
  kind: 'commune',
  code,
  name,
  siren: null,
  epciType: null,
  departementCode: null,
  regionCode: null,
  epciCode: null,
  communeCode: null,
  chefLieu: null,
  population: 100,
  postcodes: [],
  zone: 'metro',
});
const meta = (edition: string): TerritoryMeta => ({
  edition,
  loadedAt: '2026-01-01T00:00:00.000Z',
  counts: {
    communes: 1,
    arrondissements: 0,
    epci: 0,
    epciByType: {},
    departements: 0,
    regions: 0,
    communesDeleguees: 0,
    communesAssociees: 0,
    anciensCodes: 0,
  },
});

for (const dialect of dialects) {
  describe(`the picker’s index on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let repo: TerritoryRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyTerritoryRepository(handle.db);
    });
    after(() => handle.close());

    test('finds nothing before any edition is loaded, and never throws', async () => {
      const service = createTerritoryService({
        repo,
        clock: fixedClock('2026-01-01T00:00:00Z'),
        revalidateMs: 0,
      });
      assert.deepEqual(await service.search('a'), []);
    });

    test('is built once for concurrent first searches, and rebuilt when another edition is loaded', async () => {
      await repo.replaceAll({ territories: [commune('01001', 'Ancienne')], aliases: [] }, meta('A'));
      let reads = 0;
      const counted: TerritoryRepository = {
        ...repo,
        searchSource: () => {
          reads++;
          return repo.searchSource();
        },
      };
      const service = createTerritoryService({
        repo: counted,
        clock: fixedClock('2026-01-01T00:00:00Z'),
        revalidateMs: 0,
      });
      const answers = await Promise.all([
        service.search('ancienne'),
        service.search('anc'),
        service.search('ancien'),
      ]);
      assert.deepEqual(
        answers.map((a) => a[0]?.code),
        ['01001', '01001', '01001'],
      );
      assert.equal(reads, 1);
      await service.search('ancienne');
      assert.equal(reads, 1, 'the same edition: the index is kept');

      // Another process loads a new edition into the database.
      await repo.replaceAll({ territories: [commune('01002', 'Nouvelle')], aliases: [] }, meta('B'));
      assert.equal((await service.search('nouvelle'))[0]?.code, '01002');
      assert.deepEqual(await service.search('ancienne'), []);
      assert.equal(reads, 2);
    });

    test('trusts a built index for a while, so that a search costs no query', async () => {
      const service = createTerritoryService({ repo, clock: fixedClock('2026-01-01T00:00:00Z') });
      assert.equal((await service.search('nouvelle'))[0]?.code, '01002');
      await repo.replaceAll({ territories: [commune('01003', 'Autre')], aliases: [] }, meta('C'));
      assert.equal((await service.search('nouvelle'))[0]?.code, '01002', 'within a minute, the index stands');
    });
  });
}
