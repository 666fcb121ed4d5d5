import type { TerritoryRepository } from '../territories.repository.js';
import type { CommuneCoordinates, CoordinatePrecision } from './coordinates.js';
import type { CoordinateRepository } from './coordinates.repository.kysely.js';
import { boundingBox, haversineKm } from './distance.js';

/**
 * The farthest `near` reaches: metropolitan France fits within it, so a box this wide holds every commune at
 * most (35,000 rows read: tens of milliseconds); beyond, « près de » means nothing.
 */
export const MAX_NEAR_KM = 1000;

/** A commune within reach of another, as the crow flies between their points. */
export interface NearbyCommune {
  /** INSEE code. */
  code: string;
  name: string;
  /** Kilometres from the chosen commune's point (0 for the commune itself). */
  km: number;
  /** How this commune's point was found (an estimate may be off by a few kilometres: see geo/coordinates.ts). */
  precision: CoordinatePrecision;
  /** Its intercommunalité's SIREN, when it has one. */
  epciCode: string | null;
  departementCode: string | null;
}

/**
 * The territories' distance queries over the communes' points: `near` and `coordinatesOf`.
 *
 * @example
 * const nearby = createNearby({ repo, coordinates });
 * await nearby.near('38185', 10); // [{ code: '38185', km: 0, … }, { code: '38421', name: 'Saint-Martin-d'Hères', km: 2.6, … }, …]
 */
export function createNearby(deps: {
  repo: Pick<TerritoryRepository, 'find' | 'resolveAlias'>;
  coordinates: CoordinateRepository;
}) {
  /** The current commune a code names: itself, the commune that absorbed it, or an arrondissement's commune. */
  async function currentCommune(raw: string): Promise<string | null> {
    const code = raw.trim().toUpperCase();
    if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return null;
    if (await deps.repo.find('commune', code)) return code;
    const arrondissement = await deps.repo.find('arrondissement', code);
    if (arrondissement?.communeCode) return arrondissement.communeCode;
    return deps.repo.resolveAlias(code);
  }

  const nearby = {
    /**
     * A commune's point and how it was found; former codes and arrondissements lead to the current commune.
     * Null for a code that names no commune, or before the points are loaded.
     *
     * @example
     * await territories.coordinatesOf('69123') // { code: '69123', lat: 45.74846, lon: 4.84671, precision: 'commune' }
     */
    async coordinatesOf(inseeCode: string): Promise<CommuneCoordinates | null> {
      const code = await currentCommune(inseeCode);
      return code ? deps.coordinates.find(code) : null;
    },

    /**
     * The communes within `km` kilometres of a commune (itself first, at 0 km), nearest first, as the crow
     * flies between the communes' points: an indexed bounding box on latitude and longitude, then the exact
     * (haversine) distance. Null when the code names no commune or the commune has no point; a former code
     * or an arrondissement municipal leads to its current commune. Throws a RangeError for a distance that is
     * not a number in ]0, 1000] (callers check what a visitor typed first).
     *
     * @example
     * (await territories.near('75056', 400))?.find((c) => c.code === '69123')?.km // ≈ 392 (Paris – Lyon)
     */
    async near(inseeCode: string, km: number): Promise<NearbyCommune[] | null> {
      if (!(Number.isFinite(km) && km > 0 && km <= MAX_NEAR_KM)) {
        throw new RangeError(`La distance doit être comprise entre 0 et ${MAX_NEAR_KM} km (reçu : ${km}).`);
      }
      const origin = await nearby.coordinatesOf(inseeCode);
      if (!origin) return null;
      const inBox = await deps.coordinates.within(boundingBox(origin, km));
      const out: NearbyCommune[] = [];
      for (const c of inBox) {
        const distance = c.code === origin.code ? 0 : haversineKm(origin, c);
        if (distance > km) continue;
        out.push({
          code: c.code,
          name: c.name,
          km: distance,
          precision: c.precision,
          epciCode: c.epciCode,
          departementCode: c.departementCode,
        });
      }
      return out.sort((a, b) => a.km - b.km || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
  };
  return nearby;
}
