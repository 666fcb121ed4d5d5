/**
 * The benchmark's hooks into the fund's import and search, built beside the dashboard by other hands: each is
 * looked up at run time, so that the benchmark runs (and says what it could not measure) whatever state they
 * are in. `timeImport` is the one place that decides what « import » means for the benchmark.
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../src/adapters/db/connect.js';
import type { Database } from '../../src/adapters/db/schema.js';
import type { DemoLaureat } from '../../src/modules/fund/demo/generate.js';
import { ensureDispositifs, insertLaureats } from '../../src/modules/fund/demo/insert.js';
import type { TerritoriesModule } from '../../src/modules/territories/index.js';
import { systemClock } from '../../src/ports/clock.js';

export interface ImportTiming {
  /** What was timed, in French, for the report. */
  what: string;
  ms: number;
  written: number;
  /** Lines the import refused, with the first reasons (the benchmark then loads the rows directly). */
  rejected: number;
  reasons: string[];
}

interface FundCoreLike {
  importLaureats(
    bytes: Uint8Array,
    fileName: string,
    opts: { dryRun: boolean },
  ): Promise<{
    applied: boolean;
    report: {
      rejected: Array<{ line?: number; column?: string | null; reason?: string; message?: string }>;
    } & Record<string, unknown>;
  }>;
}

/**
 * Times the import of a lauréats file: the fund's own import (`createFundCore().importLaureats`, dry run and
 * apply of the whole file) when it is there and `BENCH_IMPORT` is not `insertion`; else the demo's batched
 * insert of the same rows (with the search's text index), said so.
 *
 * @example
 * const t = await timeImport('/tmp/laureats.csv', { db, territories, rows });
 * console.log(`${t.what} : ${t.ms} ms`);
 */
export async function timeImport(
  file: string,
  target: { db: Kysely<Database>; dialect: Dialect; territories: TerritoriesModule; rows: DemoLaureat[] },
): Promise<ImportTiming> {
  // BENCH_IMPORT=insertion measures the demo's batched insert even when the import is there.
  const core =
    process.env.BENCH_IMPORT === 'insertion'
      ? null
      : await import('../../src/modules/fund/index.js').catch(() => null);
  if (core && typeof core.createFundModule === 'function') {
    // The whole module, as the app builds it: the import then also indexes the lauréats for search, which is
    // part of what an import must do before people can find them.
    const fund = core.createFundModule({
      db: target.db,
      dialect: target.dialect,
      clock: systemClock,
      territories: target.territories,
      audit: async () => {},
    }).core as unknown as FundCoreLike;
    const bytes = await readFile(file);
    const started = performance.now();
    const { applied, report } = await fund.importLaureats(bytes, file.split('/').pop()!, { dryRun: false });
    const ms = performance.now() - started;
    if (applied)
      return {
        what: 'import du fichier CSV (lecture, contrôles, écriture, index de recherche)',
        ms,
        written: target.rows.length,
        rejected: 0,
        reasons: [],
      };
    return {
      what: 'import du fichier CSV (refusé)',
      ms,
      written: 0,
      rejected: report.rejected.length,
      reasons: report.rejected
        .slice(0, 3)
        .map(
          (r) =>
            `ligne ${r.line ?? '?'} : ${r.column ? `colonne ${r.column}, ` : ''}${r.reason ?? r.message ?? JSON.stringify(r)}`,
        ),
    };
  }
  await ensureDispositifs(target.db);
  const started = performance.now();
  const written = await insertLaureats(target.db, target.rows);
  return {
    what:
      core === null && process.env.BENCH_IMPORT === 'insertion'
        ? 'insertion directe par lots des lignes générées, avec l’index de texte (BENCH_IMPORT=insertion ; sans lecture du fichier)'
        : 'import non disponible : insertion directe par lots des lignes générées, avec l’index de texte (sans lecture du fichier)',
    ms: performance.now() - started,
    written,
    rejected: 0,
    reasons: [],
  };
}

/** A search of the lauréats, as the benchmark calls it. */
export type SearchFn = (query: {
  text: string;
  facets: Record<string, string[]>;
}) => Promise<{ total: number; facets: unknown }>;

/**
 * The fund's search (`searchLaureats`) bound to a database, or null when it is not there.
 *
 * @example
 * const search = await findSearch(db, 'sqlite'); if (search) await search({ text: 'salle', facets: {} });
 */
export async function findSearch(db: Kysely<Database>, dialect: Dialect): Promise<SearchFn | null> {
  const mod = await import('../../src/modules/fund/search/search.js').catch(() => null);
  const search = (mod as { searchLaureats?: unknown } | null)?.searchLaureats;
  if (typeof search !== 'function') return null;
  return (query) =>
    (search as (db: unknown, dialect: Dialect, q: unknown) => Promise<{ total: number; facets: unknown }>)(
      db,
      dialect,
      { ...query, sort: 'pertinence', page: 1, perPage: 20 },
    );
}
