import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csvFile, goodLine, SIREN, xlsxFile } from '../testing/files.js';
import { type FundTestPlatform, fundTestPlatform } from '../testing/fund-platform.js';

// The import’s whole path on PostgreSQL (the repository’s contract suite covers each query on both): the
// porteurs found in the COG, one transaction, idempotence, an update, all or nothing.
describe('Lauréats import on PostgreSQL', () => {
  let t: FundTestPlatform;
  before(async () => {
    t = await fundTestPlatform('postgres');
  });
  after(() => t.close());

  test('imports, changes nothing the second time, updates a changed amount, and writes nothing with a rejection', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) =>
      goodLine({
        identifiant: `PG-${i}`,
        idBeneficiaire: i % 2 ? SIREN.grenoble : SIREN.grenobleMetropole,
        coporteurs: i % 3 ? '' : SIREN.rennes,
      }),
    );
    const first = await t.fund.importLaureats(csvFile(rows), 'pg.csv', { dryRun: false });
    assert.deepEqual([first.applied, first.report.created, first.report.rejected.length], [true, 1_200, 0]);
    const l = await t.fund.repo.findLaureat('PG-3');
    assert.deepEqual(
      [l?.porteur.name, l?.communeCode, l?.coporteurs],
      ['Commune de Grenoble', '38185', [{ siren: SIREN.rennes, name: 'Commune de Rennes' }]],
    );
    const again = await t.fund.importLaureats(await xlsxFile(rows, { typed: true }), 'pg.xlsx', {
      dryRun: false,
    });
    assert.equal(again.report.unchanged, 1_200);
    rows[7] = { ...rows[7]!, montant: '1' };
    const changed = await t.fund.importLaureats(csvFile(rows), 'pg.csv', { dryRun: false });
    assert.deepEqual([changed.report.updated, changed.report.unchanged], [1, 1_199]);
    rows[8] = { ...rows[8]!, montant: 'douze' };
    rows[9] = { ...rows[9]!, montant: '2' };
    const refused = await t.fund.importLaureats(csvFile(rows), 'pg.csv', { dryRun: false });
    assert.equal(refused.applied, false);
    assert.equal((await t.fund.repo.findLaureat('PG-9'))?.amountEur, 150_000);
  });
});
