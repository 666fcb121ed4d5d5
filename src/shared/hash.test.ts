import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomToken, secureRandomBytes } from './hash.js';

test('pooled random bytes: the asked length, never shared between calls, never changed afterwards', () => {
  const draws = Array.from({ length: 2000 }, (_, i) => secureRandomBytes(1 + (i % 40)));
  const copies = draws.map((d) => Buffer.from(d));
  assert.ok(draws.every((d, i) => d.length === 1 + (i % 40)));
  // More than one pool's worth was drawn: the later draws did not overwrite the earlier ones.
  assert.ok(draws.every((d, i) => d.equals(copies[i] as Buffer)));
  const eight = draws.filter((d) => d.length === 8).map((d) => d.toString('hex'));
  assert.equal(new Set(eight).size, eight.length);
  assert.equal(secureRandomBytes(4096).length, 4096);
});

test('tokens are URL-safe and distinct', () => {
  const tokens = Array.from({ length: 1000 }, () => randomToken(32));
  assert.ok(tokens.every((t) => /^[A-Za-z0-9_-]{43}$/.test(t)));
  assert.equal(new Set(tokens).size, tokens.length);
});
