/**
 * Front matter of the programme's Jekyll files: splitting, YAML parsing and normalisation into a
 * typed {@link FrontMatter}. Pure: no I/O. Reasons are in French because they are shown to editors.
 */
import { parseDocument } from 'yaml';
import { parseFrontMatterDate } from './dates.js';
import { safeHref } from './urls.js';
import { line, lines, list, published, record, text } from './values.js';

/** One picture of `une-ou-diaporama`. */
export interface FrontMatterImage {
  image: string;
  legende: string | null;
  /** From `alternative-textuelle`, on one line; `''` when the author gave none. */
  alt: string;
}

/** One line of `champs_informations` (events). */
export interface FrontMatterInfo {
  intitule: string | null;
  /** Markdown, as written. */
  contenu: string | null;
  lien: string | null;
}

/** Normalised front matter. Absent optional values are `null`, absent lists `[]`. */
export interface FrontMatter {
  title: string;
  /** ISO 8601 UTC; `null` when the file has no date (TNT pages). */
  date: string | null;
  published: boolean;
  categories: string[];
  tags: string[];
  /** `chapeau-text`, Markdown. */
  chapeau: string | null;
  images: FrontMatterImage[];
  une: { image: string } | null;
  /** Attachments; `file` is `null` when the source forgot it (it happens). */
  files: { nom: string; file: string | null }[];
  contactPresse: { name: string | null; tel: string[]; email: string | null } | null;
  eventStart: string | null;
  eventEnd: string | null;
  lieu: string | null;
  adresse: string | null;
  infos: FrontMatterInfo[];
  permalink: string | null;
  menu: { title: string | null; weight: number | null } | null;
}

export type ReadFrontMatterResult =
  | { ok: true; data: Record<string, unknown>; body: string; bodyStartLine: number }
  | { ok: false; reason: string; line?: number };

export type NormalizeResult = { ok: true; value: FrontMatter } | { ok: false; reason: string; field: string };

/** French wording of the YAML mistakes editors actually make; others keep the library's message. */
const YAML_ERRORS: Partial<Record<string, string>> = {
  MISSING_CHAR: 'guillemet ou crochet fermant manquant',
  BAD_INDENT: 'indentation incorrecte',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter',
  BLOCK_AS_IMPLICIT_KEY: 'deux-points mal placé ou valeur à mettre entre guillemets',
  MULTILINE_IMPLICIT_KEY: 'deux-points mal placé ou valeur à mettre entre guillemets',
  BAD_DQ_ESCAPE: 'séquence « \\ » invalide entre guillemets doubles',
  UNEXPECTED_TOKEN: 'caractère inattendu',
};

const DELIMITER = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits a Jekyll file into its YAML front matter (parsed) and its Markdown body.
 * Handles a BOM and CRLF line ends. Line numbers in errors are line numbers of the file.
 *
 * @example
 * readFrontMatter('---\ntitle: Bonjour\n---\nTexte')
 * // { ok: true, data: { title: 'Bonjour' }, body: 'Texte', bodyStartLine: 4 }
 * readFrontMatter('Texte') // { ok: false, reason: 'en-tête YAML absent', line: 1 }
 */
export function readFrontMatter(source: string): ReadFrontMatterResult {
  const fileLines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!DELIMITER.test(fileLines[0] ?? '')) return { ok: false, reason: 'en-tête YAML absent', line: 1 };
  const end = fileLines.findIndex((l, i) => i > 0 && CLOSING.test(l));
  if (end === -1) return { ok: false, reason: 'en-tête YAML non terminé (--- manquant)', line: 1 };

  // Failsafe schema: every scalar stays a string. Jekyll's YAML 1.1 would turn dates into times,
  // `0140151234` into an octal number and `no` into false; we interpret fields ourselves instead.
  // Duplicate keys are tolerated and the last one wins, as with Ruby's Psych.
  const doc = parseDocument(fileLines.slice(1, end).join('\n'), {
    version: '1.1',
    schema: 'failsafe',
    uniqueKeys: false,
    prettyErrors: true,
  });
  const error = doc.errors[0];
  if (error) {
    // linePos counts from 1 inside the YAML block, which starts on the file's second line.
    const line = (error.linePos?.[0].line ?? 1) + 1;
    const message =
      YAML_ERRORS[error.code] ?? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, reason: `en-tête YAML illisible (ligne ${line}) : ${message}`, line };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (cause) {
    // Unresolved or exploding aliases are only detected while building the JS value.
    return { ok: false, reason: `en-tête YAML illisible : ${(cause as Error).message}`, line: 2 };
  }
  if (data === null || data === undefined) data = {};
  const map = record(data);
  if (!map) return { ok: false, reason: 'en-tête YAML invalide : une liste de clés est attendue', line: 2 };
  return { ok: true, data: map, body: fileLines.slice(end + 1).join('\n'), bodyStartLine: end + 2 };
}

/**
 * Turns raw front matter (from {@link readFrontMatter}) into a {@link FrontMatter}.
 * Unknown and empty keys are ignored; only a missing title or an unreadable date fails.
 *
 * @example
 * normalizeFrontMatter({ title: 'Bonjour ', date: '2023-01-13 10:00:00 +01:00' })
 * // { ok: true, value: { title: 'Bonjour', date: '2023-01-13T09:00:00.000Z', published: true, … } }
 * normalizeFrontMatter({ date: '2023-01-13' }) // { ok: false, reason: 'titre manquant', field: 'title' }
 */
