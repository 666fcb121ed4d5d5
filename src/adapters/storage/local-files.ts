import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { FileStorage } from '../../ports/file-storage.js';

/**
 * Files on the local disk under one folder. Keys are relative paths; one that would leave the folder
 * (`../`, absolute, NUL) is refused.
 *
 * @example
 * const storage = createLocalFileStorage('var/uploads');
 * await storage.put('2023/affiche.jpg', buffer);
 */
export function createLocalFileStorage(root: string): FileStorage {
  const base = resolve(root);
  const locate = (key: string): string | null => {
    if (!key || key.includes('\0')) return null;
    const full = resolve(base, key);
    return full.startsWith(base + sep) ? full : null;
  };
  return {
    async put(key, data) {
      const file = locate(key);
      if (!file) throw new Error(`nom de fichier refusé : ${key}`);
      const existing = await readFile(file).catch(() => null);
      if (existing?.equals(data)) return false;
      await mkdir(dirname(file), { recursive: true });
      // Write then rename, so that a reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file);
      return true;
    },
    async open(key) {
      const file = locate(key);
      if (!file) return null;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: createReadStream(file), size: info.size, mtime: info.mtime };
    },
    async has(key) {
      const file = locate(key);
      if (!file) return false;
      const info = await stat(file).catch(() => null);
      return !!info?.isFile();
    },
    async delete(key) {
      const file = locate(key);
      if (!file) return false;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return false;
      try {
        await unlink(file);
        return true;
      } catch (err) {
        // Deleted meanwhile (another process, a second click): nothing left to do.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
    },
  };
}
