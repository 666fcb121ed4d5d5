import type BetterSqlite3 from 'better-sqlite3';
import type { SearchDocument, SearchIndex, SearchQuery, SearchResult } from '../../ports/search-index.js';
import { stemTokens } from './french-stemmer.js';
import { type ParsedQuery, parseSearchText } from './query.js';
import { type HitRow, kindsOf, latestById, pageOf, toHits } from './shared.js';

/** bm25 column weights: a word in the title counts as much as five in the body. */
const TITLE_WEIGHT = 5;
const BODY_WEIGHT = 1;

/**
 * The FTS5 MATCH expression for a parsed query: every term quoted (so no operator, column filter or `NEAR`
 * can come from the visitor), all terms required, the last one also matched as a prefix of what was typed.
 * The prefix is the typed word, not its stem: "commune*" must not find "communication", which "commun*" would.
 * Null when there is nothing to look for.
 *
 * @example
 * matchExpression(parseSearchText('territoires collectiv'));
 * // '"territoi" AND "collectiv"*'  (the stem of "collectiv" is itself)
 * matchExpression(parseSearchText('collectivités'));
 * // '("collectivit" OR "collectivites"*)'
 */
export function matchExpression(query: ParsedQuery): string | null {
  const quote = (token: string) => `"${token.replaceAll('"', '""')}"`;
  const clauses = query.terms.map((term) => quote(term.stem));
  if (clauses.length === 0) return null;
  const last = query.terms.at(-1)!;
  if (query.prefix === last.stem) clauses[clauses.length - 1] = `${quote(query.prefix)}*`;
  else if (query.prefix) clauses[clauses.length - 1] = `(${clauses.at(-1)} OR ${quote(query.prefix)}*)`;
  return clauses.join(' AND ');
}

/** Named parameters of the search statements (`@match`…); each statement reads those it names. */
type SearchParams = { match: string; limit: number; offset: number; kinds: string };

/**
 * Scores the matches, ranks and counts them, then reads the page's rows: the bodies of other hits are never
 * read. bm25 sits in its own CTE because FTS5 refuses auxiliary functions in a query with a window function.
 */
const searchSql = (filtered: boolean) => `
  WITH matched AS MATERIALIZED (
    SELECT rowid AS rid, -bm25(search_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score
    FROM search_fts WHERE search_fts MATCH @match
  ),
  page AS (
    SELECT m.rid, m.score, d.date, d.id, count(*) OVER () AS total
    FROM matched m JOIN search_document d ON d.rid = m.rid
    ${filtered ? 'WHERE d.kind IN (SELECT value FROM json_each(@kinds))' : ''}
    ORDER BY m.score DESC, d.date DESC NULLS LAST, d.id
    LIMIT @limit OFFSET @offset
  )
  SELECT d.id, d.kind, d.url, d.title, d.date, d.body, page.score, page.total
  FROM page JOIN search_document d ON d.rid = page.rid
  ORDER BY page.score DESC, page.date DESC NULLS LAST, page.id`;

const countSql = (filtered: boolean) => `
  SELECT count(*) AS total FROM search_fts JOIN search_document d ON d.rid = search_fts.rowid
  WHERE search_fts MATCH @match ${filtered ? 'AND d.kind IN (SELECT value FROM json_each(@kinds))' : ''}`;

/**
 * The search index on SQLite: FTS5 over words stemmed in JS (see french-stemmer.ts), ranked by bm25 with
 * the title weighted above the body. Statements are prepared once and run synchronously on the raw
 * better-sqlite3 handle: no round trip, and an upsert of thousands of documents is one transaction (Kysely
 * shares the connection: called while a Kysely transaction is open, it joins it as a savepoint).
 *
 * @example
 * const search = createSqliteSearchIndex(handle); // handle from connectDatabase('sqlite:…')
 * await search.upsert([{ id: 'news:a', kind: 'communique', url: '/a/', title: 'Titre', body: '…', date: null }]);
 * const { total, hits } = await search.search({ text: 'collectivites', limit: 10, offset: 0 });
 */
export function createSqliteSearchIndex(handle: { sqlite: BetterSqlite3.Database }): SearchIndex {
  const { sqlite } = handle;
  // Prepared on first use: the index may be built before migrations have created the tables.
  let statements: ReturnType<typeof prepare> | undefined;
  const prepare = () => ({
    upsertDocument: sqlite.prepare<[string, string, string, string, string | null, string], { rid: number }>(`
      INSERT INTO search_document (id, kind, url, title, date, body) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        kind = excluded.kind, url = excluded.url, title = excluded.title, date = excluded.date, body = excluded.body
      RETURNING rid`),
    insertFts: sqlite.prepare<[number, string, string]>(
      'INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)',
    ),
    deleteFts: sqlite.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?'),
    deleteDocument: sqlite.prepare<[string], { rid: number }>(
      'DELETE FROM search_document WHERE id = ? RETURNING rid',
    ),
    search: sqlite.prepare<[SearchParams], HitRow & { total: number }>(searchSql(false)),
    searchKinds: sqlite.prepare<[SearchParams], HitRow & { total: number }>(searchSql(true)),
    count: sqlite.prepare<[SearchParams], { total: number }>(countSql(false)),
    countKinds: sqlite.prepare<[SearchParams], { total: number }>(countSql(true)),
  });
  const get = () => {
    statements ??= prepare();
    return statements;
  };

  const upsertAll = (docs: SearchDocument[]) => {
    const s = get();
    sqlite.transaction(() => {
      for (const doc of latestById(docs)) {
        const { rid } = s.upsertDocument.get(doc.id, doc.kind, doc.url, doc.title, doc.date, doc.body)!;
        s.deleteFts.run(rid);
        s.insertFts.run(rid, stemTokens(doc.title).join(' '), stemTokens(doc.body).join(' '));
      }
    })();
  };

  const removeAll = (ids: string[]) => {
    const s = get();
    sqlite.transaction(() => {
      for (const id of ids) {
        const row = s.deleteDocument.get(id);
        if (row) s.deleteFts.run(row.rid);
      }
    })();
  };

  return {
    async upsert(docs) {
      if (docs.length > 0) upsertAll(docs);
    },

    async remove(ids) {
      if (ids.length > 0) removeAll(ids);
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const parsed = parseSearchText(query.text);
      const match = matchExpression(parsed);
      if (!match) return { total: 0, hits: [] };
      const { limit, offset } = pageOf(query);
      const kinds = kindsOf(query);
      const s = get();
      // Kinds travel as one JSON array (read with json_each), so each statement is prepared once, not per count.
      const params = { match, limit, offset, kinds: JSON.stringify(kinds) };
      const rows = kinds ? s.searchKinds.all(params) : s.search.all(params);
      // The window count rides on the page's rows; an empty page (past the end, or limit 0) needs its own count.
      const total = rows[0]?.total ?? (kinds ? s.countKinds.get(params) : s.count.get(params))?.total ?? 0;
      return { total, hits: toHits(rows, parsed) };
    },
  };
}
