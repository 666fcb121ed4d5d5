/**
 * A seeded random source for the demonstration data (mulberry32, as the fund's demo uses: the fund does not
 * export its own, and a shared one belongs in src/shared — said in the catalogue's report). The same seed
 * gives the same catalogue on every machine and every run.
 */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  chance(p: number): boolean;
}

/**
 * @example
 * const random = seededRandom(2023); random.int(1, 6); // the same value on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
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
    chance: (p) => next() < p,
  };
}
