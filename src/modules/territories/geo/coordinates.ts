/**
 * A point for every commune of the COG: GeoNames' point for the commune's INSEE code where it has one (the
 * centre of the main village or town, not a centroid), else an honest estimate, flagged as such.
 */
import { fold } from '../search/fold.js';
import type { Territory, TerritoryAlias } from '../territories.domain.js';
import { haversineKm, type LatLon } from './distance.js';
import type { GeoNamesPlace } from './geonames.js';

/**
 * How a commune's point was found, from the most exact to the roughest:
 * - `commune`: GeoNames' place for its INSEE code;
 * - `ancienne-commune`: the place of a commune merged into it (a commune déléguée or a former code), which
 *   lies inside the current commune;
 * - `code-postal`: estimated, the mean of the placed communes that share one of its postcodes;
 * - `epci`: estimated, the mean of the placed communes of its intercommunalité;
 * - `departement`: estimated, the mean of the placed communes of its département.
 */
export const PRECISIONS = ['commune', 'ancienne-commune', 'code-postal', 'epci', 'departement'] as const;
export type CoordinatePrecision = (typeof PRECISIONS)[number];

export interface CommuneCoordinates extends LatLon {
  code: string;
  precision: CoordinatePrecision;
}

/** A commune's point as stored, with what `near` tells of each commune. */
export interface CoordinateRow extends CommuneCoordinates {
  name: string;
  epciCode: string | null;
  departementCode: string | null;
}

/** How far an estimate strays, measured on the communes GeoNames places (each estimated without itself). */
export interface EstimateError {
  /** Communes measured. */
  n: number;
  /** Median and 90th percentile of the distance between the estimate and GeoNames' point, in km. */
  p50: number;
  p90: number;
}

export interface CoordinateCounts {
  /** Communes of the COG. */
  communes: number;
  byPrecision: Record<CoordinatePrecision, number>;
  /** Communes left without a point (no placed commune in their département either). */
  none: number;
  /** GeoNames places whose INSEE code names no commune of the COG, not even a former one. */
  unmatchedPlaces: number;
  /** GeoNames places whose département disagrees with the COG's for their code: left out. */
  rejectedPlaces: number;
  errors: Record<'code-postal' | 'epci' | 'departement', EstimateError>;
}

/**
 * Places every commune of a COG dataset from GeoNames' places (see the precisions above) and says how well.
 *
 * @example
 * const { rows, counts } = communeCoordinates({ territories, aliases, places });
 * counts.byPrecision.commune // 14,735 for COG 2026 and cities500
 */
export function communeCoordinates(input: {
  territories: Territory[];
  aliases: TerritoryAlias[];
  places: GeoNamesPlace[];
}): { rows: CoordinateRow[]; counts: CoordinateCounts } {
  const communes = input.territories.filter((t) => t.kind === 'commune');
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const aliasOf = new Map<string, TerritoryAlias[]>();
  for (const a of input.aliases) push(aliasOf, a.code, a);
  const mergedNames = new Map<string, Set<string>>();
  for (const a of input.aliases) {
    if (!a.name) continue;
    const names = mergedNames.get(a.communeCode) ?? new Set<string>();
    names.add(fold(a.name));
    mergedNames.set(a.communeCode, names);
  }

  // Each place goes to its commune (direct) or, through a former code, to the commune that absorbed it.
  const direct = new Map<string, GeoNamesPlace[]>();
  const absorbed = new Map<string, GeoNamesPlace[]>();
  let unmatchedPlaces = 0;
  let rejectedPlaces = 0;
  for (const place of input.places) {
    const commune = byCode.get(place.inseeCode);
    const current = commune ?? byCode.get(aliasOf.get(place.inseeCode)?.[0]?.communeCode ?? '');
    if (!current) {
      unmatchedPlaces++;
      continue;
    }
    if (place.departementCode && place.departementCode !== current.departementCode) {
      rejectedPlaces++;
      continue;
    }
    push(commune ? direct : absorbed, current.code, place);
  }

  const placed = new Map<string, CommuneCoordinates>();
  for (const c of communes) {
    const own = direct.get(c.code);
    const other = own ? undefined : absorbed.get(c.code);
    const best = bestPlace(own ?? other ?? [], c, mergedNames.get(c.code));
    if (best) {
      placed.set(c.code, {
        code: c.code,
        lat: best.lat,
        lon: best.lon,
        precision: own ? 'commune' : 'ancienne-commune',
      });
    }
  }

  const estimates = createEstimators(communes, placed);
  const rows: CoordinateRow[] = [];
  const byPrecision = Object.fromEntries(PRECISIONS.map((p) => [p, 0])) as Record<
    CoordinatePrecision,
    number
  >;
  let none = 0;
  for (const c of communes) {
    const row = placed.get(c.code) ?? estimates.estimate(c);
    if (!row) {
      none++;
      continue;
    }
    byPrecision[row.precision]++;
    rows.push({ ...row, name: c.name, epciCode: c.epciCode, departementCode: c.departementCode });
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    rows,
    counts: {
      communes: communes.length,
      byPrecision,
      none,
      unmatchedPlaces,
      rejectedPlaces,
      errors: estimates.errors(),
    },
  };
}

