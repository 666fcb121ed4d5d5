/**
 * Group commit: the requests for one event that arrive while its previous decision is being taken wait here,
 * then are decided together, in arrival order, in one transaction under the event's lock (lock.ts).
 *
 * Why: a decision must count the seats under the lock, so decisions on one event run one after the other
 * whatever we do. Taken one per transaction, each pays the lock, the seat count, the event's reading and a
 * commit (on SQLite, a WAL write of every page it touched; on PostgreSQL, a dozen round trips while the lock is
 * held). Taken together, they pay those once per batch, and each decision only adds its own rows. Nobody waits
 * for a batch to fill: the first request of a quiet moment is decided at once, alone; a rush forms batches by
 * itself, of what arrived during the previous one.
 *
 * A batch that fails is taken again one request at a time, so that only the request at fault gets the error.
 */

/** At most this many requests per transaction: a bound on the time the lock is held and on the statement size. */
export const MAX_BATCH = 100;

interface Waiting<I, O> {
  item: I;
  resolve(outcome: O): void;
  reject(error: unknown): void;
}

interface Line<I, O> {
  waiting: Array<Waiting<I, O>>;
  decide: (items: I[]) => Promise<O[]>;
}

const linesByOwner = new WeakMap<object, Map<string, Line<never, never>>>();

/**
 * Queues `item` on the line named `key` of `owner` (a database handle) and resolves with its outcome, once
 * `decide` has taken it with the others of its batch. `decide` returns one outcome per item, in order; every
 * caller of a line passes the same `decide`.
 *
 * @example
 * const outcome = await inTurn(deps.db, `inscription:${eventId}`, request, admit);
 */
export function inTurn<I, O>(
  owner: object,
  key: string,
  item: I,
  decide: (items: I[]) => Promise<O[]>,
): Promise<O> {
  let lines = linesByOwner.get(owner);
  if (!lines) {
    lines = new Map();
    linesByOwner.set(owner, lines);
  }
  let line = lines.get(key) as Line<I, O> | undefined;
  const start = !line;
  if (!line) {
    line = { waiting: [], decide };
    lines.set(key, line as unknown as Line<never, never>);
  }
  const outcome = new Promise<O>((resolve, reject) => line.waiting.push({ item, resolve, reject }));
  if (start) void drain(lines, key, line);
  return outcome;
}

async function drain<I, O>(lines: Map<string, Line<never, never>>, key: string, line: Line<I, O>) {
  while (line.waiting.length > 0) {
    // Let the event loop turn first. On SQLite every query is synchronous under its promise, so a batch never
    // yields: without this turn, the next batch would start before the server has read the requests that
    // arrived meanwhile, and those would wait for a gap between batches, some of them for seconds.
    await new Promise((resolve) => setImmediate(resolve));
    const batch = line.waiting.splice(0, MAX_BATCH);
    await settle(batch, line.decide);
  }
  lines.delete(key);
}

async function settle<I, O>(batch: Array<Waiting<I, O>>, decide: (items: I[]) => Promise<O[]>) {
  try {
    const outcomes = await decide(batch.map((w) => w.item));
    if (outcomes.length !== batch.length) throw new Error('Une décision par demande était attendue.');
    for (const [i, w] of batch.entries()) w.resolve(outcomes[i] as O);
  } catch (error) {
    if (batch.length === 1) batch[0]?.reject(error);
    else for (const w of batch) await settle([w], decide);
  }
}
