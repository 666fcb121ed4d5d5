/**
 * Coercions for hand-written front-matter values.
 *
 * The YAML is read with the failsafe schema, so scalars arrive as strings; these helpers also accept
 * numbers/booleans so callers may feed them data parsed elsewhere.
 */

/** What YAML 1.1 (Ruby's Psych, hence Jekyll) reads as null. */
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * A scalar as a trimmed string, or `null` when absent, empty, YAML-null or not a scalar.
 * Inner newlines are kept (lines lose their trailing spaces).
 *
 * @example text('  Paris  ') // 'Paris'
 * @example text('~') // null
 * @example text(75007) // '75007'
 */
export function text(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/[ \t]+$/gm, '').trim();
  return NULLS.has(trimmed) ? null : trimmed;
}

/**
 * Like {@link text} but on one line: newlines and runs of spaces become a single space.
 *
 * @example line('18 janvier 2023\nJournée numérique') // '18 janvier 2023 Journée numérique'
 */
export function line(value: unknown): string | null {
  const result = text(value);
  return result === null ? null : result.replace(/\s+/g, ' ');
}

/**
 * A value that may be written as one item or as a list → always a list (absent → `[]`).
 *
 * @example list('a') // ['a']
 * @example list(['a', 'b']) // ['a', 'b']
 */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A string-or-list value → distinct one-line strings, empties dropped, order kept.
 *
 * @example lines(['Communiqué de presse ', '', 'Communiqué de presse']) // ['Communiqué de presse']
 */
export function lines(value: unknown): string[] {
  const out: string[] = [];
  for (const item of list(value)) {
    const value = line(item);
    if (value !== null && !out.includes(value)) out.push(value);
  }
  return out;
}

/**
 * A YAML mapping as a plain object, or `null` for anything else.
 *
 * @example record({ a: 1 }) // { a: 1 }
 * @example record(['a']) // null
 */
export function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * Jekyll's `published` flag: absent → true; `false`/`no`/`off` (any case) → false.
 * A key present with no value is nil for Jekyll, which then does not publish: we keep that, so a
 * half-edited draft never goes public by accident.
 *
 * @example published(undefined) // true
 * @example published('false') // false
 */
export function published(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  const flag = text(value);
  if (flag === null) return false;
  return !['false', 'no', 'off'].includes(flag.toLowerCase());
}
