import type { CursorKey } from './facet-engine.js';
import { SORTS, type SolutionSort } from './search.types.js';

/**
 * A page cursor: its sort and the last row's sort key, as base64url JSON. Opaque to clients; it holds nothing
 * the page does not show.
 *
 * @example
 * decodeCursor(encodeCursor('recent', key), 'recent') // key
 */
export function encodeCursor(sort: SolutionSort, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, key.tier, key.users, key.published, key.id])).toString(
    'base64url',
  );
}

/** Reads a cursor back, or null when it is not one of ours or belongs to another sort. */
export function decodeCursor(cursor: string, sort: SolutionSort): CursorKey | null {
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 5) return null;
    const [s, tier, users, published, id] = value as unknown[];
    if (
      !SORTS.includes(s as SolutionSort) ||
      s !== sort ||
      !Number.isInteger(tier) ||
      !Number.isInteger(users) ||
      typeof published !== 'string' ||
      typeof id !== 'string'
    ) {
      return null;
    }
    return { tier: tier as number, users: users as number, published, id };
  } catch {
    return null;
  }
}
