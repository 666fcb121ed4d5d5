import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { capacity, formStrings, normalizeDate, normalizeTime } from './fields.js';

describe('form fields', () => {
  test('dates are read as date pickers send them and as people type them', () => {
    assert.equal(normalizeDate('2023-01-18'), '2023-01-18');
    assert.equal(normalizeDate(' 18/01/2023 '), '2023-01-18');
    assert.equal(normalizeDate('8.1.2023'), '2023-01-08');
    assert.equal(normalizeDate('demain'), null);
  });

  test('times are read in the French ways of writing them', () => {
    assert.equal(normalizeTime('09:30'), '09:30');
    assert.equal(normalizeTime('9h'), '09:00');
    assert.equal(normalizeTime('9 h 30'), '09:30');
    assert.equal(normalizeTime('14H15'), '14:15');
    assert.equal(normalizeTime('25:00'), null);
    assert.equal(normalizeTime('midi'), null);
  });

  test('a capacity is a positive whole number or nothing', () => {
    assert.equal(capacity.parse('250'), 250);
    assert.equal(capacity.parse('1 000'), 1000);
    assert.equal(capacity.parse(''), null);
    assert.equal(capacity.parse(undefined), null);
    for (const bad of ['0', '-3', '2.5', 'beaucoup', '9999999']) {
      const r = capacity.safeParse(bad);
      assert.equal(r.success, false, bad);
      assert.match(r.error?.issues[0]?.message ?? '', /entier positif|trop grand/);
    }
  });

  test('a forged body reaches the schemas as flat strings only', () => {
    const file = new File(['x'], 'x.txt');
    assert.deepEqual(formStrings({ a: 'un', b: ['deux', 'trois'], c: file, d: [file, 'quatre'] }), {
      a: 'un',
      b: 'deux',
      d: 'quatre',
    });
  });
});
