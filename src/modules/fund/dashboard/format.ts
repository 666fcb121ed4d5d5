/**
 * Euros and shares as the dashboard writes them (Intl fr-FR: narrow no-break spaces, decimal comma).
 */
import { formatNumber } from '../../../platform/i18n/format.js';

const euroFmt = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percentFmt = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/**
 * Whole euros: « 17 100 000 € ».
 *
 * @example
 * formatEuros(5000) // '5 000 €' (with narrow no-break spaces)
 */
export function formatEuros(amount: number): string {
  return euroFmt.format(amount);
}

/**
 * A short amount for charts and map labels: « 1,2 M€ », « 350 k€ », « 900 € ».
 *
 * @example
 * formatShortEuros(1_234_567) // '1,2 M€'
 */
export function formatShortEuros(amount: number): string {
  if (Math.abs(amount) >= 1_000_000) return `${oneDecimal.format(amount / 1_000_000)}\u00a0M€`;
  if (Math.abs(amount) >= 10_000) return `${formatNumber(Math.round(amount / 1_000))}\u00a0k€`;
  return formatEuros(amount);
}

/**
 * A share as a percentage: « 57 % », « 61,7 % »; « — » when unknown.
 *
 * @example
 * formatShare(0.617) // '61,7 %'
 */
export function formatShare(share: number | null): string {
  return share === null ? '—' : percentFmt.format(share);
}

/**
 * « 1 projet », « 143 projets ».
 *
 * @example
 * projectsLabel(143) // '143 projets'
 */
export function projectsLabel(n: number): string {
  return `${formatNumber(n)} ${n > 1 ? 'projets' : 'projet'}`;
}
