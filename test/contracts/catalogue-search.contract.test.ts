import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Dialect } from '../../src/adapters/db/connect.js';
import { normalizeFrench } from '../../src/adapters/search/french-stemmer.js';
import {
  adopterKindOf,
  type Solution,
  type SolutionUse,
} from '../../src/modules/catalogue/catalogue.domain.js';
import { searchSolutions } from '../../src/modules/catalogue/search/search.js';
import {
  FACETS,
  type FacetKey,
  type SolutionQuery,
} from '../../src/modules/catalogue/search/search.types.js';
import { bumpIndexVersion } from '../../src/modules/catalogue/search/text-index.js';
import {
  insertTestCatalogue,
  searchFixture,
  testSolution,
  testUse,
} from '../../src/modules/catalogue/testing/factory.js';
import { dialects, freshDatabase } from '../helpers/database.js';

const FIXTURE = searchFixture(70);
const PUBLISHED = FIXTURE.solutions.filter((s) => s.status === 'publiee');

/** A solution's values per facet, computed here from the fixture, independently of the engine. */
function valuesOf(s: Solution, uses: SolutionUse[]): Record<FacetKey, string[]> {
  const used = uses.filter((u) => u.solutionId === s.id && u.status === 'utilise');
  const set = (list: Array<string | null>) => [...new Set(list.filter((v): v is string => !!v))];
  return {
    themes: s.themes,
    maturites: [s.maturity],
    licences: [s.licence],
    adoptions: s.adoptionModes,
    adoptants: set(used.map((u) => adopterKindOf(u.organisationKind))),
    regions: set(used.map((u) => u.regionCode)),
    departements: set(used.map((u) => u.departementCode)),
    verification: [s.verified ? 'verifiee' : 'declaree'],
  };
}

function expectedIds(query: SolutionQuery, except?: FacetKey): Solution[] {
  return PUBLISHED.filter((s) => {
    const values = valuesOf(s, FIXTURE.uses);
    for (const key of FACETS) {
      const chosen = query.facets?.[key] ?? [];
      if (key === except || chosen.length === 0) continue;
      if (!values[key].some((v) => chosen.includes(v))) return false;
    }
    const used = FIXTURE.uses.filter((u) => u.solutionId === s.id && u.status === 'utilise');
    const r = query.restrict ?? {};
    if (r.communes && !used.some((u) => u.communeCode && r.communes!.includes(u.communeCode))) return false;
    if (r.epcis && !used.some((u) => u.epciCode && r.epcis!.includes(u.epciCode))) return false;
    if (r.departements && !used.some((u) => u.departementCode && r.departements!.includes(u.departementCode)))
      return false;
    if (r.sirens && !used.some((u) => r.sirens!.includes(u.organisationSiren))) return false;
    return true;
  });
}

const usersOf = (id: string) =>
  FIXTURE.uses.filter((u) => u.solutionId === id && u.status === 'utilise').length;

async function allIds(db: DatabaseHandle, query: SolutionQuery): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await searchSolutions(db.db, db.dialect, { ...query, page, perPage: 100 });
    ids.push(...r.items.map((i) => i.id));
    if (page >= r.pageCount) return ids;
  }
}

