/**
 * Catalogue bench: 10,000 solutions and 200,000 reuse declarations (`BENCH_SOLUTIONS`, `BENCH_DECLARATIONS`
 * to change), on a temporary SQLite file and, when `BENCH_DATABASE_URL` or `TEST_DATABASE_URL` is set, on a
 * fresh PostgreSQL database:
 * 1. the COG loaded (the declarations are made by its communes and EPCI), the catalogue generated (seed 2023)
 *    and written in one transaction with its search index — times printed;
 * 2. the search: its first query (loading the facet table) timed apart, one untimed pass over the queries
 *    (as a running server would be), then 200 mixed queries — French words
 *    and one to three facets, sometimes « utilisée près de chez moi », every facet counted, a page of cards
 *    read — p50, p95, p99 against the target p95 < 20 ms;
 * 3. in the same run, what the figures compare to: the smallest round trip the search makes (reading the
 *    index version) and the search with no criteria (facet counts over every solution).
 * Printed as a table, then the targets with PASS or FAIL: a missed target is reported, not failed.
 *
 * @example
 * npm run bench:catalogue
 * BENCH_SOLUTIONS=2000 BENCH_DECLARATIONS=40000 TEST_DATABASE_URL=postgres://nt:nt@127.0.0.1:5432/nt npm run bench:catalogue
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { migrateToLatest } from '../src/adapters/db/migrations/index.js';
import { generateCatalogue } from '../src/modules/catalogue/demo/generate.js';
import { insertCatalogue } from '../src/modules/catalogue/demo/insert.js';
import { demoCollectivites } from '../src/modules/catalogue/demo/seed.js';
import { searchSolutions } from '../src/modules/catalogue/search/search.js';
import type { FacetKey, SolutionQuery } from '../src/modules/catalogue/search/search.types.js';
import { indexVersion } from '../src/modules/catalogue/search/text-index.js';
import { createTerritoriesModule } from '../src/modules/territories/index.js';
import { systemClock } from '../src/ports/clock.js';
import { seededRandom } from '../src/shared/random.js';
import { freshPostgres } from './support/postgres.js';
import { formatTargets, ms, type Target } from './support/report.js';

const SOLUTIONS = Math.floor(positiveNumber(process.env.BENCH_SOLUTIONS, 10_000));
const DECLARATIONS = Math.floor(positiveNumber(process.env.BENCH_DECLARATIONS, 200_000));
const SEARCHES = 200;
const TARGET_P95_MS = 20;

interface Row {
  base: string;
  scenario: string;
  p50: number;
  p95: number;
  p99: number;
}

async function main(): Promise<number> {
  console.log(
    `Banc d’essai du catalogue : ${SOLUTIONS.toLocaleString('fr-FR')} solutions, ${DECLARATIONS.toLocaleString('fr-FR')} déclarations, ${SEARCHES} recherches.\n`,
  );
  const workDir = await mkdtemp(join(tmpdir(), 'nt-bench-catalogue-'));
  const rows: Row[] = [];
  const targets: Target[] = [];
  try {
    const databases = [
      { name: 'SQLite', url: `sqlite:${join(workDir, 'bench.sqlite')}`, drop: async () => {} },
    ];
    const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (adminUrl) databases.push(await freshPostgres(adminUrl));
    else console.log('PostgreSQL : ni BENCH_DATABASE_URL ni TEST_DATABASE_URL, base non mesurée.\n');
    for (const database of databases) {
      try {
        const out = await benchDatabase(database.name, database.url);
        rows.push(...out.rows);
        targets.push(out.target);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  console.log(`\n${table(rows)}\n\nObjectifs :\n${formatTargets(targets)}`);
  return 0;
}

async function benchDatabase(name: string, url: string): Promise<{ rows: Row[]; target: Target }> {
  console.log(`━━ Base ${name} ━━`);
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
    const territories = createTerritoriesModule({ db: database.db, clock: systemClock });
    const load = await territories.ensureLoaded();
    console.log(`COG chargé en ${ms(load.ms)} ms.`);
    const collectivites = await demoCollectivites(database.db);
    let t = performance.now();
    const data = generateCatalogue({ seed: 2023, count: SOLUTIONS, uses: DECLARATIONS, collectivites });
    const generated = performance.now() - t;
    t = performance.now();
    await insertCatalogue(database.db, database.dialect, data);
    console.log(
      `Génération : ${ms(generated)} ms ; écriture et indexation de ${data.solutions.length.toLocaleString('fr-FR')} solutions ` +
        `et ${data.uses.length.toLocaleString('fr-FR')} déclarations : ${ms(performance.now() - t)} ms.`,
    );
    const queries = mixedQueries(collectivites.filter((c) => c.communeCode).map((c) => c.communeCode!));
    t = performance.now();
    await searchSolutions(database.db, database.dialect, queries[0]!);
    console.log(
      `Première recherche (chargement de la table des facettes) : ${ms(performance.now() - t)} ms.`,
    );
    // One untimed pass, so that the figures are those of a running server, not of its first seconds (JIT).
    for (const query of queries) await searchSolutions(database.db, database.dialect, query);
    const rows: Row[] = [];
    const version = await timed(SEARCHES, () => indexVersion(database.db));
    rows.push({ base: name, scenario: 'témoin : un aller-retour (version de l’index)', ...version.stats });
    const empty = await timed(SEARCHES, () => searchSolutions(database.db, database.dialect, {}));
    rows.push({ base: name, scenario: 'sans critère (toutes les facettes comptées)', ...empty.stats });
    let hits = 0;
    const mixed = await timed(SEARCHES, async (i) => {
      const r = await searchSolutions(database.db, database.dialect, queries[i]!);
      if (r.total > 0) hits++;
    });
    rows.push({ base: name, scenario: `${SEARCHES} recherches mêlant mots et facettes`, ...mixed.stats });
    console.log(`${hits} recherches sur ${SEARCHES} ont des résultats.`);
    return {
      rows,
      target: {
        label: `${name} : recherche p95 < ${TARGET_P95_MS} ms`,
        actual: `${ms(mixed.stats.p95)} ms (témoin ${ms(version.stats.p95)} ms)`,
        pass: mixed.stats.p95 < TARGET_P95_MS,
      },
    };
  } finally {
    await database.close();
  }
}

/** 200 queries drawn with a fixed seed: a word or two, one to three facets, sometimes near a commune. */
function mixedQueries(communes: string[]): SolutionQuery[] {
  const random = seededRandom(20230118);
  const words = [
    'salle',
    'portail citoyen',
    'données',
    'signalement',
    'délibérations',
    'énergie',
    'cartographie',
    'inscription scolaire',
    'courriers',
    'budget participatif',
    'franceconnect',
    'agenda',
    'libre',
    'commerces',
  ];
  const facets: Array<[FacetKey, () => string]> = [
    [
      'themes',
      () =>
        random.pick(['relation-usagers', 'gestion-documents', 'donnees-ouvertes', 'participation-citoyenne']),
    ],
    ['maturites', () => random.pick(['experimentation', 'production', 'generalise'])],
    ['licences', () => random.pick(['agpl-3.0', 'eupl-1.2', 'mit', 'proprietaire'])],
    ['adoptions', () => random.pick(['auto-heberge', 'mutualisation', 'saas'])],
    ['adoptants', () => random.pick(['commune', 'epci'])],
    ['regions', () => random.pick(['84', '11', '53', '75', '76', '44'])],
    ['departements', () => random.pick(['38', '33', '35', '59', '69', '13'])],
    ['verification', () => random.pick(['verifiee', 'declaree'])],
  ];
  return Array.from({ length: SEARCHES }, () => {
    const chosen: Partial<Record<FacetKey, string[]>> = {};
    const n = random.int(1, 3);
    while (Object.keys(chosen).length < n) {
      const [key, value] = random.pick(facets);
      chosen[key] = [value()];
    }
    const near = random.chance(0.2) ? { departements: [random.pick(['38', '33', '35', '69'])] } : {};
    return {
      text: random.chance(0.8) ? random.pick(words) : '',
      facets: chosen,
      restrict: random.chance(0.1) && communes.length > 0 ? { communes: [random.pick(communes)] } : near,
      sort: random.pick(['pertinence', 'utilisateurs', 'recent'] as const),
      perPage: 20,
    };
  });
}

async function timed(n: number, run: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return { stats: { p50: at(50), p95: at(95), p99: at(99) } };
}

function table(rows: Row[]): string {
  const cells = [
    ['Base', 'Scénario', 'p50 ms', 'p95 ms', 'p99 ms'],
    ...rows.map((r) => [r.base, r.scenario, ms(r.p50), ms(r.p95), ms(r.p99)]),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
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
