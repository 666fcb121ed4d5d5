import { type Generated, type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { stemTokens } from '../../../adapters/search/french-stemmer.js';
import type { ParsedQuery } from '../../../adapters/search/query.js';
import { matchExpression } from '../../../adapters/search/sqlite-fts5.js';
import { ADOPTION_MODES } from '../catalogue.domain.js';
import { themeLabel } from '../catalogue.themes.js';

/**
 * The solutions' full text, built as the lauréats' (the fund's search/text-index.ts): words stemmed in JS by
 * the platform's French stemmer, the same stems on both dialects (FTS5 on SQLite, `tsvector` on PostgreSQL),
 * so both find exactly the same solutions. Every write bumps `solution_search_meta.version` in its transaction.
 */

const CHUNK = 500;
const MAX_STEM = 100;

export type SearchTables = {
  solution_search: { rid: Generated<number>; solution_id: string };
  solution_search_meta: { id: number; version: number };
};
type Db = Kysely<Database>;

const stemsOf = (text: string) => [...new Set(stemTokens(text).filter((s) => s.length <= MAX_STEM))];

async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Brings the index of these solutions up to date (name; problem, description, maintainers, themes, adoption
 * modes) and bumps the version. A solution that no longer exists leaves the index. Call it in the writing
 * transaction.
 *
 * @example
 * await indexSolutions(trx, 'sqlite', ['salle-sur-demande']);
 */
export async function indexSolutions(db: Db, dialect: Dialect, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < unique.length; i += CHUNK) await indexChunk(trx, dialect, unique.slice(i, i + CHUNK));
    await bumpIndexVersion(trx);
  });
}

/** Marks every process's facet table stale (a declaration changed the counts, not the words). */
export async function bumpIndexVersion(db: Db): Promise<void> {
  await sql`UPDATE solution_search_meta SET version = version + 1 WHERE id = 1`.execute(db);
}

