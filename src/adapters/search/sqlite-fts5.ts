import { setImmediate } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import type { SearchDocument, SearchIndex, SearchQuery, SearchResult } from '../../ports/search-index.js';
import { stemTokens } from './french-stemmer.js';
import { type ParsedQuery, parseSearchText } from './query.js';
import { kindsOf, latestById, type PageRow, pageOf, pageResult } from './shared.js';

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

/** Named parameters of the search statement (`@match`…). */
type SearchParams = { match: string; kinds: string; limit: number; offset: number; last: number };

/**
 * One statement per page, shaped by what the profiler measured on 2,000 documents of ~400 words:
 *
 * - `matched`: bm25 for every match, the one cost that cannot be avoided (a ranking needs every score: about
 *   0.6 µs a match). Nothing else is read per match: bm25 is lower-is-better, used as is. With kinds, each
 *   match looks up its row's `kind` by rowid, and bm25 runs only for the rows kept. CROSS JOIN pins FTS5 as
 *   the outer loop: given a literal list of kinds, the planner preferred the kind index and ran the MATCH
 *   once per document (40 ms).
 * - `cut`: the score of the last row of the page (`@last` = offset + limit - 1), from an in-memory sort that
 *   keeps only that many rows. Only rows scoring as well as it (ties included, so the date and id
 *   tie-breakers still order them) are joined to `search_document` and sorted: a page reads about `@last`
 *   rows, not every match. 9e999 is +∞: with fewer matches than that, every match is a candidate.
 * - the total is `count(*)` over `matched`, already in memory; the page is LEFT JOINed to it, so a page past
 *   the end (or `limit` 0) still brings the total, as one row with no document.
 */
const searchSql = (filtered: boolean) => `
  WITH matched AS MATERIALIZED (
    SELECT f.rowid AS rid, bm25(search_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS rank
    FROM search_fts f ${filtered ? 'CROSS JOIN search_document k ON k.rid = f.rowid' : ''}
    WHERE search_fts MATCH @match ${filtered ? 'AND k.kind IN (SELECT value FROM json_each(@kinds))' : ''}
  ),
  cut AS (SELECT coalesce((SELECT rank FROM matched ORDER BY rank LIMIT 1 OFFSET @last), 9e999) AS rank),
  page AS (
    SELECT m.rid, m.rank, d.date, d.id FROM matched m JOIN search_document d ON d.rid = m.rid
    WHERE m.rank <= (SELECT rank FROM cut)
    ORDER BY m.rank, d.date DESC NULLS LAST, d.id
    LIMIT @limit OFFSET @offset
  )
  SELECT t.total, d.id, d.kind, d.url, d.title, d.date, d.body, -page.rank AS score
  FROM (SELECT count(*) AS total FROM matched) t
  LEFT JOIN page ON true
  LEFT JOIN search_document d ON d.rid = page.rid
  ORDER BY page.rank, page.date DESC NULLS LAST, page.id`;

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
    search: sqlite.prepare<[SearchParams], PageRow>(searchSql(false)),
    searchKinds: sqlite.prepare<[SearchParams], PageRow>(searchSql(true)),
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

  /**
   * The index is written on the database's one connection, beside Kysely: a write made while a request's
   * transaction is open would join it, and go if it rolled back. So a write waits until none is open, then runs
   * at once (synchronously: nothing can open one in between).
   */
  const outsideTransactions = async () => {
    while (sqlite.inTransaction) await setImmediate();
  };

  return {
    async upsert(docs) {
      if (docs.length === 0) return;
      await outsideTransactions();
      upsertAll(docs);
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await outsideTransactions();
      removeAll(ids);
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const parsed = parseSearchText(query.text);
      const match = matchExpression(parsed);
      if (!match) return { total: 0, hits: [] };
      const { limit, offset } = pageOf(query);
      const kinds = kindsOf(query);
      const s = get();
      // Kinds travel as one JSON array (read with json_each), so each statement is prepared once, not per count.
      const params = {
        match,
        limit,
        offset,
        last: Math.max(0, offset + limit - 1),
        kinds: JSON.stringify(kinds),
      };
      const rows = kinds ? s.searchKinds.all(params) : s.search.all(params);
      return pageResult(rows, parsed);
    },
  };
}
