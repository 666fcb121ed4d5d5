/**
 * The search index: one port, an SQLite FTS5 adapter and a PostgreSQL tsvector adapter that pass the same
 * contract suite. Documents are plain text; the adapters handle French (accents, plurals) themselves.
 */
export interface SearchDocument {
  /** Stable id, unique across kinds (e.g. `news:communiques/slug`). */
  id: string;
  /** What the document is, used to filter (`communique`, `actualite`, `evenement`, `page`, later `laureat`…). */
  kind: string;
  url: string;
  title: string;
  /** Plain text, no markup. */
  body: string;
  /** ISO UTC date, for tie-breaking and display. */
  date: string | null;
}

/** A piece of an excerpt: the view wraps matched pieces in `<mark>`, so no HTML travels. */
export type ExcerptPart = { text: string; match: boolean };

export interface SearchHit {
  id: string;
  kind: string;
  url: string;
  title: string;
  date: string | null;
  excerpt: ExcerptPart[];
  score: number;
}

export interface SearchQuery {
  text: string;
  kinds?: string[];
  limit: number;
  offset: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

export interface SearchIndex {
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
}
