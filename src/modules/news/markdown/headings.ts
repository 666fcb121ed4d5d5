/**
 * rehype plugin for headings: shifts levels so the page keeps its single h1 (the title), and gives
 * every heading a stable id usable as an anchor (`/espace-presse/x/#au-programme`).
 */
import type { Element, Root } from 'hast';
import { textOf, visitElements } from './hast-tools.js';

const HEADING = /^h([1-6])$/;
const VALID_ID = /^[A-Za-z][\w-]*$/;

/**
 * An anchor-friendly slug: ASCII lower case, accents removed, words joined by `-`, starting with a
 * letter (ids starting with a digit are awkward in CSS selectors).
 *
 * @example slugify('L’État présente : 2 000 projets !') // 'l-etat-presente-2-000-projets'
 * @example slugify('2023 en chiffres') // 'titre-2023-en-chiffres'
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'titre';
  return /^[a-z]/.test(slug) ? slug : `titre-${slug}`;
}

/**
 * rehype plugin: moves every heading by the same number of levels so that the body's highest heading sits at
 * `top` (h2 under the page's h1: `#` and `##` bodies alike give h2, and nothing skips a level below the
 * title), capped at h6; ids from the text unless one was given (`## Titre {#ancre}`), de-duplicated with
 * `-1`, `-2` … like GitHub.
 *
 * @example unified().use(remarkParse).use(remarkRehype).use(rehypeHeadings, { top: 2 }) // # X → <h2 id="x">
 */
export function rehypeHeadings(options: { top: number }) {
  const top = Math.max(1, Math.min(6, Math.trunc(options.top)));
  return (tree: Root): void => {
    const used = new Set<string>();
    const headings: Element[] = [];
    visitElements(tree, (element) => {
      const id = element.properties.id;
      if (HEADING.test(element.tagName)) headings.push(element);
      else if (typeof id === 'string') used.add(id);
    });
    const levelOf = (h: Element) => Number(HEADING.exec(h.tagName)![1]);
    const offset = headings.length > 0 ? top - Math.min(...headings.map(levelOf)) : 0;
    for (const heading of headings) {
      heading.tagName = `h${Math.max(1, Math.min(6, levelOf(heading) + offset))}`;
      const given = heading.properties.id;
      const base = typeof given === 'string' && VALID_ID.test(given) ? given : slugify(textOf(heading));
      let id = base;
      for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      heading.properties.id = id;
    }
  };
}
