import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Dialect } from '../../src/adapters/db/connect.js';
import { normalizeFrench } from '../../src/adapters/search/french-stemmer.js';
import { searchLaureats } from '../../src/modules/fund/search/search.js';
import { FACETS, type FacetKey, type LaureatQuery } from '../../src/modules/fund/search/search.types.js';
import { indexLaureats, reindexAllLaureats } from '../../src/modules/fund/search/text-index.js';
import {
  insertTestLaureats,
  type TestLaureat,
  testLaureat,
} from '../../src/modules/fund/testing/public-factory.js';
import { searchFixture } from '../../src/modules/fund/testing/public-fixtures.js';
import { dialects, freshDatabase } from '../helpers/database.js';

const FIXTURE = searchFixture(80);

/** The search's answer as ids only, all pages walked (perPage 100). */
async function allIds(db: DatabaseHandle, query: LaureatQuery): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await searchLaureats(db.db, db.dialect, { ...query, page, perPage: 100 });
    ids.push(...r.items.map((i) => i.id));
    if (page >= r.pageCount) return ids;
  }
}

/**
 * The lauréats' search on SQLite and PostgreSQL, over the same rows: every assertion runs on both, and the
 * two must also answer exactly alike (same stems, same orders).
 */
describe('Lauréats search contract (SQLite and PostgreSQL)', () => {
  const handles = {} as Record<Dialect, DatabaseHandle>;
  before(async () => {
    for (const dialect of dialects) {
      handles[dialect] = await freshDatabase(dialect);
      await insertTestLaureats(handles[dialect].db, dialect, FIXTURE);
    }
  });
  after(async () => {
    for (const dialect of dialects) await handles[dialect]?.close();
  });
  const both = async (check: (db: DatabaseHandle) => Promise<unknown>) => {
    const answers = [];
    for (const dialect of dialects) answers.push(await check(handles[dialect]));
    assert.deepEqual(answers[1], answers[0], 'PostgreSQL answers as SQLite does');
  };

  it('without criteria, finds every lauréat, newest decision first', () =>
    both(async (db) => {
      const ids = await allIds(db, {});
      const expected = [...FIXTURE]
        .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || (a.id < b.id ? -1 : 1))
        .map((l) => l.id);
      assert.deepEqual(ids, expected);
      return ids;
    }));

  it('facet totals match an independent count over the rows, and each count equals the total once chosen', () =>
    both(async (db) => {
      const queries: LaureatQuery[] = [
        {},
        { facets: { statuts: ['livre', 'en-cours'] } },
        { facets: { dispositifs: ['axe-3'], regions: ['84'], themes: ['relation-usagers', 'cooperation'] } },
        { text: 'salles', facets: { annees: ['2022'], kinds: ['commune', 'epci'] } },
        { text: 'données', facets: { montants: ['10k-50k', '500k-plus'], populations: ['100000-plus'] } },
        { facets: { departements: ['38', '2A'] }, restrict: { sirens: ['213801855', '212000046'] } },
      ];
      const seen: unknown[] = [];
      for (const query of queries) {
        const result = await searchLaureats(db.db, db.dialect, query);
        seen.push(result.total, result.facets);
        for (const facet of FACETS) {
          for (const value of result.facets[facet]) {
            const chosen = await searchLaureats(db.db, db.dialect, {
              ...query,
              facets: { ...query.facets, [facet]: [value.value] },
              perPage: 1,
            });
            assert.equal(chosen.total, value.count, `${JSON.stringify(query)} ${facet}=${value.value}`);
          }
        }
        if (!query.text && !query.restrict) assert.equal(result.total, independentCount(query.facets ?? {}));
      }
      return seen;
    }));

  it('selected values are marked, and a chosen value no row has still appears with a zero count', () =>
    both(async (db) => {
      const r = await searchLaureats(db.db, db.dialect, {
        facets: { departements: ['974'], statuts: ['livre'] },
      });
      assert.equal(r.total, 0);
      assert.deepEqual(
        r.facets.departements.find((v) => v.value === '974'),
        { value: '974', count: 0, selected: true },
      );
      assert.equal(r.facets.statuts.find((v) => v.value === 'livre')?.selected, true);
      return r.facets;
    }));

  it('pages cover the results once each, in order; a page past the end is the last one', () =>
    both(async (db) => {
      const whole = await allIds(db, { sort: 'montant' });
      const paged: string[] = [];
      for (let page = 1; page <= 9; page++) {
        const r = await searchLaureats(db.db, db.dialect, { sort: 'montant', page, perPage: 10 });
        assert.equal(r.pageCount, 8);
        paged.push(...r.items.map((i) => i.id));
      }
      assert.deepEqual(paged.slice(0, 80), whole);
      const beyond = await searchLaureats(db.db, db.dialect, { page: 999, perPage: 10 });
      assert.equal(beyond.page, 8);
      const capped = await searchLaureats(db.db, db.dialect, { perPage: 5000 });
      assert.equal(capped.perPage, 100);
      return paged;
    }));

  it('a cursor walks the same order as the pages, for every sort', () =>
    both(async (db) => {
      const walks: string[][] = [];
      for (const sort of ['date', 'montant', 'titre', 'pertinence'] as const) {
        const query = { text: sort === 'pertinence' ? 'salle' : '', sort };
        const expected = await allIds(db, query);
        const walked: string[] = [];
        let after: string | undefined;
        for (;;) {
          const r = await searchLaureats(db.db, db.dialect, { ...query, perPage: 7, after });
          walked.push(...r.items.map((i) => i.id));
          if (!r.nextCursor) break;
          after = r.nextCursor;
        }
        assert.deepEqual(walked, expected, sort);
        walks.push(walked);
      }
      return walks;
    }));

  it('sorts by amount, date and title as announced', () =>
    both(async (db) => {
      const amounts = (await searchLaureats(db.db, db.dialect, { sort: 'montant', perPage: 100 })).items;
      for (let i = 1; i < amounts.length; i++) assert.ok(amounts[i - 1]!.amountEur >= amounts[i]!.amountEur);
      const titles = (await searchLaureats(db.db, db.dialect, { sort: 'titre', perPage: 100 })).items;
      const keys = titles.map((t) => normalizeFrench(t.title));
      assert.deepEqual(keys, [...keys].sort());
      return [amounts.map((a) => a.id), titles.map((t) => t.id)];
    }));

  it('French text: accents, plurals and case are ignored; every word is required; the last one may be a prefix', () =>
    both(async (db) => {
      const salle = await allIds(db, { text: 'SALLE' });
      assert.deepEqual(await allIds(db, { text: 'salles' }), salle);
      const expected = FIXTURE.filter((l) => /salle/i.test(l.title))
        .map((l) => l.id)
        .sort();
      assert.deepEqual([...salle].sort(), expected);
      assert.deepEqual(
        (await allIds(db, { text: 'réservation' })).sort(),
        (await allIds(db, { text: 'reservations' })).sort(),
      );
      const both = await allIds(db, { text: 'réservation sport' });
      assert.ok(both.length > 0);
      for (const id of both) assert.match(FIXTURE.find((l) => l.id === id)!.title, /sport/);
      assert.ok((await allIds(db, { text: 'dématér' })).length > 0, 'a prefix of the last word');
      assert.deepEqual(await allIds(db, { text: 'zygomorphe' }), []);
      return [salle, both];
    }));

  it('pertinence puts lauréats with every word in their title before those matching by their summary', () =>
    both(async (db) => {
      const ids = await allIds(db, { text: 'équipements', sort: 'pertinence' });
      assert.ok(ids.length > 0);
      const custom = await searchLaureats(db.db, db.dialect, { text: 'portail', sort: 'pertinence' });
      assert.ok(custom.items.every((i) => /portail/i.test(i.title)));
      return ids;
    }));

  it('garbage never throws and gives an answer', () =>
    both(async (db) => {
      const garbage: unknown[] = [
        { text: '"*NEAR( ) : - ^ \' \\ & | ! <-> :* AND OR NOT' },
        { text: '🙂 ∑ 漢字 ﷽', facets: { statuts: 'livre' } },
        { text: 'a'.repeat(10_000) },
        { facets: { dispositifs: [42, null, {}], themes: ['x'.repeat(500)] }, page: Number.NaN },
        { page: -5, perPage: Number.POSITIVE_INFINITY },
        { page: 1e300, perPage: -1, sort: 'DROP TABLE laureat' },
        { after: 'pas-un-curseur', sort: 'montant' },
        { after: Buffer.from('["montant",0,null,null,null,null]').toString('base64url'), sort: 'montant' },
        { restrict: { communes: ['38185', 7], departements: 'x' } },
      ];
      const totals = [];
      for (const query of garbage) {
        const r = await searchLaureats(db.db, db.dialect, query as LaureatQuery);
        assert.ok(Number.isInteger(r.total) && r.items.length <= 100);
        totals.push(r.total);
      }
      return totals;
    }));

  it('restrictions: a commune, an EPCI with its communes, départements', () =>
    both(async (db) => {
      const commune = await allIds(db, { restrict: { communes: ['38185'] } });
      assert.deepEqual(
        commune.sort(),
        FIXTURE.filter((l) => l.territoryKey === '38185')
          .map((l) => l.id)
          .sort(),
      );
      const deps = await allIds(db, { restrict: { departements: ['38', '01'] } });
      assert.deepEqual(
        deps.sort(),
        FIXTURE.filter((l) => ['38', '01'].includes(l.departementCode ?? ''))
          .map((l) => l.id)
          .sort(),
      );
      assert.deepEqual(await allIds(db, { restrict: { departements: [] } }), []);
      return [commune, deps];
    }));

  it('indexLaureats follows changes: a new title is found, the old one no more, a deleted lauréat leaves', async () => {
    for (const dialect of dialects) {
      const db = await freshDatabase(dialect);
      try {
        await insertTestLaureats(db.db, dialect, [
          testLaureat({ id: 'X1', title: 'Tablettes des agents' }),
          testLaureat({ id: 'X2', title: 'Tableau de bord' }),
        ]);
        assert.deepEqual(await allIds(db, { text: 'tablette' }), ['X1']);
        await db.db
          .updateTable('laureat')
          .set({ title: 'Visioconférence', updated_at: 'z' })
          .where('id', '=', 'X1')
          .execute();
        await indexLaureats(db.db, dialect, ['X1']);
        assert.deepEqual(await allIds(db, { text: 'tablette' }), []);
        assert.deepEqual(await allIds(db, { text: 'visioconference' }), ['X1']);
        await db.db.deleteFrom('laureat').where('id', '=', 'X2').execute();
        await indexLaureats(db.db, dialect, ['X2']);
        assert.deepEqual(await allIds(db, {}), ['X1']);
        assert.equal(await reindexAllLaureats(db.db, dialect), 1);
        assert.deepEqual(await allIds(db, { text: 'visioconférences' }), ['X1']);
      } finally {
        await db.close();
      }
    }
  });
});

