import type { TerritorySuggestion } from '../../territories/index.js';

/**
 * The lauréats' search, as its callers see it: a query (text, facets, restrictions, sort, page or cursor) and
 * its answer (the total, one page of cards, and every facet's counts).
 */

/** The facets, in the order the search page shows them; each is multi-select (OR within, AND across). */
export const FACETS = [
  'dispositifs',
  'themes',
  'regions',
  'departements',
  'kinds',
  'populations',
  'montants',
  'statuts',
  'annees',
] as const;
export type FacetKey = (typeof FACETS)[number];

export const SORTS = ['pertinence', 'montant', 'date', 'titre'] as const;
export type LaureatSort = (typeof SORTS)[number];

/** How far « près de chez moi » reaches from a commune (there are no coordinates: see neighbours.ts). */
export const PORTEES = ['commune', 'epci', 'departement', 'voisins'] as const;
export type Portee = (typeof PORTEES)[number];

/** The most cards one page may hold: a bigger page is a scrape, which the open data files serve better. */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/**
 * Restrictions that narrow every count and are never themselves counted: the lauréats of a territory page's
 * link, of one porteur, or near a commune. Each list is OR within; lists are AND together.
 */
export interface LaureatRestrictions {
  /** Porteurs that are these communes (INSEE codes). */
  communes?: string[];
  /** Porteurs that are these EPCI or one of their communes (SIREN of the EPCI). */
  epcis?: string[];
  /** Porteurs in these départements (« près de chez moi »). */
  departements?: string[];
  /** Porteurs by SIREN. */
  sirens?: string[];
}

export interface LaureatQuery {
  text?: string;
  /** Selected values per facet; an absent or empty list selects nothing (every value passes). */
  facets?: Partial<Record<FacetKey, string[]>>;
  restrict?: LaureatRestrictions;
  sort?: LaureatSort;
  /** 1-based; past the last page, the last page is served. */
  page?: number;
  perPage?: number;
  /** An opaque cursor from a previous answer (the API): the page starts right after it; `page` is ignored. */
  after?: string;
}

/** What a result card shows (no summary: the lauréat's page has it). */
export interface LaureatCard {
  id: string;
  title: string;
  porteurName: string;
  porteurKind: string;
  porteurSiren: string;
  territoryKey: string | null;
  communeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  dispositifCode: string;
  themes: string[];
  amountEur: number;
  status: string;
  decidedOn: string;
  demonstration: boolean;
}

export interface FacetCount {
  value: string;
  /** Lauréats with this value among those matching the text, the restrictions and the other facets. */
  count: number;
  selected: boolean;
}

export interface LaureatSearchResult {
  total: number;
  /** The sum of the amounts of every result (not only this page's). */
  totalAmountEur: number;
  items: LaureatCard[];
  page: number;
  perPage: number;
  pageCount: number;
  sort: LaureatSort;
  facets: Record<FacetKey, FacetCount[]>;
  /** The cursor of the page's last card, when more follow. */
  nextCursor: string | null;
}

/** What « près de chez moi » became: a commune chosen, several to choose from, or none found. */
export type NearState =
  | { status: 'chosen'; code: string; label: string; portee: Portee; departements: string[] }
  | { status: 'choices'; text: string; portee: Portee; candidates: TerritorySuggestion[] }
  | { status: 'none'; text: string; portee: Portee };
