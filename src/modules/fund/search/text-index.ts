import { type Generated, type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import {
  entityTextIndex,
  type StemmedDoc,
  stemsOf,
  type TextMatches,
} from '../../../adapters/search/entity-text.js';
import type { ParsedQuery } from '../../../adapters/search/query.js';
import { THEMES } from '../fund.domain.js';

/**
 * Lauréats per round of indexing: one read, one write. Bounds the parameters of SQLite's multi-row insert
 * (3 × 1,000, under its 32,766); measured on PostgreSQL, 300 made the round trips the cost.
 */
const CHUNK = 1000;
/** PostgreSQL: documents per write when they come from memory (three array parameters, however many). */
const PG_DOCS_CHUNK = 5000;

/** The search's own tables (migration 007-fund-search), beside the Database type the fund module owns. */
type SearchTables = {
  laureat_search: { rid: Generated<number>; laureat_id: string };
  laureat_search_meta: { id: number; version: number };
};
type Db = Kysely<Database>;

const index = entityTextIndex({ search: 'laureat_search', id: 'laureat_id', fts: 'laureat_fts' });

/** Runs `work` in the caller's transaction if there is one (the import's), else in a new one. */
async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Brings the full-text index of these lauréats up to date: their words (title, summary, porteur and
 * co-porteurs, outputs, theme names) stemmed in JS, the same stems on both dialects; a lauréat that no longer
 * exists leaves the index. Bumps the index version in the same transaction, so every process's facet table
 * reloads before its next search. Call it after writing lauréats, inside the same transaction when there is
 * one (an import that rolls back then leaves the index as it was).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await writeLaureats(trx, rows);
 *   await indexLaureats(trx, 'sqlite', rows.map((r) => r.id));
 * });
 */
export async function indexLaureats(db: Db, dialect: Dialect, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < unique.length; i += CHUNK) await indexChunk(trx, dialect, unique.slice(i, i + CHUNK));
    await bumpVersion(trx);
  });
}

/** What the index reads of a lauréat: the words it is found by. */
export interface IndexDoc {
  id: string;
  title: string;
  summary: string;
  porteurName: string;
  coporteurNames: readonly string[];
  outputs: string;
  themes: readonly string[];
}

/** Lauréats' stems, ready to be written (see `stemDocs`). */
export interface StemmedDocs {
  docs: StemmedDoc[];
}

/** Documents stemmed between two yields to the event loop. */
const STEM_SLICE = 500;

/**
 * Stems lauréats' words (CPU only), a slice at a time, yielding between slices: started while the same
 * transaction writes the lauréats, it runs while the database works, instead of after it.
 *
 * @example
 * const stemmed = stemDocs(docs); await writeLaureats(trx, batch); await writeIndex(trx, dialect, await stemmed);
 */
export async function stemDocs(docs: readonly IndexDoc[]): Promise<StemmedDocs> {
  const out: StemmedDoc[] = [];
  for (let i = 0; i < docs.length; i += STEM_SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const d of docs.slice(i, i + STEM_SLICE)) out.push(stemmedDoc(d));
  }
  return { docs: out };
}

/**
 * Writes stemmed lauréats to the index and bumps its version, in the caller's transaction if there is one.
 *
 * @example
 * await writeIndex(trx, 'postgres', await stemDocs(docs));
 */
export async function writeIndex(db: Db, dialect: Dialect, stemmed: StemmedDocs): Promise<void> {
  await inTransaction(db, async (trx) => {
    const size = dialect === 'postgres' ? PG_DOCS_CHUNK : CHUNK;
    for (let i = 0; i < stemmed.docs.length; i += size) {
      const chunk = stemmed.docs.slice(i, i + size);
      await index.write(trx, dialect, chunk, []);
    }
    // After a bulk write, fresh statistics: else the planner, believing the table small, scans it whole for
    // every text search until autovacuum comes by (see fund.writes.ts).
    if (dialect === 'postgres' && stemmed.docs.length >= PG_DOCS_CHUNK) {
      await sql`ANALYZE laureat_search`.execute(trx);
    }
    await bumpVersion(trx);
  });
}

/**
 * `indexLaureats` for lauréats the caller holds already (an import's): the same stems and rows, without
 * reading them back from the tables. Call it in the transaction that wrote them.
 *
 * @example
 * await indexLaureatDocs(trx, 'postgres', [{ id: 'L-1', title: 'Salles', summary: '', porteurName: 'Grenoble',
 *   coporteurNames: [], outputs: '', themes: [] }]);
 */
