import {
  ADOPTER_KINDS,
  ADOPTION_MODES,
  LICENCES,
  MATURITIES,
  SOLUTION_STATUSES,
} from '../catalogue.domain.js';
import { themeLabel } from '../catalogue.themes.js';
import type { PlaceNames } from '../search/public-service.js';
import type { FacetKey } from '../search/search.types.js';

/** What each facet is called on the page. */
export const FACET_TITLES: Record<FacetKey, string> = {
  themes: 'Thème',
  maturites: 'Maturité',
  licences: 'Licence',
  adoptions: 'Mode d’adoption',
  adoptants: 'Utilisée par des',
  regions: 'Utilisée en région',
  departements: 'Utilisée dans le département',
  verification: 'Informations',
};

const VERIFICATION = { verifiee: 'Vérifiées par le programme', declaree: 'Déclarées par l’équipe' } as const;

/** A facet value in words (places by their COG names). */
export function facetValueLabel(facet: FacetKey, value: string, names: PlaceNames): string {
  const lookup = (map: Record<string, string>) => map[value] ?? value;
  switch (facet) {
    case 'themes':
      return themeLabel(value);
    case 'maturites':
      return lookup(MATURITIES);
    case 'licences':
      return lookup(LICENCES);
    case 'adoptions':
      return lookup(ADOPTION_MODES);
    case 'adoptants':
      return lookup(ADOPTER_KINDS);
    case 'regions':
      return names.region(value);
    case 'departements':
      return `${names.departement(value)} (${value})`;
    case 'verification':
      return lookup(VERIFICATION);
  }
}

export const label = <T extends Record<string, string>>(map: T, value: string) =>
  (map as Record<string, string>)[value] ?? value;

/** The DSFR badge class of a solution's state. */
export function statusBadge(status: string): string {
  return status === 'publiee'
    ? 'fr-badge--success'
    : status === 'soumise'
      ? 'fr-badge--new'
      : status === 'archivee'
        ? 'fr-badge--warning'
        : 'fr-badge--info';
}

export const statusLabel = (status: string) => label(SOLUTION_STATUSES, status);

/** « 3 organisations », « une organisation », « aucune organisation ». */
export function organisationsCount(n: number): string {
  if (n === 0) return 'aucune organisation';
  if (n === 1) return 'une organisation';
  return `${n.toLocaleString('fr-FR')} organisations`;
}
