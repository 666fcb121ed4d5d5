/**
 * « À moins de N km de <commune> » on SQLite and PostgreSQL, through the fund's public service over the whole
 * COG and its points: who is within reach (a commune by its point, an intercommunalité by its nearest commune,
 * a département or a région by its chef-lieu), the count of each distance, and the other facets' counts with
 * it — the same on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Dialect } from '../../src/adapters/db/connect.js';
import {
  createFundPublicService,
  type FundPublicService,
} from '../../src/modules/fund/search/public-service.js';
import { FACETS, NEAR_RADII, type NearRadius } from '../../src/modules/fund/search/search.types.js';
import { insertTestLaureats, testLaureat } from '../../src/modules/fund/testing/public-factory.js';
import { createTerritoriesModule } from '../../src/modules/territories/index.js';
import { fixedClock } from '../../src/ports/clock.js';
import { dialects, freshDatabase } from '../helpers/database.js';

/**
 * Porteurs around Grenoble, each with its distance as commonly published (crow flies, between town centres),
 * far enough from every radius offered that the communes' points cannot put them on the other side.
 */
const PORTEURS = [
  { id: 'grenoble', key: '38185', kind: 'commune', dep: '38', km: 0 },
  { id: 'saint-martin-d-heres', key: '38421', kind: 'commune', dep: '38', km: 3 },
  { id: 'metropole', key: '200040715', kind: 'epci', dep: '38', km: 0 }, // Grenoble is a member
  { id: 'isere', key: 'departement-38', kind: 'departement', dep: '38', km: 0 }, // chef-lieu Grenoble
  { id: 'voiron', key: '38563', kind: 'commune', dep: '38', km: 22 },
  { id: 'chambery', key: '73065', kind: 'commune', dep: '73', km: 44 },
  { id: 'savoie', key: 'departement-73', kind: 'departement', dep: '73', km: 44 }, // chef-lieu Chambéry
  { id: 'lyon', key: '69123', kind: 'commune', dep: '69', km: 94 },
  { id: 'auvergne-rhone-alpes', key: 'region-84', kind: 'region', dep: null, km: 94 }, // chef-lieu Lyon
  { id: 'bordeaux', key: '33063', kind: 'commune', dep: '33', km: 530 },
  { id: 'syndicat', key: null, kind: 'structure-mutualisation', dep: '38', km: null }, // no territory: never near
] as const;

/** Two lauréats per porteur, one delivered and one under way, so that a facet splits every distance. */
const LAUREATS = PORTEURS.flatMap((p, i) =>
  (['livre', 'en-cours'] as const).map((status, j) =>
    testLaureat({
      id: `${p.id}-${status}`,
      porteurKind: p.kind,
      porteurSiren: String(200_000_000 + i),
      porteurName: p.id,
      territoryKey: p.key,
      communeCode: p.kind === 'commune' ? p.key : null,
      departementCode: p.dep,
      regionCode: p.dep === '33' ? '75' : '84',
      status,
      dispositifCode: j === 0 ? 'axe-1' : 'axe-3',
      decidedOn: `2022-0${1 + (i % 9)}-1${j}`,
    }),
  ),
);

const within = (km: number, status?: string) =>
  LAUREATS.filter((l) => {
    const p = PORTEURS.find((x) => x.key === l.territoryKey && l.porteurName === x.id)!;
    return p.km !== null && p.km <= km && (!status || l.status === status);
  })
    .map((l) => l.id)
    .sort();

const answers: Partial<Record<Dialect, unknown[]>> = {};

for (const dialect of dialects) {
  describe(`« à moins de N km » on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let service: FundPublicService;
    const seen: unknown[] = [];
    before(async () => {
      handle = await freshDatabase(dialect);
      const territories = createTerritoriesModule({ db: handle.db, clock: fixedClock('2023-01-20') });
      await territories.ensureLoaded();
      await insertTestLaureats(handle.db, dialect, LAUREATS);
      service = createFundPublicService({ db: handle.db, dialect, territories });
    });
    after(async () => {
      answers[dialect] = seen;
      await handle?.close();
    });

    const ids = async (km: NearRadius, facets = {}) => {
      const { result, near } = await service.search(
        { facets, perPage: 100 },
        { code: '38185', text: null, km },
      );
      assert.equal(near?.status, 'chosen');
      return { ids: result.items.map((i) => i.id).sort(), result };
    };

    it('keeps the porteurs within each distance, and counts every distance as a facet', async () => {
      for (const km of NEAR_RADII) {
        const { ids: got, result } = await ids(km);
        assert.deepEqual(got, within(km), `${km} km`);
        assert.equal(result.total, within(km).length);
        assert.deepEqual(
          result.near,
          NEAR_RADII.map((r) => ({ km: r, count: within(r).length, selected: r === km })),
        );
        seen.push(result.near, got);
      }
    });

    it('each card says how far its porteur is; the other facets count within the distance, and agree', async () => {
      const { result } = await ids(50);
      const card = result.items.find((i) => i.id === 'chambery-livre')!;
      assert.ok(Math.abs(card.distanceKm! - 44) < 4, `Grenoble – Chambéry ${card.distanceKm} km`);
      assert.equal(result.items.find((i) => i.id === 'isere-livre')!.distanceKm, 0);
      assert.equal(result.facets.statuts.find((v) => v.value === 'livre')?.count, within(50, 'livre').length);
      // With a facet chosen, each distance counts what choosing it would show.
      const delivered = await ids(20, { statuts: ['livre'] });
      assert.deepEqual(delivered.ids, within(20, 'livre'));
      for (const r of delivered.result.near!) {
        const chosen = await ids(r.km, { statuts: ['livre'] });
        assert.equal(chosen.result.total, r.count, `${r.km} km`);
        assert.equal(r.count, within(r.km, 'livre').length);
      }
      for (const facet of FACETS) {
        for (const v of delivered.result.facets[facet]) {
          const chosen = await ids(20, { statuts: ['livre'], [facet]: [v.value] });
          assert.equal(chosen.result.total, v.count, `${facet}=${v.value}`);
        }
      }
      seen.push(
        result.items.map((i) => [i.id, i.distanceKm?.toFixed(6)]),
        delivered.result.facets,
      );
    });

    it('the commune may be typed rather than chosen; an unknown one restricts nothing and says so', async () => {
      const typed = await service.search({ perPage: 1 }, { code: null, text: 'Grenoble', km: 5 });
      assert.deepEqual(typed.near && typed.near.status === 'chosen' && typed.near.code, '38185');
      assert.equal(typed.result.total, within(5).length);
      const unknown = await service.search({ perPage: 1 }, { code: '99999', text: null, km: 5 });
      assert.equal(unknown.near?.status, 'none');
      assert.equal(unknown.result.total, LAUREATS.length);
      assert.equal(unknown.result.near, null);
    });
  });
}

describe('both databases', () => {
  it('answer « à moins de N km » alike', () => {
    assert.ok(answers.sqlite && answers.postgres);
    assert.deepEqual(answers.postgres, answers.sqlite);
  });
});
