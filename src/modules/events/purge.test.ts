import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { purgeDate } from './purge.js';

describe('when an event’s personal data is due for deletion', () => {
  it('is the retention period after the event ends, the day of the month kept where it exists', () => {
    assert.equal(purgeDate('2023-01-18T15:30:00.000Z', 6).toISOString(), '2023-07-18T15:30:00.000Z');
    assert.equal(purgeDate('2023-08-31T10:00:00.000Z', 6).toISOString(), '2024-02-29T10:00:00.000Z');
    assert.equal(purgeDate('2022-08-31T10:00:00.000Z', 6).toISOString(), '2023-02-28T10:00:00.000Z');
    assert.equal(purgeDate('2023-11-30T10:00:00.000Z', 3).toISOString(), '2024-02-29T10:00:00.000Z');
    assert.equal(purgeDate('2023-01-18T15:30:00.000Z', 0).toISOString(), '2023-01-18T15:30:00.000Z');
  });
});
