import assert from 'node:assert/strict';
import { test } from 'node:test';
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import { BORDER_TABLE, neighboursOf } from './neighbours.js';

test('borders are symmetric: if A touches B, B touches A', () => {
  for (const [a, list] of Object.entries(BORDER_TABLE)) {
    for (const b of list) assert.ok(BORDER_TABLE[b]?.includes(a), `${a} ↔ ${b}`);
  }
});

test('every metropolitan département of the COG has neighbours; the codes are the COG’s', () => {
  const codes = new Set(departements.map((d: { code: string }) => d.code));
  for (const code of Object.keys(BORDER_TABLE)) assert.ok(codes.has(code), code);
  const metro = departements.filter((d: { code: string }) => d.code.length === 2);
  assert.equal(metro.length, 96);
  for (const d of metro) assert.ok(neighboursOf(d.code).length > 0, d.code);
  assert.deepEqual(neighboursOf('974'), []);
  assert.deepEqual(neighboursOf('38'), ['01', '05', '07', '26', '42', '69', '73']);
});
