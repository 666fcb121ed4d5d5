import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatSiren, isValidSiren, isValidSiret, luhn, sirenOfSiret } from './siren.js';

describe('SIREN and SIRET', () => {
  test('a real commune’s SIREN passes, any single changed digit fails', () => {
    assert.equal(isValidSiren('213801855'), true); // Grenoble
    assert.equal(isValidSiren('200040715'), true); // Grenoble-Alpes-Métropole
    for (let i = 0; i < 9; i++) {
      const digits = '213801855'.split('');
      digits[i] = String((Number(digits[i]) + 1) % 10);
      assert.equal(isValidSiren(digits.join('')), false, digits.join(''));
    }
  });

  test('spaces, dots and no-break spaces people type are ignored', () => {
    assert.equal(isValidSiren(' 213 801 855 '), true);
    assert.equal(isValidSiren('213.801.855'), true);
    assert.equal(isValidSiren('213\u202f801\u00a0855'), true);
    assert.equal(isValidSiret('213 801 855 00015'), true);
  });

  test('anything but nine digits is not a SIREN', () => {
    for (const bad of [
      '',
      '21380185',
      '2138018550',
      '21380185a',
      '-13801855',
      '２１３８０１８５５',
      '0x1234567',
    ]) {
      assert.equal(isValidSiren(bad), false, JSON.stringify(bad));
    }
  });

  test('a SIRET is checked with Luhn over its fourteen digits', () => {
    assert.equal(isValidSiret('21380185500015'), true);
    assert.equal(isValidSiret('21380185500016'), false);
    assert.equal(isValidSiret('2138018550001'), false);
    assert.equal(isValidSiret('213801855000150'), false);
  });

  test('La Poste’s establishments follow the sum-of-digits-mod-5 rule, and only theirs', () => {
    assert.equal(luhn('35600000049837'), false);
    assert.equal(isValidSiret('35600000049837'), true); // digits sum to 45
    assert.equal(isValidSiret('35600000000048'), true); // the head office is Luhn-valid
    assert.equal(isValidSiret('35600000049838'), false); // sum 46, Luhn invalid
    // The same digit sum elsewhere proves nothing.
    assert.equal(isValidSiret('21380185500052'), false); // digits sum to 40, Luhn invalid
  });

  test('the SIREN of a SIRET is its first nine digits, when the SIRET is valid', () => {
    assert.equal(sirenOfSiret('213 801 855 00015'), '213801855');
    assert.equal(sirenOfSiret('35600000049837'), '356000000');
    assert.equal(sirenOfSiret('21380185500016'), null);
    assert.equal(sirenOfSiret(''), null);
  });

  test('a SIREN is printed in groups of three', () => {
    assert.equal(formatSiren('213801855'), '213\u00a0801\u00a0855');
  });
});
