import { sha256 } from '../../shared/hash.js';
import { type FrontMatter, normalizeFrontMatter, readFrontMatter } from './markdown/front-matter.js';
import { renderBody, renderInline } from './markdown/render.js';
import { type CollectionKey, type ContentData, type ContentItem, itemId, itemPath } from './news.domain.js';

/** Bumped when the Markdown pipeline changes, so that a re-import re-renders every item. */
export const RENDER_VERSION = '2';

export type BuildResult =
  | { ok: true; item: ContentItem }
  | { ok: false; line: number | null; reason: string };

/**
 * Turns one Markdown file of the programme's site into a content item: reads the front matter, renders the
 * body, and records whether the images and files it names were imported.
 *
 * @example
 * const r = await buildItem({ collection: 'communiques', slug: 'x', sourceFile: '_communiques/x.md', text, hasUpload, now });
 */
export async function buildItem(input: {
  collection: CollectionKey;
  slug: string;
  sourceFile: string;
  text: string;
  hasUpload: (src: string) => Promise<boolean>;
  now: string;
}): Promise<BuildResult> {
  const parsed = readFrontMatter(input.text);
  if (!parsed.ok) return { ok: false, line: parsed.line ?? null, reason: parsed.reason };
  const normalized = normalizeFrontMatter(parsed.data);
  if (!normalized.ok) {
    return { ok: false, line: fieldLine(input.text, normalized.field), reason: normalized.reason };
  }
  const fm = normalized.value;
  if (input.collection === 'tnt' && !fm.permalink) {
    return { ok: false, line: null, reason: 'une page du programme doit indiquer son adresse (permalink)' };
  }
  if (!fm.date && input.collection !== 'tnt') {
    return {
      ok: false,
      line: null,
      reason: 'date manquante : indiquez « date: AAAA-MM-JJ HH:MM:SS +01:00 »',
    };
  }
  const data = await contentData(fm, parsed.data, input.hasUpload);
  const body = renderBody(parsed.body);
  // The fingerprint covers the source, the renderer, and which uploads were found: any of them changing
  // is a reason to save again.
  const availability = [...data.images, ...data.files].map((x) => (x.available ? '1' : '0')).join('');
  const sourceHash = sha256(`${RENDER_VERSION}\n${availability}\n${input.text}`);
  return {
    ok: true,
    item: {
      id: itemId(input.collection, input.slug),
      collection: input.collection,
      slug: input.slug,
      path: itemPath(input.collection, input.slug, fm.permalink ?? null),
      title: fm.title,
      // A page of the programme may have no date; it then dates from its first import.
      date: fm.date ?? input.now,
      published: fm.published,
      chapeau: fm.chapeau ? renderInline(fm.chapeau) : null,
      data,
      bodyMd: parsed.body,
      bodyHtml: body.html,
      bodyText: body.text,
      sourceFile: input.sourceFile,
      sourceHash,
      createdAt: input.now,
      updatedAt: input.now,
    },
  };
}

async function contentData(
  fm: FrontMatter,
  raw: Record<string, unknown>,
  hasUpload: (src: string) => Promise<boolean>,
): Promise<ContentData> {
  const declared =
    fm.images.length > 0 ? fm.images : fm.une ? [{ image: fm.une.image, alt: '', legende: null }] : [];
  const images = await Promise.all(
    declared.map(async (img) => ({
      src: img.image,
      alt: img.alt ?? '',
      caption: img.legende ?? null,
      available: isExternal(img.image) || (await hasUpload(img.image)),
    })),
  );
  const files = await Promise.all(
    fm.files.map(async (f) => ({
      label: f.nom,
      href: f.file ?? null,
      available: !!f.file && (isExternal(f.file) || (await hasUpload(f.file))),
      details: f.file ? fileDetails(f.file) : null,
    })),
  );
  return {
    categories: fm.categories,
    tags: fm.tags,
    images,
    files,
    contact: fm.contactPresse
      ? {
          name: fm.contactPresse.name ?? null,
          phones: fm.contactPresse.tel ?? [],
          email: fm.contactPresse.email ?? null,
        }
      : null,
    event:
      fm.eventStart || fm.eventEnd || fm.lieu || fm.adresse || fm.infos.length > 0
        ? {
            start: fm.eventStart ?? null,
            end: fm.eventEnd ?? null,
            lieu: fm.lieu ?? null,
            adresse: fm.adresse ?? null,
            infos: fm.infos.map((i) => ({
              intitule: i.intitule ?? '',
              contenu: i.contenu ? renderInline(i.contenu) : null,
              lien: i.lien ?? null,
            })),
          }
        : null,
    menu: fm.menu ? { title: fm.menu.title ?? fm.title, weight: fm.menu.weight ?? 1000 } : null,
    demonstration: raw.demonstration === true,
  };
}

function isExternal(src: string) {
  return /^https?:\/\//i.test(src);
}

function fileDetails(href: string): string | null {
  const ext = href.split('?')[0]?.split('.').pop()?.toUpperCase();
  return ext && ext.length <= 5 ? ext : null;
}

/** The line of a front-matter key, so that a rejection points at it. */
function fieldLine(text: string, field: string | undefined): number | null {
  if (!field) return null;
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.startsWith(`${field}:`));
  return i >= 0 ? i + 1 : null;
}