/**
 * The place that best stands for a commune: one named like it, else like one of the communes merged into it,
 * else a seat (PPLA…), else the most populous; ties by name, for a stable answer.
 */
function bestPlace(
  places: GeoNamesPlace[],
  commune: Territory,
  merged: Set<string> | undefined,
): GeoNamesPlace | null {
  if (places.length === 0) return null;
  const own = fold(commune.name);
  const names = (p: GeoNamesPlace) => [p.name, p.asciiName, ...p.alternateNames].map(fold);
  const score = (p: GeoNamesPlace) => {
    const n = names(p);
    if (n.includes(own)) return 3;
    if (merged && n.some((x) => merged.has(x))) return 2;
    return /^PPL(A|C)/.test(p.featureCode) ? 1 : 0;
  };
  return [...places].sort(
    (a, b) => score(b) - score(a) || b.population - a.population || (a.name < b.name ? -1 : 1),
  )[0]!;
}

/** A group's sum of points, so that its mean without one member costs nothing. */
interface Sum {
  lat: number;
  lon: number;
  n: number;
}

/** Estimates from the placed communes: by shared postcode, then intercommunalité, then département. */
function createEstimators(communes: Territory[], placed: Map<string, CommuneCoordinates>) {
  const byPostcode = new Map<string, CommuneCoordinates[]>();
  const byEpci = new Map<string, Sum>();
  const byDepartement = new Map<string, Sum>();
  const add = (sums: Map<string, Sum>, key: string, p: LatLon) => {
    const sum = sums.get(key) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += p.lat;
    sum.lon += p.lon;
    sum.n++;
    sums.set(key, sum);
  };
  for (const c of communes) {
    const point = placed.get(c.code);
    if (!point) continue;
    for (const pc of c.postcodes) push(byPostcode, pc, point);
    if (c.epciCode) add(byEpci, c.epciCode, point);
    if (c.departementCode) add(byDepartement, c.departementCode, point);
  }
  /** A group's mean leaving out the commune being estimated (its own point, when it has one). */
  const meanWithout = (sum: Sum | undefined, c: Territory): LatLon | null => {
    if (!sum) return null;
    const self = placed.get(c.code);
    const n = sum.n - (self ? 1 : 0);
    if (n <= 0) return null;
    return { lat: (sum.lat - (self?.lat ?? 0)) / n, lon: (sum.lon - (self?.lon ?? 0)) / n };
  };
  /** The communes sharing one of its postcodes (each once, itself left out). */
  const postcodeMean = (c: Territory): LatLon | null => {
    const seen = new Set<string>([c.code]);
    let lat = 0;
    let lon = 0;
    for (const pc of c.postcodes) {
      for (const p of byPostcode.get(pc) ?? []) {
        if (seen.has(p.code)) continue;
        seen.add(p.code);
        lat += p.lat;
        lon += p.lon;
      }
    }
    const n = seen.size - 1;
    return n === 0 ? null : { lat: lat / n, lon: lon / n };
  };
  const methods: Array<{
    precision: 'code-postal' | 'epci' | 'departement';
    mean: (c: Territory) => LatLon | null;
  }> = [
    { precision: 'code-postal', mean: postcodeMean },
    { precision: 'epci', mean: (c) => (c.epciCode ? meanWithout(byEpci.get(c.epciCode), c) : null) },
    {
      precision: 'departement',
      mean: (c) => (c.departementCode ? meanWithout(byDepartement.get(c.departementCode), c) : null),
    },
  ];

  return {
    estimate(c: Territory): CommuneCoordinates | null {
      for (const m of methods) {
        const mean = m.mean(c);
        if (mean) return { code: c.code, ...mean, precision: m.precision };
      }
      return null;
    },
    errors(): CoordinateCounts['errors'] {
      const out = {} as CoordinateCounts['errors'];
      for (const m of methods) {
        const distances: number[] = [];
        for (const c of communes) {
          const point = placed.get(c.code);
          if (point?.precision !== 'commune') continue;
          const mean = m.mean(c);
          if (mean) distances.push(haversineKm(point, mean));
        }
        distances.sort((a, b) => a - b);
        out[m.precision] = {
          n: distances.length,
          p50: round1(quantile(distances, 0.5)),
          p90: round1(quantile(distances, 0.9)),
        };
      }
      return out;
    },
  };
}

/** The value at quantile q of a sorted list (nearest rank), 0 for an empty list. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
