/**
 * Espace de rencontres bench.
 *
 * 1. The opening of booking, for each database (a temporary SQLite file, then a fresh PostgreSQL database when
 *    `BENCH_DATABASE_URL` or `TEST_DATABASE_URL` is set): a forum of 11 stands × 5 members × 5 slots (small
 *    groups of 3: 825 places), 1,000 confirmed participants each firing 3 booking forms at once (3,000 POSTs,
 *    each with its own session and CSRF token, over 100 connections) with autocannon against the meetings
 *    routes served by a child process on 127.0.0.1. Prints bookings per second (answered and confirmed), p50
 *    and p99, then checks the rows: no slot over capacity, nobody in two places at once, counters in step. The
 *    baseline: the same 3,000 attempts made by calling `bookSlot` in a loop in one process, without HTTP.
 * 2. The assignment of the scheduling mode for 2,000 participants × 30 stands × 5 ranked choices (three
 *    generated instances): time and satisfied requests beside the greedy (first come, first served) baseline
 *    and an upper bound. Target: under 10 s. Then the same size end to end through the database (rankings read,
 *    assignment stored, then published with every e-mail).
 *
 * A missed target is reported, not failed; any answer other than 303 or 422, or an inconsistent count, fails.
 *
 * @example
 * TEST_DATABASE_URL=postgres://nt:nt@127.0.0.1:5432/nt npm run bench:meetings
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
import type { Kysely } from 'kysely';
import pg from 'pg';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { migrateToLatest } from '../src/adapters/db/migrations/index.js';
import type { Database } from '../src/adapters/db/schema.js';
import { createKyselySessionStore } from '../src/adapters/db/session-store.kysely.js';
import { createKyselyOutbox } from '../src/adapters/mail/index.js';
import { bookSlot } from '../src/modules/meetings/booking/book.js';
import { createMeetingsModule } from '../src/modules/meetings/index.js';
import { assign, seeded } from '../src/modules/meetings/scheduling/assign.js';
import { generateInstance } from '../src/modules/meetings/scheduling/generate.js';
import { publishRun, runAssignment } from '../src/modules/meetings/scheduling/runs.js';
import { upperBound } from '../src/modules/meetings/scheduling/state.js';
import { createForum, type Forum, registerPeople } from '../src/modules/meetings/testing/factory.js';
import type { AppEnv } from '../src/platform/http/context.js';
import { csrf } from '../src/platform/http/csrf.js';
import { errorPage } from '../src/platform/http/errors.js';
import { SESSION_COOKIE, sessions } from '../src/platform/http/session.js';
import { createLogger } from '../src/platform/logger.js';
import { fixedClock } from '../src/ports/clock.js';
import { randomToken, sha256 } from '../src/shared/hash.js';
import { formatTargets, ms, type Target } from './support/report.js';

const PEOPLE = 1000;
const ATTEMPTS = 3;
const CONNECTIONS = 100;
const NOW = '2023-01-10T10:00:00.000Z';
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const deps = (db: Kysely<Database>, dialect: 'sqlite' | 'postgres') => {
  const clock = fixedClock(NOW);
  return { db, dialect, clock, outbox: createKyselyOutbox({ clock }), publicUrl: 'http://127.0.0.1' };
};

/** The « app process »: the meetings routes with sessions and CSRF on 127.0.0.1:0; prints its port. */
async function serveApp(url: string) {
  const database = connectDatabase(url);
  const clock = fixedClock(NOW);
  const meetings = createMeetingsModule({
    ...deps(database.db, database.dialect),
    storage: undefined as never,
    territories: undefined as never,
    audit: async () => {},
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
  app.route('/', meetings.routes);
  app.onError(errorPage);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    console.log(`PORT ${info.port}`),
  );
  process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
}

async function startChild(url: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', fileURLToPath(import.meta.url), 'serve', url],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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

/** Who tries which slot: 3 stands each, drawn with a skewed popularity (some stands are wanted by many). */
function attemptsFor(forum: Forum, people: string[]) {
  const random = seeded(2023);
  const weights = forum.stands.map((_, i) => 1 / (i + 1) ** 0.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickStand = (taken: Set<number>) => {
    for (;;) {
      let r = random() * total;
      let k = 0;
      while (k < weights.length - 1 && r >= weights[k]!) r -= weights[k++]!;
      if (!taken.has(k)) return k;
    }
  };
  const plans = people.map((registrationId) => {
    const taken = new Set<number>();
    return Array.from({ length: ATTEMPTS }, () => {
      const k = pickStand(taken);
      taken.add(k);
      const stand = forum.stands[k]!;
      const member = stand.members[Math.floor(random() * stand.members.length)]!;
      return {
        registrationId,
        standId: stand.id,
        slotId: member.slots[Math.floor(random() * member.slots.length)]!,
      };
    });
  });
  // Everyone's first attempt, then everyone's second…: the rush of an opening.
  return Array.from({ length: ATTEMPTS }, (_, a) => plans.map((p) => p[a]!)).flat();
}

async function facts(db: Kysely<Database>, eventId: string) {
  const live = await db
    .selectFrom('meeting_booking as b')
    .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
    .select(['b.registration_id', 'b.slot_id', 's.starts_at', 's.ends_at'])
    .where('b.event_id', '=', eventId)
    .where('b.status', 'in', ['demandee', 'confirmee'])
    .execute();
  const slots = await db
    .selectFrom('meeting_slot')
    .select(['id', 'capacity', 'booked'])
    .where('event_id', '=', eventId)
    .execute();
  const per = new Map<string, number>();
  for (const b of live) per.set(b.slot_id, (per.get(b.slot_id) ?? 0) + 1);
  const byPerson = new Map<string, typeof live>();
  for (const b of live) byPerson.set(b.registration_id, [...(byPerson.get(b.registration_id) ?? []), b]);
  let twoPlaces = 0;
  for (const mine of byPerson.values())
    for (let i = 0; i < mine.length; i++)
      for (let j = i + 1; j < mine.length; j++)
        if (mine[i]!.starts_at < mine[j]!.ends_at && mine[j]!.starts_at < mine[i]!.ends_at) twoPlaces++;
  return {
    confirmed: live.length,
    overCapacity: slots.filter((s) => (per.get(s.id) ?? 0) > s.capacity).length,
    drift: slots.filter((s) => (per.get(s.id) ?? 0) !== s.booked).length,
    twoPlaces,
  };
}

const FORUM = { stands: 11, membersPerStand: 5, slotsPerMember: 5, slotMinutes: 15, capacity: 3 };

/** One session per participant, as if each had opened the link of their access e-mail. */
async function sessionsFor(db: Kysely<Database>, eventId: string, people: string[]) {
  const store = createKyselySessionStore(db);
  const browsers = new Map<string, { cookie: string; csrf: string }>();
  for (const registrationId of people) {
    const token = randomToken(32);
    const csrfToken = randomToken(32);
    await store.create(
      sha256(token),
      {
        personId: null,
        csrfToken,
        data: { rencontres: { participants: { [eventId]: registrationId } } },
        expiresAt: '2023-01-11T00:00:00.000Z',
      },
      new Date(NOW),
    );
    browsers.set(registrationId, { cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken });
  }
  return browsers;
}

/**
 * A few hundred requests on a forum of their own before measuring: the app process compiles its modules on
 * first use, which would otherwise land on the first requests of the rush.
 */
async function warmUp(db: Kysely<Database>, origin: string, name: string) {
  const forum = await createForum(db, { ...FORUM, stands: 3, eventId: `echauffement-${name.toLowerCase()}` });
  const people = await registerPeople(db, forum.eventId, 60);
  const browsers = await sessionsFor(db, forum.eventId, people);
  const attempts = attemptsFor(forum, people);
  for (let i = 0; i < attempts.length; i += 10) {
    await Promise.all(
      attempts.slice(i, i + 10).map(async (a) => {
        const b = browsers.get(a.registrationId)!;
        const base = `${origin}/evenements/${forum.eventId}/rencontres`;
        await (await fetch(`${base}/stands/${a.standId}`, { headers: { cookie: b.cookie } })).arrayBuffer();
        await (
          await fetch(`${base}/stands/${a.standId}/reserver`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: `_csrf=${b.csrf}&creneau=${a.slotId}`,
          })
        ).arrayBuffer();
      }),
    );
  }
}

async function benchBooking(name: string, url: string): Promise<{ failed: boolean; targets: Target[] }> {
  console.log(`━━ Ouverture des réservations, base ${name} ━━`);
  const database = connectDatabase(url);
  await migrateToLatest(database.db, database.dialect);
  const forum = await createForum(database.db, { ...FORUM, eventId: `ouverture-${name.toLowerCase()}` });
  const people = await registerPeople(database.db, forum.eventId, PEOPLE);
  const browsers = await sessionsFor(database.db, forum.eventId, people);
  const attempts = attemptsFor(forum, people);
  const child = await startChild(url);
  try {
    await warmUp(database.db, child.origin, name);
    let next = 0;
    const started = performance.now();
    const result = await autocannon({
      url: child.origin,
      connections: CONNECTIONS,
      amount: attempts.length,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: Record<string, unknown>) => {
            const a = attempts[next++ % attempts.length]!;
            const b = browsers.get(a.registrationId)!;
            return {
              ...req,
              path: `/evenements/${forum.eventId}/rencontres/stands/${a.standId}/reserver`,
              headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
              body: `_csrf=${b.csrf}&creneau=${a.slotId}`,
            };
          },
        },
      ],
    } as unknown as Parameters<typeof autocannon>[0]);
    const seconds = (performance.now() - started) / 1000;
    const codes = result.statusCodeStats as Record<string, { count: number }>;
    const booked = codes['303']?.count ?? 0;
    const refused = codes['422']?.count ?? 0;
    const f = await facts(database.db, forum.eventId);
    console.log(
      `HTTP, ${integer.format(PEOPLE)} participants × ${ATTEMPTS} essais, ${CONNECTIONS} connexions : ${ms(seconds)} s, ` +
        `${integer.format(result.latency.totalCount / seconds)} réservations traitées/s, ${integer.format(f.confirmed / seconds)} confirmées/s, ` +
        `p50 ${ms(result.latency.p50)} ms, p90 ${ms(result.latency.p90)} ms, p99 ${ms(result.latency.p99)} ms, max ${ms(result.latency.max)} ms ; ${booked} réponses 303, ${refused} refus 422 (complet, conflit, même stand), ` +
        `${result.non2xx - booked - refused} autres, ${result.errors} erreurs.`,
    );
    console.log(
      `Lignes : ${f.confirmed} rendez-vous pour ${FORUM.stands * FORUM.membersPerStand * FORUM.slotsPerMember * FORUM.capacity} places, au-delà de la capacité ${f.overCapacity}, à deux endroits à la fois ${f.twoPlaces}, compteurs faux ${f.drift}.`,
    );
    // The baseline: the same attempts, in one process, without HTTP.
    const ceiling = await createForum(database.db, { ...FORUM, eventId: `plafond-${name.toLowerCase()}` });
    const others = await registerPeople(database.db, ceiling.eventId, PEOPLE);
    const direct = attemptsFor(ceiling, others);
    const d = deps(database.db, database.dialect);
    const t0 = performance.now();
    for (const a of direct)
      await bookSlot(d, {
        eventId: ceiling.eventId,
        registrationId: a.registrationId,
        slotId: a.slotId,
        note: '',
      });
    const loop = (performance.now() - t0) / 1000;
    const httpRate = result.latency.totalCount / seconds;
    console.log(
      `Référence (bookSlot en boucle, un processus, sans HTTP) : ${integer.format(direct.length / loop)} réservations traitées/s ; HTTP / référence : ${integer.format((httpRate / (direct.length / loop)) * 100)} %.\n`,
    );
    const failed =
      result.latency.totalCount !== attempts.length ||
      booked + refused !== attempts.length ||
      f.overCapacity + f.twoPlaces + f.drift > 0;
    return {
      failed,
      targets: [
        {
          label: `${name} : aucune place au-delà de la capacité, personne à deux endroits`,
          actual: `${f.overCapacity + f.twoPlaces}`,
          pass: f.overCapacity + f.twoPlaces === 0,
        },
        {
          label: `${name} : p99 des réservations < 150 ms`,
          actual: `${ms(result.latency.p99)} ms`,
          pass: result.latency.p99 < 150,
        },
      ],
    };
  } finally {
    await child.stop();
    await database.close();
  }
}