/** The catalogue's search on SQLite and PostgreSQL, over the same rows: both must answer alike. */
describe('Catalogue search contract (SQLite and PostgreSQL)', () => {
  const handles = {} as Record<Dialect, DatabaseHandle>;
  before(async () => {
    for (const dialect of dialects) {
      handles[dialect] = await freshDatabase(dialect);
      await insertTestCatalogue(handles[dialect].db, dialect, FIXTURE);
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

  it('finds the published solutions only, most used first, then the newest, then by id', () =>
    both(async (db) => {
      const ids = await allIds(db, {});
      const expected = [...PUBLISHED]
        .sort(
          (a, b) =>
            usersOf(b.id) - usersOf(a.id) ||
            b.publishedAt!.localeCompare(a.publishedAt!) ||
            (a.id < b.id ? -1 : 1),
        )
        .map((s) => s.id);
      assert.deepEqual(ids, expected);
      const recent = await allIds(db, { sort: 'recent' });
      assert.deepEqual(
        recent,
        [...PUBLISHED]
          .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!) || (a.id < b.id ? -1 : 1))
          .map((s) => s.id),
      );
      return [ids, recent];
    }));

  it('facet totals and counts match an independent count, and each count is the total once chosen', () =>
    both(async (db) => {
      const queries: SolutionQuery[] = [
        {},
        { facets: { maturites: ['production', 'generalise'] } },
        { facets: { themes: ['relation-usagers', 'donnees-ouvertes'], licences: ['agpl-3.0'] } },
        { facets: { departements: ['38', '2A'], adoptions: ['saas'] } },
        { facets: { adoptants: ['epci'], verification: ['verifiee'] } },
        { facets: { regions: ['84'] }, restrict: { epcis: ['200040715'] } },
        { restrict: { sirens: ['213801855', '999900020'] } },
      ];
      const seen: unknown[] = [];
      for (const query of queries) {
        const result = await searchSolutions(db.db, db.dialect, query);
        assert.equal(result.total, expectedIds(query).length, JSON.stringify(query));
        for (const facet of FACETS) {
          const pool = expectedIds(query, facet);
          for (const value of result.facets[facet]) {
            const expected = pool.filter((s) =>
              valuesOf(s, FIXTURE.uses)[facet].includes(value.value),
            ).length;
            assert.equal(value.count, expected, `${JSON.stringify(query)} ${facet}=${value.value}`);
            if (value.count > 0) {
              const chosen = await searchSolutions(db.db, db.dialect, {
                ...query,
                facets: { ...query.facets, [facet]: [value.value] },
                perPage: 1,
              });
              assert.equal(chosen.total, value.count);
            }
          }
        }
        seen.push(result.total, result.facets);
      }
      return seen;
    }));

  it('French full text: accents, case and plurals ignored, the last word as a prefix, the name first', () =>
    both(async (db) => {
      const named = (word: string) =>
        PUBLISHED.filter((s) => normalizeFrench(`${s.name} ${s.summary}`).includes(word))
          .map((s) => s.id)
          .sort();
      const salles = (await allIds(db, { text: 'salles' })).sort();
      assert.deepEqual(salles, named('salle'));
      assert.deepEqual((await allIds(db, { text: 'SALLE' })).sort(), salles);
      assert.deepEqual(
        (await allIds(db, { text: 'réservation' })).sort(),
        (await allIds(db, { text: 'reservations' })).sort(),
      );
      assert.deepEqual((await allIds(db, { text: 'délib' })).sort(), named('deliberations'));
      assert.equal((await searchSolutions(db.db, db.dialect, { text: 'zygomorphe' })).total, 0);
      // Pertinence: solutions with the word in their name come before those with it in their summary only.
      const ranked = await allIds(db, { text: 'salle', sort: 'pertinence' });
      const inName = new Set(
        PUBLISHED.filter((s) => normalizeFrench(s.name).includes('salle')).map((s) => s.id),
      );
      const firstOther = ranked.findIndex((id) => !inName.has(id));
      assert.ok(firstOther === -1 || ranked.slice(firstOther).every((id) => !inName.has(id)));
      // Text and facets together.
      const mixed = await searchSolutions(db.db, db.dialect, {
        text: 'salle',
        facets: { maturites: ['production'] },
      });
      assert.ok(mixed.items.every((i) => i.maturity === 'production'));
      return [salles, ranked, mixed.total];
    }));

  it('a cursor walks every sort without gap nor repeat, the same as the pages', () =>
    both(async (db) => {
      const out: string[][] = [];
      for (const query of [
        { sort: 'utilisateurs' },
        { sort: 'recent' },
        { text: 'salle', sort: 'pertinence' },
      ] as const) {
        const pages = await allIds(db, query);
        const walked: string[] = [];
        let after: string | undefined;
        for (;;) {
          const r = await searchSolutions(db.db, db.dialect, { ...query, perPage: 7, after });
          walked.push(...r.items.map((i) => i.id));
          if (!r.nextCursor) break;
          after = r.nextCursor;
        }
        assert.deepEqual(walked, pages, query.sort);
        out.push(walked);
      }
      return out;
    }));

  it('« utilisée près de chez moi »: same commune, same EPCI, same département', () =>
    both(async (db) => {
      const commune = await allIds(db, { restrict: { communes: ['38185'] } });
      assert.deepEqual(
        commune.sort(),
        expectedIds({ restrict: { communes: ['38185'] } })
          .map((s) => s.id)
          .sort(),
      );
      const epci = await allIds(db, { restrict: { epcis: ['200040715'] } });
      const dep = await allIds(db, { restrict: { departements: ['38'] } });
      assert.ok(commune.every((id) => epci.includes(id)) && epci.every((id) => dep.includes(id)));
      assert.deepEqual(
        dep.sort(),
        expectedIds({ restrict: { departements: ['38'] } })
          .map((s) => s.id)
          .sort(),
      );
      return [commune, epci, dep];
    }));

  it('bad input selects nothing or falls back, never throws', () =>
    both(async (db) => {
      const r = await searchSolutions(db.db, db.dialect, {
        text: '"*) OR 1=1 -- NEAR(',
        facets: { maturites: ['nimporte'], themes: [42 as unknown as string] },
        sort: 'nimporte' as 'recent',
        page: -3,
        perPage: 10_000,
        after: 'pas-un-curseur',
      });
      assert.equal(r.total, 0);
      assert.equal(r.perPage, 100);
      return r.total;
    }));

  it('a new declaration changes the counts at the next search (the index version is bumped)', () =>
    both(async (db) => {
      const id = 'nouvelle-solution';
      await insertTestCatalogue(db.db, db.dialect, { solutions: [testSolution({ id, name: 'Zéphyr' })] });
      const before = await searchSolutions(db.db, db.dialect, { text: 'zephyr' });
      assert.equal(before.items[0]?.users, 0);
      await db.db
        .insertInto('solution_use')
        .values(rowOf(testUse(id, 'rennes')))
        .execute();
      await bumpIndexVersion(db.db);
      const afterUse = await searchSolutions(db.db, db.dialect, {
        text: 'zephyr',
        facets: { regions: ['53'] },
      });
      assert.equal(afterUse.total, 1);
      assert.equal(afterUse.items[0]?.users, 1);
      return afterUse.total;
    }));
});

function rowOf(u: SolutionUse) {
  return {
    id: u.id,
    solution_id: u.solutionId,
    organisation_siren: u.organisationSiren,
    status: u.status,
    since: u.since,
    use_case: u.useCase,
    instance_url: u.instanceUrl,
    declared_by: u.declaredBy,
    organisation_name: u.organisationName,
    organisation_kind: u.organisationKind,
    commune_code: u.communeCode,
    epci_code: u.epciCode,
    departement_code: u.departementCode,
    region_code: u.regionCode,
    demonstration: 0,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
  };
}
