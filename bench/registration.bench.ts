/**
 * Registration bench: the opening rush. 2,000 people register at once for 1,000 seats.
 *
 * For each database (a temporary SQLite file, then a fresh PostgreSQL database when `BENCH_DATABASE_URL` or
 * `TEST_DATABASE_URL` is set):
 * 1. the floor: a bare `node:http` server in a process of its own reads the same 2,000 forms and answers the
 *    same 303, over the same connections: what HTTP alone costs on this machine at this moment;
 * 2. the whole platform, as production runs it: `src/main.ts` in a process of its own (every middleware,
 *    sessions, CSRF, the rate limits, the request log at `info`, and its outbox worker, which sends each mail
 *    to files as the development mailer does), behind a trusted proxy (`TRUSTED_PROXIES`) that gives each person
 *    their own address;
 * 3. two warm-up rushes on other events (not measured): a server that opens registration has been running for
 *    a while, its code compiled by the JIT, its database pages in cache;
 * 4. the rush: autocannon (this process, so that it does not share the server's event loop) posts 2,000 forms,
 *    each from its own person (their session, as the form page gave it, their address, their idempotency key),
 *    over 100 connections: requests per second, confirmed per second (confirmed seats over the whole rush's
 *    duration), p50/p99 latency; then the final counts, read from the database: confirmed, waiting, duplicates
 *    (must be 0), seats beyond capacity (must be 0);
 * 5. the outbox's share: the decisions leave their e-mails (text, HTML, calendar, the badge's signed QR code)
 *    to be composed at sending, by the worker of the same process, which yields to the requests while they
 *    rush in; the bench waits until every e-mail of the three rushes is sent and says how long after the rush
 *    that was, and times the composing alone, in this process;
 * 6. the ceiling: the same 2,000 registrations made by calling `registerParticipant` in this process (no HTTP,
 *    no rendering), 100 at a time as the connections are, after a warm-up of its own; and the ratios.
 *
 * `BENCH_DURATION` (seconds, 60 by default) bounds each load run: a run still going is stopped and reported.
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of the platform's process there.
 *
 * Target: at least 1,000 confirmed registrations per second on SQLite with p99 under 150 ms; a missed target
 * is reported, not failed. Any answer other than a 303 (the result page's redirect) fails the bench.
 *
 * @example
 * BENCH_DURATION=30 TEST_DATABASE_URL=postgres://nt:nt@127.0.0.1:5432/nt npm run bench:registration
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { migrateToLatest } from '../src/adapters/db/migrations/index.js';
import { createKyselyOutbox } from '../src/adapters/mail/index.js';
import { registerParticipant } from '../src/modules/events/registration/index.js';
import { createEvent, participant } from '../src/modules/events/registration/testing/factory.js';
import { createTerritoriesModule } from '../src/modules/territories/index.js';
import { fixedClock, systemClock } from '../src/ports/clock.js';
import { startAppProcess } from '../test/support/app-process.js';
import { freshPostgres } from './support/postgres.js';
import {
  allSent,
  CONNECTIONS,
  composeAtSending,
  finalCounts,
  formatRuns,
  forms,
  openEvent,
  PEOPLE,
  people,
  post,
  type Run,
  SEATS,
  serveBare,
  startBare,
} from './support/registration-rush.js';
import { formatTargets, ms, type Target } from './support/report.js';

const LIMIT_SECONDS = Number(process.env.BENCH_DURATION) > 0 ? Number(process.env.BENCH_DURATION) : 60;
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
/** The ceiling runs on the factory's events, whose registration is open at this instant. */
const CEILING_NOW = '2022-12-15T10:00:00.000Z';

