/**
 * Registration bench: the opening rush. 2,000 people register at once for 1,000 seats.
 *
 * For each database (a temporary SQLite file, then a fresh PostgreSQL database when `BENCH_DATABASE_URL` or
 * `TEST_DATABASE_URL` is set):
 * 1. the app's registration routes are served by a child process (the « app process », with sessions and CSRF
 *    as in production, but not the platform's per-address rate limit of 120 writes a minute, which an opening
 *    rush from many addresses never meets) on 127.0.0.1;
 * 2. a warm-up rush on another event (not measured): a server that opens registration has been running for
 *    a while, its code compiled by the JIT, its database pages in cache;
 * 3. the reference: the same 2,000 forms posted to a route of the same process that goes through the same
 *    sessions, CSRF check and form parsing, then redirects without registering: what HTTP costs on this machine
 *    at this moment, the part of each request that registration does not decide;
 * 4. the rush: autocannon (this process, so that it does not share the server's event loop) posts 2,000 forms,
 *    each with its own address and idempotency key, over 100 connections: registrations per second, confirmed
 *    per second (confirmed seats over the whole rush's duration), p50/p99 latency;
 * 5. the final counts, read from the database: confirmed, waiting, duplicates (must be 0), seats beyond
 *    capacity (must be 0); and the outbox's share, which comes after: the confirmations leave their badges
 *    (a signed QR code each) to be drawn at sending, and the bench times that drawing as the worker does it;
 * 6. the ceiling: the same 2,000 registrations made by calling `registerParticipant` in this process (no HTTP,
 *    no rendering), 100 at a time as the connections are, after a warm-up of its own; and the ratio.
 *
 * `BENCH_DURATION` (seconds, 60 by default) bounds each load run: a run still going is stopped and reported.
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of the app process there.
 *
 * Target: at least 1,000 confirmed registrations per second on SQLite with p99 under 150 ms; a missed target
 * is reported, not failed. Any answer other than a 303 (the result page's redirect) fails the bench.
 *
 * @example
 * BENCH_DURATION=30 TEST_DATABASE_URL=postgres://nt:nt@127.0.0.1:5432/nt npm run bench:registration
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { migrateToLatest } from '../src/adapters/db/migrations/index.js';
import { createKyselyOutbox } from '../src/adapters/mail/index.js';
import { issueFormKey, registerParticipant } from '../src/modules/events/registration/index.js';
import { createEvent, participant } from '../src/modules/events/registration/testing/factory.js';
import { fixedClock } from '../src/ports/clock.js';
import {
  CONNECTIONS,
  drawAtSending,
  finalCounts,
  formatRuns,
  NOW,
  openForm,
  PEOPLE,
  post,
  type Run,
  SEATS,
  serveApp,
  startChild,
} from './support/registration-rush.js';
import { formatTargets, ms, type Target } from './support/report.js';

const LIMIT_SECONDS = Number(process.env.BENCH_DURATION) > 0 ? Number(process.env.BENCH_DURATION) : 60;
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

async function benchDatabase(name: string, url: string): Promise<{ failed: boolean; targets: Target[] }> {
  console.log(`━━ Base ${name} ━━`);
  const database = connectDatabase(url);
  await migrateToLatest(database.db, database.dialect);
  const slug = name.toLowerCase();
  const event = (id: string) =>
    createEvent(database.db, { id: `${id}-${slug}`, capacity_total: SEATS, remote: 0 });
  const [warmUpEvent, rushEvent, ceilingWarmUpEvent, ceilingEvent] = [
    await event('echauffement'),
    await event('ruee'),
    await event('plafond-echauffement'),
    await event('plafond'),
  ];
  const child = await startChild(url);
  try {
    const form = await openForm(child.origin, rushEvent);
    const forms = (eventId: string, prefix: string) =>
      Array.from({ length: PEOPLE }, (_, i) =>
        new URLSearchParams({
          _csrf: form.token,
          cle: issueFormKey(form.token, eventId),
          profil: 'service-deconcentre',
          prenom: 'Camille',
          nom: `Martin ${i}`,
          email: `${prefix}.${i}@example.fr`,
          organisation: 'Préfecture',
          mode: 'presentiel',
        }).toString(),
      );
    const path = (eventId: string) => `/evenements/${eventId}/inscription`;
    await post(
      child.origin,
      path(warmUpEvent),
      form.cookie,
      forms(warmUpEvent, 'echauffement'),
      LIMIT_SECONDS,
    );
    const reference = await post(
      child.origin,
      '/reference',
      form.cookie,
      forms(rushEvent, 'reference'),
      LIMIT_SECONDS,
    );
    const rush = await post(
      child.origin,
      path(rushEvent),
      form.cookie,
      forms(rushEvent, 'ruee'),
      LIMIT_SECONDS,
    );
    const final = await finalCounts(database.db, rushEvent);
    const drawing = await drawAtSending(database.db, 'ruee.');

    // The ceiling: the same registrations in this process, without HTTP, as many at once as connections.
    const clock = fixedClock(NOW);
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
    await direct(ceilingWarmUpEvent, 'plafond-echauffement');
    const ceilingSeconds = await direct(ceilingEvent, 'plafond');
    const ceilingCounts = await finalCounts(database.db, ceilingEvent);
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
        { label: 'Référence : sessions, CSRF, formulaire lu, redirection', run: reference },
        {
          label: `Ruée HTTP : ${integer.format(PEOPLE)} personnes, ${CONNECTIONS} connexions`,
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
    const ratio = (rush.answered / rush.seconds / (PEOPLE / ceilingSeconds)) * 100;
    const ofReference = (rush.answered / rush.seconds / (reference.answered / reference.seconds)) * 100;
    console.log(
      `\nHTTP / plafond : ${integer.format(ratio)} % ; ruée / référence : ${integer.format(ofReference)} %.` +
        `\nComptes finaux de la ruée : confirmées ${final.confirmed}, liste d’attente ${final.waiting}, ` +
        `doublons ${final.duplicates}, au-delà de la jauge ${final.overCapacity}.` +
        `\nÀ l’envoi, après la ruée : la file d’envoi dessine les ${integer.format(drawing.badges)} badges (QR signé) ` +
        `de ${integer.format(drawing.mails)} confirmations en ${decimal.format(drawing.seconds)} s ` +
        `(${integer.format(drawing.badges / drawing.seconds)} /s), à son rythme, hors des requêtes.` +
        `\nComptes du plafond : confirmées ${ceilingCounts.confirmed}, liste d’attente ${ceilingCounts.waiting}, ` +
        `doublons ${ceilingCounts.duplicates}, au-delà de la jauge ${ceilingCounts.overCapacity}.\n`,
    );
    const consistent = (c: typeof final) =>
      c.confirmed === SEATS && c.waiting === PEOPLE - SEATS && c.duplicates + c.overCapacity === 0;
    const failed =
      rush.stopped ||
      rush.redirects !== PEOPLE ||
      reference.redirects !== PEOPLE ||
      !consistent(final) ||
      !consistent(ceilingCounts);
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
    await child.stop();
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
  if (failed) console.error('\nÉCHEC : réponses inattendues, charge interrompue ou comptes incohérents.');
  return failed ? 1 : 0;
}

if (process.argv[2] === 'serve') await serveApp(process.argv[3] ?? '');
else process.exit(await main());
