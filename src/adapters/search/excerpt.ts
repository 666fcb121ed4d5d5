import type { ExcerptPart } from '../../ports/search-index.js';
import { createWordMatcher, type ParsedQuery } from './query.js';

export interface ExcerptOptions {
  /** Most words shown. */
  maxWords?: number;
  /** Most characters shown, separators included (the ellipses aside). */
  maxChars?: number;
}

/** A word of the body: where it is, and which query term it matches (-1: none). */
interface Word {
  start: number;
  end: number;
  term: number;
}

/** Letters, digits, and the combining marks of text stored decomposed (NFD "é" is "e" + a mark). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Words kept before the first match, so the excerpt does not open on the matched word itself. */
const CONTEXT_WORDS = 5;
const CONTEXT_CHARS = 60;
/** Past this, a body is not scanned further: the excerpt comes from its first 50,000 characters (a long read;
 * scanning costs about 30 ns a character, and a page of ten long title-only hits must stay in budget). */
const MAX_SCAN = 50_000;
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
  const words = scanWords(body, query, maxWords);
  if (words.list.length === 0) return [];

  let first = 0;
  if (words.anchor >= 0) {
    first = words.anchor;
    const anchorStart = words.list[words.anchor]!.start;
    while (
      first > 0 &&
      words.anchor - first < CONTEXT_WORDS &&
      anchorStart - words.list[first - 1]!.start <= CONTEXT_CHARS
    ) {
      first--;
    }
  }
  const windowStart = words.list[first]!.start;
  let last = first;
  while (
    last + 1 < words.list.length &&
    last + 1 - first < maxWords &&
    words.list[last + 1]!.end - windowStart <= maxChars
  ) {
    last++;
  }

  const cutBefore = first > 0;
  const cutAfter = last + 1 < words.list.length || words.truncated;
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
    const word = words.list[i]!;
    if (word.start > cursor) push(body.slice(cursor, word.start), false);
    push(body.slice(word.start, word.end), word.term >= 0);
    cursor = word.end;
  }
  if (cutAfter) push(ELLIPSIS, false);
  else if (cursor < body.length) push(body.slice(cursor), false);
  return tidy(parts);
}

/**
 * Reads the body's words and finds the anchor of the best window. Stops early once a window holds every
 * term and the words needed to show it are read, so a long body costs little when it matches early.
 */
function scanWords(
  body: string,
  query: ParsedQuery,
  maxWords: number,
): { list: Word[]; anchor: number; truncated: boolean } {
  const matchTerm = query.terms.length > 0 ? createWordMatcher(query) : () => -1;
  const span = Math.max(1, maxWords - CONTEXT_WORDS);
  const list: Word[] = [];
  const hits: Word[] = [];
  const hitIndex: number[] = [];
  let anchor = -1;
  let best = 0;
  let truncated = false;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(body); m; m = WORD.exec(body)) {
    if (m.index > MAX_SCAN) {
      truncated = true;
      break;
    }
    const word: Word = { start: m.index, end: m.index + m[0].length, term: matchTerm(m[0]) };
    list.push(word);
    if (best === query.terms.length && list.length > anchor + maxWords) break;
    if (word.term < 0) continue;
    hits.push(word);
    hitIndex.push(list.length - 1);
    // The window ending at this hit: the hits within `span` words before it, counted by distinct term.
    const here = list.length - 1;
    let from = hits.length - 1;
    while (from > 0 && here - hitIndex[from - 1]! < span) from--;
    const distinct = new Set(hits.slice(from).map((h) => h.term)).size;
    if (distinct > best) {
      best = distinct;
      anchor = hitIndex[from]!;
    }
  }
  return { list, anchor, truncated };
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
