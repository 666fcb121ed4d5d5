/**
 * Writing lauréats with their themes and co-porteurs, inside the caller's transaction: the one path every
 * write takes (the edit form's one lauréat, an import's hundred thousand).
 *
 * PostgreSQL gets each column as one array parameter, unnested server-side (`INSERT … SELECT * FROM
 * unnest($1::text[], …)`): a statement of 5,000 rows is 25 parameters to bind and a short text to parse,
 * where a multi-row VALUES of the same rows is 125,000 parameters and a statement the server parses and plans
 * anew each time; the next chunk's parameters are built while the server writes this one's. SQLite has no arrays and no round trip: multi-row VALUES, its compiled SQL reused.
 */
import { type Compilable, CompiledQuery, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Dialect } from '../../adapters/db/connect.js';
import type { Database } from '../../adapters/db/schema.js';
import type { Laureat } from './fund.domain.js';
import { LAUREAT_COLUMNS, toLaureatRow } from './fund.rows.js';

type Db = Kysely<Database>;

/** SQLite: rows per multi-row INSERT (500 × 25 = 12,500 parameters, under its 32,766). */
const ROWS_PER_STATEMENT = 500;
/** SQLite: themes and co-porteurs have two or three columns, more rows fit. */
const LINK_ROWS_PER_STATEMENT = 2_000;
/** SQLite: identifiers per `IN (…)` list. */
const IDS_PER_STATEMENT = 500;
/** PostgreSQL: rows per unnested INSERT (bounded for the size of one message, not for parameters). */
const PG_ROWS_PER_STATEMENT = 5_000;
/**
 * PostgreSQL: from this many lauréats written at once, the tables' statistics are refreshed in the same
 * transaction. Autovacuum would do it within a minute; meanwhile the planner, still believing the tables
 * empty or small, picks sequential scans for the searches that follow an import.
 */
const ANALYZE_FROM = 5_000;

/** On conflict, every column but the key and the creation date takes the new row's value. */
const UPDATED_ON_CONFLICT = LAUREAT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at');
/** The integer columns of `laureat` (migration 006); every other column is text. */
const INTEGER_COLUMNS: ReadonlySet<string> = new Set([
  'population',
  'amount_eur',
  'total_cost_eur',
  'demonstration',
]);

/**
 * Which database a Kysely instance (or transaction) talks to, from its adapter.
 *
 * @example
 * dialectOfDb(db) // 'sqlite'
 */
