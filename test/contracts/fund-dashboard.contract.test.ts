/**
 * The results dashboard's figures on SQLite and on PostgreSQL: the demonstration lauréats are seeded into a
 * database holding the whole COG, then every figure the SQL aggregations give is checked against the same
 * figure computed here, in JavaScript, over the same generated rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import { computeDashboard } from '../../src/modules/fund/dashboard/aggregations.js';
import { type DemoLaureat, generateLaureats } from '../../src/modules/fund/demo/generate.js';
import { ensureDispositifs } from '../../src/modules/fund/demo/insert.js';
import { cogFromDatabase, DEMO_SEED, seedDemoLaureats } from '../../src/modules/fund/demo/seed.js';
import { bandOf, DISPOSITIFS, POPULATION_BANDS } from '../../src/modules/fund/fund.domain.js';
import { loadTerritories } from '../../src/modules/territories/index.js';
import { dialects, freshDatabase } from '../helpers/database.js';

const NOW = new Date('2023-01-18T08:00:00.000Z');

/** Amount, count and distinct SIRENs per key, the naive way. */
function groupTotals(rows: DemoLaureat[], key: (r: DemoLaureat) => string | null) {
  const groups = new Map<string | null, { amountEur: number; projects: number; sirens: Set<string> }>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k) ?? { amountEur: 0, projects: 0, sirens: new Set<string>() };
    g.amountEur += r.laureat.amount_eur;
    g.projects += 1;
    g.sirens.add(r.laureat.porteur_siren);
    groups.set(k, g);
  }
  return new Map(
    [...groups].map(([k, g]) => [
      k,
      { amountEur: g.amountEur, projects: g.projects, collectivites: g.sirens.size },
    ]),
  );
}
const zero = { amountEur: 0, projects: 0, collectivites: 0 };
const pick = (t: { amountEur: number; projects: number; collectivites: number }) => ({
  amountEur: t.amountEur,
  projects: t.projects,
  collectivites: t.collectivites,
});

