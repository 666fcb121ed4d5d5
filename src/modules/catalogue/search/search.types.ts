import type { TerritorySuggestion } from '../../territories/index.js';

/**
 * The catalogue's search, as its callers see it: a query (text, facets, restrictions, sort, page or cursor)
 * and its answer (the total, one page of cards, every facet's counts).
 */

/** The facets, in the order the page shows them; each is multi-select (OR within, AND across). */
export const FACETS = [
  'themes',
  'maturites',
  'licences',
  'adoptions',
  'adoptants',
  'regions',
  'departements',
  'verification',
] as const;
export type FacetKey = (typeof FACETS)[number];

export const SORTS = ['pertinence', 'utilisateurs', 'recent'] as const;
export type SolutionSort = (typeof SORTS)[number];

/** « Utilisée près de chez moi »: the chosen commune itself, its intercommunalité, or its département. */
export const PORTEES = ['commune', 'epci', 'departement'] as const;
export type Portee = (typeof PORTEES)[number];

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/**
 * Restrictions that narrow every count and are never counted themselves: solutions used (« nous utilisons »)
 * by an organisation of these communes, EPCI or départements, or by these organisations (SIREN).
 */
export interface SolutionRestrictions {
  communes?: string[];
  epcis?: string[];
  departements?: string[];
  sirens?: string[];
}

export interface SolutionQuery {
  text?: string;
  facets?: Partial<Record<FacetKey, string[]>>;
  restrict?: SolutionRestrictions;
  sort?: SolutionSort;
  page?: number;
  perPage?: number;
  /** A cursor from a previous answer (the API); `page` is then ignored. */
  after?: string;
  /** Count the matching solutions' users per département too (the map view). */
  withMap?: boolean;
}

export interface SolutionCard {
  id: string;
  name: string;
  summary: string;
  themes: string[];
  maturity: string;
  licence: string;
  verified: boolean;
  /** Organisations that declared « nous utilisons ». */
  users: number;
  /** Organisations that declared « nous souhaitons l’utiliser ». */
  interested: number;
  maintainers: string[];
  publishedAt: string | null;
  demonstration: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
  selected: boolean;
}

export interface SolutionSearchResult {
  total: number;
  items: SolutionCard[];
  page: number;
  perPage: number;
  pageCount: number;
  sort: SolutionSort;
  facets: Record<FacetKey, FacetCount[]>;
  nextCursor: string | null;
  /** With `withMap`: per département, the organisations using the matching solutions (whatever the page). */
  usersByDepartement: Record<string, number>;
}

/** What « près de chez moi » became: a commune chosen, several to choose from, or none found. */
export type NearState =
  | { status: 'chosen'; code: string; label: string; portee: Portee }
  | { status: 'choices'; text: string; portee: Portee; candidates: TerritorySuggestion[] }
  | { status: 'none'; text: string; portee: Portee };
