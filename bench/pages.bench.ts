/**
 * Page bench: how fast the public pages are served under load, against what Node itself can serve.
 *
 * Scenario, for each database (SQLite always; PostgreSQL too with `--postgres`, `BENCH_DATABASE_URL` or
 * `TEST_DATABASE_URL`):
 * 1. a temporary content folder: the demo content plus 2,000 generated actualités (bench/support), imported
 *    with `importContent` into a fresh database (the import time is printed);
 * 2. the app served by `@hono/node-server` on 127.0.0.1 in this process, and a baseline: `node:http`
 *    answering every request with the seed release page's exact bytes from memory;
 * 3. autocannon (from a worker thread, 50 connections, `BENCH_DURATION` seconds, 10 by default) on the
 *    baseline, the seed release page, an actualités list filtered by tag, and the search over several
 *    queries; then the search with a single connection, and the search index called directly 500 times;
 * 4. a table (req/s, p50, p99, ratio to the baseline) and the targets: article page ≥ 40 % of the baseline's
 *    req/s, search p99 < 25 ms under 50 connections.
 *
 * autocannon sends no Accept-Encoding: pages are measured uncompressed, like the baseline's bytes.
 *
 * Any response other than 2xx, or any error or timeout, makes the bench exit with code 1. Targets missed are
 * reported, not failed: the figures depend on the machine.
 *
 * @example
 * npm run bench:pages
 * BENCH_DURATION=3 npm run bench:pages -- --postgres
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSearchIndex } from '../src/adapters/search/index.js';
import { bootstrap, DEMO_CONTENT_DIR, type Platform } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { generateArticles } from './support/generated-articles.js';
import {
  fetchPage,
  type Measure,
  measure,
  type RunningServer,
  startApp,
  startBaseline,
  warmUp,
} from './support/load.js';
import { freshPostgres } from './support/postgres.js';
import { formatMeasures, formatTargets, ms, type Target } from './support/report.js';

const DURATION_SECONDS = positiveNumber(process.env.BENCH_DURATION, 10);
const CONNECTIONS = 50;
const SINGLE_CONNECTION_SECONDS = 5;
const GENERATED_ARTICLES = 2000;
const IN_PROCESS_QUERIES = 500;
const DEFAULT_POSTGRES = 'postgres://nt:nt@127.0.0.1:5432/nt';

const SEED_RELEASE = '/espace-presse/journee-numerique-et-territoires-france-relance/';
const TAG_LIST = '/actualites/?tag=donnees';
/** What visitors type: single words, phrases, an accent or not, a plural. */
const SEARCH_QUERIES = [
  'collectivite',
  'mutualisation des données',
  'france relance',
  'cybersécurité',
  'logiciels libres commune',
  'inclusion numérique',
  'portail citoyen accessible',
  'territoires',
];
const SEARCH_PATHS = SEARCH_QUERIES.map((q) => `/recherche?${new URLSearchParams({ q })}`);

const ARTICLE_TARGET_RATIO = 0.4;
const SEARCH_P99_TARGET_MS = 25;

interface AppMeasures {
  article: Measure;
  list: Measure;
  search: Measure;
  searchAlone: Measure;
}

type DatabaseKind = 'SQLite' | 'PostgreSQL';

interface DatabaseTarget {
  name: DatabaseKind;
  url: string;
  drop(): Promise<void>;
}

