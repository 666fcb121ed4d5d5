/**
 * Rendered (sanitised) hast → plain text, for search, feed summaries and excerpts.
 */
import type { Nodes } from 'hast';
import { classesOf } from './hast-tools.js';

/** Elements whose end is a word boundary even when no whitespace separates them in the source. */
const BLOCKS = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt'],
  ...['figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre'],
  ...['section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'],
]);

/**
 * Text of a hast tree, on one line. Leaves out what only makes sense on the page: screen-reader
 * hints, images, footnote calls and the footnote section.
 *
 * @example hastToPlainText(tree of '<p>Le <em>TNT</em></p><p>Suite</p>') // 'Le TNT Suite'
 */
export function hastToPlainText(tree: Nodes): string {
  return collect(tree).replace(/\s+/g, ' ').trim();
}

function collect(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(collect).join('');
  if (node.type !== 'element') return '';
  if (skipped(node)) return '';
  const inner = node.children.map(collect).join('');
  return BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
}

function skipped(node: Extract<Nodes, { type: 'element' }>): boolean {
  if (node.tagName === 'img' || classesOf(node).includes('fr-sr-only')) return true;
  if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return true;
  return (
    node.tagName === 'sup' &&
    node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined)
  );
}
