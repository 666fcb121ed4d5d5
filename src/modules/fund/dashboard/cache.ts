/**
 * The dashboard's figures, computed once and shared: the first request after a change computes them, every
 * other one reads memory. A change in this process calls `invalidate()` (the import does); the TTL bounds how
 * stale the figures can be when another process changed the database.
 */

export interface FiguresCache<T> {
  /** The current value: from memory, or computed now (concurrent callers share one computation). */
  get(): Promise<T>;
  /** Forgets the value: the next `get()` computes it again. A computation already running is not kept. */
  invalidate(): void;
  /** Calls `listener` on every invalidation (the page cache forgets the dashboard's pages). */
  onInvalidate(listener: () => void): void;
}

/**
 * A single-value cache with a time to live, single-flight computation and a generation counter, so that a
 * computation started before an invalidation never stores its (stale) result.
 *
 * @example
 * const cache = createFiguresCache({ compute: () => computeDashboard(db, clock.now()), ttlMs: 300_000, now: () => Date.now() });
 * await cache.get(); cache.invalidate();
 */
export function createFiguresCache<T>(options: {
  compute: () => Promise<T>;
  ttlMs: number;
  now: () => number;
}): FiguresCache<T> {
  let entry: { value: Promise<T>; at: number } | null = null;
  let generation = 0;
  const listeners: Array<() => void> = [];
  return {
    get() {
      if (entry && options.now() - entry.at < options.ttlMs) return entry.value;
      const mine = ++generation;
      const value = options.compute();
      entry = { value, at: options.now() };
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (generation === mine) entry = null;
      });
      return value;
    },
    invalidate() {
      generation++;
      entry = null;
      for (const listener of listeners) listener();
    },
    onInvalidate(listener) {
      listeners.push(listener);
    },
  };
}
