/**
 * Territories bench: loading the COG, and the collectivité picker in process and over HTTP.
 *
 * For each database (a temporary SQLite file; a fresh PostgreSQL database too when `BENCH_DATABASE_URL` or
 * `TEST_DATABASE_URL` is set):
 * 1. the pinned COG and the communes' points loaded with `ensureLoaded()` (time printed), then loaded again
 *    (the startup check);
 * 1 bis. `near` (the communes within 5 to 100 km of one, nearest first) for 300 communes drawn with a fixed
 *    seed: p50, p95, p99;
 * 2. the picker's search called in this process: the first query (which builds the in-memory index from the
 *    database) timed apart, then 1,000 realistic queries (prefixes of real commune names of every length,
 *    postcodes, INSEE codes, homonyms, EPCI names, "st"/"ste", former codes; lower case, no accents, no
 *    typos), deterministic so that runs compare: p50, p95, p99, against the target p95 < 5 ms;
 * 3. autocannon (from a worker thread, 50 connections, `BENCH_DURATION` seconds, 10 by default) on
 *    `GET /territoires/suggestions?q=…` and `GET /territoires/recherche?q=…` over the same queries, served by
 *    the module's routes on 127.0.0.1:0: requests/s and p99.
 *
 * Any response other than 2xx makes the bench exit with code 1; a missed target is reported, not failed.
 *
 * @example
 * npm run bench:territories
 * BENCH_DURATION=3 TEST_DATABASE_URL=postgres://nt:nt@127.0.0.1:5432/nt npm run bench:territories
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { migrateToLatest } from '../src/adapters/db/migrations/index.js';
import { cogDataset, readCogPackage } from '../src/modules/territories/cog/source.js';
import { createTerritoriesModule, type TerritoriesModule } from '../src/modules/territories/index.js';
import { fold } from '../src/modules/territories/search/fold.js';
import { standaloneTerritoriesApp } from '../src/modules/territories/testing/standalone-app.js';
import { systemClock } from '../src/ports/clock.js';
import { seededRandom } from '../src/shared/random.js';
import { type Measure, measure, startApp, warmUp } from './support/load.js';
import { freshPostgres } from './support/postgres.js';
import { formatTargets, ms, type Target } from './support/report.js';

const DURATION_SECONDS = positiveNumber(process.env.BENCH_DURATION, 10);
const CONNECTIONS = 50;
const QUERIES = 1000;
const HTTP_PATHS = 200;
const P95_TARGET_MS = 5;

async function main(): Promise<number> {
  const queries = await realisticQueries(QUERIES);
  console.log(
    `Banc d’essai des territoires : ${QUERIES} requêtes du sélecteur, ${CONNECTIONS} connexions, ` +
      `${DURATION_SECONDS} s par scénario HTTP.\n`,
  );
  const workDir = await mkdtemp(join(tmpdir(), 'nt-bench-territoires-'));
  let failed = false;
  const targets: Target[] = [];
  try {
    const databases = [
      { name: 'SQLite', url: `sqlite:${join(workDir, 'bench.sqlite')}`, drop: async () => {} },
    ];
    const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (adminUrl) databases.push(await freshPostgres(adminUrl));
    for (const database of databases) {
      try {
        const outcome = await benchDatabase(database.name, database.url, queries);
        failed ||= outcome.failed;
        targets.push(outcome.target);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  console.log(`Objectifs :\n${formatTargets(targets)}`);
  if (failed) console.error('\nÉCHEC : des réponses n’étaient pas des 2xx, ou des requêtes ont échoué.');
  return failed ? 1 : 0;
}

async function benchDatabase(name: string, url: string, queries: string[]) {
  console.log(`━━ Base ${name} ━━`);
  const database = connectDatabase(url);
  let server: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await migrateToLatest(database.db, database.dialect);
    const module = createTerritoriesModule({ db: database.db, clock: systemClock });
    const load = await module.ensureLoaded();
    const check = await module.ensureLoaded();
    console.log(
      `Chargement du COG : ${ms(load.ms)} ms (${load.counts.communes} communes, ${load.counts.epci} EPCI) ; ` +
        `vérification au démarrage suivant : ${ms(check.ms)} ms.`,
    );
    const points = load.coordinates?.counts;
    if (points) {
      console.log(
        `Coordonnées : ${points.byPrecision.commune + points.byPrecision['ancienne-commune']} communes placées par ` +
          `GeoNames, ${points.byPrecision['code-postal'] + points.byPrecision.epci + points.byPrecision.departement} estimées, ` +
          `${points.none} sans position.`,
      );
    }
    const near = await nearInProcess(module);
    console.log(
      `near(), ${near.calls} appels de 5 à 100 km : p50 ${ms(near.p50)} ms, p95 ${ms(near.p95)} ms, ` +
        `p99 ${ms(near.p99)} ms (en moyenne ${Math.round(near.communes)} communes par réponse).`,
    );

    const inProcess = await searchInProcess(module, queries);
    console.log(
      `Première recherche (construction de l’index en mémoire depuis la base) : ${ms(inProcess.first)} ms.\n` +
        `Sélecteur en mémoire, ${queries.length} requêtes : p50 ${ms(inProcess.p50)} ms, p95 ${ms(inProcess.p95)} ms, ` +
        `p99 ${ms(inProcess.p99)} ms, max ${ms(inProcess.max)} ms.`,
    );

    server = await startApp(standaloneTerritoriesApp(module).fetch);
    const sample = queries.slice(0, HTTP_PATHS);
    const scenarios = [
      {
        label: 'GET /territoires/suggestions',
        paths: sample.map((q) => `/territoires/suggestions?${new URLSearchParams({ q })}`),
      },
      {
        label: 'GET /territoires/recherche',
        paths: sample.map((q) => `/territoires/recherche?${new URLSearchParams({ q })}`),
      },
    ];
    const measures: Measure[] = [];
    for (const scenario of scenarios) {
      await warmUp(server.origin, scenario.paths, 10);
      measures.push(
        await measure({
          ...scenario,
          origin: server.origin,
          connections: CONNECTIONS,
          durationSeconds: DURATION_SECONDS,
        }),
      );
    }
    for (const m of measures) {
      const status =
        m.non2xx + m.errors + m.timeouts === 0 ? 'ok' : `non-2xx ${m.non2xx}, erreurs ${m.errors}`;
      console.log(
        `${m.label.padEnd(30)} ${Math.round(m.requestsPerSecond).toString().padStart(6)} req/s  ` +
          `p50 ${ms(m.p50)} ms  p99 ${ms(m.p99)} ms  (${m.completed} réponses, ${status})`,
      );
    }
    console.log('');
    return {
      failed: measures.some((m) => m.non2xx > 0 || m.errors > 0 || m.timeouts > 0),
      target: {
        label: `${name} : sélecteur en mémoire p95 < ${P95_TARGET_MS} ms`,
        actual: `${ms(inProcess.p95)} ms`,
        pass: inProcess.p95 < P95_TARGET_MS,
      },
    };
  } finally {
    await server?.close();
    await database.close();
  }
}

/** `near` for communes and distances drawn with a fixed seed, each call timed. */
async function nearInProcess(module: TerritoriesModule) {
  const random = seededRandom(20260102).next;
  const communes = cogDataset(await readCogPackage()).territories.filter((t) => t.kind === 'commune');
  const radii = [5, 10, 20, 50, 100];
  const times: number[] = [];
  let found = 0;
  const calls = 300;
  for (let i = 0; i < calls; i++) {
    const code = communes[Math.floor(random() * communes.length)]!.code;
    const km = radii[Math.floor(random() * radii.length)]!;
    const started = performance.now();
    const around = await module.near(code, km);
    times.push(performance.now() - started);
    found += around?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return { calls, p50: at(50), p95: at(95), p99: at(99), communes: found / calls };
}

/** The first search (it builds the index) timed apart, then every query once, in order. */
async function searchInProcess(module: TerritoriesModule, queries: string[]) {
  let started = performance.now();
  await module.territories.search(queries[0]!, { limit: 10 });
  const first = performance.now() - started;
  const times: number[] = [];
  for (const q of queries) {
    started = performance.now();
    await module.territories.search(q, { limit: 10 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return { first, p50: at(50), p95: at(95), p99: at(99), max: times[times.length - 1]! };
}

/**
 * What people type in the picker, drawn from the COG with a fixed seed: half prefixes of commune names (two
 * letters to the whole name, big and small communes alike), the rest postcodes, INSEE codes, homonyms' full
 * names, EPCI names, "st"/"ste" abbreviations and former codes.
 */
async function realisticQueries(count: number): Promise<string[]> {
  const random = seededRandom(20260101).next;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const { territories, aliases } = cogDataset(await readCogPackage());
  const communes = territories.filter((t) => t.kind === 'commune');
  const big = [...communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, 500);
  const names = new Map<string, number>();
  for (const c of communes) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  const homonyms = [...names].filter(([, n]) => n > 1).map(([name]) => name);
  const saints = communes.filter((c) => /^Saint(e)?-/.test(c.name));
  const epci = territories.filter((t) => t.kind === 'epci');
  const former = aliases.filter((a) => a.kind === 'ancien-code');
  const prefix = (name: string) => {
    const folded = fold(name);
    return folded.slice(0, 2 + Math.floor(random() * (folded.length - 1)));
  };
  const kinds: Array<[number, () => string]> = [
    [0.3, () => prefix(pick(communes).name)],
    [0.2, () => prefix(pick(big).name)],
    [0.12, () => pick(pick(communes).postcodes.length ? communes : big).postcodes[0] ?? '75001'],
    [0.1, () => pick(communes).code.toLowerCase()],
    [0.1, () => fold(pick(homonyms))],
    [0.08, () => prefix(pick(epci).name.replace(/^(CC|CA|CU) /, ''))],
    [
      0.05,
      () =>
        prefix(pick(saints).name)
          .replace(/^sainte /, 'ste ')
          .replace(/^saint /, 'st '),
    ],
    [0.05, () => pick(former).code],
  ];
  const queries: string[] = [];
  while (queries.length < count) {
    let roll = random();
    for (const [share, make] of kinds) {
      roll -= share;
      if (roll <= 0) {
        queries.push(make());
        break;
      }
    }
  }
  return queries;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('Le banc d’essai a échoué :', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
