import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROFILES } from '../events/events.domain.js';
import { THEMES } from '../fund/fund.domain.js';
import { AUDIENCES, knownCodes, TOPICS } from './topics.js';

test('the topics are the platform’s themes, label for label', () => {
  assert.deepEqual(TOPICS, THEMES);
});

test('the audiences are the registration profiles, label for label', () => {
  assert.deepEqual(AUDIENCES, { ...PROFILES });
});

test('unknown codes are dropped and duplicates kept once', () => {
  assert.deepEqual(knownCodes(['cooperation', 'inconnu', 'cooperation', 'usage-donnee'], TOPICS), [
    'cooperation',
    'usage-donnee',
  ]);
});
