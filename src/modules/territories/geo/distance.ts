/**
 * Distances on the Earth's surface, as the crow flies: what « à moins de 20 km » means on this platform.
 * The Earth is taken as a sphere of the IUGG mean radius; against the ellipsoid, the error stays under 0.5 %
 * (under 2 km between Paris and Lyon), far below the uncertainty of a commune's point.
 */

/** The IUGG mean Earth radius, in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

/** A point in decimal degrees (WGS 84). */
export interface LatLon {
  lat: number;
  lon: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * The great-circle distance between two points, in kilometres (haversine formula, stable for small distances).
 *
 * @example
 * haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 45.764, lon: 4.8357 }) // ≈ 391.5 (Paris – Lyon)
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitudes and longitudes between which every point within some distance of a centre lies. */
export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/**
 * A box that holds every point within `km` of `centre` (and more: its corners), for an indexed prefilter
 * before the exact distance. The longitude span widens with the latitude (a degree of longitude is shorter
 * towards the poles); near a pole it covers every longitude. Never crosses the antimeridian in France's
 * territories (the DROM lie between 62° W and 56° E), so it is not split there: a box that would is widened
 * to every longitude instead.
 *
 * @example
 * boundingBox({ lat: 45.19, lon: 5.72 }, 10) // { minLat: 45.10, maxLat: 45.28, minLon: 5.59, maxLon: 5.85 }
 */
export function boundingBox(centre: LatLon, km: number): BoundingBox {
  const dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI);
  const minLat = centre.lat - dLat;
  const maxLat = centre.lat + dLat;
  if (minLat <= -90 || maxLat >= 90) {
    return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), minLon: -180, maxLon: 180 };
  }
  // The widest longitude span is at the latitude of the box's edge nearest a pole.
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const dLon = dLat / Math.cos(toRadians(widest));
  const minLon = centre.lon - dLon;
  const maxLon = centre.lon + dLon;
  if (minLon < -180 || maxLon > 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  return { minLat, maxLat, minLon, maxLon };
}
