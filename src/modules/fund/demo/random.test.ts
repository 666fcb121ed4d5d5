import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawWithoutRepeat, seededRandom, shareOut } from './random.js';

describe('the demo’s random source', () => {
  test('a seed always gives the same sequence', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      values,
      Array.from({ length: 5 }, () => b.next()),
    );
    assert.ok(values.every((v) => v >= 0 && v < 1));
    assert.notEqual(seededRandom(43).next(), values[0]);
  });

  test('draws without repeat until the list is used up, then start over', () => {
    const draw = drawWithoutRepeat(seededRandom(1), ['a', 'b', 'c']);
    const first = [draw(), draw(), draw()].sort();
    assert.deepEqual(first, ['a', 'b', 'c']);
    assert.ok(['a', 'b', 'c'].includes(draw()));
  });

  test('shareOut gives whole euros summing exactly to the total, in proportion', () => {
    assert.deepEqual(shareOut(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(shareOut(10, [0, 1]), [0, 10]);
    const parts = shareOut(1_234_567, [3.2, 1.1, 7.9, 0.4]);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      1_234_567,
    );
    assert.deepEqual(shareOut(5, []), []);
  });
});
