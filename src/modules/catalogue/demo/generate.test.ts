import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DemoCollectivite, generateCatalogue } from './generate.js';
import { NAMED_SOLUTIONS } from './named.js';

/** A small COG: 40 communes over two départements, Grenoble and Bordeaux among them. */
const COG: DemoCollectivite[] = [
  {
    siren: '213801855',
    name: 'Commune de Grenoble',
    kind: 'commune',
    communeCode: '38185',
    epciCode: '200040715',
    departementCode: '38',
    regionCode: '84',
  },
  {
    siren: '213300635',
    name: 'Commune de Bordeaux',
    kind: 'commune',
    communeCode: '33063',
    epciCode: '243300316',
    departementCode: '33',
    regionCode: '75',
  },
  ...Array.from({ length: 38 }, (_, i) => ({
    siren: String(210000000 + i),
    name: `Commune ${i}`,
    kind: 'commune' as const,
    communeCode: `${i % 2 ? '38' : '33'}${String(100 + i)}`,
    epciCode: null,
    departementCode: i % 2 ? '38' : '33',
    regionCode: i % 2 ? '84' : '75',
  })),
];

describe('The demonstration catalogue', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const a = generateCatalogue({ seed: 2023, count: 50, uses: 300, collectivites: COG });
    const b = generateCatalogue({ seed: 2023, count: 50, uses: 300, collectivites: COG });
    const c = generateCatalogue({ seed: 2024, count: 50, uses: 300, collectivites: COG });
    assert.deepEqual(a, b);
    assert.notDeepEqual(
      a.solutions.map((s) => s.name),
      c.solutions.map((s) => s.name),
    );
  });

  it('holds the named lauréats’ solutions, everything labelled as demonstration, one declaration per organisation', () => {
    const { solutions, uses } = generateCatalogue({ seed: 2023, count: 50, uses: 300, collectivites: COG });
    assert.equal(solutions.length, 50 + NAMED_SOLUTIONS.length);
    for (const named of NAMED_SOLUTIONS)
      assert.ok(
        solutions.some((s) => s.id === named.id),
        named.id,
      );
    assert.ok(solutions.every((s) => s.demonstration) && uses.every((u) => u.demonstration));
    assert.equal(new Set(solutions.map((s) => s.id)).size, solutions.length);
    const pairs = uses.map((u) => `${u.solutionId}|${u.organisationSiren}`);
    assert.equal(new Set(pairs).size, pairs.length);
    const sirens = new Set(COG.map((c) => c.siren));
    assert.ok(uses.every((u) => sirens.has(u.organisationSiren)));
    // Grenoble uses « Salle sur demande », as the named data says.
    assert.ok(uses.some((u) => u.solutionId === 'salle-sur-demande' && u.organisationSiren === '213801855'));
    // Only published solutions are declared; some are drafts, submitted or archived for the back office.
    const published = new Set(solutions.filter((s) => s.status === 'publiee').map((s) => s.id));
    assert.ok(uses.every((u) => published.has(u.solutionId)));
    assert.ok(solutions.some((s) => s.status !== 'publiee'));
  });
});
