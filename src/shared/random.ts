/**
 * A small seeded random source for generated data (demonstrations, benches, the meetings' assignment): the
 * same seed gives the same draws on every machine and every run.
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
