/**
 * Registration bench: the opening rush. 2,000 people register at once for 1,000 seats.
 *
 * For each database (a temporary SQLite file, then a fresh PostgreSQL database when `BENCH_DATABASE_URL` or
 * `TEST_DATABASE_URL` is set):
 * 1. the app's registration routes are served by a child process (the « app process », with sessions and CSRF
 *    as in production, but not the platform's per-address rate limit of 120 writes a minute, which an opening
 *    rush from many addresses never meets) on 127.0.0.1;
 * 2. autocannon (this process, so that it does not share the server's event loop) posts 2,000 forms, each with
 *    its own address and idempotency key, over 100 connections: registrations per second, confirmed per
 *    second, p50/p99 latency;
 * 3. the final counts, read from the database: confirmed, waiting, duplicates (must be 0), seats beyond
 *    capacity (must be 0);
 * 4. the ceiling: the same 2,000 registrations made by calling `registerParticipant` in a loop in one process
 *    (no HTTP, no rendering), and the ratio.
 *
 * Target: at least 1,000 confirmed registrations per second on SQLite with p99 under 150 ms; a missed target
 * is reported, not failed. Any answer other than a 303 (the result page's redirect) fails the bench.
 *
 * @example
 * npm run bench:registration
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { migrateToLatest } from '../src/adapters/db/migrations/index.js';
import { createKyselySessionStore } from '../src/adapters/db/session-store.kysely.js';
import { createKyselyOutbox } from '../src/adapters/mail/index.js';
import { createRegistration } from '../src/modules/events/events.registration.js';
import { issueFormKey, registerParticipant } from '../src/modules/events/registration/index.js';
import { createEvent, participant } from '../src/modules/events/registration/testing/factory.js';
import { createTerritoriesModule } from '../src/modules/territories/index.js';
import type { AppEnv } from '../src/platform/http/context.js';
import { csrf } from '../src/platform/http/csrf.js';
import { errorPage } from '../src/platform/http/errors.js';
import { sessions } from '../src/platform/http/session.js';
import { createLogger } from '../src/platform/logger.js';
import { fixedClock } from '../src/ports/clock.js';
import { formatTargets, ms, type Target } from './support/report.js';

const PEOPLE = 2000;
const SEATS = 1000;
const CONNECTIONS = 100;
const NOW = '2022-12-15T10:00:00.000Z';
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** The « app process »: the registration routes on 127.0.0.1:0; prints its port. */
async function serveApp(url: string) {
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
  app.use(sessions(createKyselySessionStore(database.db), clock));
  app.use(csrf());
  app.route('/', registration.routes);
  app.onError(errorPage);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    console.log(`PORT ${info.port}`),
  );
  process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
}

