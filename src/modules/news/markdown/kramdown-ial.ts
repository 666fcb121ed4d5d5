/**
 * Kramdown inline attribute lists (IALs) on top of CommonMark.
 *
 * Kramdown reads `{: .citation}` on its own line as attributes of the neighbouring block, and
 * `[texte](url){:target="_blank"}` as attributes of the link. remark knows nothing of this and would
 * print the braces, so this remark plugin moves them into `data.hProperties` and deletes the text.
 * Only attributes we can vouch for are kept: DSFR classes, `#id`, `target="_blank"`, `title`, `lang`.
 */
import type { Blockquote, Heading, Nodes, Paragraph, Parent, Root, Table, Text } from 'mdast';
import { IAL_CLASSES } from './sanitize-schema.js';

/** Parsed content of `{: … }`. */
export interface Ial {
  classes: string[];
  id: string | null;
  attributes: Record<string, string>;
  /** Bare words: references to attribute list definitions, or kramdown's `toc`. */
  refs: string[];
}

const SPAN_IAL = /^\{:(?!:)([^{}\n]*)\}/;
const LEADING_IAL_LINE = /^[ \t]*\{:(?!:)([^{}\n]*)\}[ \t]*(?:\n|$)/;
const BLOCK_IAL_LINE = /(^|\n)[ \t]*\{:(?!:)([^{}\n]*)\}[ \t]*(?=\n|$)/g;
/** Any leftover `{:…}` / `{::…}` / `{:/…}`: never shown to readers. */
const ANY_IAL = /\{:[^{}\n]*\}/g;
const HEADING_ID = /[ \t]*\{#([A-Za-z][\w-]*)\}[ \t]*$/;
const TOKEN =
  /([.#])([\w-]+)|([A-Za-z][\w:-]*)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|([A-Za-z][\w-]*)/g;

/** Blocks that kramdown turns into a DSFR quote, and lists that stand for `{:toc}`. */
const citations = new WeakSet<Nodes>();
const tocs = new WeakSet<Nodes>();

/**
 * Parses the inside of an IAL. Unknown keys (`onclick`, `style`, `href` …) are dropped here already.
 *
 * @example parseIal(' .citation #intro target="_blank" onclick="x"')
 * // { classes: ['citation'], id: 'intro', attributes: { target: '_blank' }, refs: [] }
 */
export function parseIal(body: string): Ial {
  const ial: Ial = { classes: [], id: null, attributes: {}, refs: [] };
  // Editors typed these in word processors: accept curly double quotes.
  const source = body.replace(/[“”„″]/g, '"');
  for (const m of source.matchAll(TOKEN)) {
    const [, sigil, name, key, dq, sq, bare, ref] = m;
    if (sigil === '.') ial.classes.push(name!);
    else if (sigil === '#') ial.id = /^[A-Za-z]/.test(name!) ? name! : null;
    else if (ref) ial.refs.push(ref.toLowerCase());
    else if (key) {
      const value = (dq ?? sq ?? bare ?? '').trim();
      const lower = key.toLowerCase();
      if (lower === 'target' && value === '_blank') ial.attributes.target = value;
      else if ((lower === 'title' || lower === 'lang') && value !== '') ial.attributes[lower] = value;
    }
  }
  return ial;
}

/**
 * Removes kramdown `{::comment}…{:/comment}` blocks, which hold editors' notes not meant for readers.
 *
 * @example stripKramdownComments('A{::comment}brouillon{:/comment}B') // 'AB'
 */
export function stripKramdownComments(markdown: string): string {
  return markdown.replace(/\{::comment\}[\s\S]*?(?:\{:\/(?:comment)?\}|$)/g, '');
}

/**
 * remark plugin applying kramdown IALs (see module doc).
 *
 * @example unified().use(remarkParse).use(remarkKramdownIal).use(remarkRehype)
 */
export function remarkKramdownIal() {
  return (tree: Root): void => {
    processBlocks(tree);
    finish(tree);
  };
}

function applyIal(node: Nodes, ial: Ial): void {
  if (ial.classes.includes('citation')) citations.add(node);
  if (ial.refs.includes('toc')) tocs.add(node);
  node.data ??= {};
  node.data.hProperties ??= {};
  const properties = node.data.hProperties;
  const classes = ial.classes.filter((name) => IAL_CLASSES.has(name));
  if (classes.length > 0) {
    const current = Array.isArray(properties.className) ? properties.className : [];
    properties.className = [...current, ...classes];
  }
  if (ial.id) properties.id = ial.id;
  Object.assign(properties, ial.attributes);
}

function mergeIal(a: Ial | null, b: Ial | null): Ial | null {
  if (!a || !b) return a ?? b;
  return {
    classes: [...a.classes, ...b.classes],
    id: b.id ?? a.id,
    attributes: { ...a.attributes, ...b.attributes },
    refs: [...a.refs, ...b.refs],
  };
}

/** Whether `next` starts on the line right after `previous` (no blank line between). */
function adjacent(previous: Nodes | undefined, next: Nodes): boolean {
  const end = previous?.position?.end.line;
  const start = next.position?.start.line;
  return end !== undefined && start !== undefined && start <= end + 1;
}

function processBlocks(parent: Parent): void {
  let pending: Ial | null = null; // an IAL separated from what precedes it applies to what follows
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!;
    if (child.type === 'paragraph') {
      processSpans(child);
      const leading = takeLeadingLines(child);
      const trailing = extractBlockLines(child);
      stripLeftovers(child);
      const blank = isBlank(child);
      if (blank) parent.children.splice(index--, 1);
      const previous = parent.children[blank ? index : index - 1];
      const before = blank ? mergeIal(leading, trailing) : leading;
      // kramdown: an IAL line right under a block (no blank line) belongs to that block; otherwise
      // to the block it precedes.
      if (before && previous && !pending && adjacent(previous, child)) applyIal(previous, before);
      else if (before && blank) pending = mergeIal(pending, before);
      else if (before) applyIal(child, before);
      if (blank) continue;
      if (trailing) applyIal(child, trailing);
    } else if (child.type === 'heading') {
      processSpans(child);
      extractHeadingId(child);
      stripLeftovers(child);
    } else if (child.type === 'table') {
      extractTableIal(child);
      processSpans(child);
      stripLeftovers(child);
    } else if ('children' in child) {
      processBlocks(child);
    }
    if (pending) {
      applyIal(child, pending);
      pending = null;
    }
  }
}

/** `[a](u){:target="_blank"}`: an IAL right after an inline element belongs to that element. */
function processSpans(parent: Parent): void {
  parent.children.forEach((child, index) => {
    const previous = parent.children[index - 1];
    if (child.type === 'text' && previous && previous.type !== 'text') {
      const match = SPAN_IAL.exec(child.value);
      if (match) {
        applyIal(previous, parseIal(match[1]!));
        child.value = child.value.slice(match[0].length);
      }
    }
    if ('children' in child) processSpans(child);
  });
}

/** `{: …}` lines opening a paragraph: they may belong to the block above (see processBlocks). */
function takeLeadingLines(paragraph: Paragraph): Ial | null {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  let found: Ial | null = null;
  let match = LEADING_IAL_LINE.exec(first.value);
  while (match) {
    found = mergeIal(found, parseIal(match[1]!));
    first.value = first.value.slice(match[0].length);
    match = LEADING_IAL_LINE.exec(first.value);
  }
  return found;
}

/** Other whole lines `{: …}` of a paragraph (the usual `Texte\n{: .citation}` case). */
function extractBlockLines(paragraph: Paragraph): Ial | null {
  let found: Ial | null = null;
  paragraph.children.forEach((child, index) => {
    if (child.type !== 'text') return;
    child.value = child.value.replace(BLOCK_IAL_LINE, (line, lineStart: string, body: string) => {
      // At the start of a text node that follows an inline element, the braces are not a line of
      // their own; processSpans has handled that case already.
      if (lineStart === '' && index > 0) return line;
      found = mergeIal(found, parseIal(body));
      return '';
    });
  });
  trimEdges(paragraph);
  return found;
}

/** `## Titre {#mon-ancre}`: kramdown's explicit heading id. */
function extractHeadingId(heading: Heading): void {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  const match = HEADING_ID.exec(last.value);
  if (!match) return;
  last.value = last.value.slice(0, match.index);
  applyIal(heading, { classes: [], id: match[1]!, attributes: {}, refs: [] });
}

/** GFM swallows a `{: .x}` line after a table as a last one-cell row: take it back. */
function extractTableIal(table: Table): void {
  const row = table.children.at(-1);
  if (!row || table.children.length < 2) return;
  const [first, ...rest] = row.children;
  const only = first?.children.length === 1 ? first.children[0] : undefined;
  const match = only?.type === 'text' ? /^\{:(?!:)([^{}\n]*)\}$/.exec(only.value.trim()) : null;
  if (!match || rest.some((cell) => cell.children.length > 0)) return;
  table.children.pop();
  applyIal(table, parseIal(match[1]!));
}

function stripLeftovers(node: Parent): void {
  for (const child of node.children) {
    if (child.type === 'text') child.value = child.value.replace(ANY_IAL, '');
    else if ('children' in child) stripLeftovers(child);
  }
  trimEdges(node);
}

/** Removed lines leave newlines at the edges of a block; empty text nodes are dropped. */
function trimEdges(node: Parent): void {
  const first = node.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s*\n/, '');
  const last = node.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\n\s*$/, '');
  node.children = node.children.filter(
    (child) => child.type !== 'text' || child.value !== '',
  ) as typeof node.children;
}

