import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Stand } from './meetings.domain.js';
import { suggestStands } from './suggestions.js';

const stand = (id: string, topics: string[], audiences: string[] = []): Stand => ({
  id,
  eventId: 'e',
  name: id,
  organisation: 'DINUM',
  description: '',
  topics,
  audiences,
  bookingMode: 'direct',
  locationId: null,
  demonstration: false,
});

test('stands sharing the themes of the organisation’s projects come first, then those meant for its profile', () => {
  const stands = [
    stand('franceconnect', ['franceconnect-api', 'relation-usagers']),
    stand('minumeco', ['transition-ecologique']),
    stand('beta', ['diagnostic-numerique'], ['elu-collectivite']),
    stand('cloud', ['usage-donnee']),
  ];
  const themes = new Map([
    ['relation-usagers', 3],
    ['franceconnect-api', 1],
    ['transition-ecologique', 1],
  ]);
  const got = suggestStands(stands, { profile: 'elu-collectivite', themes, met: new Set() });
  assert.deepEqual(
    got.map((s) => s.stand.id),
    ['franceconnect', 'minumeco', 'beta'],
  );
  assert.match(got[0]!.reasons[0]!, /« FranceConnect et API », « Relation usagers »/);
  assert.match(got[2]!.reasons[0]!, /Élu de collectivité territoriale/);
});

test('a stand already met is not suggested again, and nothing is suggested without a reason', () => {
  const stands = [stand('a', ['cooperation']), stand('b', ['usage-donnee'])];
  const themes = new Map([['cooperation', 2]]);
  assert.deepEqual(suggestStands(stands, { profile: 'autre', themes, met: new Set(['a']) }), []);
});