async function benchDatabase(
  name: string,
  url: string,
  dir: string,
): Promise<{ failed: boolean; targets: Target[] }> {
  console.log(`━━ Base ${name} ━━`);
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    // Loaded here, as an installed platform has them: the app process then starts at once.
    await createTerritoriesModule({ db: database.db, clock: systemClock }).ensureLoaded();
    const slug = name.toLowerCase();
    const rushes = ['echauffement-1', 'echauffement-2', 'ruee'];
    const events = await Promise.all(rushes.map((id) => openEvent(database.db, `${id}-${slug}`)));
    const posts = [];
    for (const [i, eventId] of events.entries()) {
      posts.push(forms(await people(database.db, PEOPLE, i * PEOPLE), eventId, rushes[i] ?? ''));
    }
    const [warmUp1 = [], warmUp2 = [], rushForms = []] = posts;
    const path = (eventId: string | undefined) => `/evenements/${eventId}/inscription`;

    const bare = await startBare();
    let floor: Run;
    try {
      await post(bare.origin, path(events[0]), warmUp1, LIMIT_SECONDS);
      floor = await post(bare.origin, path(events[2]), rushForms, LIMIT_SECONDS);
    } finally {
      await bare.stop();
    }

    const profile = process.env.BENCH_CPU_PROF;
    const app = await startAppProcess({
      databaseUrl: url,
      dir,
      env: { TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'info', OUTBOX_WORKER: 'on' },
      nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    });
    let rush: Run;
    let warm: Run[];
    let mail: Awaited<ReturnType<typeof allSent>>;
    try {
      warm = [
        await post(app.origin, path(events[0]), warmUp1, LIMIT_SECONDS),
        await post(app.origin, path(events[1]), warmUp2, LIMIT_SECONDS),
      ];
      rush = await post(app.origin, path(events[2]), rushForms, LIMIT_SECONDS);
      mail = await allSent(database.db, LIMIT_SECONDS);
    } finally {
      await app.stop();
    }
    const rushEvent = events[2] ?? '';
    const final = await finalCounts(database.db, rushEvent);
    const composing = await composeAtSending(database.db, 'ruee.');

    // The ceiling: the same registrations in this process, without HTTP, as many at once as connections.
    const clock = fixedClock(CEILING_NOW);
    const deps = {
      db: database.db,
      dialect: database.dialect,
      outbox: createKyselyOutbox({ clock }),
      clock,
      publicUrl: 'http://127.0.0.1',
    };
    const direct = async (eventId: string, prefix: string) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          for (let i = next++; i < PEOPLE; i = next++)
            await registerParticipant(deps, participant(eventId, `${prefix}-${i}`), `${prefix}-${slug}-${i}`);
        }),
      );
      return (performance.now() - started) / 1000;
    };
    const ceilingEvent = (id: string) =>
      createEvent(database.db, { id: `${id}-${slug}`, capacity_total: SEATS, remote: 0 });
    await direct(await ceilingEvent('plafond-echauffement'), 'plafond-echauffement');
    const ceilingId = await ceilingEvent('plafond');
    const ceilingSeconds = await direct(ceilingId, 'plafond');
    const ceilingCounts = await finalCounts(database.db, ceilingId);
    const ceiling: Run = {
      seconds: ceilingSeconds,
      answered: PEOPLE,
      redirects: PEOPLE,
      errors: 0,
      p50: null,
      p99: null,
      p99Connected: null,
      stopped: false,
    };

    console.log(
      formatRuns([
        { label: 'Plancher : serveur node:http nu, lit le formulaire, 303', run: floor },
        {
          label: `Ruée : la plateforme entière, ${integer.format(PEOPLE)} personnes, ${CONNECTIONS} connexions`,
          run: rush,
          confirmed: final.confirmed,
        },
        {
          label: `Plafond : registerParticipant, ${CONNECTIONS} à la fois, sans HTTP`,
          run: ceiling,
          confirmed: ceilingCounts.confirmed,
        },
      ]),
    );
    const rate = (r: Run) => r.answered / r.seconds;
    console.log(
      `\nÉchauffements (non mesurés) : ${warm.map((w) => `${integer.format(rate(w))} requêtes/s`).join(', ')}.` +
        `\nRuée / plafond : ${integer.format((rate(rush) / rate(ceiling)) * 100)} % ; ` +
        `ruée / plancher HTTP : ${integer.format((rate(rush) / rate(floor)) * 100)} %.` +
        `\nComptes finaux de la ruée : confirmées ${final.confirmed}, liste d’attente ${final.waiting}, ` +
        `doublons ${final.duplicates}, au-delà de la jauge ${final.overCapacity}.` +
        `\nCourriels : ${integer.format(mail.sent)} envoyés (les trois ruées, en fichiers .eml), ${
          mail.seconds === null
            ? `et d’autres encore en attente ${LIMIT_SECONDS} s après la ruée`
            : `le dernier ${decimal.format(mail.seconds)} s après la fin de la ruée`
        } ; pendant la ruée, la file d’envoi du même processus cède la place aux requêtes. ` +
        `Rédiger ses ${integer.format(composing.mails)} courriels (dont ${integer.format(composing.badges)} badges, ` +
        `QR signé) prend ${decimal.format(composing.seconds)} s (${integer.format(composing.mails / composing.seconds)} /s).` +
        `\nComptes du plafond : confirmées ${ceilingCounts.confirmed}, liste d’attente ${ceilingCounts.waiting}, ` +
        `doublons ${ceilingCounts.duplicates}, au-delà de la jauge ${ceilingCounts.overCapacity}.\n`,
    );
    const consistent = (c: typeof final) =>
      c.confirmed === SEATS && c.waiting === PEOPLE - SEATS && c.duplicates + c.overCapacity === 0;
    const failed =
      rush.stopped ||
      rush.redirects !== PEOPLE ||
      floor.redirects !== PEOPLE ||
      !consistent(final) ||
      !consistent(ceilingCounts) ||
      composing.badges !== SEATS ||
      mail.seconds === null;
    const confirmedPerSecond = final.confirmed / rush.seconds;
    return {
      failed,
      targets:
        name === 'SQLite'
          ? [
              {
                label: 'SQLite : ≥ 1 000 inscriptions confirmées par seconde',
                actual: `${integer.format(confirmedPerSecond)} /s sur la ruée entière`,
                pass: confirmedPerSecond >= 1000,
              },
              {
                label: 'SQLite : p99 < 150 ms',
                actual: `${ms(rush.p99 ?? Number.NaN)} ms`,
                pass: (rush.p99 ?? Number.POSITIVE_INFINITY) < 150,
              },
            ]
          : [],
    };
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  console.log(
    `Banc d’essai des inscriptions : ouverture, ${integer.format(PEOPLE)} personnes pour ${integer.format(SEATS)} places ` +
      `(chaque charge bornée à ${LIMIT_SECONDS} s, BENCH_DURATION).\n`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'nt-bench-inscriptions-'));
  const targets: Target[] = [];
  let failed = false;
  try {
    const sqlite = await benchDatabase('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`, dir);
    failed ||= sqlite.failed;
    targets.push(...sqlite.targets);
    const admin = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (admin) {
      const target = await freshPostgres(admin);
      try {
        const postgres = await benchDatabase('PostgreSQL', target.url, dir);
        failed ||= postgres.failed;
      } finally {
        await target.drop();
      }
    } else console.log('PostgreSQL : TEST_DATABASE_URL non défini, base ignorée.\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`Objectifs :\n${formatTargets(targets)}`);
  if (failed) console.error('\nÉCHEC : réponses inattendues, charge interrompue ou comptes incohérents.');
  return failed ? 1 : 0;
}

if (process.argv[2] === 'serve-bare') serveBare();
else process.exit(await main());
