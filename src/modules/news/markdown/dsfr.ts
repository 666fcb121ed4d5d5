/**
 * rehype plugin for DSFR markup that Markdown cannot express: tables in their `.fr-table` wrapper
 * (DSFR styles `.fr-table > table` and makes it scroll on small screens) and images always carrying
 * an `alt` (an image without alt is read out by its file name; `alt=""` marks it decorative).
 */
import type { Root } from 'hast';
import { classesOf, el, visitElements } from './hast-tools.js';

/**
 * rehype plugin, see module doc.
 *
 * @example unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeDsfr)
 */
export function rehypeDsfr() {
  return (tree: Root): void => {
    visitElements(tree, (element, parent, index) => {
      if (element.tagName === 'img' && typeof element.properties.alt !== 'string')
        element.properties.alt = '';
      if (element.tagName !== 'table') return;
      if (parent.type === 'element' && classesOf(parent).includes('fr-table')) return;
      parent.children[index] = el('div', { className: ['fr-table'] }, [element]);
    });
  };
}
