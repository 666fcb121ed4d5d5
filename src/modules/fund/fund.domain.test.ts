import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDispositifCode, parseStatus, ruleInForce, themeCodeOf } from './fund.domain.js';
import { eligibilityWarnings } from './fund.eligibility.js';

describe('The fund’s vocabulary', () => {
  test('dispositifs as people write them', () => {
    const cases: Array<[string, string | null]> = [
      ['axe-1', 'axe-1'],
      ['1', 'axe-1'],
      ['Axe 2', 'axe-2'],
      ['2 bis', 'axe-2-bis'],
      ['2BIS', 'axe-2-bis'],
      ['axe-2-bis', 'axe-2-bis'],
      [' 3 ', 'axe-3'],
      ['axe-9', null],
      ['', null],
    ];
    for (const [raw, code] of cases) assert.equal(parseDispositifCode(raw), code, raw);
  });

  test('statuses and themes by code or label, accents and case aside', () => {
    assert.equal(parseStatus('Financé'), 'finance');
    assert.equal(parseStatus('EN COURS'), 'en-cours');
    assert.equal(parseStatus('livre'), 'livre');
    assert.equal(parseStatus('perdu'), null);
    assert.equal(themeCodeOf('relation-usagers'), 'relation-usagers');
    assert.equal(themeCodeOf("signalement d'incidents"), 'signalement-incidents');
    assert.equal(themeCodeOf('FranceConnect et API'), 'franceconnect-api');
    assert.equal(themeCodeOf('jardinage'), null);
  });
});

describe('Eligibility under the rule in force when the dossier was filed', () => {
  const base = {
    dispositifCode: 'axe-2' as const,
    filedOn: '2021-11-15',
    decidedOn: '2022-01-20',
    population: 350_000,
    amountEur: 75_000,
    totalCostEur: 100_000,
    porteur: { kind: 'epci' as const },
  };

  test('the October 2021 version judges a dossier filed in November 2021', () => {
    assert.equal(ruleInForce('axe-2', '2021-11-15')?.id, 'axe-2@2021-10-01');
    assert.deepEqual(eligibilityWarnings(base), []);
  });

  test('the same dossier filed in June 2021 meets neither the threshold nor the share of the first version', () => {
    const codes = eligibilityWarnings({ ...base, filedOn: '2021-06-01' }).map((w) => w.code);
    assert.deepEqual(codes, ['population', 'part-etat']);
  });

  test('a département is eligible whatever its population from October 2021, not before', () => {
    const departement = { ...base, population: 120_000, porteur: { kind: 'departement' as const } };
    assert.deepEqual(eligibilityWarnings(departement), []);
    assert.deepEqual(
      eligibilityWarnings({ ...departement, filedOn: '2021-03-01', amountEur: 50_000 }).map((w) => w.code),
      ['population'],
    );
  });

  test('the decision date stands in for an unknown filing date; before any rule, it says so', () => {
    assert.deepEqual(eligibilityWarnings({ ...base, filedOn: null, decidedOn: '2021-11-01' }), []);
    const early = eligibilityWarnings({
      ...base,
      dispositifCode: 'axe-2-bis',
      filedOn: '2021-02-01',
      amountEur: 5_000,
      totalCostEur: null,
    });
    assert.deepEqual(
      early.map((w) => w.message),
      ['Dossier déposé le 01/02/2021, avant la première règle connue du dispositif (01/06/2021).'],
    );
  });

  test('an amount above the project’s cost is pointed out', () => {
    assert.deepEqual(
      eligibilityWarnings({ ...base, dispositifCode: 'axe-1', amountEur: 120_000 }).map((w) => w.code),
      ['cout-total'],
    );
  });
});
