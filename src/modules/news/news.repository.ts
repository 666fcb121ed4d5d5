import type { CollectionKey, ContentItem, SortOrder } from './news.domain.js';

export interface ListQuery {
  collection: CollectionKey;
  /** Slug of a category to filter by. */
  categorie?: string;
  /** Slug of a tag to filter by. */
  tag?: string;
  sort: SortOrder;
  limit: number;
  offset: number;
}

export interface TermCount {
  kind: 'categorie' | 'tag';
  slug: string;
  label: string;
  count: number;
}

/** A row's fingerprint, to tell created, updated and unchanged apart at import. */
export interface ItemFingerprint {
  id: string;
  sourceHash: string;
}

/** The port of the Publication module's storage. Only published items are returned by the public queries. */
export interface NewsRepository {
  /** Inserts or replaces an item and its terms, in one transaction. */
  save(item: ContentItem): Promise<void>;
  fingerprints(ids: string[]): Promise<ItemFingerprint[]>;
  findPublishedByPath(path: string): Promise<ContentItem | null>;
  listPublished(query: ListQuery): Promise<{ items: ContentItem[]; total: number }>;
  /** Categories and tags of a collection's published items, with counts. */
  terms(collection: CollectionKey): Promise<TermCount[]>;
  /** The newest published items across collections (home page, feeds, sitemap). */
  latestPublished(opts: { collections: CollectionKey[]; limit: number }): Promise<ContentItem[]>;
  /** Path and date of every published item, for the sitemap. */
  allPublishedPaths(): Promise<Array<{ path: string; updatedAt: string; collection: CollectionKey }>>;
  /** Published TNT pages ordered by their menu weight. */
  programmePages(): Promise<ContentItem[]>;
  count(): Promise<number>;
}
