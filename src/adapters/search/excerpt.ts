import type { ExcerptPart } from '../../ports/search-index.js';
import { matcherFor, type ParsedQuery } from './query.js';

export interface ExcerptOptions {
  /** Most words shown. */
  maxWords?: number;
  /** Most characters shown, separators included (the ellipses aside). */
  maxChars?: number;
  /**
   * How far into the body to look for the query's words: a word starting past it ends the scan. Defaults to
   * MAX_SCAN; lower it when the title already shows every term (see TITLE_MATCH_SCAN).
   */
  maxScan?: number;
}

/** The words of a body, as parallel arrays (no object per word): where each is, which term it matches. */
interface Words {
  starts: number[];
  ends: number[];
  /** The index of the query term the word matches, -1 for none. */
  terms: number[];
  /** The first word of the best window, -1 when no word matched. */
  anchor: number;
  /** Whether the scan stopped at maxScan, before the body's end. */
  truncated: boolean;
}

/** Letters, digits, and the combining marks of text stored decomposed (NFD "é" is "e" + a mark). */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** Words kept before the first match, so the excerpt does not open on the matched word itself. */
const CONTEXT_WORDS = 5;
const CONTEXT_CHARS = 60;
/** Past this, a body is not scanned further: the excerpt comes from its first 50,000 characters (a long read;
 * scanning costs about 15 ns a character, and a page of ten long title-only hits must stay in budget). */
const MAX_SCAN = 50_000;
/**
 * The scan limit when the title holds every term of the query: the hit is explained by its title, so its
 * excerpt need not be hunted for through a long body (about 1,500 words; the body's start is shown otherwise).
 */
export const TITLE_MATCH_SCAN = 10_000;
const ELLIPSIS = '…';

/**
 * Picks a short window of a plain-text body around its best-matching region — the earliest stretch holding
 * the most distinct query terms — and splits it into parts, the matched words flagged for `<mark>`. Words
 * match after normalisation and stemming, so "collectivite" highlights "collectivités". With no match in the
 * body (a title-only hit), the body's start is shown. "…" marks a cut on either side.
 *
 * @example
 * buildExcerpt('Les collectivités territoriales…', parseSearchText('collectivite'));
 * // [{ text: 'Les ', match: false }, { text: 'collectivités', match: true },
 * //  { text: ' territoriales…', match: false }]
 */
export function buildExcerpt(body: string, query: ParsedQuery, options: ExcerptOptions = {}): ExcerptPart[] {
  const maxWords = options.maxWords ?? 30;
  const maxChars = options.maxChars ?? 220;
  const { starts, ends, terms, anchor, truncated } = scanWords(
    body,
    query,
    maxWords,
    options.maxScan ?? MAX_SCAN,
  );
  if (starts.length === 0) return [];

  let first = 0;
  if (anchor >= 0) {
    first = anchor;
    while (
      first > 0 &&
      anchor - first < CONTEXT_WORDS &&
      starts[anchor]! - starts[first - 1]! <= CONTEXT_CHARS
    ) {
      first--;
    }
  }
  const windowStart = starts[first]!;
  let last = first;
  while (
    last + 1 < starts.length &&
    last + 1 - first < maxWords &&
    ends[last + 1]! - windowStart <= maxChars
  ) {
    last++;
  }

  const cutBefore = first > 0;
  const cutAfter = last + 1 < starts.length || truncated;
  const parts: ExcerptPart[] = [];
  const push = (text: string, match: boolean) => {
    const previous = parts.at(-1);
    if (previous && !previous.match && !match) previous.text += text;
    else parts.push({ text, match });
  };
  // Punctuation before the first word or after the last one belongs to the excerpt when nothing is cut there.
  let cursor = cutBefore ? windowStart : 0;
  if (cutBefore) push(ELLIPSIS, false);
  for (let i = first; i <= last; i++) {
    if (starts[i]! > cursor) push(body.slice(cursor, starts[i]), false);
    push(body.slice(starts[i], ends[i]), terms[i]! >= 0);
    cursor = ends[i]!;
  }
  if (cutAfter) push(ELLIPSIS, false);
  else if (cursor < body.length) push(body.slice(cursor), false);
  return tidy(parts);
}

