/** Abbreviations people type for the saints most French place names carry. */
const ABBREVIATIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/**
 * Text as the picker compares it: lower case, accents and ligatures removed, every run of anything but a
 * letter or digit (hyphens, apostrophes, punctuation, emoji) turned into one space. "St"/"Ste" are not
 * expanded here: see `foldExpanded` and `foldVariants`.
 *
 * @example
 * fold("L'Haÿ-les-Roses") // 'l hay les roses'
 */
export function fold(text: string): string {
  let s = text.toLowerCase();
  // Most names are plain ASCII: the Unicode decomposition is only paid for the others.
  if (/[^ -~]/.test(s)) {
    s = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae');
  }
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Folded text with the "st"/"ste" abbreviations spelled out, the way names are indexed.
 *
 * @example
 * foldExpanded('St-Étienne') // 'saint etienne'
 */
export function foldExpanded(text: string): string {
  return expand(fold(text));
}

function expand(folded: string): string {
  if (!/\bst/.test(folded)) return folded;
  return folded
    .split(' ')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

/**
 * The forms of a query to look for: with abbreviations spelled out first, then as typed when that differs,
 * so that "st etienne" finds Saint-Étienne and "ste" still finds Stella-Plage while it is being typed.
 *
 * @example
 * foldVariants('st etienne') // ['saint etienne', 'st etienne']
 */
export function foldVariants(query: string): string[] {
  const folded = fold(query);
  if (!folded) return [];
  const expanded = expand(folded);
  return expanded === folded ? [folded] : [expanded, folded];
}
