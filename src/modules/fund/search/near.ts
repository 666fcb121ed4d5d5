/**
 * « À moins de N km de <commune> »: how far each porteur is from a commune, by its territory key.
 *
 * A porteur's distance is that of:
 * - a commune: its point (GeoNames', or an estimate: see the territories module's geo/coordinates.ts);
 * - an intercommunalité: its nearest member commune (its territory reaches that close);
 * - a département or a région: its chef-lieu, where its council sits;
 * - a porteur with no territory (a syndicat, a State service): none, so it is never « near ».
 */
import type { TerritoryService } from '../../territories/index.js';
import { NEAR_RADII } from './search.types.js';

/** Communes around one, read from the territories once per commune and kept this long (they change yearly). */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 500;
const REACH_KM = Math.max(...NEAR_RADII);

export interface Around {
  /** Territory key → km, for every key within the largest radius offered. */
  distances: Map<string, number>;
  /** The chosen commune's own point is an estimate (it has none in GeoNames). */
  estimated: boolean;
}

/**
 * @example
 * const distances = createNearDistances(territories);
 * (await distances.around('38185'))?.distances.get('200040715') // 0: Grenoble-Alpes Métropole
 */
export function createNearDistances(territories: Pick<TerritoryService, 'near' | 'regionsWithDepartements'>) {
  const cache = new Map<string, { at: number; around: Around }>();
  let seats: { at: number; list: Array<{ key: string; chefLieu: string }> } | null = null;

  /** The chefs-lieux of every département and région, by territory key. */
  async function chefsLieux() {
    if (seats && Date.now() - seats.at < TTL_MS) return seats.list;
    const list: Array<{ key: string; chefLieu: string }> = [];
    for (const { region, departements } of await territories.regionsWithDepartements()) {
      if (region.chefLieu) list.push({ key: `region-${region.code}`, chefLieu: region.chefLieu });
      for (const d of departements)
        if (d.chefLieu) list.push({ key: `departement-${d.code}`, chefLieu: d.chefLieu });
    }
    if (list.length > 0) seats = { at: Date.now(), list };
    return list;
  }

  async function compute(code: string): Promise<Around | null> {
    const communes = await territories.near(code, REACH_KM);
    if (!communes || communes.length === 0) return null;
    const distances = new Map<string, number>();
    for (const c of communes) {
      distances.set(c.code, c.km);
      if (c.epciCode && !(distances.get(c.epciCode)! <= c.km)) distances.set(c.epciCode, c.km);
    }
    for (const { key, chefLieu } of await chefsLieux()) {
      const km = distances.get(chefLieu);
      if (km !== undefined) distances.set(key, km);
    }
    const origin = communes.find((c) => c.code === code) ?? communes[0]!;
    return {
      distances,
      estimated: origin.precision !== 'commune' && origin.precision !== 'ancienne-commune',
    };
  }

  return {
    /** The distances around a current commune's INSEE code, or null when it has no point. */
    async around(code: string): Promise<Around | null> {
      const hit = cache.get(code);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.around;
      const around = await compute(code);
      // No point yet (the points load at start): asked again next time rather than kept.
      if (!around) return null;
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(code, { at: Date.now(), around });
      return around;
    },
  };
}
