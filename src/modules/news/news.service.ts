import type { SearchIndex } from '../../ports/search-index.js';
import { type Page, pageWindow } from '../../shared/pagination.js';
import { COLLECTIONS, type CollectionKey, type ContentItem, type SortOrder } from './news.domain.js';
import type { NewsRepository, TermCount } from './news.repository.js';

export const PER_PAGE = 10;

/**
 * The read side of Publication: what the public pages, feeds and sitemap ask for. Drafts never leave here.
 */
export function createNewsQueries(repo: NewsRepository) {
  // Term counts change only at import; computing them groups every term of a collection, so they are kept.
  const termsCache = new Map<CollectionKey, Promise<TermCount[]>>();
  const termsOf = (collection: CollectionKey) => {
    let terms = termsCache.get(collection);
    if (!terms) {
      terms = repo.terms(collection);
      termsCache.set(collection, terms);
      terms.catch(() => termsCache.delete(collection));
    }
    return terms;
  };
  return {
    /** Forgets what was derived from the content (called after an import changed something). */
    invalidate() {
      termsCache.clear();
    },

    /** The published item at a public address, or null (drafts and unknown addresses alike). */
    findByPath(path: string): Promise<ContentItem | null> {
      return repo.findPublishedByPath(path);
    },

    /**
     * A page of a collection's list, filtered by category and tag, sorted by date; an out-of-range page
     * number gives the last page.
     */
    async list(input: {
      collection: CollectionKey;
      categorie?: string;
      tag?: string;
      sort: SortOrder;
      page: number;
    }): Promise<Page<ContentItem> & { terms: TermCount[] }> {
      const query = { ...input, limit: PER_PAGE, offset: 0 };
      const first = await repo.listPublished({ ...query, offset: (Math.max(1, input.page) - 1) * PER_PAGE });
      const window = pageWindow(first.total, PER_PAGE, input.page);
      const result =
        window.offset === (Math.max(1, input.page) - 1) * PER_PAGE
          ? first
          : await repo.listPublished({ ...query, offset: window.offset });
      const terms = await termsOf(input.collection);
      return {
        items: result.items,
        total: result.total,
        page: window.page,
        perPage: PER_PAGE,
        pageCount: window.pageCount,
        terms,
      };
    },

    latest(collections: CollectionKey[], limit: number) {
      return repo.latestPublished({ collections, limit });
    },

    sitemapEntries() {
      return repo.allPublishedPaths();
    },

    programmePages() {
      return repo.programmePages();
    },

    isEmpty: async () => (await repo.count()) === 0,
  };
}

export type NewsQueries = ReturnType<typeof createNewsQueries>;

/** Keeps the search index in step with one item: published items are indexed, drafts removed. */
export async function indexItem(search: SearchIndex, item: ContentItem): Promise<void> {
  const id = `news:${item.id}`;
  if (!item.published) {
    await search.remove([id]);
    return;
  }
  await search.upsert([
    {
      id,
      kind: COLLECTIONS[item.collection].searchKind,
      url: item.path,
      title: item.title,
      body: [item.chapeau ?? '', item.bodyText].filter(Boolean).join('\n'),
      date: item.date,
    },
  ]);
}
