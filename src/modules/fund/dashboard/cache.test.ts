import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFiguresCache } from './cache.js';

describe('the dashboard’s figures cache', () => {
  function setup(ttlMs = 1000) {
    let now = 0;
    let computations = 0;
    let release: (() => void) | null = null;
    const cache = createFiguresCache({
      compute: async () => {
        const n = ++computations;
        if (release === null) return n;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return n;
      },
      ttlMs,
      now: () => now,
    });
    return {
      cache,
      advance: (ms: number) => {
        now += ms;
      },
      computations: () => computations,
      hold: () => {
        release = () => {};
      },
      releaseNow: () => release?.(),
    };
  }

  test('computes once, then serves memory until the time to live passes', async () => {
    const t = setup();
    assert.equal(await t.cache.get(), 1);
    assert.equal(await t.cache.get(), 1);
    t.advance(999);
    assert.equal(await t.cache.get(), 1);
    t.advance(1);
    assert.equal(await t.cache.get(), 2);
  });

  test('concurrent requests share one computation', async () => {
    const t = setup();
    const values = await Promise.all([t.cache.get(), t.cache.get(), t.cache.get()]);
    assert.deepEqual(values, [1, 1, 1]);
    assert.equal(t.computations(), 1);
  });

  test('invalidate() forces a new computation and tells the listeners', async () => {
    const t = setup();
    let told = 0;
    t.cache.onInvalidate(() => told++);
    await t.cache.get();
    t.cache.invalidate();
    assert.equal(told, 1);
    assert.equal(await t.cache.get(), 2);
  });

  test('a computation started before an invalidation is not kept', async () => {
    const t = setup();
    t.hold();
    const stale = t.cache.get();
    t.cache.invalidate();
    t.releaseNow();
    const fresh = t.cache.get();
    t.releaseNow();
    assert.equal(await stale, 1);
    assert.equal(await fresh, 2);
  });

  test('a failed computation is forgotten: the next request tries again', async () => {
    let calls = 0;
    const cache = createFiguresCache({
      compute: async () => {
        calls++;
        if (calls === 1) throw new Error('base indisponible');
        return calls;
      },
      ttlMs: 1000,
      now: () => 0,
    });
    await assert.rejects(cache.get(), /base indisponible/);
    assert.equal(await cache.get(), 2);
  });
});
