/**
 * Publication: the programme's content, imported unchanged from the site's Markdown collections.
 * Pure types and rules; no I/O.
 */

export type CollectionKey = 'communiques' | 'actualites' | 'evenements' | 'tnt';

export interface CollectionDef {
  key: CollectionKey;
  /** The folder of the programme's site (`_communiques/` …). */
  folder: string;
  /** Public address of the list, and prefix of the items' addresses (pages TNT have their own permalink). */
  basePath: string;
  label: string;
  /** The name of one item, for breadcrumbs and search results. */
  itemLabel: string;
  /** The kind in the search index. */
  searchKind: string;
  /** Whether items have a list page and feeds (pages TNT are reached from the programme page). */
  listed: boolean;
}

export const COLLECTIONS: Record<CollectionKey, CollectionDef> = {
  communiques: {
    key: 'communiques',
    folder: '_communiques',
    basePath: '/espace-presse/',
    label: 'Espace presse',
    itemLabel: 'Communiqué',
    searchKind: 'communique',
    listed: true,
  },
  actualites: {
    key: 'actualites',
    folder: '_actualites',
    basePath: '/actualites/',
    label: 'Actualités',
    itemLabel: 'Actualité',
    searchKind: 'actualite',
    listed: true,
  },
  evenements: {
    key: 'evenements',
    folder: '_evenements',
    basePath: '/agenda/',
    label: 'Agenda',
    itemLabel: 'Événement',
    searchKind: 'evenement',
    listed: true,
  },
  tnt: {
    key: 'tnt',
    folder: '_tnt',
    basePath: '/programme-tnt/',
    label: 'Le programme TNT',
    itemLabel: 'Page',
    searchKind: 'page',
    listed: false,
  },
};

export const COLLECTION_LIST = Object.values(COLLECTIONS);

export function collectionByFolder(folder: string): CollectionDef | undefined {
  return COLLECTION_LIST.find((c) => c.folder === folder);
}

export interface ImageRef {
  src: string;
  alt: string;
  caption: string | null;
  /** False when the imported folder did not hold the file: the page then shows no broken image. */
  available: boolean;
}

export interface FileRef {
  label: string;
  href: string | null;
  available: boolean;
  /** e.g. "PDF – 245 Ko", when known. */
  details: string | null;
}

export interface PressContact {
  name: string | null;
  phones: string[];
  email: string | null;
}

export interface EventInfo {
  start: string | null;
  end: string | null;
  lieu: string | null;
  adresse: string | null;
  infos: Array<{ intitule: string; contenu: string | null; lien: string | null }>;
}

/** What the front matter says beyond the indexed columns, kept as JSON on the row. */
export interface ContentData {
  categories: string[];
  tags: string[];
  images: ImageRef[];
  files: FileRef[];
  contact: PressContact | null;
  event: EventInfo | null;
  menu: { title: string; weight: number } | null;
  /** Content invented for the demonstration, labelled as such on screen (DOMAIN.md). */
  demonstration: boolean;
}

export interface ContentItem {
  id: string;
  collection: CollectionKey;
  slug: string;
  path: string;
  title: string;
  date: string;
  published: boolean;
  chapeau: string | null;
  data: ContentData;
  bodyMd: string;
  bodyHtml: string;
  bodyText: string;
  sourceFile: string;
  sourceHash: string;
  createdAt: string;
  updatedAt: string;
}

export type SortOrder = 'recent' | 'ancien';

/**
 * The public address of an item: the collection's prefix and the file's name, as on the programme's site, or
 * the page's own permalink.
 *
 * @example
 * itemPath('communiques', 'journee-numerique', null) // '/espace-presse/journee-numerique/'
 */
export function itemPath(collection: CollectionKey, slug: string, permalink: string | null): string {
  if (permalink) return permalink;
  return `${COLLECTIONS[collection].basePath}${slug}/`;
}

/** The id of an item: stable across re-imports of the same file. */
export function itemId(collection: CollectionKey, slug: string): string {
  return `${collection}/${slug}`;
}

/** A slug from a file name: the name without its extension, as Jekyll does (dates prefixes kept). */
export function slugFromFileName(fileName: string): string {
  return fileName.replace(/\.(md|markdown)$/i, '');
}