export function dialectOfDb(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Inserts or updates lauréats and replaces their themes and co-porteurs, in the transaction `trx`.
 *
 * @example
 * await db.transaction().execute((trx) => writeLaureats(trx, batch));
 */
export async function writeLaureats(trx: Db, batch: readonly Laureat[]): Promise<void> {
  if (batch.length === 0) return;
  if (dialectOfDb(trx) === 'postgres') {
    await writePostgres(trx, batch);
    if (batch.length >= ANALYZE_FROM)
      await sql`ANALYZE laureat, laureat_theme, laureat_coporteur`.execute(trx);
  } else await writeSqlite(trx, batch);
}

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`), built here rather than by the driver when it sends the
 * statement: then the next chunk's literals are built while the database works on this chunk's.
 */
function arrayLiteral(values: ReadonlyArray<string | number | null>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

/** One chunk's statements, their parameters ready. */
interface PgChunk {
  laureats: string[];
  ids: string;
  themes: [string, string] | null;
  coporteurs: [string, string, string] | null;
}

function prepareChunk(chunk: readonly Laureat[]): PgChunk {
  const rows = chunk.map(toLaureatRow);
  const themes = chunk.flatMap((l) => l.themes.map((t) => [l.id, t] as const));
  const coporteurs = chunk.flatMap((l) => l.coporteurs.map((c) => [l.id, c.siren, c.name] as const));
  return {
    laureats: LAUREAT_COLUMNS.map((c) => arrayLiteral(rows.map((r) => r[c]))),
    ids: arrayLiteral(chunk.map((l) => l.id)),
    themes:
      themes.length === 0
        ? null
        : [arrayLiteral(themes.map((t) => t[0])), arrayLiteral(themes.map((t) => t[1]))],
    coporteurs:
      coporteurs.length === 0
        ? null
        : [
            arrayLiteral(coporteurs.map((c) => c[0])),
            arrayLiteral(coporteurs.map((c) => c[1])),
            arrayLiteral(coporteurs.map((c) => c[2])),
          ],
  };
}

async function writePostgres(trx: Db, batch: readonly Laureat[]) {
  const columns = sql.join(LAUREAT_COLUMNS.map((c) => sql.ref(c)));
  const updates = sql.join(UPDATED_ON_CONFLICT.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  const run = async (p: PgChunk) => {
    const arrays = sql.join(
      LAUREAT_COLUMNS.map((c, k) =>
        INTEGER_COLUMNS.has(c) ? sql`${p.laureats[k]}::integer[]` : sql`${p.laureats[k]}::text[]`,
      ),
    );
    await sql`INSERT INTO laureat (${columns}) SELECT * FROM unnest(${arrays})
      ON CONFLICT (id) DO UPDATE SET ${updates}`.execute(trx);
    // Only the lauréats that were there before have links to replace; deleting by the primary key's prefix
    // costs one index probe per id.
    await sql`DELETE FROM laureat_theme WHERE laureat_id = ANY(${p.ids}::text[])`.execute(trx);
    await sql`DELETE FROM laureat_coporteur WHERE laureat_id = ANY(${p.ids}::text[])`.execute(trx);
    if (p.themes) {
      await sql`INSERT INTO laureat_theme (laureat_id, theme_code)
        SELECT * FROM unnest(${p.themes[0]}::text[], ${p.themes[1]}::text[])`.execute(trx);
    }
    if (p.coporteurs) {
      await sql`INSERT INTO laureat_coporteur (laureat_id, siren, name)
        SELECT * FROM unnest(${p.coporteurs[0]}::text[], ${p.coporteurs[1]}::text[], ${p.coporteurs[2]}::text[])`.execute(
        trx,
      );
    }
  };
  let next = prepareChunk(batch.slice(0, PG_ROWS_PER_STATEMENT));
  for (let i = 0; i < batch.length; i += PG_ROWS_PER_STATEMENT) {
    const running = run(next);
    // Handled now, awaited below: a failure while the next chunk is prepared is not an unhandled rejection.
    running.catch(() => {});
    if (i + PG_ROWS_PER_STATEMENT < batch.length) {
      // Let the driver send this chunk's first statement, then prepare the next chunk while the server works.
      await new Promise<void>((resolve) => setImmediate(resolve));
      next = prepareChunk(batch.slice(i + PG_ROWS_PER_STATEMENT, i + 2 * PG_ROWS_PER_STATEMENT));
    }
    await running;
  }
}

async function writeSqlite(trx: Db, batch: readonly Laureat[]) {
  await insertMany(trx, batch.map(toLaureatRow), LAUREAT_COLUMNS, ROWS_PER_STATEMENT, (rows) =>
    trx
      .insertInto('laureat')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet(
            (eb) => Object.fromEntries(UPDATED_ON_CONFLICT.map((c) => [c, eb.ref(`excluded.${c}`)])) as never,
          ),
      ),
  );
  const ids = batch.map((l) => l.id);
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
    await trx.deleteFrom('laureat_theme').where('laureat_id', 'in', chunk).execute();
    await trx.deleteFrom('laureat_coporteur').where('laureat_id', 'in', chunk).execute();
  }
  await insertMany(
    trx,
    batch.flatMap((l) => l.themes.map((theme_code) => ({ laureat_id: l.id, theme_code }))),
    ['laureat_id', 'theme_code'],
    LINK_ROWS_PER_STATEMENT,
    (rows) => trx.insertInto('laureat_theme').values(rows),
  );
  await insertMany(
    trx,
    batch.flatMap((l) => l.coporteurs.map((c) => ({ laureat_id: l.id, siren: c.siren, name: c.name }))),
    ['laureat_id', 'siren', 'name'],
    LINK_ROWS_PER_STATEMENT,
    (rows) => trx.insertInto('laureat_coporteur').values(rows),
  );
}

/**
 * Multi-row inserts of `perStatement` rows. Kysely builds and compiles the first statement of each size; the
 * next ones of the same size reuse its SQL with their own values, which spares building 12,500 value nodes
 * per statement (a third of a 100,000-line import's time). Reuse needs the parameters in row-then-column
 * order: checked against what Kysely compiled, and Kysely builds every statement when they differ.
 */
async function insertMany<R extends object>(
  trx: Db,
  rows: R[],
  columns: ReadonlyArray<keyof R>,
  perStatement: number,
  build: (rows: R[]) => Compilable,
): Promise<void> {
  let reusable = null as { size: number; sql: string } | null;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const parameters = chunk.flatMap((r) => columns.map((c) => r[c]));
    if (reusable?.size === chunk.length) {
      await trx.executeQuery(CompiledQuery.raw(reusable.sql, parameters));
      continue;
    }
    const compiled = build(chunk).compile();
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((p, j) => p === parameters[j]);
    if (same) reusable = { size: chunk.length, sql: compiled.sql };
    await trx.executeQuery(compiled);
  }
}
