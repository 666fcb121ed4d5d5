import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownCodes, TOPICS } from './topics.js';

test('unknown codes are dropped and duplicates kept once', () => {
  assert.deepEqual(knownCodes(['cooperation', 'inconnu', 'cooperation', 'usage-donnee'], TOPICS), [
    'cooperation',
    'usage-donnee',
  ]);
});
