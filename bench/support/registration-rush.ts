/**
 * The registration bench's parts (see bench/registration.bench.ts): the events, the people and their sessions,
 * the bare HTTP server of the floor, the load runs, the outbox's share, the final counts and the results table.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { connectDatabase } from '../../src/adapters/db/connect.js';
import { createKyselySessionStore } from '../../src/adapters/db/session-store.kysely.js';
import { toMailMessage } from '../../src/adapters/mail/outbox/rows.js';
import { eventMailComposers } from '../../src/modules/events/index.js';
import { issueFormKey } from '../../src/modules/events/registration/index.js';
import { createEvent, openAt } from '../../src/modules/events/registration/testing/factory.js';
import { SESSION_COOKIE } from '../../src/platform/http/session.js';
import { randomToken, sha256 } from '../../src/shared/hash.js';
import { ms } from './report.js';

export const PEOPLE = 2000;
export const SEATS = 1000;
export const CONNECTIONS = 100;
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

type Db = ReturnType<typeof connectDatabase>['db'];

/** An in-person event of `SEATS` places whose registration is open now (the app runs on the system clock). */
export function openEvent(db: Db, id: string): Promise<string> {
  return createEvent(db, { id, capacity_total: SEATS, remote: 0, ...openAt(Date.now()) });
}

/** One person of the rush: the session their browser got with the form, and the address they come from. */
export interface Person {
  cookie: string;
  csrf: string;
  address: string;
}

/**
 * `count` people, each with the session the form page would have given them (made here through the session
 * store, as the page makes it: the rush is the moment they send the form) and an address of their own, numbered
 * from `first`.
 */
export async function people(db: Db, count: number, first: number): Promise<Person[]> {
  const store = createKyselySessionStore(db);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  const made: Person[] = [];
  for (let i = first; i < first + count; i++) {
    const token = randomToken(32);
    const csrf = randomToken(32);
    await store.create(sha256(token), { personId: null, csrfToken: csrf, data: {}, expiresAt }, now);
    made.push({
      cookie: `${SESSION_COOKIE}=${token}`,
      csrf,
      address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    });
  }
  return made;
}

/** One POST of the rush: its headers (session, address through the trusted proxy) and its form. */
export interface Post {
  headers: Record<string, string>;
  body: string;
}

/** Each person's registration form for `eventId`, filled in, with its idempotency key. */
export function forms(crowd: Person[], eventId: string, emailPrefix: string): Post[] {
  return crowd.map((p, i) => ({
    headers: {
      cookie: p.cookie,
      'x-forwarded-for': p.address,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      _csrf: p.csrf,
      cle: issueFormKey(p.csrf, eventId),
      profil: 'service-deconcentre',
      prenom: 'Camille',
      nom: `Martin ${i}`,
      email: `${emailPrefix}.${i}@example.fr`,
      organisation: 'Préfecture',
      mode: 'presentiel',
    }).toString(),
  }));
}

/**
 * The floor's server: bare `node:http`, no framework nor database, that reads each form whole, parses it and
 * answers the same 303 as the app; prints its port.
 */
export function serveBare() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(303, {
        location: `/inscription/resultat?cle=${encodeURIComponent(form.get('cle') ?? '')}`,
      });
      res.end();
    });
  });
  server.listen(0, '127.0.0.1', () => console.log(`PORT ${(server.address() as AddressInfo).port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

/** Starts the floor's server in a process of its own (bench/registration.bench.ts `serve-bare`). */
export async function startBare(): Promise<{ origin: string; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('../registration.bench.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, 'serve-bare'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`le serveur nu s’est arrêté (${code})`)));
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
export async function post(origin: string, path: string, posts: Post[], limitSeconds: number): Promise<Run> {
  let next = 0;
  const started = performance.now();
  const instance = autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount: posts.length,
    timeout: limitSeconds,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const one = posts[next++ % posts.length] as Post;
          return { ...request, headers: one.headers, body: one.body };
        },
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
    if (++answered === posts.length) instance.stop();
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
 * The outbox's share of the rush, after it: composing the messages that the rush's decisions left to the
 * sending (see `ComposedAtSending`) — text, HTML, calendar and, for confirmations, the badge's signed QR code —
 * as the worker does before handing each one to the mail server.
 */
export async function composeAtSending(db: Db, recipientPrefix: string) {
  const rows = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('recipient', 'like', `${recipientPrefix}%`)
    .execute();
  const composers = eventMailComposers(db);
  const started = performance.now();
  let badges = 0;
  for (const row of rows) {
    const mail = await toMailMessage(row, composers);
    badges += mail.attachments?.filter((a) => a.contentType === 'image/png').length ?? 0;
  }
  return { mails: rows.length, badges, seconds: (performance.now() - started) / 1000 };
}

/**
 * Waits until the outbox holds no message left to send, and returns how many seconds that took from now and
 * how many were sent in all (null seconds past `limitSeconds`).
 */
export async function allSent(db: Db, limitSeconds: number) {
  const started = performance.now();
  const count = async (statuses: Array<'en-attente' | 'envoi' | 'envoye'>) =>
    Number(
      (
        await db
          .selectFrom('outbox_message')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', statuses)
          .executeTakeFirstOrThrow()
      ).n,
    );
  while (performance.now() - started < limitSeconds * 1000) {
    if ((await count(['en-attente', 'envoi'])) === 0) {
      return { seconds: (performance.now() - started) / 1000, sent: await count(['envoye']) };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { seconds: null, sent: await count(['envoye']) };
}

/** The event's registrations as the bench checks them, read from the rows. */
export async function finalCounts(db: Db, eventId: string) {
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
      'requêtes/s',
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