/** The index's version, read before every search. */
export async function indexVersion(db: Db): Promise<number> {
  const row = await db
    .withTables<SearchTables>()
    .selectFrom('solution_search_meta')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

async function indexChunk(db: Db, dialect: Dialect, ids: string[]) {
  const [rows, themes, modes, maintainers] = await Promise.all([
    db
      .selectFrom('solution')
      .select(['id', 'name', 'summary', 'description'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('solution_theme')
      .select(['solution_id', 'theme_code'])
      .where('solution_id', 'in', ids)
      .execute(),
    db
      .selectFrom('solution_adoption')
      .select(['solution_id', 'mode'])
      .where('solution_id', 'in', ids)
      .execute(),
    db
      .selectFrom('solution_maintainer')
      .select(['solution_id', 'name'])
      .where('solution_id', 'in', ids)
      .execute(),
  ]);
  const found = new Set(rows.map((r) => r.id));
  const gone = ids.filter((id) => !found.has(id));
  const docs = rows.map((s) => {
    const extra = [
      ...themes.filter((t) => t.solution_id === s.id).map((t) => themeLabel(t.theme_code)),
      ...modes
        .filter((m) => m.solution_id === s.id)
        .map((m) => ADOPTION_MODES[m.mode as keyof typeof ADOPTION_MODES] ?? ''),
      ...maintainers.filter((m) => m.solution_id === s.id).map((m) => m.name),
    ];
    const title = stemsOf(s.name);
    const inTitle = new Set(title);
    const body = stemsOf([s.summary, s.description, ...extra].join('\n')).filter((w) => !inTitle.has(w));
    return { id: s.id, title, body };
  });
  if (dialect === 'sqlite') await writeSqlite(db, docs, gone);
  else await writePostgres(db, docs, gone);
}

type Doc = { id: string; title: string[]; body: string[] };

async function writeSqlite(db: Db, docs: Doc[], gone: string[]) {
  const search = db.withTables<SearchTables>();
  if (gone.length > 0) {
    const removed = await search
      .deleteFrom('solution_search')
      .where('solution_id', 'in', gone)
      .returning('rid')
      .execute();
    await deleteFts(
      db,
      removed.map((r) => Number(r.rid)),
    );
  }
  if (docs.length === 0) return;
  const rows = await search
    .insertInto('solution_search')
    .values(docs.map((d) => ({ solution_id: d.id })))
    .onConflict((oc) =>
      oc.column('solution_id').doUpdateSet({ solution_id: (eb) => eb.ref('excluded.solution_id') }),
    )
    .returning(['rid', 'solution_id'])
    .execute();
  const ridOf = new Map(rows.map((r) => [r.solution_id, Number(r.rid)]));
  await deleteFts(db, [...ridOf.values()]);
  const values = docs.map((d) => sql`(${ridOf.get(d.id)!}, ${d.title.join(' ')}, ${d.body.join(' ')})`);
  await sql`INSERT INTO solution_fts (rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
}

async function deleteFts(db: Db, rids: number[]) {
  if (rids.length > 0) await sql`DELETE FROM solution_fts WHERE rowid IN (${sql.join(rids)})`.execute(db);
}

async function writePostgres(db: Db, docs: Doc[], gone: string[]) {
  if (gone.length > 0)
    await sql`DELETE FROM solution_search WHERE solution_id = ANY(${gone}::text[])`.execute(db);
  if (docs.length === 0) return;
  await sql`
    INSERT INTO solution_search (solution_id, title_tsv, tsv)
    SELECT d.id, array_to_tsvector(string_to_array(d.title, ' ')),
           array_to_tsvector(string_to_array(d.title, ' ') || string_to_array(d.body, ' '))
    FROM unnest(${docs.map((d) => d.id)}::text[], ${docs.map((d) => d.title.join(' '))}::text[],
                ${docs.map((d) => d.body.join(' '))}::text[]) AS d(id, title, body)
    ON CONFLICT (solution_id) DO UPDATE SET title_tsv = excluded.title_tsv, tsv = excluded.tsv`.execute(db);
}

/**
 * The tsquery for a parsed text, the same clauses as FTS5's `matchExpression`: every term required, the last
 * also as a prefix of the word typed. (The fund keeps the same function for its lauréats; both could move to
 * the search adapters.)
 *
 * @example
 * tsqueryText(parseSearchText('salles reserv')); // "'sall' & ('reserv':*)"
 */
export function tsqueryText(query: ParsedQuery): string | null {
  const quote = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  const clauses = query.terms.map((t) => quote(t.stem));
  const last = query.terms.at(-1);
  if (!last) return null;
  if (query.prefix === last.stem) clauses[clauses.length - 1] = `(${quote(query.prefix)}:*)`;
  else if (query.prefix) clauses[clauses.length - 1] = `(${clauses.at(-1)} | ${quote(query.prefix)}:*)`;
  return clauses.join(' & ');
}

/** The rids a text matches, and those with every word in the name, as comma-separated strings. */
export async function matchText(
  db: Db,
  dialect: Dialect,
  query: ParsedQuery,
): Promise<{ matched: string | null; inTitle: string | null }> {
  const none = { matched: null, inTitle: null };
  if (dialect === 'sqlite') {
    const expression = matchExpression(query);
    if (!expression) return none;
    const { rows } = await sql<{ matched: string | null; inTitle: string | null }>`
      SELECT (SELECT group_concat(rowid) FROM solution_fts WHERE solution_fts MATCH ${expression}) AS matched,
             (SELECT group_concat(rowid) FROM solution_fts WHERE solution_fts MATCH ${`{title} : (${expression})`})
               AS "inTitle"`.execute(db);
    return rows[0] ?? none;
  }
  const text = tsqueryText(query);
  if (!text) return none;
  const { rows } = await sql<{ matched: string | null; inTitle: string | null }>`
    SELECT string_agg(s.rid::text, ',') AS matched,
           string_agg(CASE WHEN s.title_tsv @@ q.query THEN s.rid::text END, ',') AS "inTitle"
    FROM solution_search s, (SELECT ${text}::tsquery AS query) q
    WHERE s.tsv @@ q.query`.execute(db);
  return rows[0] ?? none;
}
