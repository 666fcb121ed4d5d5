/**
 * Kramdown-flavoured Markdown of the programme's site → sanitised HTML with DSFR markup.
 *
 * Pipeline: remark (CommonMark + GFM) → kramdown IALs → hast, raw HTML parsed like a browser would →
 * headings, links, DSFR markup → sanitize (last, so nothing our plugins or authors add escapes it).
 */
import type { Root as HastRoot } from 'hast';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeDsfr } from './dsfr.js';
import { visitElements } from './hast-tools.js';
import { rehypeHeadings } from './headings.js';
import { remarkKramdownIal, stripKramdownComments } from './kramdown-ial.js';
import { rehypeLinks } from './links.js';
import { hastToPlainText } from './plain-text.js';
import { sanitizeSchema } from './sanitize-schema.js';

export interface RenderOptions {
  /** The level the body's highest heading is moved to, the others following (default 2: under the page's h1). */
  topHeadingLevel?: number;
  /** Hosts of the platform: absolute links to them are not marked external. Default: none. */
  siteHosts?: readonly string[];
}

type Mode = 'block' | 'inline';

/** The sanitiser empties a class list it filtered out entirely; an empty `class=""` is noise, so it goes. */
function rehypeDropEmptyClasses() {
  return (tree: HastRoot): void => {
    visitElements(tree, (element) => {
      const cls = element.properties.className;
      if (Array.isArray(cls) && cls.length === 0) delete element.properties.className;
    });
  };
}

function createProcessor(mode: Mode, options: RenderOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownIal)
    .use(remarkInline, { enabled: mode === 'inline' })
    .use(remarkRehype, {
      allowDangerousHtml: true,
      footnoteLabel: 'Notes',
      footnoteBackLabel: (index: number) => `Retour à l’appel de note ${index + 1}`,
      footnoteLabelProperties: {},
    })
    .use(rehypeRaw)
    .use(rehypeInline, { enabled: mode === 'inline' })
    .use(rehypeHeadings, { top: options.topHeadingLevel ?? 2 })
    .use(rehypeLinks, { siteHosts: options.siteHosts ?? [] })
    .use(rehypeDsfr)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeDropEmptyClasses)
    .use(rehypeStringify)
    .freeze();
}

type Processor = ReturnType<typeof createProcessor>;
const processors = new Map<string, Processor>();

/** Processors are costly to build (micromark extensions); one per distinct configuration is kept. */
function processorFor(mode: Mode, options: RenderOptions): Processor {
  const key = JSON.stringify([mode, options.topHeadingLevel ?? 2, options.siteHosts ?? []]);
  let processor = processors.get(key);
  if (!processor) {
    processor = createProcessor(mode, options);
    processors.set(key, processor);
  }
  return processor;
}

function toHast(markdown: string, mode: Mode, options: RenderOptions) {
  const processor = processorFor(mode, options);
  return { processor, tree: processor.runSync(processor.parse(stripKramdownComments(markdown))) };
}

/**
 * Renders a Markdown body (kramdown dialect) to sanitised HTML.
 *
 * @example
 * renderMarkdown('# Au programme\n\nTexte cité\n{: .citation}')
 * // '<h2 id="au-programme">Au programme</h2>\n<figure class="fr-quote">\n<blockquote>\n<p>Texte cité</p>\n</blockquote>\n</figure>'
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const { processor, tree } = toHast(markdown, 'block', options);
  return processor.stringify(tree);
}

/**
 * Renders a body to HTML and to plain text from one parse (an import needs both; parsing is most of the
 * cost).
 *
 * @example renderBody('**Afin** de…') // { html: '<p><strong>Afin</strong> de…</p>', text: 'Afin de…' }
 */
export function renderBody(markdown: string, options: RenderOptions = {}): { html: string; text: string } {
  const { processor, tree } = toHast(markdown, 'block', options);
  // Plain text first: stringify does not change the tree, and text extraction only reads it.
  const text = hastToPlainText(tree);
  return { html: processor.stringify(tree), text };
}

/**
 * Renders short Markdown (a chapeau, a caption) without block wrappers: paragraphs are joined by
 * `<br>`, lists and quotes are reduced to their text lines.
 *
 * @example renderInline('Le **fonds** TNT') // 'Le <strong>fonds</strong> TNT'
 */
export function renderInline(markdown: string, options: RenderOptions = {}): string {
  const { processor, tree } = toHast(markdown, 'inline', options);
  return processor.stringify(tree);
}

/**
 * Markdown → plain text on one line: no markup, no IAL, collapsed whitespace.
 *
 * @example toPlainText('**Afin** de [présenter](https://x.fr)\n{: .citation}') // 'Afin de présenter'
 */
export function toPlainText(markdown: string): string {
  return hastToPlainText(toHast(markdown, 'block', {}).tree);
}

/** remark plugin for {@link renderInline}: flattens blocks into one run of phrasing content. */
function remarkInline(options: { enabled: boolean }) {
  return (tree: Root): void => {
    if (!options.enabled) return;
    const children: PhrasingContent[] = [];
    for (const run of phrasingRuns(tree.children)) {
      if (children.length > 0) children.push({ type: 'break' });
      children.push(...run);
    }
    // One paragraph, unwrapped after conversion by rehypeInline: phrasing left directly under the
    // root would get a newline between every node ("a**b**" would read "a b").
    tree.children = [{ type: 'paragraph', children }];
  };
}

/** rehype half of {@link remarkInline}: removes the single wrapping paragraph. */
function rehypeInline(options: { enabled: boolean }) {
  return (tree: HastRoot): void => {
    if (!options.enabled) return;
    tree.children = tree.children.flatMap((node) =>
      node.type === 'element' && node.tagName === 'p' ? node.children : [node],
    );
  };
}

function phrasingRuns(nodes: readonly RootContent[]): PhrasingContent[][] {
  return nodes.flatMap((node): PhrasingContent[][] => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return [node.children];
      case 'html':
        return [[node]];
      case 'code':
        return [[{ type: 'inlineCode', value: node.value }]];
      case 'table':
        return node.children.map((row) =>
          row.children.flatMap((cell) => [...cell.children, { type: 'text', value: ' ' }]),
        );
      default:
        return 'children' in node ? phrasingRuns(node.children as RootContent[]) : [];
    }
  });
}
