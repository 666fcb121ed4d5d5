import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inTurn, MAX_BATCH } from './queue.js';

test('requests that arrive together are decided in batches of at most MAX_BATCH, in arrival order', async () => {
  const owner = {};
  const batches: number[][] = [];
  const decide = async (items: number[]) => {
    batches.push(items);
    return items.map((n) => n * 10);
  };
  const count = MAX_BATCH * 2 + 7;
  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, n) => inTurn(owner, 'evenement', n, decide)),
  );
  assert.deepEqual(
    outcomes,
    Array.from({ length: count }, (_, n) => n * 10),
  );
  assert.deepEqual(
    batches.map((b) => b.length),
    [MAX_BATCH, MAX_BATCH, 7],
  );
  assert.deepEqual(
    batches.flat(),
    Array.from({ length: count }, (_, n) => n),
  );
});

test('a batch that fails is taken again one by one: only the request at fault gets the error', async () => {
  const owner = {};
  const calls: string[][] = [];
  const decide = async (items: string[]) => {
    calls.push(items);
    if (items.includes('mauvaise')) throw new Error('refusée');
    return items.map((s) => s.toUpperCase());
  };
  const settled = await Promise.allSettled(
    ['a', 'b', 'mauvaise', 'c'].map((s) => inTurn(owner, 'evenement', s, decide)),
  );
  assert.deepEqual(
    settled.map((s) => (s.status === 'fulfilled' ? s.value : `erreur : ${(s.reason as Error).message}`)),
    ['A', 'B', 'erreur : refusée', 'C'],
  );
  assert.deepEqual(calls, [['a', 'b', 'mauvaise', 'c'], ['a'], ['b'], ['mauvaise'], ['c']]);
});

test('lines are per event and per database: one does not wait for another', async () => {
  const db = {};
  const other = {};
  let release = () => {};
  const slow = (items: string[]) =>
    new Promise<string[]>((resolve) => {
      release = () => resolve(items);
    });
  const quick = async (items: string[]) => items;
  const held = inTurn(db, 'evenement-1', 'lent', slow);
  assert.equal(await inTurn(db, 'evenement-2', 'autre événement', quick), 'autre événement');
  assert.equal(await inTurn(other, 'evenement-1', 'autre base', quick), 'autre base');
  release();
  assert.equal(await held, 'lent');
});
