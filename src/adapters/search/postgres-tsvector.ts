import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchIndex, SearchQuery, SearchResult } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { type ParsedQuery, parseSearchText } from './query.js';
import { kindsOf, latestById, type PageRow, pageOf, pageResult } from './shared.js';

/**
 * ts_rank weights for {D, C, B, A}: the title (A) at 1, the body (B) at 0.2. ts_rank counts a word's best
 * occurrence at its weight and further ones at weight / n², so a title match outranks a body-only match
 * however often the body says the word (0.2 × π²/6 < 1), and more occurrences still rank higher.
 */
const WEIGHTS = '{0.05, 0.1, 0.2, 1.0}';
/** Normalisation 1 divides by 1 + log(length): a very long body does not win on sheer size (bm25 does alike). */
const RANK_NORMALIZATION = 1;
/**
 * How much of the body `rank_tsv` holds (see the 002-search migration): the lede, where a news text says
 * what it is about. Whole-body ranking cost ~40 ms on a broad query over 2,000 documents; this, a few ms.
 */
const RANK_BODY_CHARS = 1000;
/** Rows per INSERT: six text arrays, whatever the count, so this only bounds one statement's size. */
const BATCH = 500;

/**
 * The tsquery for a parsed query. The words are the JS-normalised ones (accents already stripped, only
 * letters and digits), stemmed by PostgreSQL's `fr_unaccent`, all required; the last one may also be a prefix
 * of what was typed, given as a literal lexeme (`'collectiv':*`) so it is not stemmed first: "commune:*"
 * must not become "commun:*". Values travel as parameters; nothing the visitor typed is spliced into SQL.
 *
 * @example
 * tsqueryOf(parseSearchText('territoires collectiv')); // as SQL, with the words as parameters:
 * // plainto_tsquery('fr_unaccent', 'territoires') && (plainto_tsquery('fr_unaccent', 'collectiv')
 * //   || 'collectiv':*::tsquery)
 */
export function tsqueryOf(query: ParsedQuery): RawBuilder<unknown> | null {
  const last = query.terms.at(-1);
  if (!last) return null;
  const head = query.terms
    .slice(0, -1)
    .map((term) => term.word)
    .join(' ');
  let tail = sql`plainto_tsquery('fr_unaccent', ${last.word})`;
  if (query.prefix) {
    const lexeme = `'${query.prefix.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`;
    tail = sql`(${tail} || ${lexeme}::tsquery)`;
  }
  // Leaving out an empty head spares PostgreSQL a "query contains no lexemes" notice on every one-word search.
  return head ? sql`(plainto_tsquery('fr_unaccent', ${head}) && ${tail})` : tail;
}

/**
 * The search index on PostgreSQL: a weighted `tsvector` (title A, body B) built with the `fr_unaccent`
 * configuration: the GIN index finds the matches, `ts_rank` over the small `rank_tsv` ranks them (see the
 * migration for why two vectors). One statement and one round trip per page, whatever the page: matches are
 * ranked and counted, then only the page's rows are read with their bodies.
 *
 * Slow right after a bulk import? The GIN index's pending list (`fastupdate`, on by default) holds new entries
 * until autovacuum merges them, and every search scans it meanwhile: over 2,400 documents, a p50 of ~10 ms
 * instead of ~2 ms. An index with `fastupdate = off` does not build one; it made an import no slower.
 *
 * @example
 * const search = createPostgresSearchIndex(handle.db); // handle from connectDatabase('postgres://…')
 * await search.upsert([{ id: 'news:a', kind: 'communique', url: '/a/', title: 'Titre', body: '…', date: null }]);
 * const { total, hits } = await search.search({ text: 'collectivites', limit: 10, offset: 0 });
 */
export function createPostgresSearchIndex(db: Kysely<Database>): SearchIndex {
  return {
    async upsert(docs) {
      const unique = latestById(docs);
      for (let i = 0; i < unique.length; i += BATCH) {
        const batch = unique.slice(i, i + BATCH);
        const column = <K extends 'id' | 'kind' | 'url' | 'title' | 'body' | 'date'>(key: K) =>
          batch.map((doc) => doc[key]);
        // unnest over arrays: one statement and six parameters for the whole batch.
        await sql`
          INSERT INTO search_document (id, kind, url, title, date, body, tsv, rank_tsv)
          SELECT id, kind, url, title, date, body,
                 setweight(to_tsvector('fr_unaccent', title), 'A') || setweight(to_tsvector('fr_unaccent', body), 'B'),
                 setweight(to_tsvector('fr_unaccent', title), 'A')
                   || setweight(to_tsvector('fr_unaccent', left(body, ${RANK_BODY_CHARS})), 'B')
          FROM unnest(${column('id')}::text[], ${column('kind')}::text[], ${column('url')}::text[],
                      ${column('title')}::text[], ${column('date')}::text[], ${column('body')}::text[])
               AS t(id, kind, url, title, date, body)
          ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, url = excluded.url, title = excluded.title, date = excluded.date,
            body = excluded.body, tsv = excluded.tsv, rank_tsv = excluded.rank_tsv`.execute(db);
      }
    },

    async remove(ids) {
      if (ids.length > 0) await sql`DELETE FROM search_document WHERE id = ANY(${ids}::text[])`.execute(db);
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const parsed = parseSearchText(query.text);
      const tsquery = tsqueryOf(parsed);
      if (!tsquery) return { total: 0, hits: [] };
      const { limit, offset } = pageOf(query);
      const kinds = kindsOf(query);
      const kindFilter = kinds ? sql`AND d.kind = ANY(${kinds}::text[])` : sql``;
      // Measured with EXPLAIN ANALYZE over 2,000 documents (~2,100 matches for "territoires"): ranking is the
      // cost, counting is not. ts_rank_cd took 2.3–5.4 ms a query (cover density sorts every occurrence of
      // every term), ts_rank 1.3–1.6 ms; reading the GIN match and counting it, under 1 ms.
      // Both CTEs are MATERIALIZED on purpose. `q`: the planner then cannot see the query's words, so it does
      // not switch to a sequential scan for a broad query (which would decompress every row's `tsv`) and keeps
      // the GIN index, which answers the match without reading `tsv` at all. `matched`: ranked once, then read
      // twice in memory, by the count and by the page's top-N sort, which keeps (id, date, score) only. The
      // page is LEFT JOINed to the count so a page past the end still brings the total, in the same round
      // trip. Ids sort byte-wise ("C"), as on SQLite, so both dialects page ties in the same order.
      const { rows } = await sql<PageRow>`
        WITH q AS MATERIALIZED (SELECT ${tsquery} AS query),
        matched AS MATERIALIZED (
          SELECT d.id, d.date, ts_rank(${WEIGHTS}::real[], d.rank_tsv, q.query, ${RANK_NORMALIZATION}) AS score
          FROM search_document d, q
          WHERE d.tsv @@ q.query ${kindFilter}
        ),
        page AS (
          SELECT id, date, score FROM matched
          ORDER BY score DESC, date DESC NULLS LAST, id COLLATE "C"
          LIMIT ${limit} OFFSET ${offset}
        )
        SELECT t.total, d.id, d.kind, d.url, d.title, d.date, d.body, page.score
        FROM (SELECT count(*) AS total FROM matched) t
        LEFT JOIN page ON true
        LEFT JOIN search_document d ON d.id = page.id
        ORDER BY page.score DESC, page.date DESC NULLS LAST, page.id COLLATE "C"`.execute(db);
      return pageResult(rows, parsed);
    },
  };
}
