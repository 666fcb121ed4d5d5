/**
 * The registration bench's parts (see bench/registration.bench.ts): the app process, the form's session, the
 * load runs, the final counts and the results table.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { connectDatabase } from '../../src/adapters/db/connect.js';
import { createKyselySessionStore } from '../../src/adapters/db/session-store.kysely.js';
import { createKyselyOutbox } from '../../src/adapters/mail/index.js';
import { toMailMessage } from '../../src/adapters/mail/outbox/rows.js';
import { createRegistration } from '../../src/modules/events/events.registration.js';
import { eventMailDrawers } from '../../src/modules/events/index.js';
import { createTerritoriesModule } from '../../src/modules/territories/index.js';
import type { AppEnv } from '../../src/platform/http/context.js';
import { csrf } from '../../src/platform/http/csrf.js';
import { errorPage } from '../../src/platform/http/errors.js';
import { formBodies } from '../../src/platform/http/form-body.js';
import { sessions } from '../../src/platform/http/session.js';
import { createLogger } from '../../src/platform/logger.js';
import { fixedClock } from '../../src/ports/clock.js';
import { ms } from './report.js';

export const PEOPLE = 2000;
export const SEATS = 1000;
export const CONNECTIONS = 100;
export const NOW = '2022-12-15T10:00:00.000Z';
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/**
 * The « app process »: the registration routes on 127.0.0.1:0, and `/reference`, which goes through the same
 * middleware and reads the same form, then answers the same redirect without registering; prints its port.
 */
export async function serveApp(url: string) {
  const database = connectDatabase(url);
  const clock = fixedClock(NOW);
  const registration = createRegistration({
    db: database.db,
    dialect: database.dialect,
    outbox: createKyselyOutbox({ clock }),
    clock,
    publicUrl: 'http://127.0.0.1',
    territories: createTerritoriesModule({ db: database.db, clock }),
  });
  const app = new Hono<AppEnv>();
  const logger = createLogger('silent');
  app.use(async (c, next) => {
    c.set('logger', logger);
    c.set('navigation', []);
    await next();
  });
  app.use(formBodies({ maxBytes: 8 * 1024 * 1024 }));
  app.use(sessions(createKyselySessionStore(database.db), clock));
  app.use(csrf());
  app.post('/reference', async (c) => {
    const body = await c.req.parseBody({ all: true });
    return c.redirect(`/reference?cle=${encodeURIComponent(String(body.cle))}`, 303);
  });
  app.route('/', registration.routes);
  app.onError(errorPage);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    console.log(`PORT ${info.port}`),
  );
  process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
}

/** Starts the app process (bench/registration.bench.ts `serve <url>`), with a CPU profile if asked. */
export async function startChild(url: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const script = fileURLToPath(new URL('../registration.bench.ts', import.meta.url));
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, 'serve', url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`le serveur s’est arrêté (${code})`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A visitor's session, from the form page: its cookie and CSRF token. */
export async function openForm(origin: string, eventId: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${origin}/evenements/${eventId}/inscription`);
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  if (!cookie || !token) throw new Error('formulaire sans session ni jeton CSRF');
  return { cookie, token };
}

/** What one load run measured; latencies are null for the in-process ceiling. */
export interface Run {
  seconds: number;
  answered: number;
  redirects: number;
  errors: number;
  p50: number | null;
  p99: number | null;
  /** p99 of the answers on connections already made (each connection's first answer left out). */
  p99Connected: number | null;
  /** The run hit `BENCH_DURATION` before every form was answered. */
  stopped: boolean;
}

/** Posts every form once to `path`, over `CONNECTIONS` connections, stopping after `limitSeconds`. */
export async function post(
  origin: string,
  path: string,
  cookie: string,
  forms: string[],
  limitSeconds: number,
): Promise<Run> {
  let next = 0;
  const started = performance.now();
  const instance = autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount: forms.length,
    timeout: limitSeconds,
    requests: [
      {
        method: 'POST',
        path,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (request) => ({ ...request, body: forms[next++ % forms.length] }),
      },
    ],
  });
  // autocannon notices the end of a run at its next one-second tick: the run's duration is measured here, up
  // to the last answer, not from autocannon's result.
  let answered = 0;
  let last = started;
  // Each connection's first answer also waited for the connection to be made: kept apart, to tell the two.
  const firsts = new Set<unknown>();
  const later: number[] = [];
  instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
    last = performance.now();
    if (firsts.has(client)) later.push(ms);
    else firsts.add(client);
    if (++answered === forms.length) instance.stop();
  });
  let stopped = false;
  const timer = setTimeout(() => {
    stopped = true;
    instance.stop();
  }, limitSeconds * 1000);
  const result = await instance;
  clearTimeout(timer);
  return {
    seconds: (last - started) / 1000,
    answered: result.latency.totalCount,
    redirects: result.statusCodeStats['303']?.count ?? 0,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p99Connected: percentile(later, 0.99),
    stopped,
  };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}

/**
 * The outbox's share of the rush, after it: drawing the badges that the confirmations of `recipientPrefix` left
 * to the sending (see `DrawnAttachment`), as the worker does before handing each mail to the mail server.
 */
export async function drawAtSending(db: ReturnType<typeof connectDatabase>['db'], recipientPrefix: string) {
  const rows = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('kind', '=', 'inscription-confirmee')
    .where('recipient', 'like', `${recipientPrefix}%`)
    .execute();
  const drawers = eventMailDrawers(db);
  const started = performance.now();
  let badges = 0;
  for (const row of rows) {
    const mail = await toMailMessage(row, drawers);
    badges += mail.attachments?.filter((a) => a.contentType === 'image/png').length ?? 0;
  }
  return { mails: rows.length, badges, seconds: (performance.now() - started) / 1000 };
}

/** The event's registrations as the bench checks them, read from the rows. */
export async function finalCounts(db: ReturnType<typeof connectDatabase>['db'], eventId: string) {
  const rows = await db
    .selectFrom('registration')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const dup = await db
    .selectFrom('registration')
    .select('email')
    .where('event_id', '=', eventId)
    .where('status', 'not in', ['annulee', 'refusee'])
    .groupBy('email')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const seats = (by.confirmee ?? 0) + (by.validation ?? 0) + (by.offre ?? 0);
  return {
    confirmed: by.confirmee ?? 0,
    waiting: by.attente ?? 0,
    duplicates: dup.length,
    overCapacity: Math.max(0, seats - SEATS),
  };
}

/** The results table: one line per run. */
export function formatRuns(runs: Array<{ label: string; run: Run; confirmed?: number }>): string {
  const rows = [
    [
      'Mesure',
      'durée s',
      'inscr./s',
      'confirmées/s',
      'p50 ms',
      'p99 ms',
      'p99 connectées ms',
      '303',
      'autres',
      'erreurs',
    ],
    ...runs.map(({ label, run, confirmed }) => [
      run.stopped ? `${label} (interrompue)` : label,
      decimal.format(run.seconds),
      integer.format(run.answered / run.seconds),
      confirmed === undefined ? '—' : integer.format(confirmed / run.seconds),
      run.p50 === null ? '—' : ms(run.p50),
      run.p99 === null ? '—' : ms(run.p99),
      run.p99Connected === null ? '—' : ms(run.p99Connected),
      integer.format(run.redirects),
      integer.format(run.answered - run.redirects),
      integer.format(run.errors),
    ]),
  ];
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('  ');
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