function benchAssignment(): Target[] {
  console.log('━━ Affectation : 2 000 participants × 30 stands × 5 choix ━━');
  const rows: string[] = [];
  let slowest = 0;
  let belowGreedy = 0;
  for (const seed of [1, 2, 3]) {
    const instance = generateInstance({
      participants: 2000,
      stands: 30,
      choices: 5,
      seed,
      limit: 3,
      members: [10, 20],
      groups: 0.4,
    });
    const { solution, baseline, ms: took } = assign(instance, { seed });
    slowest = Math.max(slowest, took);
    if (solution.satisfied < baseline.satisfied) belowGreedy++;
    const places = instance.slots.reduce((n, s) => n + s.capacity, 0);
    rows.push(
      `  instance ${seed} : ${integer.format(instance.slots.length)} créneaux, ${integer.format(places)} places, 10 000 demandes, borne supérieure ${integer.format(upperBound(instance))} — ` +
        `affectation ${integer.format(solution.satisfied)} satisfaites (${integer.format(solution.score)} points, 1ers choix ${integer.format(solution.byRank[0] ?? 0)}) en ${ms(took)} ms ; ` +
        `glouton ${integer.format(baseline.satisfied)} (${integer.format(baseline.score)} points, 1ers choix ${integer.format(baseline.byRank[0] ?? 0)}).`,
    );
  }
  console.log(`${rows.join('\n')}\n`);
  return [
    {
      label: 'Affectation 2 000 × 30 × 5 en moins de 10 s',
      actual: `${ms(slowest)} ms au plus`,
      pass: slowest < 10_000,
    },
    {
      label: 'Affectation ≥ glouton sur chaque instance',
      actual: `${3 - belowGreedy} sur 3`,
      pass: belowGreedy === 0,
    },
  ];
}

