/**
 * Small hast helpers. Written here rather than importing unist-util-visit & co, which are only
 * transitive dependencies of the unified packages and could move under our feet.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';

/**
 * Calls `fn` on every element, parents before children. `fn` may replace `parent.children[index]`;
 * the walk then continues into the replacement.
 *
 * @example visitElements(tree, (el) => { if (el.tagName === 'img') el.properties.alt ??= ''; });
 */
export function visitElements(
  node: Root | Element,
  fn: (element: Element, parent: Root | Element, index: number) => void,
): void {
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index];
    if (child?.type !== 'element') continue;
    fn(child, node, index);
    const current = node.children[index];
    if (current?.type === 'element') visitElements(current, fn);
  }
}

/**
 * Text content of a node, as `textContent` would give it.
 *
 * @example textOf(h('a', ['Le ', h('em', 'TNT')])) // 'Le TNT'
 */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

/**
 * Class names of an element (hast keeps them in `properties.className`).
 *
 * @example classesOf(h('div.fr-table')) // ['fr-table']
 */
export function classesOf(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * Builds an element; a tiny stand-in for hastscript.
 *
 * @example el('span', { className: ['fr-sr-only'] }, [{ type: 'text', value: ' (lien externe)' }])
 */
export function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