function isBlank(paragraph: Paragraph): boolean {
  return paragraph.children.every((child) => child.type === 'text' && (child as Text).value.trim() === '');
}

/** Second pass: build DSFR quotes for `.citation` and drop `{:toc}` placeholder lists. */
function finish(parent: Parent & Nodes): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!;
    if ('children' in child) finish(child);
    if (child.type === 'list' && containsMarked(child, tocs)) {
      // We do not generate kramdown's table of contents; its `* TOC` placeholder must not show.
      parent.children.splice(index--, 1);
      continue;
    }
    if (!citations.has(child)) continue;
    citations.delete(child);
    if (parent.type === 'blockquote' && child.type === 'paragraph') {
      citations.add(parent); // `> texte\n{: .citation}`: the quote is the enclosing blockquote
      continue;
    }
    const inner: Blockquote =
      child.type === 'blockquote' ? child : { type: 'blockquote', children: [child as never] };
    const figure: Blockquote = {
      type: 'blockquote',
      data: { hName: 'figure', hProperties: { className: ['fr-quote'] } },
      children: [inner],
    };
    parent.children[index] = figure as never;
  }
}

function containsMarked(node: Nodes, marks: WeakSet<Nodes>): boolean {
  return (
    marks.has(node) || ('children' in node && node.children.some((child) => containsMarked(child, marks)))
  );
}
