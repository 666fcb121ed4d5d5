import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Kysely, Updateable } from 'kysely';
import type { Logger } from '../../../platform/logger.js';
import type { Clock } from '../../../ports/clock.js';
import { type Mailer, PermanentMailError } from '../../../ports/mailer.js';
import type { MailComposers } from '../../../ports/outbox.js';
import type { Dialect } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { OutboxMessageTable } from '../../db/tables/outbox.js';
import { abandonExhausted, claimDue } from './claim.js';
import { type OutboxRow, toMailMessage } from './rows.js';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  mailer: Mailer;
  clock: Clock;
  /** Write the messages that features leave to sending time (see `ComposedAtSending`), by name. */
  composers?: MailComposers;
  /** Receives ids, kinds, counts and error codes: never an address, a subject or a server's answer. */
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  batchSize?: number;
  maxAttempts?: number;
  /** How long a claim holds its messages. Must exceed the longest send (the SMTP adapter gives up within ~50 s). */
  leaseMs?: number;
  /** The wait after the n-th failed attempt (n ≥ 1), in milliseconds. */
  backoff?: (attempt: number) => number;
  /**
   * How busy the process is with other work, from 0 to 1, measured while the worker waits: by default the
   * event loop's utilisation over 25 ms. Between two full batches, a load above `busyLoad` (0.7) makes the
   * worker wait `busyPauseMs` (500 ms) instead of going on at once: during an opening rush the requests come
   * first, and the mail follows at a few batches a second until the rush is over.
   */
  load?: () => Promise<number>;
  busyLoad?: number;
  busyPauseMs?: number;
}

export interface OutboxRunResult {
  sent: number;
  /** Given up for good (`echec`): attempts exhausted, or a permanent refusal. */
  failed: number;
  /** Failed this time, to be tried again later (`en-attente` with a later `next_attempt_at`). */
  retried: number;
}

export interface OutboxWorker {
  runOnce(): Promise<OutboxRunResult>;
  /** Runs now, then every `intervalMs` (at once again while batches come back full). Does not keep the process alive. */
  start(intervalMs?: number): void;
  /** Stops the timer and waits for the run in progress, if any. */
  stop(): Promise<void>;
}

/**
 * 1 min, 2 min, 4 min… after the 1st, 2nd, 3rd failure, capped at one hour: a mail server that is down for
 * maintenance is not hammered, and a message still leaves within the hour once it is back.
 *
 * @example
 * defaultBackoff(1); // 60_000
 */
export const defaultBackoff = (attempt: number) => Math.min(30_000 * 2 ** attempt, 3_600_000);

const LAST_ERROR_MAX = 500;
const silent = { info() {}, warn() {}, error() {} };