async function main(): Promise<number> {
  const workDir = await mkdtemp(join(tmpdir(), 'nt-bench-'));
  let failed = false;
  try {
    console.log(`Banc d’essai des pages : ${CONNECTIONS} connexions, ${DURATION_SECONDS} s par scénario.\n`);
    const contentDir = await prepareContent(workDir);
    let baseline: Measure | undefined;
    for (const kind of databaseKinds()) {
      const target = await createDatabase(kind, workDir);
      try {
        const outcome = await benchDatabase(target, contentDir, workDir, baseline);
        baseline = outcome.baseline;
        failed ||= outcome.failed;
      } finally {
        await target.drop();
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  if (failed) console.error('\nÉCHEC : des réponses n’étaient pas des 2xx, ou des requêtes ont échoué.');
  return failed ? 1 : 0;
}

/** The demo content and the generated actualités, in one folder laid out as the programme's site. */
async function prepareContent(workDir: string): Promise<string> {
  const dir = join(workDir, 'contenu');
  await cp(DEMO_CONTENT_DIR, dir, { recursive: true });
  await mkdir(join(dir, '_actualites'), { recursive: true });
  for (const { name, text } of generateArticles(GENERATED_ARTICLES)) {
    await writeFile(join(dir, '_actualites', name), text);
  }
  return dir;
}

/** SQLite, and PostgreSQL when asked for or when the tests' server is known. */
function databaseKinds(): DatabaseKind[] {
  return postgresAdminUrl() ? ['SQLite', 'PostgreSQL'] : ['SQLite'];
}

function postgresAdminUrl(): string | null {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  return url || (process.argv.includes('--postgres') ? DEFAULT_POSTGRES : null);
}

/** A fresh, empty database of the kind: a file in the work folder, or a new PostgreSQL database. */
async function createDatabase(kind: DatabaseKind, workDir: string): Promise<DatabaseTarget> {
  if (kind === 'SQLite')
    return { name: kind, url: `sqlite:${join(workDir, 'bench.sqlite')}`, drop: async () => {} };
  return freshPostgres(postgresAdminUrl() ?? DEFAULT_POSTGRES);
}

/** Imports the content into the target database, loads the pages, and prints the figures. */
async function benchDatabase(
  target: DatabaseTarget,
  contentDir: string,
  workDir: string,
  knownBaseline: Measure | undefined,
): Promise<{ baseline: Measure; failed: boolean }> {
  console.log(`━━ Base ${target.name} ━━`);
  const platform = await bootstrap(
    loadConfig({
      DATABASE_URL: target.url,
      UPLOADS_DIR: join(workDir, `uploads-${target.name.toLowerCase()}`),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'never',
    }),
  );
  let app: RunningServer | undefined;
  try {
    await importInto(platform, contentDir);
    app = await startApp(platform.app.fetch);
    await checkPages(app.origin);
    const baseline = knownBaseline ?? (await measureBaseline(app.origin));
    const results = await measureApp(app.origin);
    const measures = [baseline, results.article, results.list, results.search, results.searchAlone];
    console.log(`\n${formatMeasures(measures, baseline)}\n`);
    await printInProcessSearch(platform);
    console.log(`\nObjectifs (${target.name}) :\n${formatTargets(targets(baseline, results))}\n`);
    return { baseline, failed: measures.some((m) => m.non2xx > 0 || m.errors > 0 || m.timeouts > 0) };
  } finally {
    await app?.close();
    await platform.close();
  }
}

async function importInto(platform: Platform, contentDir: string): Promise<void> {
  const started = performance.now();
  const report = await platform.news.importContent(contentDir);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Import : ${report.created.length} contenus créés, ${report.rejected.length} rejetés, en ${seconds.toFixed(1)} s` +
      ` (${ms((seconds * 1000) / Math.max(1, report.created.length))} ms par contenu).`,
  );
  for (const rejection of report.rejected) console.log(`  rejeté : ${rejection.file} — ${rejection.reason}`);
}

/** Every page measured answers 200 once before the load, and the filtered list shows generated actualités. */
async function checkPages(origin: string): Promise<void> {
  for (const path of [SEED_RELEASE, ...SEARCH_PATHS]) await fetchPage(`${origin}${path}`);
  const list = (await fetchPage(`${origin}${TAG_LIST}`)).body.toString('utf8');
  if (!list.includes('actualite-generee-')) throw new Error(`${TAG_LIST} ne liste aucune actualité générée`);
}

/** The baseline serves the seed release page's bytes, as the app sends them. */
async function measureBaseline(appOrigin: string): Promise<Measure> {
  const page = await fetchPage(`${appOrigin}${SEED_RELEASE}`);
  const server = await startBaseline(page);
  try {
    await warmUp(server.origin, ['/']);
    return await measure({
      label: 'référence node:http (mémoire)',
      origin: server.origin,
      paths: ['/'],
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
    });
  } finally {
    await server.close();
  }
}

/** The app's scenarios, each warmed up, then loaded in turn. */
async function measureApp(origin: string): Promise<AppMeasures> {
  const load = async (
    label: string,
    paths: string[],
    connections = CONNECTIONS,
    durationSeconds = DURATION_SECONDS,
  ) => {
    await warmUp(origin, paths);
    return measure({ label, origin, paths, connections, durationSeconds });
  };
  return {
    article: await load('page communiqué', [SEED_RELEASE]),
    list: await load('liste actualités ?tag=donnees', [TAG_LIST]),
    search: await load(`recherche (${SEARCH_QUERIES.length} requêtes)`, SEARCH_PATHS),
    searchAlone: await load('recherche, 1 connexion', SEARCH_PATHS, 1, SINGLE_CONNECTION_SECONDS),
  };
}

/**
 * The search index alone, called in this process as the search page calls it: what the database and the
 * excerpts cost, without HTTP or rendering.
 */
async function printInProcessSearch(platform: Platform): Promise<void> {
  const search = createSearchIndex(platform.database);
  const totals = new Map<string, number>();
  const run = async (i: number) => {
    const text = SEARCH_QUERIES[i % SEARCH_QUERIES.length]!;
    const started = performance.now();
    const result = await search.search({ text, limit: 10, offset: 0 });
    totals.set(text, result.total);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < IN_PROCESS_QUERIES; i++) times.push(await run(i));
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  console.log(
    `Index de recherche appelé directement (${IN_PROCESS_QUERIES} requêtes successives) : ` +
      `p50 ${ms(at(50))} ms, p95 ${ms(at(95))} ms, p99 ${ms(at(99))} ms.`,
  );
  console.log(`Résultats par requête : ${[...totals].map(([q, n]) => `« ${q} » ${n}`).join(', ')}.`);
}

function targets(baseline: Measure, { article, search }: AppMeasures): Target[] {
  const ratio = article.requestsPerSecond / baseline.requestsPerSecond;
  return [
    {
      label: `page communiqué ≥ ${ARTICLE_TARGET_RATIO * 100} % des req/s de la référence`,
      actual: `${Math.round(ratio * 100)} %`,
      pass: ratio >= ARTICLE_TARGET_RATIO,
    },
    {
      label: `recherche p99 < ${SEARCH_P99_TARGET_MS} ms (${CONNECTIONS} connexions)`,
      actual: `${ms(search.p99)} ms`,
      pass: search.p99 < SEARCH_P99_TARGET_MS,
    },
  ];
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
