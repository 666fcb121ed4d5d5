import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mapHeader } from './columns.js';
import { parseDay, parseEuros, parseWebAddress, sirenOf } from './fields.js';
import { detectDelimiter } from './read-table.js';

describe('Reading the values of an import line', () => {
  test('amounts in French or plain writing, rounded to the euro', () => {
    const cases: Array<[string, number | string]> = [
      ['12500', 12_500],
      ['12 500', 12_500],
      ['12\u00a0500,50', 12_501],
      ['12\u202f500,49', 12_500],
      ['12500.5', 12_501],
      ['12.500,50', 12_501],
      ['1.234.567', 1_234_567],
      ['5 000 €', 5_000],
      ['0', 0],
      ['douze', 'montant n’est pas un nombre'],
      ['12,500.50', 'montant n’est pas un nombre'],
      ['1e6', 'montant n’est pas un nombre'],
      ['-10', 'montant ne peut pas être négatif'],
      ['3000000000', 'montant dépasse 2 milliards d’euros'],
    ];
    for (const [raw, expected] of cases) {
      const parsed = parseEuros(raw, 'montant');
      assert.deepEqual(
        parsed,
        typeof expected === 'number' ? { ok: true, value: expected } : { ok: false, reason: expected },
        raw,
      );
    }
  });

  test('days as AAAA-MM-JJ or JJ/MM/AAAA, checked to exist', () => {
    const cases: Array<[string, string]> = [
      ['2022-01-20', '2022-01-20'],
      ['20/01/2022', '2022-01-20'],
      ['5/1/2022', '2022-01-05'],
      ['2022-01-20T00:00:00.000Z', '2022-01-20'],
      ['20/01/2022 00:00:00', '2022-01-20'],
      ['29/02/2024', '2024-02-29'],
    ];
    for (const [raw, iso] of cases) assert.deepEqual(parseDay(raw), { ok: true, value: iso }, raw);
    assert.deepEqual(parseDay('31/02/2022'), { ok: false, reason: 'date impossible : 31/02/2022' });
    assert.deepEqual(parseDay('29/02/2023'), { ok: false, reason: 'date impossible : 29/02/2023' });
    assert.deepEqual(parseDay('1921-01-01'), { ok: false, reason: 'date impossible : 1921-01-01' });
    assert.deepEqual(parseDay('01-20-2022'), {
      ok: false,
      reason: 'date illisible : 01-20-2022 (attendue sous la forme AAAA-MM-JJ ou JJ/MM/AAAA)',
    });
  });

  test('a SIREN, or the SIREN of a SIRET, when the Luhn key holds', () => {
    assert.equal(sirenOf('213 801 855'), '213801855');
    assert.equal(sirenOf('200.040.715'), '200040715');
    assert.equal(sirenOf('20004071500019'), '200040715');
    assert.equal(sirenOf('20004071500012'), null);
    assert.equal(sirenOf('213801856'), null);
    assert.equal(sirenOf('21380185'), null);
  });

  test('web addresses: http(s) with a domain only', () => {
    assert.deepEqual(parseWebAddress(''), { ok: true, value: null });
    assert.deepEqual(parseWebAddress(' https://a.fr/x '), { ok: true, value: 'https://a.fr/x' });
    for (const bad of ['javascript:alert(1)', 'ftp://a.fr', 'https://localhost', 'a.fr']) {
      assert.equal(parseWebAddress(bad).ok, false, bad);
    }
  });

  test('the separator is the header’s most frequent of « ; », « , » and tab, quotes aside', () => {
    assert.equal(detectDelimiter('a;b;c\n1,2;3'), ';');
    assert.equal(detectDelimiter('a,b,c\r\n'), ',');
    assert.equal(detectDelimiter('a\tb\tc'), '\t');
    assert.equal(detectDelimiter('"a;b",c,d'), ',');
    assert.equal(detectDelimiter('seul'), ';');
  });

  test('headers are read whatever their case, accents and spaces, SCDL names and aliases alike', () => {
    const result = mapHeader([
      'Dispositif',
      'SIRET',
      'Objet',
      'Montant',
      'Date convention',
      'Coût total',
      'Autre',
    ]);
    assert.ok(result.ok);
    assert.deepEqual(result.columns, {
      dispositif: 0,
      idBeneficiaire: 1,
      objet: 2,
      montant: 3,
      dateConvention: 4,
      coutTotal: 5,
    });
    assert.deepEqual(result.ignored, ['Autre']);
  });
});
