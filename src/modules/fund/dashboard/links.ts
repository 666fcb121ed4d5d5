/**
 * Addresses of the public search of lauréats (`/laureats`, built beside this dashboard): every figure of the
 * dashboard leads to the lauréats it counts. Multi-valued filters repeat their key.
 */

export interface LaureatsFilter {
  dispositif?: string[];
  region?: string[];
  departement?: string[];
  /** Kind of porteur: commune, epci, departement, region, structure-mutualisation, autre. */
  type?: string[];
  /** A population band's code (POPULATION_BANDS). */
  population?: string[];
  annee?: string[];
}

const ORDER: Array<keyof LaureatsFilter> = [
  'dispositif',
  'region',
  'departement',
  'type',
  'population',
  'annee',
];

/**
 * The search page's address for a filter.
 *
 * @example
 * laureatsHref({ dispositif: ['axe-1'], annee: ['2022'] }) // '/laureats?dispositif=axe-1&annee=2022'
 * laureatsHref({}) // '/laureats'
 */
export function laureatsHref(filter: LaureatsFilter): string {
  const params = new URLSearchParams();
  for (const key of ORDER) for (const value of filter[key] ?? []) params.append(key, value);
  const query = params.toString();
  return query ? `/laureats?${query}` : '/laureats';
}
