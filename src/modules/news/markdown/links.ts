/**
 * rehype plugin for links: completes hand-written targets, drops unsafe ones and applies the DSFR
 * conventions for links that open a new window or leave the platform.
 *
 * Decisions (DSFR / RGAA):
 * - `target="_blank"` (only from a kramdown IAL or raw HTML, never added by us) gets
 *   `rel="noopener noreferrer"` and `title="<intitulé> - nouvelle fenêtre"`. DSFR draws the
 *   external-window icon itself for `[target=_blank]`.
 * - Every other absolute http(s) link to a host outside `siteHosts` gets `rel="noopener noreferrer"`
 *   and a visually hidden ` (lien externe)`, so screen-reader users know they leave the platform.
 *   The programme's former site (numerique.gouv.fr) is external to the platform, hence the `[]` default.
 */
import type { Element, Root } from 'hast';
import { classesOf, el, textOf, visitElements } from './hast-tools.js';
import { isExternalUrl, safeHref } from './urls.js';

export interface LinkOptions {
  /** Hosts of the platform itself: absolute links to them are not marked as external. */
  siteHosts: readonly string[];
}

export const NEW_WINDOW = ' - nouvelle fenêtre';
export const EXTERNAL_HINT = ' (lien externe)';
const REL = ['noopener', 'noreferrer'];

/**
 * rehype plugin, see module doc.
 *
 * @example unified().use(remarkParse).use(remarkRehype).use(rehypeLinks, { siteHosts: ['nt.gouv.fr'] })
 */
export function rehypeLinks(options: LinkOptions) {
  return (tree: Root): void => {
    visitElements(tree, (element) => {
      if (element.tagName === 'a') fixLink(element, options.siteHosts);
    });
  };
}

function fixLink(link: Element, siteHosts: readonly string[]): void {
  const { properties } = link;
  if (typeof properties.href !== 'string') return;
  const href = safeHref(properties.href);
  if (href === null) {
    // Keep the words, lose the link: a reader still gets the text of a dangerous or empty target.
    delete properties.href;
    return;
  }
  properties.href = href;

  if (properties.target === '_blank') {
    properties.rel = mergeRel(properties.rel);
    properties.title = newWindowTitle(link);
    return;
  }
  delete properties.target; // only `_blank` has a meaning we support
  if (!isExternalUrl(href, siteHosts)) return;
  properties.rel = mergeRel(properties.rel);
  const hinted = link.children.some(
    (child) => child.type === 'element' && classesOf(child).includes('fr-sr-only'),
  );
  if (!hinted)
    link.children.push(el('span', { className: ['fr-sr-only'] }, [{ type: 'text', value: EXTERNAL_HINT }]));
}

function mergeRel(current: unknown): string[] {
  const existing = Array.isArray(current)
    ? current.map(String)
    : typeof current === 'string'
      ? current.split(/\s+/)
      : [];
  return [...new Set([...REL, ...existing.filter(Boolean)])];
}

/** DSFR: the title repeats the link's wording and says it opens a new window. */
function newWindowTitle(link: Element): string {
  const given = typeof link.properties.title === 'string' ? link.properties.title.trim() : '';
  if (/nouvelle fen[eê]tre/i.test(given)) return given;
  const label = given || linkLabel(link);
  return label ? `${label}${NEW_WINDOW}` : NEW_WINDOW.slice(3);
}

/** The accessible name of a link: its text or, for an image link, the image's alt. */
function linkLabel(link: Element): string {
  const text = textOf(link).replace(/\s+/g, ' ').trim();
  if (text) return text;
  let alt = '';
  visitElements(link, (child) => {
    if (!alt && child.tagName === 'img' && typeof child.properties.alt === 'string')
      alt = child.properties.alt.trim();
  });
  return alt;
}