/**
 * The worker that empties the outbox: claims due messages (see `claimDue` for why two workers never send the
 * same one), sends each with its stored Message-ID, then records the outcome: `envoye` with `sent_at`; or,
 * on failure, `en-attente` with a later `next_attempt_at`; or `echec` once `maxAttempts` is reached or the
 * server refused for good. Every outcome is written only if this claim still holds the message, so a worker
 * that lost its lease cannot overwrite the outcome of the one that took over.
 *
 * Delivery is at least once: a crash between a successful send and its recording sends again after the
 * lease, with the same Message-ID, which mail clients show as one message.
 *
 * @example
 * const worker = createOutboxWorker({ db, dialect: 'postgres', mailer, clock: systemClock, logger });
 * worker.start(5_000);
 * process.on('SIGTERM', () => worker.stop().then(() => process.exit(0)));
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, dialect, mailer, clock } = options;
  const composers = options.composers ?? {};
  const logger = options.logger ?? silent;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoff = options.backoff ?? defaultBackoff;
  const load = options.load ?? eventLoopLoad;
  const busyLoad = options.busyLoad ?? 0.7;
  const busyPauseMs = options.busyPauseMs ?? 500;

  /** Writes an outcome only where this claim still holds the row; false when the lease was taken over. */
  async function settle(row: OutboxRow, token: string, values: Updateable<OutboxMessageTable>) {
    const r = await db
      .updateTable('outbox_message')
      .set({ ...values, locked_until: null, claim_token: null })
      .where('id', '=', row.id)
      .where('claim_token', '=', token)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async function runOnce(): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { sent: 0, failed: 0, retried: 0 };
    const now = clock.now();
    for (const row of await abandonExhausted(db, { now, maxAttempts })) {
      logger.error(
        { outboxId: row.id, kind: row.kind },
        'courriel abandonné : envoi interrompu sans tentative restante',
      );
      result.failed++;
    }
    const token = randomUUID();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed = await claimDue(db, dialect, { now, leaseUntil, token, limit: batchSize, maxAttempts });

    for (const [index, row] of claimed.entries()) {
      // Past the lease another worker may already hold these: hand back the rest instead of racing it.
      if (clock.now() >= leaseUntil) {
        await release(claimed.slice(index), token);
        logger.warn({ released: claimed.length - index }, 'bail de la file d’envoi expiré, messages rendus');
        break;
      }
      try {
        await mailer.send(await toMailMessage(row, composers));
      } catch (err) {
        if (await recordFailure(row, token, err)) result.failed++;
        else result.retried++;
        continue;
      }
      const recorded = await settle(row, token, {
        status: 'envoye',
        sent_at: clock.now().toISOString(),
        last_error: null,
      });
      if (recorded) {
        logger.info({ outboxId: row.id, kind: row.kind, attempts: row.attempts }, 'courriel envoyé');
      } else {
        // Another worker took the message over meanwhile: it may go out twice, with the same Message-ID.
        logger.warn({ outboxId: row.id, kind: row.kind }, 'courriel envoyé après la perte du bail');
      }
      result.sent++;
    }
    return result;
  }

  /** Records a failed send; true when the message is given up for good. */
  async function recordFailure(row: OutboxRow, token: string, err: unknown): Promise<boolean> {
    const permanent = err instanceof PermanentMailError;
    const giveUp = permanent || row.attempts >= maxAttempts;
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, LAST_ERROR_MAX);
    const nextAttemptAt = giveUp
      ? row.next_attempt_at
      : new Date(clock.now().getTime() + backoff(row.attempts)).toISOString();
    await settle(row, token, {
      status: giveUp ? 'echec' : 'en-attente',
      next_attempt_at: nextAttemptAt,
      last_error: lastError,
    });
    const fields = { outboxId: row.id, kind: row.kind, attempts: row.attempts, ...errorCodes(err) };
    if (giveUp) logger.error({ ...fields, permanent }, 'courriel abandonné');
    else logger.warn({ ...fields, nextAttemptAt }, 'envoi de courriel en échec, nouvel essai prévu');
    return giveUp;
  }

  /** Hands untried messages back as they were, attempt uncounted. */
  async function release(rows: OutboxRow[], token: string) {
    await db
      .updateTable('outbox_message')
      .set((eb) => ({
        status: 'en-attente',
        locked_until: null,
        claim_token: null,
        attempts: eb('attempts', '-', 1),
      }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .where('claim_token', '=', token)
      .execute();
  }

  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    p.finally(() => inFlight.delete(p)).catch(() => {});
    return p;
  }

  function schedule(delayMs: number, intervalMs: number) {
    timer = setTimeout(async () => {
      timer = null;
      let full = false;
      try {
        const r = await track(runOnce());
        full = r.sent + r.failed + r.retried >= batchSize;
      } catch (err) {
        logger.error({ ...errorCodes(err) }, 'file d’envoi : passage en échec');
      }
      if (!running) return;
      if (!full) return schedule(intervalMs, intervalMs);
      // More are waiting: at once, unless the process is busy with requests.
      let busy = false;
      try {
        busy = (await track(load())) > busyLoad;
      } catch {}
      if (running) schedule(busy ? busyPauseMs : 0, intervalMs);
    }, delayMs);
    timer.unref();
  }

  return {
    runOnce: () => track(runOnce()),
    start(intervalMs = 5_000) {
      if (running) return;
      running = true;
      schedule(0, intervalMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** The event loop's utilisation over the next 25 ms, while this code waits: the share spent on other work. */
function eventLoopLoad(): Promise<number> {
  const start = performance.eventLoopUtilization();
  return new Promise((resolve) => {
    setTimeout(() => resolve(performance.eventLoopUtilization(start).utilization), 25).unref();
  });
}

/** What may be logged of an error: its codes (`ECONNECTION`, 550…), never its message, which may quote an address. */
function errorCodes(err: unknown): { code?: string; responseCode?: number } {
  const e = err as { code?: unknown; responseCode?: unknown; cause?: unknown } | null;
  const cause = e?.cause as { code?: unknown; responseCode?: unknown } | undefined;
  const code = e?.code ?? cause?.code;
  const responseCode = e?.responseCode ?? cause?.responseCode;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
  };
}