/**
 * Whether a text (a hit's title) holds every term of the query, by the rules that highlight excerpts.
 *
 * @example
 * coversEveryTerm('Les collectivités territoriales', parseSearchText('collectivite territoire')); // true
 */
export function coversEveryTerm(text: string, query: ParsedQuery): boolean {
  // One window as wide as the text; a title is short, and the cap keeps an absurd one cheap.
  const { terms } = scanWords(text, query, Number.MAX_SAFE_INTEGER, 1_000);
  return query.terms.length > 0 && new Set(terms.filter((term) => term >= 0)).size === query.terms.length;
}

/**
 * Reads the body's words and finds the anchor of the best window. Stops early once a window holds every
 * term and the words needed to show it are read, so a long body costs little when it matches early.
 *
 * Words are found by hand rather than with a regular expression, and a word is only cut out of the body
 * (to be normalised and stemmed) when its first two letters could begin a query term: over 2,000 bodies of
 * ~400 words this made excerpts two to three times cheaper.
 */
function scanWords(body: string, query: ParsedQuery, maxWords: number, maxScan: number): Words {
  const matcher = matcherFor(query);
  const span = Math.max(1, maxWords - CONTEXT_WORDS);
  const words: Words = { starts: [], ends: [], terms: [], anchor: -1, truncated: false };
  const { starts, ends, terms } = words;
  // The matching words so far (their indexes in `starts`), to find the window with the most distinct terms.
  const hits: number[] = [];
  const seen = new Array<number>(query.terms.length).fill(-1);
  let best = 0;
  const length = body.length;
  let i = 0;
  while (i < length) {
    const width = wordCharWidth(body, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    if (start > maxScan) {
      words.truncated = true;
      break;
    }
    for (let next = width; next > 0; next = i < length ? wordCharWidth(body, i) : 0) i += next;
    const second = i - start > 1 ? body.charCodeAt(start + 1) : -1;
    const term = matcher.mayMatch(body.charCodeAt(start), second) ? matcher.match(body.slice(start, i)) : -1;
    const here = starts.length;
    starts.push(start);
    ends.push(i);
    terms.push(term);
    if (best === query.terms.length && here >= words.anchor + maxWords) break;
    if (term < 0) continue;
    hits.push(here);
    // The window ending at this hit: the hits within `span` words before it, counted by distinct term.
    let from = hits.length - 1;
    while (from > 0 && here - hits[from - 1]! < span) from--;
    let distinct = 0;
    for (let h = from; h < hits.length; h++) {
      const t = terms[hits[h]!]!;
      if (seen[t] !== here) {
        seen[t] = here;
        distinct++;
      }
    }
    if (distinct > best) {
      best = distinct;
      words.anchor = hits[from]!;
    }
  }
  return words;
}

/** Which UTF-16 code units beyond ASCII are word characters, learnt as met: 0 unknown, 1 yes, 2 no. */
const bmpWordChar = new Uint8Array(0x10000);

/**
 * The width (1 or 2 code units) of the word character at `i`, or 0 when it separates words. ASCII is decided
 * by range, other characters once each by the Unicode classes of WORD_CHAR.
 */
function wordCharWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  }
  if (code >= 0xd800 && code <= 0xdbff) {
    // A letter beyond the BMP (mathematical letters…) is a surrogate pair; a lone surrogate is no letter.
    const point = text.codePointAt(i)!;
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  let known = bmpWordChar[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpWordChar[code] = known;
  }
  return known === 1 ? 1 : 0;
}

/** Collapses runs of white space (bodies keep their line breaks) and trims the excerpt's ends. */
function tidy(parts: ExcerptPart[]): ExcerptPart[] {
  for (const part of parts) part.text = part.text.replace(/\s+/g, ' ');
  const head = parts[0];
  if (head && !head.match) head.text = head.text.trimStart();
  const tail = parts.at(-1);
  if (tail && !tail.match) tail.text = tail.text.trimEnd();
  return parts.filter((part) => part.text !== '');
}