export async function indexLaureatDocs(db: Db, dialect: Dialect, docs: readonly IndexDoc[]): Promise<void> {
  await writeIndex(db, dialect, await stemDocs(docs));
}

/**
 * Rebuilds the whole index from the `laureat` table: for a database filled before the index existed, or
 * by a tool that wrote lauréats without calling indexLaureats. Returns how many lauréats were indexed.
 *
 * @example
 * await reindexAllLaureats(db, 'postgres'); // 100000
 */
export async function reindexAllLaureats(db: Db, dialect: Dialect): Promise<number> {
  return inTransaction(db, async (trx) => {
    if (dialect === 'sqlite')
      await sql`INSERT INTO laureat_fts (laureat_fts) VALUES ('delete-all')`.execute(trx);
    await sql`DELETE FROM laureat_search WHERE laureat_id NOT IN (SELECT id FROM laureat)`.execute(trx);
    let last = '';
    let count = 0;
    for (;;) {
      const batch = await trx
        .selectFrom('laureat')
        .select('id')
        .where('id', '>', last)
        .orderBy('id')
        .limit(CHUNK)
        .execute();
      if (batch.length === 0) break;
      await indexChunk(
        trx,
        dialect,
        batch.map((b) => b.id),
      );
      count += batch.length;
      last = batch.at(-1)!.id;
    }
    await bumpVersion(trx);
    return count;
  });
}

async function bumpVersion(db: Db) {
  await sql`UPDATE laureat_search_meta SET version = version + 1 WHERE id = 1`.execute(db);
}

/**
 * The index's version: changes whenever indexLaureats or reindexAllLaureats commits.
 *
 * @example
 * await indexVersion(db) // 3
 */
export async function indexVersion(db: Db): Promise<number> {
  const row = await db
    .withTables<SearchTables>()
    .selectFrom('laureat_search_meta')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

async function indexChunk(db: Db, dialect: Dialect, ids: string[]) {
  // One read for the chunk: co-porteurs and theme codes come aggregated, as one space-separated string each.
  const concat = dialect === 'sqlite' ? sql.raw('group_concat') : sql.raw('string_agg');
  const idList = dialect === 'sqlite' ? sql`l.id IN (${sql.join(ids)})` : sql`l.id = ANY(${ids}::text[])`;
  const { rows } = await sql<{
    id: string;
    title: string;
    summary: string;
    porteur_name: string;
    outputs: string;
    coporteurs: string | null;
    themes: string | null;
  }>`
    SELECT l.id, l.title, l.summary, l.porteur_name, l.outputs,
           (SELECT ${concat}(c.name, ' ') FROM laureat_coporteur c WHERE c.laureat_id = l.id) AS coporteurs,
           (SELECT ${concat}(t.theme_code, ' ') FROM laureat_theme t WHERE t.laureat_id = l.id) AS themes
    FROM laureat l WHERE ${idList}`.execute(db);
  const found = new Set(rows.map((l) => l.id));
  const gone = ids.filter((id) => !found.has(id));
  const docs = rows.map((l) =>
    stemmedDoc({
      id: l.id,
      title: l.title,
      summary: l.summary,
      porteurName: l.porteur_name,
      coporteurNames: l.coporteurs ? [l.coporteurs] : [],
      outputs: l.outputs,
      themes: (l.themes ?? '').split(' '),
    }),
  );
  await index.write(db, dialect, docs, gone);
}

/** A lauréat's stems: its title's, and its other words' that its title lacks. */
function stemmedDoc(d: IndexDoc): StemmedDoc {
  const themeNames = d.themes.map((code) => THEMES[code] ?? '').join('\n');
  const body = [d.summary, d.porteurName, d.coporteurNames.join(' '), d.outputs, themeNames].join('\n');
  const title = stemsOf(d.title);
  const inTitle = new Set(title);
  return { id: d.id, title, body: stemsOf(body).filter((s) => !inTitle.has(s)) };
}

/**
 * Finds the lauréats a parsed text matches, in one statement, and those whose title has every word. The
 * lists come back as one comma-separated string each: parsing 50,000 numbers from one string costs less than
 * 50,000 row objects.
 *
 * @example
 * await matchText(db, 'sqlite', parseSearchText('réservation de salles')); // { matched: '3,17', inTitle: '17' }
 */
export function matchText(db: Db, dialect: Dialect, query: ParsedQuery): Promise<TextMatches> {
  return index.match(db, dialect, query);
}