/** The same size through the database: rankings read, the assignment computed and stored, then published. */
async function benchScheduling(name: string, url: string): Promise<Target[]> {
  const database = connectDatabase(url);
  await migrateToLatest(database.db, database.dialect);
  try {
    const forum = await createForum(database.db, {
      eventId: `planification-${name.toLowerCase()}`,
      stands: 30,
      membersPerStand: 12,
      slotsPerMember: 6,
      capacity: 2,
      space: { mode: 'planifie' },
    });
    const people = await registerPeople(database.db, forum.eventId, 2000);
    const random = seeded(7);
    const rows = people.flatMap((registrationId) => {
      const stands = [...forum.stands].sort(() => random() - 0.5).slice(0, 5);
      return stands.map((s, i) => ({
        registration_id: registrationId,
        event_id: forum.eventId,
        stand_id: s.id,
        rank: i + 1,
        created_at: NOW,
      }));
    });
    for (let i = 0; i < rows.length; i += 500)
      await database.db
        .insertInto('meeting_ranking')
        .values(rows.slice(i, i + 500))
        .execute();
    const d = deps(database.db, database.dialect);
    const author = { id: null, label: 'banc d’essai', ip: null };
    const t0 = performance.now();
    const run = await runAssignment(d, author, forum.eventId);
    const computed = performance.now() - t0;
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    const t1 = performance.now();
    const published = await publishRun(d, author, forum.eventId, run.value);
    const publishing = performance.now() - t1;
    if (!published.ok) throw new Error(JSON.stringify(published.errors));
    const f = await facts(database.db, forum.eventId);
    console.log(
      `${name}, de bout en bout (2 000 participants, 30 stands, 10 000 classements, 4 320 places) : affectation lue, calculée et enregistrée en ${ms(computed)} ms ; ` +
        `publication de ${integer.format(published.value.published)} rendez-vous et des courriels en ${ms(publishing)} ms ; au-delà de la capacité ${f.overCapacity}, à deux endroits ${f.twoPlaces}.`,
    );
    return [
      {
        label: `${name} : affectation de bout en bout < 10 s`,
        actual: `${ms(computed)} ms`,
        pass: computed < 10_000,
      },
    ];
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  console.log('Banc d’essai de l’espace de rencontres.\n');
  const dir = await mkdtemp(join(tmpdir(), 'nt-bench-rencontres-'));
  const targets: Target[] = [];
  let failed = false;
  try {
    const sqlite = await benchBooking('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`);
    failed ||= sqlite.failed;
    targets.push(...sqlite.targets);
    const admin = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    let pgUrl: string | null = null;
    let client: pg.Client | null = null;
    if (admin) {
      const name = `nt_bench_${randomBytes(4).toString('hex')}`;
      client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      const u = new URL(admin);
      u.pathname = `/${name}`;
      pgUrl = u.toString();
    } else console.log('PostgreSQL : TEST_DATABASE_URL non défini, base ignorée.\n');
    try {
      if (pgUrl) {
        const postgres = await benchBooking('PostgreSQL', pgUrl);
        failed ||= postgres.failed;
        targets.push(...postgres.targets);
      }
      targets.push(...benchAssignment());
      targets.push(...(await benchScheduling('SQLite', `sqlite:${join(dir, 'planification.sqlite')}`)));
      if (pgUrl) targets.push(...(await benchScheduling('PostgreSQL', pgUrl)));
    } finally {
      if (client && pgUrl) {
        await client.query(`DROP DATABASE IF EXISTS ${new URL(pgUrl).pathname.slice(1)} WITH (FORCE)`);
        await client.end();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\nObjectifs :\n${formatTargets(targets)}`);
  if (failed) console.error('\nÉCHEC : réponses inattendues ou comptes incohérents.');
  return failed ? 1 : 0;
}

if (process.argv[2] === 'serve') await serveApp(process.argv[3] ?? '');
else process.exit(await main());
