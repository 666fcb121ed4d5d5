/**
 * A small seeded random source for the demonstration data: the same seed gives the same lauréats, on every
 * machine and every run, so that the demo, its tests and the benchmark talk about the same rows.
 */

/** A random source: numbers in [0, 1) and the draws the generator needs. */
export interface Random {
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** A value picked with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** A log-normal draw around `median` (`spread` is the standard deviation of the logarithm). */
  logNormal(median: number, spread: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * mulberry32: a 32-bit generator, fast and good enough for demo data (not for secrets).
 *
 * @example
 * const random = seededRandom(2023);
 * random.int(1, 6); // the same value for every run with seed 2023
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => {
      if (list.length === 0) throw new Error('tirage dans une liste vide');
      return list[Math.floor(next() * list.length)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    logNormal: (median, spread) => {
      // Box–Muller; 1 - next() keeps the logarithm finite.
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(spread * z);
    },
    chance: (p) => next() < p,
  };
  return random;
}

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
