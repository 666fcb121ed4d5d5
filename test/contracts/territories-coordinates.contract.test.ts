/**
 * The communes' points and `near` on SQLite and on PostgreSQL, over the whole pinned COG and GeoNames
 * extract: what was matched and how, distances against figures known independently, the bounding box against
 * a brute-force scan, and the same answers on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import { createTerritoriesModule, type TerritoriesModule } from '../../src/modules/territories/index.js';
import { fixedClock } from '../../src/ports/clock.js';
import { dialects, freshDatabase } from '../helpers/database.js';

/** The test's own great-circle distance (same sphere), to check `near` against a scan of every point. */
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(r(b.lat - a.lat) / 2) ** 2 +
    Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** Distances between town centres as the crow flies, as commonly published (km). */
const KNOWN: Array<[from: string, to: string, km: number]> = [
  ['75056', '69123', 392], // Paris – Lyon
  ['75056', '13055', 661], // Paris – Marseille
  ['69123', '13055', 278], // Lyon – Marseille
  ['75056', '59350', 204], // Paris – Lille
  ['38185', '69123', 95], // Grenoble – Lyon
];

/** Town halls' positions from the communes' encyclopaedia entries: GeoNames' point must be near. */
const TOWNS: Array<[code: string, lat: number, lon: number]> = [
  ['38185', 45.1878, 5.7269], // Grenoble
  ['2A004', 41.9267, 8.7369], // Ajaccio
  ['67482', 48.5734, 7.7521], // Strasbourg
  ['97411', -20.8789, 55.4481], // Saint-Denis (La Réunion)
  ['97611', -12.7806, 45.2278], // Mamoudzou
];

const answers: Record<string, unknown> = {};

for (const dialect of dialects) {
  describe(`communes' coordinates on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let module: TerritoriesModule;
    before(async () => {
      handle = await freshDatabase(dialect);
      module = createTerritoriesModule({ db: handle.db, clock: fixedClock('2026-01-20T10:00:00.000Z') });
      const report = await module.ensureLoaded();
      assert.equal(report.coordinates?.loaded, true);
    });
    after(() => handle.close());

    test('every commune has a point; most are GeoNames’ own, the rest estimated and flagged', async () => {
      const about = await module.territories.coordinatesAbout();
      const c = about!.counts;
      assert.equal(c.communes, 34_875);
      const placed = Object.values(c.byPrecision).reduce((a, b) => a + b, 0);
      assert.equal(placed + c.none, c.communes);
      assert.equal(c.none, 0);
      // GeoNames' cities500 places the towns of 500 inhabitants and more: about 42 % of the communes.
      assert.ok(c.byPrecision.commune > 14_000, `${c.byPrecision.commune} communes placed by code`);
      assert.equal(c.rejectedPlaces, 0);
      // An estimate from the communes sharing a postcode strays a few kilometres, rarely more than ten.
      assert.ok(
        c.errors['code-postal'].p50 < 6 && c.errors['code-postal'].p90 < 12,
        JSON.stringify(c.errors),
      );
      assert.ok(
        c.errors['code-postal'].p50 < c.errors.epci.p50 && c.errors.epci.p50 < c.errors.departement.p50,
      );
      const { rows } = await sql<{ precision: string; n: number | string }>`
        SELECT precision, count(*) AS n FROM territory_coordinates GROUP BY precision`.execute(handle.db);
      const stored = Object.fromEntries(rows.map((r) => [r.precision, Number(r.n)]));
      assert.deepEqual(stored, Object.fromEntries(Object.entries(c.byPrecision).filter(([, n]) => n > 0)));
      answers[`${dialect}:counts`] = c;
    });

    test('towns are where their encyclopaedia puts them, within 3 km', async () => {
      for (const [code, lat, lon] of TOWNS) {
        const point = await module.territories.coordinatesOf(code);
        assert.equal(point?.precision, 'commune', code);
        const d = distanceKm(point!, { lat, lon });
        assert.ok(d < 3, `${code}: ${d.toFixed(1)} km from its town hall`);
      }
    });

    test('distances between cities are those known as the crow flies, within 4 km', async () => {
      for (const [from, to, km] of KNOWN) {
        const around = await module.near(from, km + 10);
        const found = around?.find((c) => c.code === to);
        assert.ok(found, `${to} within ${km + 10} km of ${from}`);
        assert.ok(Math.abs(found.km - km) < 4, `${from} – ${to}: ${found.km.toFixed(1)} km, connu ${km} km`);
        const closer = await module.near(from, km - 10);
        assert.equal(
          closer?.find((c) => c.code === to),
          undefined,
          `${to} beyond ${km - 10} km of ${from}`,
        );
      }
    });

    test('near = a scan of every point: nearest first, itself at 0 km, nothing beyond the distance', async () => {
      const { rows } = await sql<{ code: string; lat: number; lon: number }>`
        SELECT code, lat, lon FROM territory_coordinates`.execute(handle.db);
      for (const [code, km] of [
        ['38185', 20],
        ['29019', 50], // Brest, on the coast
        ['97411', 15], // La Réunion
        ['2B033', 30], // Bastia
      ] as const) {
        const origin = rows.find((r) => r.code === code)!;
        const expected = rows
          .filter((r) => distanceKm(origin, r) <= km)
          .map((r) => r.code)
          .sort();
        const got = (await module.near(code, km))!;
        assert.deepEqual(got.map((c) => c.code).sort(), expected, `${code} ${km} km`);
        assert.equal(got[0]!.code, code);
        assert.equal(got[0]!.km, 0);
        for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.km <= got[i]!.km);
        assert.ok(got.every((c) => c.km <= km));
        answers[`${dialect}:${code}`] = got.map((c) => [c.code, c.km.toFixed(6), c.precision, c.epciCode]);
      }
      const grenoble = (await module.near('38185', 5))!;
      assert.ok(
        grenoble.some((c) => c.code === '38421' && c.epciCode === '200040715'),
        'Saint-Martin-d’Hères',
      );
    });

    test('a former code or an arrondissement leads to its commune; an unknown code gives null; a bad distance throws', async () => {
      assert.equal((await module.near('74011', 1))?.[0]?.code, '74010'); // Annecy-le-Vieux → Annecy
      assert.equal((await module.near('69381', 1))?.[0]?.code, '69123'); // Lyon 1er → Lyon
      assert.equal((await module.territories.coordinatesOf('2a004'))?.code, '2A004');
      assert.equal(await module.near('99999', 10), null);
      assert.equal(await module.near('pas un code', 10), null);
      for (const km of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 5000]) {
        await assert.rejects(module.near('38185', km), RangeError);
      }
    });

    test('a database with the COG but older points (or none) gets the pinned ones at the next start', async () => {
      await handle.db
        .updateTable('territory_meta')
        .set({ value: 'ancienne-edition' })
        .where('key', '=', 'coordinates')
        .execute();
      await sql`DELETE FROM territory_coordinates`.execute(handle.db);
      const report = await module.ensureLoaded();
      assert.equal(report.loaded, false);
      assert.equal(report.coordinates?.loaded, true);
      assert.equal((await module.near('38185', 5))?.[0]?.code, '38185');
      const again = await module.ensureLoaded();
      assert.equal(again.coordinates?.loaded, false);
    });
  });
}

test('SQLite and PostgreSQL place and measure alike', () => {
  for (const key of ['counts', '38185', '29019', '97411', '2B033']) {
    assert.deepEqual(answers[`postgres:${key}`], answers[`sqlite:${key}`], key);
  }
});
