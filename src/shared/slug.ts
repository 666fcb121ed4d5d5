/**
 * A URL-safe slug: lower case, accents removed, anything else becomes a single hyphen.
 *
 * @example
 * slugify('Communiqué de presse') // 'communique-de-presse'
 */
export function slugify(text: string): string {
  return normalize(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Text for comparison: lower case, accents removed, ligatures opened, spaces collapsed.
 *
 * @example
 * normalize('Œuvre  Ségur') // 'oeuvre segur'
 */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
