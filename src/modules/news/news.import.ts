import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { SearchIndex } from '../../ports/search-index.js';
import { buildItem } from './news.build.js';
import { COLLECTION_LIST, type CollectionDef, itemId, slugFromFileName } from './news.domain.js';
import type { NewsRepository } from './news.repository.js';
import { indexItem } from './news.service.js';

export interface Rejection {
  file: string;
  line: number | null;
  reason: string;
}

export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: Rejection[];
  uploads: { copied: number; unchanged: number };
  dataFiles: number;
}

export type ImportProgress = { done: number; total: number; file: string };

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Imports a folder laid out as the programme's site (`_communiques/`, `_actualites/`, `_evenements/`, `_tnt/`,
 * `_data/`, `uploads/`). Each file stands alone: one that cannot be read is rejected with its reason and line,
 * and the others go on. Re-importing the same folder changes nothing (each item keeps a fingerprint of its
 * source).
 *
 * @example
 * const report = await importContent(deps, 'content/demo', { onProgress: ({ done, total }) => … });
 */
export async function importContent(
  deps: {
    repo: NewsRepository;
    search: SearchIndex;
    storage: FileStorage;
    clock: Clock;
    /** Told once at the end when anything was created or updated (caches to clear). */
    onChange?: () => void;
  },
  dir: string,
  options: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    created: [],
    updated: [],
    unchanged: [],
    rejected: [],
    uploads: { copied: 0, unchanged: 0 },
    dataFiles: 0,
  };
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    report.rejected.push({ file: dir, line: null, reason: 'dossier introuvable' });
    return report;
  }

  // Uploads first, so that items can tell whether the images and files they name are there.
  for (const file of await walk(join(dir, 'uploads'))) {
    const key = relative(join(dir, 'uploads'), file).split('\\').join('/');
    const changed = await deps.storage.put(key, await readFile(file));
    if (changed) report.uploads.copied++;
    else report.uploads.unchanged++;
  }

  for (const file of await walk(join(dir, '_data'))) {
    const rel = relative(dir, file);
    if (!/\.(ya?ml|json)$/i.test(file)) continue;
    try {
      const text = await readFile(file, 'utf8');
      if (file.endsWith('.json')) JSON.parse(text);
      else parseYaml(text);
      report.dataFiles++;
    } catch (err) {
      report.rejected.push({
        file: rel,
        line: yamlLine(err),
        reason: `fichier de données illisible : ${firstLine(err)}`,
      });
    }
  }

  const files: Array<{ collection: CollectionDef; path: string }> = [];
  for (const collection of COLLECTION_LIST) {
    for (const path of await walk(join(dir, collection.folder))) {
      if (MARKDOWN.test(path)) files.push({ collection, path });
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));

  const known = new Map(
    (
      await deps.repo.fingerprints(
        files.map((f) => itemId(f.collection.key, slugFromFileName(basename(f.path)))),
      )
    ).map((f) => [f.id, f.sourceHash]),
  );
  const claimedPaths = new Map<string, string>();
  const hasUpload = async (src: string) =>
    src.startsWith('/uploads/') ? deps.storage.has(decodeURIComponent(src.slice('/uploads/'.length))) : false;

  let done = 0;
  for (const { collection, path } of files) {
    const rel = relative(dir, path).split('\\').join('/');
    options.onProgress?.({ done, total: files.length, file: rel });
    done++;
    const text = await readFile(path, 'utf8');
    const built = await buildItem({
      collection: collection.key,
      slug: slugFromFileName(basename(path)),
      sourceFile: rel,
      text,
      hasUpload,
      now: deps.clock.now().toISOString(),
    });
    if (!built.ok) {
      report.rejected.push({ file: rel, line: built.line, reason: built.reason });
      continue;
    }
    const item = built.item;
    const claimedBy = claimedPaths.get(item.path);
    if (claimedBy) {
      report.rejected.push({
        file: rel,
        line: null,
        reason: `l’adresse ${item.path} est déjà celle de ${claimedBy}`,
      });
      continue;
    }
    claimedPaths.set(item.path, rel);
    const previous = known.get(item.id);
    if (previous === item.sourceHash) {
      report.unchanged.push(rel);
      continue;
    }
    try {
      await deps.repo.save(item);
      await indexItem(deps.search, item);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const reason = /unique|UNIQUE/.test(message)
        ? `l’adresse ${item.path} est déjà utilisée par un autre contenu`
        : `enregistrement impossible : ${firstLine(err)}`;
      report.rejected.push({ file: rel, line: null, reason });
      continue;
    }
    (previous ? report.updated : report.created).push(rel);
  }
  options.onProgress?.({ done, total: files.length, file: '' });
  if (report.created.length + report.updated.length + report.uploads.copied > 0) deps.onChange?.();
  return report;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

function firstLine(err: unknown) {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

function yamlLine(err: unknown): number | null {
  const pos = (err as { linePos?: Array<{ line: number }> })?.linePos;
  return pos?.[0]?.line ?? null;
}
