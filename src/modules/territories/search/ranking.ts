/**
 * The small arithmetic of ranking: kinds as bits, a safe limit, and the best `limit` of many candidates.
 */
import { COLLECTIVITE_KINDS, type TerritoryKind } from '../territories.domain.js';

const MAX_LIMIT = 50;

export const KIND_BITS: Record<TerritoryKind, number> = {
  commune: 1,
  arrondissement: 2,
  epci: 4,
  departement: 8,
  region: 16,
};

/**
 * A limit from anything a caller passed: 1 to 50, 10 when absent or not a number.
 *
 * @example
 * clampLimit(1e9) // 50
 */
export function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return 10;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/**
 * The kinds to keep as a bit mask; none means the collectivités.
 *
 * @example
 * maskOf(['commune', 'epci']) // 5
 */
export function maskOf(kinds: readonly TerritoryKind[] | undefined): number {
  const list = kinds && kinds.length > 0 ? kinds : COLLECTIVITE_KINDS;
  let mask = 0;
  for (const k of list) mask |= KIND_BITS[k] ?? 0;
  return mask;
}

/**
 * The `limit` candidates of lowest score, in order, without sorting every candidate.
 *
 * @example
 * topK([3, 1, 2], Int32Array.from([0, 5, 1, 9]), 2) // [2, 1]
 */
export function topK(candidates: number[], score: Int32Array, limit: number): number[] {
  const top: number[] = [];
  for (const t of candidates) {
    const s = score[t]!;
    if (top.length === limit && s >= score[top[limit - 1]!]!) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (score[top[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, t);
    if (top.length > limit) top.pop();
  }
  return top;
}
