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

/**
 * The distances « à moins de N km de <commune> » offers, in kilometres, as the crow flies (see the territories
 * module's `near`); each is counted, as a facet's values are.
 */
export const NEAR_RADII = [5, 10, 20, 50, 100] as const;
export type NearRadius = (typeof NEAR_RADII)[number];
export const DEFAULT_RADIUS: NearRadius = 20;

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
  /** Porteurs in these départements. */
  departements?: string[];
  /** Porteurs by SIREN. */
  sirens?: string[];
}

/**
 * « À moins de `km` km de … »: the distance of each porteur's territory key (a commune's INSEE code, an EPCI's
 * SIREN, `departement-38`, `region-84`) from the chosen commune; a key absent from the map is out of reach.
 * Built by the public service (see public-service.ts for what a porteur's distance is).
 */
export interface NearFilter {
  km: number;
  distances: ReadonlyMap<string, number>;
}

export interface LaureatQuery {
  text?: string;
  /** Selected values per facet; an absent or empty list selects nothing (every value passes). */
  facets?: Partial<Record<FacetKey, string[]>>;
  restrict?: LaureatRestrictions;
  /** Within some kilometres of a commune: narrows every count, and is counted per distance itself. */
  near?: NearFilter | null;
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
  /** With « à moins de N km »: how far the porteur is from the chosen commune, in km. */
  distanceKm?: number;
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
  /**
   * With « à moins de N km »: for each offered distance, the lauréats within it (and matching everything
   * else), as a facet's counts; null without.
   */
  near: Array<{ km: NearRadius; count: number; selected: boolean }> | null;
  /** The cursor of the page's last card, when more follow. */
  nextCursor: string | null;
}

/**
 * What « à moins de N km de <commune> » became: a commune chosen (with how its point was found), several to
 * choose from, or none — no commune of that name or code, or a commune without a point.
 */
export type NearState =
  | { status: 'chosen'; code: string; label: string; km: NearRadius; estimated: boolean }
  | { status: 'choices'; text: string; km: NearRadius; candidates: TerritorySuggestion[] }
  | { status: 'none'; text: string; km: NearRadius; reason: 'inconnue' | 'sans-position' };
