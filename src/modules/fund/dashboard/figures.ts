/**
 * The results dashboard's figures: what `/resultats` shows, every chart, table and CSV download, computed in
 * one go from the lauréats (see aggregations.ts) and kept in a cache (cache.ts). Plain data, no I/O.
 */
import type { DispositifCode } from '../fund.domain.js';

/** What every line of the dashboard counts. */
export interface Totals {
  /** Euros granted. */
  amountEur: number;
  projects: number;
  /** Distinct porteurs (by SIREN): a collectivité with three projects counts once. */
  collectivites: number;
}

export interface DispositifFigures extends Totals {
  code: DispositifCode;
  label: string;
  operateur: string;
  envelopeEur: number;
  /** Share of the envelope granted, 0–1 (may pass 1); null without an envelope. */
  shareUsed: number | null;
}

/** A région or a département, with its name from the COG. */
export interface AreaFigures extends Totals {
  code: string;
  name: string;
  /** For a département: its région. */
  regionCode: string | null;
}

/** A population band or a kind of porteur. */
export interface CategoryFigures extends Totals {
  code: string;
  label: string;
}

/** One quarter of decisions, per dispositif and in all. */
export interface QuarterFigures extends Totals {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  byDispositif: Partial<Record<DispositifCode, { amountEur: number; projects: number }>>;
}

export interface DashboardFigures {
  /** When these figures were computed (ISO, UTC). */
  computedAt: string;
  /** Whether any lauréat counted is demonstration data: the page then says so. */
  demonstration: boolean;
  overall: Totals & { envelopeEur: number; shareUsed: number | null };
  dispositifs: DispositifFigures[];
  /** Every région of the COG, zero rows included, by code. */
  regions: AreaFigures[];
  /** Every département of the COG, zero rows included, by code. */
  departements: AreaFigures[];
  /** Lauréats with no département (a région's, a national structure's): the map cannot place them. */
  outsideDepartements: Totals;
  outsideRegions: Totals;
  /** The CGCT strata, then « Population inconnue » when some porteurs have none. */
  populationBands: CategoryFigures[];
  porteurKinds: CategoryFigures[];
  /** Quarters of decision, oldest first, only those with lauréats. */
  quarters: QuarterFigures[];
}

/** The code of the « population inconnue » band (a structure de mutualisation has none in the COG). */
export const UNKNOWN_POPULATION = 'inconnue';

/**
 * A quarter as French readers write it.
 *
 * @example
 * quarterLabel({ year: 2022, quarter: 1 }) // '1er trimestre 2022'
 */
export function quarterLabel(q: { year: number; quarter: number }): string {
  return `${q.quarter === 1 ? '1er' : `${q.quarter}e`} trimestre ${q.year}`;
}

/**
 * Envelope used, as a share: null when there is no envelope to compare with.
 *
 * @example
 * shareOf(17_100_000, 30_000_000) // 0.57
 */
export function shareOf(amountEur: number, envelopeEur: number): number | null {
  return envelopeEur > 0 ? amountEur / envelopeEur : null;
}
