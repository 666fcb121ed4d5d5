import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parisToUtc, utcToParisFields } from './paris-time.js';

describe('Paris times', () => {
  test('winter is UTC+1 and summer UTC+2', () => {
    assert.equal(parisToUtc('2023-01-18', '09:00'), '2023-01-18T08:00:00.000Z');
    assert.equal(parisToUtc('2023-06-21', '09:00'), '2023-06-21T07:00:00.000Z');
  });

  test('the days clocks change are handled on both sides of the change', () => {
    // 26 March 2023: 2:00 becomes 3:00; 29 October 2023: 3:00 becomes 2:00.
    assert.equal(parisToUtc('2023-03-26', '01:30'), '2023-03-26T00:30:00.000Z');
    assert.equal(parisToUtc('2023-03-26', '03:30'), '2023-03-26T01:30:00.000Z');
    assert.equal(parisToUtc('2023-10-29', '04:00'), '2023-10-29T03:00:00.000Z');
  });

  test('dates that do not exist and malformed values give null', () => {
    assert.equal(parisToUtc('2023-02-30', '09:00'), null);
    assert.equal(parisToUtc('2023-13-01', '09:00'), null);
    assert.equal(parisToUtc('2023-01-18', '24:00'), null);
    assert.equal(parisToUtc('18/01/2023', '09:00'), null);
    assert.equal(parisToUtc('1899-01-18', '09:00'), null);
  });

  test('a stored instant comes back as the fields that made it', () => {
    for (const [date, time] of [
      ['2023-01-18', '09:00'],
      ['2027-07-14', '23:45'],
      ['2026-03-29', '00:15'],
    ] as const) {
      const iso = parisToUtc(date, time);
      assert.ok(iso);
      assert.deepEqual(utcToParisFields(iso), { date, time });
    }
  });
});
