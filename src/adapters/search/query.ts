import { FRENCH_STOP_WORDS, normalizeFrench, stemWord } from './french-stemmer.js';

/** One word of a query, normalised (`word`) and stemmed (`stem`). */
export interface QueryTerm {
  word: string;
  stem: string;
}

/**
 * What both adapters and the excerpt builder take from what a visitor typed. Only letters and digits
 * survive normalisation, so no search syntax (`"`, `*`, `NEAR(`, `-`, `:`, `&|!`, quotes…) can reach FTS5 or
 * `tsquery`: every term is a plain word, and the adapters quote it anyway.
 */
export interface ParsedQuery {
  /** Distinct terms, in the order typed; all must match. Empty: the search has no hit. */
  terms: QueryTerm[];
  /**
   * The last word as typed (normalised, not stemmed), matched as a prefix so "collectiv" finds while typing;
   * null when shorter than three letters (a one-letter prefix would match half the index).
   */
  prefix: string | null;
}

/** Caps that keep a pasted novel from becoming a thousand-term query. */
const MAX_INPUT = 500;
const MAX_TERMS = 12;
/** No French word is longer; a longer "word" is noise, and PostgreSQL ignores words over 2,047 characters. */
const MAX_WORD = 60;
const MIN_PREFIX = 3;

/**
 * Turns a visitor's text into search terms: normalised, stop words dropped, stemmed, deduplicated.
 *
 * @example
 * parseSearchText('Les collectivités territoriales');
 * // { terms: [{ word: 'collectivites', stem: 'collectivit' }, { word: 'territoriales', stem: 'territorial' }],
 * //   prefix: 'territoriales' }
 */
export function parseSearchText(text: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const word of normalizeFrench(text.slice(0, MAX_INPUT)).split(' ')) {
    if (!word || word.length > MAX_WORD || FRENCH_STOP_WORDS.has(word)) continue;
    const stem = stemWord(word);
    if (seen.has(stem)) continue;
    seen.add(stem);
    terms.push({ word, stem });
    if (terms.length === MAX_TERMS) break;
  }
  const last = terms.at(-1);
  return { terms, prefix: last && last.word.length >= MIN_PREFIX ? last.word : null };
}

/** Finds which query term a word of a document matches (see createWordMatcher). */
export interface WordMatcher {
  /** The index of the term the word matches (same stem, or begun by the typed prefix), or -1. */
  match(word: string): number;
  /**
   * False when no word starting with these two characters can match: a scanner then skips the word without
   * cutting it out of the text. Pass the UTF-16 codes, -1 for a one-character word.
   */
  mayMatch(first: number, second: number): boolean;
}

/**
 * Tells whether a word of a document matches the query: same stem as a term, or (for the last term) starting
 * with what was typed. Used to highlight excerpts; memoised because bodies repeat their words, and one
 * matcher serves every excerpt of a page (see matcherFor).
 *
 * @example
 * const matcher = createWordMatcher(parseSearchText('collectivite'));
 * matcher.match('Collectivités'); // 0 (the index of the matched term)
 * matcher.match('commune'); // -1
 * matcher.mayMatch('c'.charCodeAt(0), 'o'.charCodeAt(0)); // true; ('p', 'r') → false
 */
export function createWordMatcher(query: ParsedQuery): WordMatcher {
  const byStem = new Map(query.terms.map((term, index) => [term.stem, index]));
  const lastIndex = query.terms.length - 1;
  const cache = new Map<string, number>();
  const heads = headsOf([...byStem.keys(), ...(query.prefix ? [query.prefix] : [])]);
  const mayMatch = (first: number, second: number) => {
    if (byStem.size === 0) return false;
    // Most words of a body are rejected on their first two letters, without normalising or stemming them.
    const a = asciiLower(first);
    const b = asciiLower(second);
    return !heads || a < 0 || b < 0 || heads.has(a * 128 + b);
  };
  return {
    mayMatch,
    match(raw) {
      if (!mayMatch(raw.charCodeAt(0), raw.length > 1 ? raw.charCodeAt(1) : -1)) return -1;
      let found = cache.get(raw);
      if (found !== undefined) return found;
      found = -1;
      for (const word of normalizeFrench(raw).split(' ')) {
        if (!word || FRENCH_STOP_WORDS.has(word)) continue;
        const index = byStem.get(stemWord(word));
        if (index !== undefined) found = index;
        else if (query.prefix && word.startsWith(query.prefix)) found = lastIndex;
        if (found >= 0) break;
      }
      cache.set(raw, found);
      return found;
    },
  };
}

const matchers = new WeakMap<ParsedQuery, WordMatcher>();

/**
 * The matcher of a parsed query, created once per query object: the ten excerpts of a page share its memo,
 * so a word repeated across bodies is normalised and stemmed once.
 *
 * @example
 * const parsed = parseSearchText('collectivite');
 * matcherFor(parsed) === matcherFor(parsed); // true
 */
export function matcherFor(query: ParsedQuery): WordMatcher {
  let matcher = matchers.get(query);
  if (!matcher) {
    matcher = createWordMatcher(query);
    matchers.set(query, matcher);
  }
  return matcher;
}

/**
 * The first two letters of every stem and of the prefix, as numbers. Sound because stemming only rewrites
 * endings and always leaves at least three letters of the word: a word matching a stem starts like it.
 * Null (no shortcut) when a key is shorter than two letters.
 */
function headsOf(keys: string[]): Set<number> | null {
  const heads = new Set<number>();
  for (const key of keys) {
    const a = asciiLower(key.charCodeAt(0));
    const b = asciiLower(key.charCodeAt(1));
    if (a < 0 || b < 0) return null;
    heads.add(a * 128 + b);
  }
  return heads;
}

/** The code of an ASCII letter (lowercased) or digit, else -1: anything else takes the normalising path. */
function asciiLower(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? code : -1;
}
