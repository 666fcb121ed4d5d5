import type { TerritoriesModule } from '../../territories/index.js';

/** Names of régions and départements by INSEE code, for facet labels and cards. */
export interface PlaceNames {
  region(code: string): string;
  departement(code: string): string;
}

/** Kept this long: the COG changes once a year, and a reload clears it on the next expiry. */
const TTL_MS = 10 * 60_000;

/**
 * The names of the COG's régions and départements, read once from the territories module and kept for ten
 * minutes; a code the COG does not know is shown as it is.
 *
 * @example
 * const names = await placeNames(); names.departement('38') // 'Isère'
 */
export function createPlaceNames(
  territories: Pick<TerritoriesModule['territories'], 'regionsWithDepartements'>,
) {
  let cached: { at: number; names: PlaceNames } | null = null;
  return async (): Promise<PlaceNames> => {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.names;
    const groups = await territories.regionsWithDepartements();
    const regions = new Map<string, string>();
    const departements = new Map<string, string>();
    for (const { region, departements: list } of groups) {
      regions.set(region.code, region.name.replace(/'/g, '’'));
      for (const d of list) departements.set(d.code, d.name.replace(/'/g, '’'));
    }
    const names: PlaceNames = {
      region: (code) => regions.get(code) ?? `Région ${code}`,
      departement: (code) => departements.get(code) ?? `Département ${code}`,
    };
    // An empty COG (not loaded yet) is not kept: the next page asks again.
    if (regions.size > 0) cached = { at: Date.now(), names };
    return names;
  };
}