for (const dialect of dialects) {
  describe(`fund dashboard figures (${dialect})`, () => {
    let handle: DatabaseHandle;
    let rows: DemoLaureat[];

    before(async () => {
      handle = await freshDatabase(dialect);
      await loadTerritories(handle.db);
    });
    after(async () => {
      await handle?.close();
    });

    test('an empty fund: zeros everywhere, every région and département listed, no demonstration', async () => {
      await ensureDispositifs(handle.db);
      await ensureDispositifs(handle.db);
      const f = await computeDashboard(handle.db, NOW);
      assert.deepEqual(pick(f.overall), zero);
      assert.equal(f.demonstration, false);
      assert.equal(f.dispositifs.length, 4);
      assert.equal(f.departements.length, 101);
      assert.equal(f.regions.length, 18);
      assert.deepEqual(f.quarters, []);
      assert.equal(f.overall.envelopeEur, 113_000_000);
    });

    test('seedDemoLaureats fills an empty fund once, then does nothing', async () => {
      const first = await seedDemoLaureats(handle.db);
      assert.equal(first.inserted, 5000);
      const second = await seedDemoLaureats(handle.db);
      assert.equal(second.inserted, 0);
      const counted = await handle.db
        .selectFrom('laureat')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      assert.equal(Number(counted?.n), 5000);
      // The rows in the database are the generator's for the same seed and COG: the test recomputes on them.
      rows = generateLaureats({ seed: DEMO_SEED, ...(await cogFromDatabase(handle.db)) });
      const themes = await handle.db
        .selectFrom('laureat_theme')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      assert.equal(
        Number(themes?.n),
        rows.reduce((s, r) => s + r.themes.length, 0),
      );
      // Written with the search's text index, in the same transaction.
      const indexed = await sql<{ n: number | string }>`select count(*) as n from laureat_search`.execute(
        handle.db,
      );
      assert.equal(Number(indexed.rows[0]?.n), 5000);
    });

    test('overall and per dispositif: amounts, projects, distinct porteurs, share of the envelope', async () => {
      const f = await computeDashboard(handle.db, NOW);
      const all = groupTotals(rows, () => 'all').get('all')!;
      assert.deepEqual(pick(f.overall), all);
      assert.equal(f.demonstration, true);
      assert.equal(f.computedAt, NOW.toISOString());
      const byDispositif = groupTotals(rows, (r) => r.laureat.dispositif_code);
      for (const d of DISPOSITIFS) {
        const figure = f.dispositifs.find((x) => x.code === d.code)!;
        assert.deepEqual(pick(figure), byDispositif.get(d.code), d.code);
        assert.equal(figure.envelopeEur, d.envelopeEur);
        assert.equal(figure.shareUsed, byDispositif.get(d.code)!.amountEur / d.envelopeEur);
      }
    });

    test('per région and per département, with the COG’s names, and what no département holds', async () => {
      const f = await computeDashboard(handle.db, NOW);
      const byRegion = groupTotals(rows, (r) => r.laureat.region_code);
      const byDepartement = groupTotals(rows, (r) => r.laureat.departement_code);
      for (const r of f.regions) assert.deepEqual(pick(r), byRegion.get(r.code) ?? zero, r.code);
      for (const d of f.departements) assert.deepEqual(pick(d), byDepartement.get(d.code) ?? zero, d.code);
      assert.deepEqual(pick(f.outsideDepartements), byDepartement.get(null) ?? zero);
      assert.deepEqual(pick(f.outsideRegions), byRegion.get(null) ?? zero);
      assert.equal(f.departements.find((d) => d.code === '38')?.name, 'Isère');
      assert.equal(f.departements.find((d) => d.code === '38')?.regionCode, '84');
      assert.equal(f.regions.find((r) => r.code === '84')?.name, 'Auvergne-Rhône-Alpes');
      assert.ok(f.outsideDepartements.projects > 0, 'régions carry projects of their own');
    });

    test('per population band and per kind of porteur', async () => {
      const f = await computeDashboard(handle.db, NOW);
      const byBand = groupTotals(
        rows,
        (r) => bandOf(POPULATION_BANDS, r.laureat.population)?.code ?? 'inconnue',
      );
      for (const b of f.populationBands) assert.deepEqual(pick(b), byBand.get(b.code) ?? zero, b.code);
      assert.equal(f.populationBands.at(-1)?.code, 'inconnue', 'the syndicats have no population');
      const byKind = groupTotals(rows, (r) => r.laureat.porteur_kind);
      for (const k of f.porteurKinds) assert.deepEqual(pick(k), byKind.get(k.code) ?? zero, k.code);
      const sum = (list: Array<{ projects: number }>) => list.reduce((s, x) => s + x.projects, 0);
      assert.equal(sum(f.populationBands), rows.length);
      assert.equal(sum(f.porteurKinds), rows.length);
    });

    test('per quarter of decision, per dispositif', async () => {
      const f = await computeDashboard(handle.db, NOW);
      const quarterOf = (r: DemoLaureat) =>
        `${r.laureat.decided_on.slice(0, 4)}-${Math.ceil(Number(r.laureat.decided_on.slice(5, 7)) / 3)}`;
      const byQuarter = groupTotals(rows, quarterOf);
      assert.deepEqual(
        f.quarters.map((q) => `${q.year}-${q.quarter}`),
        [...byQuarter.keys()].sort((a, b) => a!.localeCompare(b!)),
      );
      for (const q of f.quarters) {
        assert.deepEqual(pick(q), byQuarter.get(`${q.year}-${q.quarter}`));
        for (const d of DISPOSITIFS) {
          const expected = groupTotals(
            rows.filter(
              (r) => quarterOf(r) === `${q.year}-${q.quarter}` && r.laureat.dispositif_code === d.code,
            ),
            () => 'x',
          ).get('x');
          assert.equal(q.byDispositif[d.code]?.amountEur ?? 0, expected?.amountEur ?? 0);
          assert.equal(q.byDispositif[d.code]?.projects ?? 0, expected?.projects ?? 0);
        }
      }
    });
  });
}