/** The number of fixture rows passing every facet selection: the search's total, computed another way. */
function independentCount(facets: Partial<Record<FacetKey, string[]>>): number {
  const bands = (value: number | null, cuts: number[]) =>
    value === null ? null : cuts.filter((c) => value >= c).length;
  const value = (l: TestLaureat, facet: FacetKey): string[] => {
    switch (facet) {
      case 'dispositifs':
        return [l.dispositifCode];
      case 'themes':
        return l.themes;
      case 'regions':
        return l.regionCode ? [l.regionCode] : [];
      case 'departements':
        return l.departementCode ? [l.departementCode] : [];
      case 'kinds':
        return [l.porteurKind];
      case 'statuts':
        return [l.status];
      case 'annees':
        return [l.decidedOn.slice(0, 4)];
      case 'populations': {
        const b = bands(l.population, [500, 2_000, 3_500, 10_000, 20_000, 50_000, 100_000]);
        const codes = [
          'moins-500',
          '500-1999',
          '2000-3499',
          '3500-9999',
          '10000-19999',
          '20000-49999',
          '50000-99999',
          '100000-plus',
        ];
        return b === null ? [] : [codes[b]!];
      }
      case 'montants': {
        const codes = ['moins-10k', '10k-50k', '50k-100k', '100k-500k', '500k-plus'];
        return [codes[bands(l.amountEur, [10_000, 50_000, 100_000, 500_000])!]!];
      }
    }
  };
  return FIXTURE.filter((l) =>
    Object.entries(facets).every(
      ([facet, chosen]) => !chosen?.length || value(l, facet as FacetKey).some((v) => chosen.includes(v)),
    ),
  ).length;
}