export function normalizeFrontMatter(data: Record<string, unknown>): NormalizeResult {
  const title = normalizeTitle(data.title);
  if (title === null) return { ok: false, reason: 'titre manquant', field: 'title' };

  const dates: Record<string, string | null> = {};
  const dateFields = [
    ['date', 'date invalide'],
    ['event_start_date', 'date de début d’événement invalide'],
    ['event_end_date', 'date de fin d’événement invalide'],
  ] as const;
  for (const [field, label] of dateFields) {
    const raw = data[field];
    const written = raw instanceof Date ? String(raw) : text(raw);
    dates[field] = written === null ? null : parseFrontMatterDate(raw);
    if (written !== null && dates[field] === null) {
      return { ok: false, reason: `${label} : « ${written} »`, field };
    }
  }

  const permalink = data.permalink === undefined ? null : normalizePermalink(data.permalink);
  if (permalink === false) {
    return { ok: false, reason: `permalien invalide : « ${text(data.permalink)} »`, field: 'permalink' };
  }

  return {
    ok: true,
    value: {
      title,
      date: dates.date ?? null,
      published: published(data.published),
      categories: lines(data.categories),
      tags: lines(data.tags),
      chapeau: text(data['chapeau-text']),
      images: list(data['une-ou-diaporama']).flatMap(normalizeImage),
      une: normalizeUne(data.une),
      files: list(data.files).flatMap(normalizeFile),
      contactPresse: normalizeContact(data['contact-presse']),
      eventStart: dates.event_start_date ?? null,
      eventEnd: dates.event_end_date ?? null,
      lieu: text(data.lieu),
      adresse: text(data.adresse),
      infos: list(data.champs_informations).flatMap(normalizeInfo),
      permalink,
      menu: normalizeMenu(data.menu),
    },
  };
}

/** Titles were pasted from mails and CMS fields: a literal `\n` and doubled spaces crept in. */
function normalizeTitle(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const title = raw.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

/** `une-ou-diaporama` items; an item may also be a bare image path. Items without image are dropped. */
function normalizeImage(item: unknown): FrontMatterImage[] {
  const entry = record(item) ?? { image: item };
  const image = imageUrl(entry.image);
  if (image === null) return [];
  return [{ image, legende: line(entry.legende), alt: line(entry['alternative-textuelle']) ?? '' }];
}

function normalizeUne(value: unknown): { image: string } | null {
  const image = imageUrl(record(value)?.image ?? value);
  return image === null ? null : { image };
}

function imageUrl(value: unknown): string | null {
  const url = text(value);
  return url === null ? null : safeHref(url);
}

/** `files` items: `nom` is the link label, `file` the attachment (sometimes missing). */
function normalizeFile(item: unknown): { nom: string; file: string | null }[] {
  const entry = record(item) ?? { nom: item };
  const rawFile = text(entry.file);
  const file = rawFile === null ? null : safeHref(rawFile);
  const nom = line(entry.nom) ?? file?.split('/').pop() ?? null;
  return nom === null ? [] : [{ nom, file }];
}

/** `contact-presse` is one contact; a one-item list is accepted too. */
function normalizeContact(value: unknown): FrontMatter['contactPresse'] {
  const entry = record(Array.isArray(value) ? value[0] : value);
  if (!entry) return null;
  const name = line(entry.name);
  const tel = lines(entry.tel);
  const email = line(entry.email)?.replace(/^mailto:/i, '') ?? null;
  return name === null && tel.length === 0 && email === null ? null : { name, tel, email };
}

function normalizeInfo(item: unknown): FrontMatterInfo[] {
  const entry = record(item);
  if (!entry) return [];
  const intitule = line(entry.intitule);
  const contenu = text(entry.contenu);
  const rawLink = text(entry.lien);
  const lien = rawLink === null ? null : safeHref(rawLink);
  return intitule === null && contenu === null && lien === null ? [] : [{ intitule, contenu, lien }];
}

/**
 * A site path with leading and trailing slash (`tnt/gouvernance` → `/tnt/gouvernance/`).
 * A file-like path (`/404.html`) keeps its end: a slash would turn it into a directory.
 * Returns `false` for anything that is not a plain path (URL, query, `..`), `null` when empty.
 */
function normalizePermalink(value: unknown): string | null | false {
  const raw = text(value);
  if (raw === null) return null;
  if (/[\s?#\\]|:\/\/|(?:^|\/)\.\.(?:\/|$)/.test(raw)) return false;
  let path = `/${raw}`.replace(/\/{2,}/g, '/');
  if (!/\.[a-z0-9]+$/i.test(path) && !path.endsWith('/')) path += '/';
  return path;
}

function normalizeMenu(value: unknown): FrontMatter['menu'] {
  const entry = record(value);
  if (!entry) return null;
  const weightText = text(entry.weight);
  const weight = weightText !== null && /^-?\d+(?:\.\d+)?$/.test(weightText) ? Number(weightText) : null;
  return { title: line(entry.title), weight };
}
