import type { SearchDocument, SearchHit, SearchQuery, SearchResult } from '../../ports/search-index.js';
import { buildExcerpt, coversEveryTerm, TITLE_MATCH_SCAN } from './excerpt.js';
import type { ParsedQuery } from './query.js';

/** The most hits one page may ask for: a bigger page is a scrape, not a search. */
export const MAX_LIMIT = 100;

/**
 * Makes limit and offset safe whatever the caller passed (NaN, negative, fractional, huge): both adapters
 * must page the same way, and the database must never see a value it rejects.
 *
 * @example
 * pageOf({ text: 'x', limit: 500, offset: -3 }); // { limit: 100, offset: 0 }
 */
export function pageOf(query: SearchQuery): { limit: number; offset: number } {
  const limit = Number.isFinite(query.limit) ? Math.min(MAX_LIMIT, Math.max(0, Math.floor(query.limit))) : 10;
  const offset = Number.isFinite(query.offset) ? Math.max(0, Math.floor(query.offset)) : 0;
  return { limit, offset: Math.min(offset, Number.MAX_SAFE_INTEGER) };
}

/**
 * The kinds to keep, or null for all of them: an absent or empty list filters nothing (a form with no box
 * ticked means "everything").
 *
 * @example
 * kindsOf({ text: 'x', kinds: [], limit: 10, offset: 0 }); // null
 */
export function kindsOf(query: SearchQuery): string[] | null {
  const kinds = [...new Set(query.kinds ?? [])];
  return kinds.length > 0 ? kinds : null;
}

/**
 * The documents of one upsert call, last one winning for a repeated id (a single SQL upsert cannot touch
 * the same row twice).
 *
 * @example
 * latestById([{ id: 'a', …v1 }, { id: 'a', …v2 }]); // [{ id: 'a', …v2 }]
 */
export function latestById(docs: SearchDocument[]): SearchDocument[] {
  return [...new Map(docs.map((doc) => [doc.id, doc])).values()];
}

/** A row of a results page, as both adapters read it. */
export interface HitRow {
  id: string;
  kind: string;
  url: string;
  title: string;
  date: string | null;
  body: string;
  score: number | string;
}

/**
 * Turns a page of rows into hits, computing excerpts for that page only. A hit whose title holds every term
 * has its body searched for a passage over its first TITLE_MATCH_SCAN characters only: the title already
 * says why it matched, and a long body read to its end cost over a millisecond.
 *
 * @example
 * toHits(rows, parseSearchText('collectivite')); // [{ id, …, excerpt: [...], score: 1.7 }]
 */
export function toHits(rows: HitRow[], query: ParsedQuery): SearchHit[] {
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    url: row.url,
    title: row.title,
    date: row.date,
    excerpt: buildExcerpt(
      row.body,
      query,
      coversEveryTerm(row.title, query) ? { maxScan: TITLE_MATCH_SCAN } : {},
    ),
    score: Number(row.score),
  }));
}

/**
 * A row of a page statement: the total, with a hit's fields, or with nulls on the single row that an empty
 * page (past the end, or limit 0) returns so that the total still arrives in the same round trip.
 */
export type PageRow = { total: number | string } & (HitRow | { [K in keyof HitRow]: null });

/**
 * The result of a page statement: the total every row carries, and the hits of the rows that have one.
 *
 * @example
 * pageResult([{ total: 25, id: null, … }], parsed); // { total: 25, hits: [] }
 */
export function pageResult(rows: PageRow[], query: ParsedQuery): SearchResult {
  const hits = rows.filter((row): row is PageRow & HitRow => row.id !== null);
  return { total: Number(rows[0]?.total ?? 0), hits: toHits(hits, query) };
}
