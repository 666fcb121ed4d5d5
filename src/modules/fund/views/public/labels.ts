import {
  AMOUNT_BANDS,
  DISPOSITIFS,
  POPULATION_BANDS,
  PORTEUR_KIND_LABELS,
  STATUS_LABELS,
  THEMES,
} from '../../fund.domain.js';
import type { PlaceNames } from '../../search/places.js';
import type { FacetKey } from '../../search/search.types.js';

const eurFmt = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const pctFmt = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const compactFmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/**
 * An amount in euros as French readers write it, with no cents (amounts are whole euros).
 *
 * @example
 * formatEur(1234567) // '1 234 567 €' (narrow no-break spaces)
 */
export function formatEur(n: number): string {
  return eurFmt.format(n);
}

/**
 * A large amount in millions, below a million as formatEur.
 *
 * @example
 * formatEurShort(12_345_678) // '12,3 M€'
 */
export function formatEurShort(n: number): string {
  return Math.abs(n) >= 1_000_000 ? `${compactFmt.format(n / 1_000_000)} M€` : formatEur(n);
}

/**
 * A distance as the crow flies: to the tenth of a kilometre below 10 km, to the kilometre above (the points
 * are not more exact than that).
 *
 * @example
 * formatKm(2.64) // '2,6 km'
 * formatKm(38.4) // '38 km'
 */
export function formatKm(km: number): string {
  const digits = km < 10 ? 1 : 0;
  return `${km.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits })} km`;
}

/**
 * A share (0–1) as a percentage.
 *
 * @example
 * formatShare(0.75) // '75 %'
 */
export function formatShare(n: number): string {
  return pctFmt.format(n);
}

/** What each facet is called on the page. */
export const FACET_TITLES: Record<FacetKey, string> = {
  dispositifs: 'Dispositif',
  themes: 'Thème',
  regions: 'Région',
  departements: 'Département',
  kinds: 'Type de porteur',
  populations: 'Population du porteur',
  montants: 'Montant accordé',
  statuts: 'Statut',
  annees: 'Année de décision',
};

/**
 * A dispositif's name, or its code when unknown.
 *
 * @example
 * dispositifLabel('axe-9') // 'axe-9'
 */
export function dispositifLabel(code: string): string {
  return DISPOSITIFS.find((d) => d.code === code)?.label ?? code;
}

/**
 * The short name of a dispositif, the part of its label before the dash.
 *
 * @example
 * dispositifShort('axe-2-bis') // 'Axe 2 bis'
 */
export function dispositifShort(code: string): string {
  return dispositifLabel(code).split(' — ')[0] ?? code;
}

/**
 * The label of a facet value (a name for codes; the département's code kept, as people know it).
 *
 * @example
 * facetValueLabel('departements', '38', names) // 'Isère (38)'
 */
export function facetValueLabel(key: FacetKey, value: string, names: PlaceNames): string {
  switch (key) {
    case 'dispositifs':
      return dispositifLabel(value);
    case 'themes':
      return THEMES[value] ?? value;
    case 'regions':
      return names.region(value);
    case 'departements':
      return `${names.departement(value)} (${value})`;
    case 'kinds':
      return PORTEUR_KIND_LABELS[value as keyof typeof PORTEUR_KIND_LABELS] ?? value;
    case 'populations':
      return POPULATION_BANDS.find((b) => b.code === value)?.label ?? value;
    case 'montants':
      return AMOUNT_BANDS.find((b) => b.code === value)?.label ?? value;
    case 'statuts':
      return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
    default:
      return value;
  }
}

/**
 * The DSFR badge colour of a status.
 *
 * @example
 * statusBadgeClass('livre') // 'fr-badge--success'
 */
export function statusBadgeClass(status: string): string {
  switch (status) {
    case 'livre':
      return 'fr-badge--success';
    case 'en-cours':
      return 'fr-badge--info';
    case 'abandonne':
      return 'fr-badge--warning';
    default:
      return 'fr-badge--blue-cumulus';
  }
}

/**
 * A status's label.
 *
 * @example
 * statusLabel('en-cours') // 'En cours'
 */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status;
}
