/**
 * What may survive in rendered HTML. Starts from rehype-sanitize's GitHub-like default and:
 * - adds the DSFR markup we produce (quotes, tables, screen-reader hints) with DSFR classes only;
 * - allows `target="_blank"` and `rel` on links, `id`s shaped like anchors, `title` everywhere;
 * - drops form-ish and clobbering attributes (`name`, `action`, `accesskey` …), never `style`/`on*`;
 * - restricts URLs to http(s), mailto, tel and relative ones.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

type Definition = NonNullable<Schema['attributes']>[string][number];

/** DSFR classes allowed per element, in raw HTML or through a kramdown `{: .class}`. */
export const DSFR_CLASSES: Readonly<Record<string, readonly string[]>> = {
  a: ['fr-link', 'fr-btn', 'fr-btn--secondary'],
  div: ['fr-table', 'fr-highlight', 'fr-callout'],
  figure: ['fr-quote', 'fr-content-media'],
  p: ['fr-text--lead', 'fr-text--lg', 'fr-text--sm', 'fr-text--xs', 'fr-quote__author', 'fr-quote__source'],
  span: ['fr-sr-only'],
  ul: ['fr-raw-list'],
  ol: ['fr-raw-list'],
};

/** Every class a kramdown IAL may carry; the sanitizer then keeps only the ones valid on the element. */
export const IAL_CLASSES: ReadonlySet<string> = new Set(Object.values(DSFR_CLASSES).flat());

/** Ids are anchors: a letter then letters, digits, `-` or `_` (no `__proto__`-like surprises). */
const ID: Definition = ['id', /^[A-Za-z][\w-]*$/];

/**
 * Default `*` attributes we do not want: form plumbing, focus hijacking, names that clobber
 * `document.x`; and the unrestricted `id`, replaced by {@link ID}.
 */
const DROPPED = new Set([
  'accept',
  'acceptCharset',
  'accessKey',
  'action',
  'encType',
  'id',
  'method',
  'name',
  'tabIndex',
]);

/** Elements removed with their content: their text is code or noise, never something to read. */
const STRIPPED = ['script', 'style', 'template', 'title', 'textarea', 'iframe', 'noscript', 'noembed', 'xmp'];

function withClasses(tag: string, extra: readonly string[]): Definition[] {
  const current = defaultSchema.attributes?.[tag] ?? [];
  const defaultClasses = current.flatMap((definition) =>
    Array.isArray(definition) && definition[0] === 'className' ? definition.slice(1) : [],
  );
  const others = current.filter(
    (definition) => !(Array.isArray(definition) && definition[0] === 'className'),
  );
  // hast-util-sanitize reads only the first `className` definition of an element: merge them into one.
  const classes = [...defaultClasses, ...extra] as (string | RegExp)[];
  return classes.length === 0 ? others : [...others, ['className', ...classes] as Definition];
}

const attributes: NonNullable<Schema['attributes']> = { ...defaultSchema.attributes };
for (const [tag, classes] of Object.entries(DSFR_CLASSES)) attributes[tag] = withClasses(tag, classes);
attributes.a = [
  ...withClasses('a', DSFR_CLASSES.a ?? []),
  ['target', '_blank'],
  ['rel', 'noopener', 'noreferrer', 'nofollow', 'external'],
];
attributes.h2 = withClasses('h2', ['fr-sr-only']);
attributes['*'] = [...(defaultSchema.attributes?.['*'] ?? []).filter((d) => !DROPPED.has(String(d))), ID];

/**
 * Sanitize schema for rendered Markdown (see module doc).
 *
 * @example unified().use(rehypeSanitize, sanitizeSchema)
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // `picture`/`source` go: `srcset` escapes the protocol check and the site never used them.
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'picture' && tag !== 'source'),
    'figure',
    'figcaption',
    'caption',
    'abbr',
    'cite',
    'mark',
    'small',
    'u',
  ],
  attributes,
  // The task-list checkbox is the only `input` we want: a stray `<input>` elsewhere would otherwise
  // be turned into a (required) disabled checkbox in the middle of the text.
  ancestors: { ...defaultSchema.ancestors, input: ['li'] },
  // Ids are not prefixed: the site's own anchors (`#mon-titre`) must keep working. The `ID` pattern
  // and the removal of `name` limit what a hostile id could clobber.
  clobber: [],
  clobberPrefix: '',
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto', 'tel'],
    longDesc: ['http', 'https'],
    src: ['http', 'https'],
  },
  strip: STRIPPED,
};
