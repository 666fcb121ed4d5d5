import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/connect.js';
import { stemTokens } from './french-stemmer.js';
import type { ParsedQuery } from './query.js';
import { matchExpression } from './sqlite-fts5.js';

/**
 * A module's own full-text index of its rows (the fund's lauréats, the catalogue's solutions), written in the
 * module's transactions: words stemmed in JS by the platform's French stemmer, the same stems on both dialects
 * (an FTS5 table on SQLite, `tsvector` columns on PostgreSQL), so that both find exactly the same rows. Each
 * module keeps its tables (a `<x>_search` table of `rid` and the row's id, its `tsvector`s on PostgreSQL, and
 * an FTS5 `<x>_fts` table on SQLite) and what it indexes; this is the writing and the matching.
 */

/** A "word" longer than this is noise (a pasted link, a hash): kept out of the index on both dialects. */
const MAX_STEM = 100;

/** A row's stems: its title's, and its other words' (those of the title left out, so none is there twice). */
export type StemmedDoc = { id: string; title: string[]; body: string[] };

/** The rows a text matches, and those with every word in their title, as comma-separated rids. */
export interface TextMatches {
  matched: string | null;
  inTitle: string | null;
}

/**
 * The distinct stems of a text, as both dialects index them.
 *
 * @example
 * stemsOf('Réservation des salles, salles') // ['reserv', 'sall']
 */
export function stemsOf(text: string): string[] {
  return [...new Set(stemTokens(text).filter((s) => s.length <= MAX_STEM))];
}

/**
 * The tsquery text for a parsed query, built from the JS stems as FTS5's matchExpression is: every term
 * required, the last one also as a prefix of the word typed. Stems hold letters and digits only; quotes are
 * doubled anyway.
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

/**
 * The index over a module's tables: `search` (rid, `id`, and on PostgreSQL `title_tsv`, `tsv`) and, on SQLite,
 * the FTS5 table `fts` (rowid = rid; title, body).
 *
 * @example
 * const index = entityTextIndex({ search: 'solution_search', id: 'solution_id', fts: 'solution_fts' });
 * await index.write(trx, 'sqlite', docs, goneIds);
 * const { matched } = await index.match(db, 'sqlite', parseSearchText('salles'));
 */
export function entityTextIndex(names: { search: string; id: string; fts: string }) {
  // Names from the modules' code, never from input.
  const search = sql.table(names.search);
  const id = sql.ref(names.id);
  const fts = sql.table(names.fts);

  async function deleteFts<DB>(db: Kysely<DB>, rids: number[]) {
    if (rids.length > 0) await sql`DELETE FROM ${fts} WHERE rowid IN (${sql.join(rids)})`.execute(db);
  }

  async function writeSqlite<DB>(db: Kysely<DB>, docs: readonly StemmedDoc[], gone: readonly string[]) {
    if (gone.length > 0) {
      const removed = await sql<{ rid: number }>`
        DELETE FROM ${search} WHERE ${id} IN (${sql.join(gone)}) RETURNING rid`.execute(db);
      await deleteFts(
        db,
        removed.rows.map((r) => Number(r.rid)),
      );
    }
    if (docs.length === 0) return;
    // A no-op update, so that RETURNING gives the rid of rows that were already there too.
    const { rows } = await sql<{ rid: number; id: string }>`
      INSERT INTO ${search} (${id}) VALUES ${sql.join(docs.map((d) => sql`(${d.id})`))}
      ON CONFLICT (${id}) DO UPDATE SET ${id} = excluded.${id}
      RETURNING rid, ${id} AS id`.execute(db);
    const ridOf = new Map(rows.map((r) => [r.id, Number(r.rid)]));
    await deleteFts(db, [...ridOf.values()]);
    const values = docs.map((d) => sql`(${ridOf.get(d.id)!}, ${d.title.join(' ')}, ${d.body.join(' ')})`);
    await sql`INSERT INTO ${fts} (rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
  }

  async function writePostgres<DB>(db: Kysely<DB>, docs: readonly StemmedDoc[], gone: readonly string[]) {
    if (gone.length > 0) await sql`DELETE FROM ${search} WHERE ${id} = ANY(${gone}::text[])`.execute(db);
    if (docs.length === 0) return;
    // Three text arrays for the whole batch; the stems become lexemes as they are (array_to_tsvector), as on
    // SQLite. Body stems exclude the title's, so the concatenation holds no duplicate.
    await sql`
      INSERT INTO ${search} (${id}, title_tsv, tsv)
      SELECT d.id, array_to_tsvector(string_to_array(d.title, ' ')),
             array_to_tsvector(string_to_array(d.title, ' ') || string_to_array(d.body, ' '))
      FROM unnest(${docs.map((d) => d.id)}::text[], ${docs.map((d) => d.title.join(' '))}::text[],
                  ${docs.map((d) => d.body.join(' '))}::text[]) AS d(id, title, body)
      ON CONFLICT (${id}) DO UPDATE SET title_tsv = excluded.title_tsv, tsv = excluded.tsv`.execute(db);
  }

  return {
    /** Writes `docs` and takes the rows `gone` out, with `db` (the caller's transaction). */
    write<DB>(db: Kysely<DB>, dialect: Dialect, docs: readonly StemmedDoc[], gone: readonly string[]) {
      return dialect === 'sqlite' ? writeSqlite(db, docs, gone) : writePostgres(db, docs, gone);
    },

    /**
     * The rows a parsed text matches, in one statement, and those whose title has every word. The lists come
     * back as one comma-separated string each: parsing 50,000 numbers from one string costs less than 50,000
     * row objects.
     */
    async match<DB>(db: Kysely<DB>, dialect: Dialect, query: ParsedQuery): Promise<TextMatches> {
      const none = { matched: null, inTitle: null };
      if (dialect === 'sqlite') {
        const expression = matchExpression(query);
        if (!expression) return none;
        const { rows } = await sql<TextMatches>`
          SELECT (SELECT group_concat(rowid) FROM ${fts} WHERE ${fts} MATCH ${expression}) AS matched,
                 (SELECT group_concat(rowid) FROM ${fts} WHERE ${fts} MATCH ${`{title} : (${expression})`})
                   AS "inTitle"`.execute(db);
        return rows[0] ?? none;
      }
      const text = tsqueryText(query);
      if (!text) return none;
      const { rows } = await sql<TextMatches>`
        SELECT string_agg(s.rid::text, ',') AS matched,
               string_agg(CASE WHEN s.title_tsv @@ q.query THEN s.rid::text END, ',') AS "inTitle"
        FROM ${search} s, (SELECT ${text}::tsquery AS query) q
        WHERE s.tsv @@ q.query`.execute(db);
      return rows[0] ?? none;
    },
  };
}
