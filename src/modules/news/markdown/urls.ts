/**
 * URL helpers shared by the Markdown renderer and the front-matter normaliser.
 *
 * The imported site was written by hand: link targets miss their scheme (an e-mail address, a bare
 * `www.` domain), and nothing guarantees they are harmless. Everything that ends up in an `href` or
 * `src` goes through {@link normalizeHref} then {@link isSafeUrl}.
 */

/** Schemes a reader may follow. Everything else (javascript:, data:, vbscript:, file: …) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

const EMAIL = /^[^\s@/:?#]+@[^\s@/:?#]+\.[a-z]{2,}(?:\?\S*)?$/i; // `?subject=` allowed
/** A host-looking start: `www.` anything, or labels ending with a TLD the programme's sites use. */
const BARE_DOMAIN =
  /^(?:www\.[^\s/]+|(?:[a-z0-9-]+\.)+(?:fr|com|org|net|eu|io|info|bzh|paris|gouv))(?:[/?#:]|$)/i;
// Browsers drop ASCII tab/newline anywhere in a URL and trim C0 controls and spaces at both ends,
// so `jav&#x09;ascript:` runs as `javascript:`; we must look at the URL the way a browser does.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point here.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * Completes a hand-written link target: a bare e-mail becomes `mailto:`, a bare domain gets `https://`.
 * Anything else is returned trimmed and unchanged (relative paths stay relative).
 *
 * @example normalizeHref('floriane.beaudron@modernisation.gouv.fr') // 'mailto:floriane.beaudron@modernisation.gouv.fr'
 * @example normalizeHref('www.numerique.gouv.fr/agenda/') // 'https://www.numerique.gouv.fr/agenda/'
 * @example normalizeHref('/uploads/cp.pdf') // '/uploads/cp.pdf'
 */
export function normalizeHref(href: string): string {
  const url = href.trim();
  if (EMAIL.test(url)) return `mailto:${url}`;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && BARE_DOMAIN.test(url)) return `https://${url}`;
  return url;
}

/**
 * The scheme a browser would see (lower case, obfuscating whitespace/control characters removed),
 * or `null` for a relative URL.
 *
 * @example urlScheme(' JaVa\tScript:alert(1)') // 'javascript'
 * @example urlScheme('../cp.pdf') // null
 */
export function urlScheme(url: string): string | null {
  const seen = url.replace(IGNORED_BY_BROWSERS, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(seen);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Whether a URL may be used as `href`/`src`: relative, or http(s)/mailto/tel.
 * Entity decoding is the HTML parser's job; pass decoded values.
 *
 * @example isSafeUrl('https://www.numerique.gouv.fr/') // true
 * @example isSafeUrl('java\nscript:alert(1)') // false
 * @example isSafeUrl('data:text/html;base64,PHNjcmlwdD4=') // false
 */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  // Relative (and protocol-relative `//host/…`) URLs cannot run code.
  return scheme === null || SAFE_SCHEMES.has(scheme);
}

/**
 * {@link normalizeHref} then {@link isSafeUrl}: the URL to use, or `null` if it must be dropped.
 *
 * @example safeHref('contact@numerique.gouv.fr') // 'mailto:contact@numerique.gouv.fr'
 * @example safeHref('javascript:alert(1)') // null
 */
export function safeHref(href: string): string | null {
  const url = normalizeHref(href);
  return url !== '' && isSafeUrl(url) ? url : null;
}

/**
 * Whether a URL is absolute http(s), i.e. leaves the platform (unless its host is one of `siteHosts`).
 *
 * @example isExternalUrl('https://www.numerique.gouv.fr/', []) // true
 * @example isExternalUrl('https://nt.example.fr/x', ['nt.example.fr']) // false
 */
export function isExternalUrl(url: string, siteHosts: readonly string[]): boolean {
  const scheme = urlScheme(url);
  if (scheme !== 'http' && scheme !== 'https') return false;
  try {
    return !siteHosts.includes(new URL(url).hostname.toLowerCase());
  } catch {
    return true;
  }
}
