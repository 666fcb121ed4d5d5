import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FULL_SCOPE } from './admin/permissions.js';
import { createKyselyFundRepository } from './fund.repository.kysely.js';
import { createFundService, type LaureatEdit } from './fund.service.js';
import { csvFile, goodLine, SIREN } from './testing/files.js';
import { type FundTestPlatform, fundTestPlatform } from './testing/fund-platform.js';

const by = { id: 'p-1', label: 'Camille Martin', ip: null };

describe('The fund’s use cases', () => {
  let t: FundTestPlatform;
  before(async () => {
    t = await fundTestPlatform('sqlite');
    await t.fund.importLaureats(csvFile([goodLine({ identifiant: 'S-1' })]), 'seed.csv', { dryRun: false });
  });
  after(() => t.close());

  const edit = (over: Partial<LaureatEdit> = {}): LaureatEdit => ({
    dispositifCode: 'axe-2',
    siren: SIREN.grenobleMetropole,
    nomBeneficiaire: null,
    title: 'Démarches en ligne métropolitaines',
    summary: 'Un guichet unique des démarches.',
    themes: ['dematerialisation-demarches', 'franceconnect-api'],
    amountEur: 150_000,
    totalCostEur: 200_000,
    filedOn: '2021-11-15',
    decidedOn: '2022-01-20',
    status: 'en-cours',
    coporteurs: [SIREN.grenoble],
    siteUrl: 'https://demarches.example.fr',
    sourceUrl: null,
    outputs: '',
    ...over,
  });
  const audits = async () =>
    (await t.accounts.repo.listAudit({ action: 'laureat-modifie', limit: 50, offset: 0 })).total;

  test('the dispositifs are seeded once, each with its rule versions in date order', async () => {
    const fresh = createFundService({
      repo: createKyselyFundRepository(t.database.db),
      clock: t.clock,
      audit: async () => {},
      directory: { territories: t.territories.territories, organisations: t.territories.organisations },
    });
    assert.deepEqual(await fresh.ensureDispositifs(), { written: 0 }, 'the platform seeded them already');
    const axe2 = (await fresh.dispositifs()).find((d) => d.code === 'axe-2');
    assert.deepEqual(
      axe2?.rules.map((r) => [r.validFrom, r.minPopulation, r.maxStateShare]),
      [
        ['2021-01-25', 500_000, 0.5],
        ['2021-10-01', 300_000, 0.75],
      ],
    );
  });

  test('saving the same values changes and audits nothing', async () => {
    const before = await audits();
    const result = await t.fund.service.updateLaureat('S-1', edit(), {
      scope: FULL_SCOPE,
      by,
      expectedVersion: null,
    });
    assert.ok(result?.ok);
    assert.deepEqual(result.changes, {});
    assert.equal(await audits(), before);
  });

  test('a new porteur is looked up again; one unknown to the registry needs a name, and is recorded', async () => {
    const refused = await t.fund.service.updateLaureat('S-1', edit({ siren: SIREN.unknown }), {
      scope: FULL_SCOPE,
      by,
      expectedVersion: null,
    });
    assert.deepEqual(refused, {
      ok: false,
      errors: {
        idBeneficiaire:
          'SIREN inconnu ou invalide : organisme absent du référentiel, indiquez son nom ci-dessous',
      },
    });
    const saved = await t.fund.service.updateLaureat(
      'S-1',
      edit({ siren: SIREN.unknown, nomBeneficiaire: 'Syndicat  mixte Gironde Numérique' }),
      { scope: FULL_SCOPE, by, expectedVersion: null },
    );
    assert.ok(saved?.ok);
    assert.deepEqual(saved.laureat.porteur, {
      siren: SIREN.unknown,
      name: 'Syndicat mixte Gironde Numérique',
      kind: 'structure-mutualisation',
    });
    assert.deepEqual(Object.keys(saved.changes), ['idBeneficiaire', 'nomBeneficiaire']);
    assert.equal((await t.territories.organisations.bySiren(SIREN.unknown))?.kind, 'structure-mutualisation');
    assert.equal(
      await t.fund.service.updateLaureat('absent', edit(), { scope: FULL_SCOPE, by, expectedVersion: null }),
      null,
    );
  });

  test('warnings come with the lauréat on its form', async () => {
    const laureat = (await t.fund.service.laureat('S-1'))!;
    const warnings = await t.fund.service.warningsFor({ ...laureat, amountEur: 190_000 });
    assert.deepEqual(
      warnings.map((w) => w.column),
      ['montant'],
    );
  });

  test('the lists for the territories’ and porteurs’ pages', async () => {
    const byPorteur = await t.fund.service.listByPorteur(SIREN.unknown, { limit: 10, offset: 0 });
    assert.deepEqual(
      byPorteur.items.map((l) => l.id),
      ['S-1'],
    );
    const byDepartement = await t.fund.service.listByTerritory(
      { kind: 'departement', code: '38' },
      { limit: 10, offset: 0 },
    );
    assert.equal(byDepartement.total, 0, 'a syndicat without a territory is nowhere');
  });
});