async function startChild(url: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'serve', url], {
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

async function counts(db: ReturnType<typeof connectDatabase>['db'], eventId: string) {
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

async function benchDatabase(name: string, url: string): Promise<{ failed: boolean; targets: Target[] }> {
  console.log(`━━ Base ${name} ━━`);
  const database = connectDatabase(url);
  await migrateToLatest(database.db, database.dialect);
  const eventId = await createEvent(database.db, {
    id: `ruee-${name.toLowerCase()}`,
    capacity_total: SEATS,
    remote: 0,
  });
  const child = await startChild(url);
  try {
    const page = await fetch(`${child.origin}/evenements/${eventId}/inscription`);
    const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    if (!cookie || !token) throw new Error('formulaire sans session ni jeton CSRF');
    const bodies = Array.from({ length: PEOPLE }, (_, i) =>
      new URLSearchParams({
        _csrf: token,
        cle: issueFormKey(token, eventId),
        profil: 'service-deconcentre',
        prenom: 'Camille',
        nom: `Martin ${i}`,
        email: `ruee.${i}@example.fr`,
        organisation: 'Préfecture',
        mode: 'presentiel',
      }).toString(),
    );
    let next = 0;
    const started = performance.now();
    const result = await autocannon({
      url: child.origin,
      connections: CONNECTIONS,
      amount: PEOPLE,
      timeout: 20,
      requests: [
        {
          method: 'POST',
          path: `/evenements/${eventId}/inscription`,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % PEOPLE] }),
        },
      ],
    } as unknown as Parameters<typeof autocannon>[0]);
    const seconds = (performance.now() - started) / 1000;
    const final = await counts(database.db, eventId);
    const answered = result.latency.totalCount;
    const redirects = (result.statusCodeStats as Record<string, { count: number }>)['303']?.count ?? 0;
    console.log(
      `HTTP, ${integer.format(PEOPLE)} personnes, ${CONNECTIONS} connexions : ${ms(seconds)} s, ` +
        `${integer.format(answered / seconds)} inscriptions/s, ${integer.format(final.confirmed / seconds)} confirmées/s ` +
        `(sur toute la durée ; ${integer.format(SEATS / seconds)} si l’on ne compte que les places), p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ` +
        `${redirects} réponses 303, ${result.non2xx - redirects} autres, ${result.errors} erreurs.`,
    );
    console.log(
      `Comptes finaux : confirmées ${final.confirmed}, liste d’attente ${final.waiting}, doublons ${final.duplicates}, au-delà de la jauge ${final.overCapacity}.`,
    );

    // The ceiling: the same registrations, in one process, without HTTP.
    const ceilingEvent = await createEvent(database.db, {
      id: `plafond-${name.toLowerCase()}`,
      capacity_total: SEATS,
      remote: 0,
    });
    const clock = fixedClock(NOW);
    const deps = {
      db: database.db,
      dialect: database.dialect,
      outbox: createKyselyOutbox({ clock }),
      clock,
      publicUrl: 'http://127.0.0.1',
    };
    const t0 = performance.now();
    for (let i = 0; i < PEOPLE; i++)
      await registerParticipant(deps, participant(ceilingEvent, `plafond-${i}`), `plafond-${name}-${i}`);
    const direct = (performance.now() - t0) / 1000;
    const ceiling = await counts(database.db, ceilingEvent);
    const httpRate = answered / seconds;
    console.log(
      `Plafond (registerParticipant en boucle, un processus) : ${integer.format(PEOPLE / direct)} inscriptions/s, ` +
        `${integer.format(ceiling.confirmed / direct)} confirmées/s ; HTTP / plafond : ${integer.format((httpRate / (PEOPLE / direct)) * 100)} %.\n`,
    );
    const failed =
      answered !== PEOPLE ||
      redirects !== PEOPLE ||
      final.confirmed !== SEATS ||
      final.waiting !== PEOPLE - SEATS ||
      final.duplicates + final.overCapacity > 0;
    return {
      failed,
      targets:
        name === 'SQLite'
          ? [
              {
                label: 'SQLite : ≥ 1 000 inscriptions confirmées par seconde',
                actual: `${integer.format(final.confirmed / seconds)} /s sur la ruée entière`,
                pass: final.confirmed / seconds >= 1000,
              },
              {
                label: 'SQLite : p99 < 150 ms',
                actual: `${ms(result.latency.p99)} ms`,
                pass: result.latency.p99 < 150,
              },
            ]
          : [],
    };
  } finally {
    await child.stop();
    await database.close();
  }
}

async function main(): Promise<number> {
  console.log(`Banc d’essai des inscriptions : ouverture, ${PEOPLE} personnes pour ${SEATS} places.\n`);
  const dir = await mkdtemp(join(tmpdir(), 'nt-bench-inscriptions-'));
  const targets: Target[] = [];
  let failed = false;
  try {
    const sqlite = await benchDatabase('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`);
    failed ||= sqlite.failed;
    targets.push(...sqlite.targets);
    const admin = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (admin) {
      const name = `nt_bench_${randomBytes(4).toString('hex')}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      try {
        const postgres = await benchDatabase('PostgreSQL', url.toString());
        failed ||= postgres.failed;
      } finally {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
    } else console.log('PostgreSQL : TEST_DATABASE_URL non défini, base ignorée.\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`Objectifs :\n${formatTargets(targets)}`);
  if (failed) console.error('\nÉCHEC : réponses inattendues ou comptes incohérents.');
  return failed ? 1 : 0;
}

if (process.argv[2] === 'serve') await serveApp(process.argv[3] ?? '');
else process.exit(await main());
