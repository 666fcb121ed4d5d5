/**
 * Registration's e-mails are rendered once per wording and then filled in. During an opening rush a thousand
 * confirmations differ only by the person's first name and their management link, and rendering the layout
 * with hono/jsx costs more than everything else a confirmation writes. So the message is rendered with marks in
 * place of those two values, kept, and each copy gets the values written in, escaped exactly as hono/jsx escapes
 * text and attributes. The result is the same string `renderMail` gives (templates.test.ts holds us to it).
 */
import { randomUUID } from 'node:crypto';
import { type MailContent, renderMail } from '../../../../adapters/mail/index.js';

// Random per process, so that no typed value can contain a mark; neither has a character that HTML escapes.
const NAME = `\u0001${randomUUID()}\u0001`;
const LINK = `https://gabarit.invalid/${randomUUID()}`;
const GREETING = /^Bonjour ([^\r\n]*),$/;
const LIMIT = 200;
const rendered = new Map<string, { html: string; text: string }>();

/**
 * `renderMail(content)`, from a kept rendering when the message opens with « Bonjour <prénom>, » and its link
 * is the only other thing that changes from one person to the next.
 *
 * @example
 * const { html, text } = renderPersonal({ title, paragraphs: ['Bonjour Zoé,', …], action: { label, url } });
 */
export function renderPersonal(content: MailContent): { html: string; text: string } {
  const name = GREETING.exec(content.paragraphs[0] ?? '')?.[1];
  const url = content.action?.url;
  if (name === undefined || (url !== undefined && !isPlainWebUrl(url))) return renderMail(content);
  const marked: MailContent = {
    ...content,
    paragraphs: [`Bonjour ${NAME},`, ...content.paragraphs.slice(1)],
    action: content.action && { ...content.action, url: LINK },
  };
  const key = JSON.stringify(marked);
  let template = rendered.get(key);
  if (!template) {
    template = renderMail(marked);
    if (rendered.size >= LIMIT) rendered.clear();
    rendered.set(key, template);
  }
  const fill = (s: string, written: (v: string) => string) => {
    const named = s.split(NAME).join(written(name));
    return url === undefined ? named : named.split(LINK).join(written(url));
  };
  return { html: fill(template.html, escapeHtml), text: fill(template.text, (v) => v) };
}

/** What `renderMail` accepts as a link, on one line (else it renders, or refuses, the message itself). */
function isPlainWebUrl(url: string): boolean {
  if (/[\r\n]/.test(url)) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const ESCAPES: Record<string, string> = {
  '"': '&quot;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/** As hono/jsx escapes text and attribute values. */
function escapeHtml(value: string): string {
  return value.replace(/["'&<>]/g, (c) => ESCAPES[c] ?? c);
}
