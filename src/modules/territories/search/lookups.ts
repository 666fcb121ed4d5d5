/**
 * The picker's exact lookups: INSEE codes (Corsica's 2A/2B included), former codes of merged communes,
 * SIREN and SIRET, département and région codes, postcodes and their beginnings.
 */
import type { Territory, TerritoryAlias } from '../territories.domain.js';
import type { MatchKind } from './territory-index.js';

/** 0: code or exact name; 1: prefix or postcode; 2: substring or postcode prefix; 3: words. */
export type Tier = 0 | 1 | 2 | 3;

/** Receives one reason for a territory (by its rank, see territory-index.ts) to be suggested. */
export type Emit = (
  target: number,
  tier: Tier,
  alias: boolean,
  match: MatchKind,
  detail: string | null,
) => void;

export interface Lookups {
  find(query: string, emit: Emit): void;
}

/**
 * Builds the lookup tables from the territories in rank order (most populous first), so that every list
 * they hold is already ranked.
 *
 * @example
 * codeLookups(ranked, aliases, byKindCode).find('2A004', emit) // emit(<Ajaccio>, 0, false, 'code', null)
 */
export function codeLookups(
  ranked: Territory[],
  aliases: TerritoryAlias[],
  byKindCode: Map<string, number>,
): Lookups {
  const insee = new Map<string, number>();
  const siren = new Map<string, number>();
  const departement = new Map<string, number>();
  const region = new Map<string, number>();
  const postcodes = new Map<string, number[]>();
  ranked.forEach((t, i) => {
    if (t.kind === 'commune' || t.kind === 'arrondissement') insee.set(t.code, i);
    if (t.kind === 'epci') siren.set(t.code, i);
    if (t.siren) siren.set(t.siren, i);
    if (t.kind === 'departement') departement.set(t.code, i);
    if (t.kind === 'region') region.set(t.code, i);
    if (t.kind === 'commune' || t.kind === 'arrondissement') {
      for (const p of t.postcodes) {
        const list = postcodes.get(p);
        if (list) list.push(i);
        else postcodes.set(p, [i]);
      }
    }
  });
  const postcodeList = [...postcodes.keys()].sort();

  // A former code leads to its commune; a commune déléguée's name says which former commune it was.
  const former = new Map<string, { target: number; detail: string }>();
  for (const a of aliases) {
    if (insee.has(a.code)) continue;
    const target = byKindCode.get(`commune:${a.communeCode}`);
    if (target === undefined) continue;
    const known = former.get(a.code);
    if (known && !a.name) continue;
    const detail = a.name
      ? `ancienne commune : ${a.name.replace(/'/g, '’')} (${a.code})`
      : `ancien code INSEE ${a.code}`;
    former.set(a.code, { target, detail });
  }

  return {
    find(query, emit) {
      const c = query.replace(/[\s.\u00a0\u202f]/g, '').toUpperCase();
      if (c.length > 14) return;
      const code = (target: number | undefined) => {
        if (target !== undefined) emit(target, 0, false, 'code', null);
      };
      if (/^\d{14}$/.test(c)) code(siren.get(c.slice(0, 9)));
      if (/^\d{9}$/.test(c)) code(siren.get(c));
      if (/^(\d{5}|2[AB]\d{3})$/.test(c)) {
        code(insee.get(c));
        // People type postcodes far more often than former INSEE codes, and a former code is often some
        // other commune's postcode (01340 was Saint-Bois and is Attignat's postcode; 75001 was Alfortville's
        // code before 1968): the postcode's communes come first, the former code's commune after them.
        for (const target of postcodes.get(c) ?? []) emit(target, 1, false, 'postcode', `code postal ${c}`);
        const f = former.get(c);
        if (f) emit(f.target, 1, true, 'code', f.detail);
      }
      if (/^(\d{2,3}|2[AB])$/.test(c)) {
        code(departement.get(c));
        code(region.get(c));
      }
      if (/^\d{2,4}$/.test(c)) {
        // Postcodes starting with the digits: a binary search to the first, then a walk while they match.
        let lo = 0;
        let hi = postcodeList.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (postcodeList[mid]! < c) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < postcodeList.length && postcodeList[i]!.startsWith(c); i++) {
          const p = postcodeList[i]!;
          for (const target of postcodes.get(p)!) {
            emit(target, 2, false, 'postcode', `code postal ${p}`);
          }
        }
      }
    },
  };
}
