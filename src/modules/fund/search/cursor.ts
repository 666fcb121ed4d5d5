import type { CursorKey } from './facet-engine.js';
import { type LaureatSort, SORTS } from './search.types.js';

/**
 * A page cursor: the sort it belongs to and the last row's sort key, as base64url JSON. Opaque to clients;
 * it holds nothing a client could not see in the page itself.
 *
 * @example
 * encodeCursor('date', { tier: 0, decided: '2022-03-01', amount: 5000, title: 'x', id: 'L-1' }); // 'WyJkYXRlIi…'
 */
export function encodeCursor(sort: LaureatSort, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, key.tier, key.decided, key.amount, key.title, key.id])).toString(
    'base64url',
  );
}

/**
 * Reads a cursor back, or null when it is not one of ours or belongs to another sort.
 *
 * @example
 * decodeCursor(encodeCursor('date', key), 'date'); // key
 * decodeCursor('n’importe quoi', 'date'); // null
 */
export function decodeCursor(cursor: string, sort: LaureatSort): CursorKey | null {
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 6) return null;
    const [s, tier, decided, amount, title, id] = value as unknown[];
    if (
      !SORTS.includes(s as LaureatSort) ||
      s !== sort ||
      typeof tier !== 'number' ||
      typeof decided !== 'string' ||
      typeof amount !== 'number' ||
      !Number.isFinite(amount) ||
      typeof title !== 'string' ||
      typeof id !== 'string'
    ) {
      return null;
    }
    return { tier, decided, amount, title, id };
  } catch {
    return null;
  }
}
