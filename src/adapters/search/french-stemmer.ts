/**
 * French normalisation and light stemming, in plain JS, for the SQLite index (FTS5 has no French stemmer).
 *
 * "Light" on purpose: it only has to make the forms a visitor types meet the forms a text uses — singular and
 * plural, masculine and feminine, a verb and its "-ation" noun — without merging unrelated words the way an
 * aggressive stemmer does ("commune" must not find "communication"). The stems are search keys, not words.
 * Inspired by Savoy's light French stemmer, rewritten for unaccented input (accents are stripped first, so
 * the index and the query agree whatever the visitor typed).
 */

/**
 * Letters that Unicode decomposition does not split into a base letter and a mark; the same folds as
 * PostgreSQL's `unaccent`, so both dialects see "œuvre" as "oeuvre".
 */
const FOLDS: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[œæßøłđðþı]/g;
/** Combining marks left by NFKD (accents, cedilla, diaeresis). */
const MARKS = /\p{M}+/gu;
/** Anything that is not a letter or a digit separates words: apostrophes (' and ’), hyphens, punctuation, emoji. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Common French words that carry no meaning for a search, in normalised form. Elided forms (l’, d’, qu’,
 * j’…) are here too: the apostrophe splits "l’État" into "l" and "etat", and "l" is then dropped.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux avec c ce ces cet cette d dans de des du elle elles en est et eux il ils j je jusqu l la le les ' +
    'leur leurs lorsqu lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour puisqu qu que qui ' +
    's sa se ses son sont sur t ta te tes toi ton tu un une vos votre vous y'
  ).split(' '),
);

/**
 * Lowercases, strips diacritics and ligatures, and turns every run of non-letters/non-digits into one space.
 *
 * @example
 * normalizeFrench('L’Œuvre des Collectivités !'); // 'l oeuvre des collectivites'
 */
export function normalizeFrench(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch)
    .replace(SEPARATORS, ' ')
    .trim();
}

/** Irregular forms a suffix rule cannot reach, keyed by the normalised word. */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['travaux', 'travail'],
  ['nouvel', 'nouveau'],
  ['nouvelle', 'nouveau'],
  ['nouvelles', 'nouveau'],
  ['nouveaux', 'nouveau'],
]);

/**
 * Derivational suffixes, tried in order (the first that ends the word decides), as [suffix, replacement,
 * shortest stem]. A rule applies only if that many letters remain, so "element" or "nation" are left alone.
 */
const SUFFIXES: ReadonlyArray<readonly [string, string, number?]> = [
  ['issement', 'ir'], // investissement → investir
  ['ement', ''], // financement → financ(er)
  ['isation', 'is'], // mutualisation → mutualis(er)
  ['ication', 'icat'], // communication stays away from commune and communiqué, publication from public
  ['ation', ''], // animation → anim(er)
  ['atrice', 'er'], // animatrice → anim(er)
  ['ateur', 'er'], // animateur → anim(er)
  ['trice', 'teur'], // directrice → directeur
  ['euse', 'eu'], // nombreuse → nombreu(x)
  ['ieme', ''], // troisieme → trois
  ['ique', 'ic'], // publique → public, numerique → numeric
  ['ive', 'if', 3], // collective → collectif, active → actif
];

/**
 * Stems one normalised word (see {@link normalizeFrench}); words shorter than four letters and words with a
 * digit are returned as they are.
 *
 * @example
 * stemWord('collectivites'); // 'collectivit', as stemWord('collectivite')
 * stemWord('nationaux');     // 'national'
 */
export function stemWord(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  const irregular = EXCEPTIONS.get(word);
  if (irregular) return irregular;
  let w = word;

  // Plurals: -aux → -al (but -eaux → -eau), then a final x or s (not -ss: "process" is not a plural).
  if (w.endsWith('aux') && !w.endsWith('eaux')) w = `${w.slice(0, -3)}al`;
  else if (w.endsWith('x')) w = w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  const exception = EXCEPTIONS.get(w);
  if (exception) return exception;

  for (const [suffix, replacement, shortest = 4] of SUFFIXES) {
    if (w.endsWith(suffix)) {
      if (w.length - suffix.length >= shortest) w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }

  // Feminine -e, infinitive -er, past participle -ee: "financer", "financee", "finance" all end as "financ";
  // "premier" and "premiere" as "premi". The length guard keeps short words ("mere", "cree") readable.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('r')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // A doubled final letter left by the feminine: "personnell" → "personnel", "bonn" → "bon".
  if (w.length > 3 && w.at(-1) === w.at(-2)) w = w.slice(0, -1);
  return w;
}

/**
 * Normalises a text, drops stop words and stems what remains: the words an index stores and a query looks up.
 *
 * @example
 * stemTokens('Les collectivités territoriales'); // ['collectivit', 'territorial']
 */
export function stemTokens(text: string): string[] {
  const stems: string[] = [];
  for (const word of normalizeFrench(text).split(' ')) {
    if (word && !FRENCH_STOP_WORDS.has(word)) stems.push(stemWord(word));
  }
  return stems;
}
