/**
 * The fund demo's draws beyond the shared seeded source (src/shared/random.ts): without repeats, and euros
 * shared out to the euro.
 */
import type { Random } from '../../../shared/random.js';

export { type Random, seededRandom } from '../../../shared/random.js';

/**
 * Draws from a list without repeating until every item has been drawn once, then starts over: the demo
 * spreads its lauréats over as many collectivités as it can, and still works when asked for more rows than
 * there are collectivités (the benchmark's 100,000).
 *
 * @example
 * const next = drawWithoutRepeat(random, communes); next(); next();
 */
export function drawWithoutRepeat<T>(random: Random, list: readonly T[]): () => T {
  let pool: T[] = [];
  return () => {
    if (pool.length === 0) pool = [...list];
    if (pool.length === 0) throw new Error('tirage dans une liste vide');
    const i = Math.floor(random.next() * pool.length);
    const item = pool[i]!;
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
    return item;
  };
}

/**
 * Whole euros summing exactly to `total`, in proportion to `weights`: rounding leftovers go to the largest
 * weights, so the sum is the target to the euro.
 *
 * @example
 * shareOut(100, [1, 1, 1]) // [34, 33, 33]
 */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}
