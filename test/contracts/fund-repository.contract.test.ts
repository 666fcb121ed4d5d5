import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import { DISPOSITIF_RULES, DISPOSITIFS, type Laureat } from '../../src/modules/fund/fund.domain.js';
import type { FundRepository } from '../../src/modules/fund/fund.repository.js';
import { createKyselyFundRepository } from '../../src/modules/fund/fund.repository.kysely.js';
import { aLaureat } from '../../src/modules/fund/testing/laureat-factory.js';
import { dialects, freshDatabase } from '../helpers/database.js';

const page = { limit: 50, offset: 0 };
const ids = (p: { items: Laureat[] }) => p.items.map((l) => l.id);

for (const dialect of dialects) {
  describe(`Fund repository contract (${dialect})`, () => {
    let handle: DatabaseHandle;
    let repo: FundRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyFundRepository(handle.db);
      await repo.upsertDispositifs(DISPOSITIFS, DISPOSITIF_RULES);
    });
    after(() => handle.close());

    test('dispositifs and their rule versions read back as written, and an upsert replaces them', async () => {
      assert.deepEqual(await repo.listDispositifs(), DISPOSITIFS);
      const rules = await repo.listRules();
      assert.equal(rules.length, DISPOSITIF_RULES.length);
      assert.deepEqual(
        rules.find((r) => r.id === 'axe-2@2021-10-01'),
        DISPOSITIF_RULES.find((r) => r.id === 'axe-2@2021-10-01'),
      );
      const renamed = { ...DISPOSITIFS[0]!, label: 'Axe 1 — renommé' };
      await repo.upsertDispositifs([renamed], []);
      assert.equal((await repo.listDispositifs())[0]?.label, 'Axe 1 — renommé');
      await repo.upsertDispositifs(DISPOSITIFS, []);
    });

    test('a lauréat is saved with its themes and co-porteurs, and read back equal', async () => {
      const l = aLaureat({ id: 'C-1' });
      await repo.saveLaureat(l);
      assert.deepEqual(await repo.findLaureat('C-1'), { ...l, themes: [...l.themes].sort() });
      assert.equal(await repo.findLaureat('absent'), null);
    });

    test('any text reads back as written, in a bulk import too: quotes, backslashes, braces, « NULL », emoji', async () => {
      const odd = [
        'Salle "Jean Moulin"',
        'C:\\données\\',
        '{a,b}',
        'NULL',
        '',
        'emoji 🏛️ ; tab\tet\nligne',
        "l'ancien",
      ];
      const batch = Array.from({ length: 6_000 }, (_, i) =>
        aLaureat({
          id: `BULK-${String(i).padStart(5, '0')}`,
          title: odd[i % odd.length]! || 'sans titre',
          summary: odd[(i + 1) % odd.length]!,
          siteUrl: i % 2 === 0 ? null : 'https://exemple.fr/?a="b"',
          population: i % 3 === 0 ? null : i,
          coporteurs: i % 5 === 0 ? [{ siren: '200040715', name: odd[i % odd.length]! }] : [],
        }),
      );
      await repo.applyImport(batch);
      for (const i of [0, 1, 2, 3, 4, 5, 6, 5_999]) {
        const l = batch[i]!;
        assert.deepEqual(await repo.findLaureat(l.id), { ...l, themes: [...l.themes].sort() }, l.id);
      }
      assert.equal((await repo.fingerprints(batch.map((l) => l.id))).length, batch.length);
    });

    test('saving again replaces themes and co-porteurs and keeps the creation date', async () => {
      const l = aLaureat({ id: 'C-2' });
      await repo.saveLaureat(l);
      await repo.saveLaureat(
        aLaureat({
          id: 'C-2',
          themes: ['donnees-ouvertes'],
          coporteurs: [],
          createdAt: 'plus tard',
          updatedAt: 'plus tard',
        }),
      );
      const read = await repo.findLaureat('C-2');
      assert.deepEqual(read?.themes, ['donnees-ouvertes']);
      assert.deepEqual(read?.coporteurs, []);
      assert.equal(read?.createdAt, l.createdAt);
      assert.equal(read?.updatedAt, 'plus tard');
    });

    test('applyImport writes thousands of lauréats in multi-row statements, and replaces existing ones', async () => {
      const batch = Array.from({ length: 2_345 }, (_, i) =>
        aLaureat({
          id: `B-${i}`,
          amountEur: i,
          themes: i % 2 ? ['cooperation'] : ['cooperation', 'usage-donnee'],
        }),
      );
      await repo.applyImport(batch);
      assert.equal((await repo.fingerprints(batch.map((l) => l.id))).length, 2_345);
      assert.equal((await repo.findLaureat('B-1000'))?.amountEur, 1000);
      await repo.applyImport([aLaureat({ id: 'B-1000', amountEur: 7, themes: [] })]);
      const updated = await repo.findLaureat('B-1000');
      assert.equal(updated?.amountEur, 7);
      assert.deepEqual(updated?.themes, []);
    });

    test('applyImport is all or nothing: a failing row leaves the database untouched', async () => {
      const before = await repo.countLaureats();
      const good = Array.from({ length: 600 }, (_, i) => aLaureat({ id: `R-${i}` }));
      // The last row names a dispositif that does not exist: the foreign key refuses it, after 600 good rows.
      const bad = aLaureat({ id: 'R-bad', dispositifCode: 'axe-9' as never });
      await assert.rejects(repo.applyImport([...good, bad]));
      assert.equal(await repo.countLaureats(), before);
      assert.equal(await repo.findLaureat('R-0'), null);
    });

    test('fingerprints tell the stored hash, dispositif and département of known ids only', async () => {
      const l = aLaureat({ id: 'F-1', dispositifCode: 'axe-3', departementCode: '73' });
      await repo.saveLaureat(l);
      assert.deepEqual(await repo.fingerprints(['F-1', 'absent']), [
        { id: 'F-1', sourceHash: l.sourceHash, dispositifCode: 'axe-3', departementCode: '73' },
      ]);
      assert.deepEqual(await repo.fingerprints([]), []);
    });

    test('lists by porteur and by territory, newest decision first, with the total', async () => {
      await repo.applyImport([
        aLaureat({
          id: 'T-1',
          porteur: { siren: '210100012', name: 'Commune de L’Abergement', kind: 'commune' },
          communeCode: '01001',
          epciCode: '200069193',
          departementCode: '01',
          regionCode: '84',
          decidedOn: '2021-01-01',
        }),
        aLaureat({
          id: 'T-2',
          porteur: { siren: '210100012', name: 'Commune de L’Abergement', kind: 'commune' },
          communeCode: '01001',
          epciCode: '200069193',
          departementCode: '01',
          regionCode: '84',
          decidedOn: '2022-01-01',
        }),
        aLaureat({
          id: 'T-3',
          porteur: { siren: '200069193', name: 'CC', kind: 'epci' },
          communeCode: null,
          epciCode: '200069193',
          departementCode: '01',
          regionCode: '84',
          decidedOn: '2021-06-01',
        }),
      ]);
      assert.deepEqual(ids(await repo.listByPorteur('210 100 012', page)), ['T-2', 'T-1']);
      assert.deepEqual(ids(await repo.listByTerritory({ kind: 'commune', code: '01001' }, page)), [
        'T-2',
        'T-1',
      ]);
      assert.deepEqual(ids(await repo.listByTerritory({ kind: 'epci', code: '200069193' }, page)), [
        'T-2',
        'T-3',
        'T-1',
      ]);
      const dep = await repo.listByTerritory({ kind: 'departement', code: '01' }, { limit: 2, offset: 1 });
      assert.deepEqual(ids(dep), ['T-3', 'T-1']);
      assert.equal(dep.total, 3);
      assert.equal((await repo.listByTerritory({ kind: 'region', code: '84' }, page)).total >= 3, true);
    });

    test('the administration’s list keeps to a scope: whole dispositifs, or axe 3 in some départements', async () => {
      await repo.applyImport([
        aLaureat({ id: 'S-1', dispositifCode: 'axe-2', departementCode: '38' }),
        aLaureat({ id: 'S-2', dispositifCode: 'axe-3', departementCode: '38' }),
        aLaureat({ id: 'S-3', dispositifCode: 'axe-3', departementCode: '73' }),
      ]);
      const only = (p: { items: Laureat[] }) =>
        ids(p)
          .filter((id) => id.startsWith('S-'))
          .sort();
      const list = (scope: Parameters<FundRepository['listManaged']>[0]['scope'], extra = {}) =>
        repo.listManaged({ scope, limit: 10_000, offset: 0, ...extra });
      assert.deepEqual(only(await list({ dispositifs: ['axe-2'], axe3Departements: [] })), ['S-1']);
      assert.deepEqual(only(await list({ dispositifs: [], axe3Departements: ['73'] })), ['S-3']);
      assert.deepEqual(only(await list({ dispositifs: ['axe-2'], axe3Departements: ['38'] })), [
        'S-1',
        'S-2',
      ]);
      assert.deepEqual(only(await list({ dispositifs: [], axe3Departements: [] })), []);
      assert.deepEqual(only(await list(null, { dispositif: 'axe-3' })), ['S-2', 'S-3']);
      assert.deepEqual(ids(await list(null, { idOrSiren: 'S-2' })), ['S-2']);
    });

    test('an upload is kept for its sender only, and taken once', async () => {
      const upload = {
        key: 'k1',
        actorId: 'p1',
        fileName: 'laureats.csv',
        content: Buffer.from([0, 1, 2, 255]),
        planDigest: 'd',
        createdAt: '2023-01-20T10:00:00.000Z',
      };
      await repo.stashUpload(upload);
      await repo.stashUpload({ ...upload, key: 'k2', actorId: null, createdAt: '2023-01-18T10:00:00.000Z' });
      assert.equal(await repo.peekUpload('k1', 'someone-else'), null);
      assert.deepEqual(await repo.peekUpload('k1', 'p1'), upload);
      assert.deepEqual(await repo.takeUpload('k1', 'p1'), upload);
      assert.equal(await repo.takeUpload('k1', 'p1'), null);
      assert.equal((await repo.peekUpload('k2', null))?.fileName, 'laureats.csv');
      assert.equal(await repo.purgeUploads('2023-01-19T00:00:00.000Z'), 1);
      assert.equal(await repo.peekUpload('k2', null), null);
    });
  });
}
