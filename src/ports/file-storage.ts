import type { Readable } from 'node:stream';

/** Where uploaded and imported files (images, PDFs under `/uploads/`) live. */
export interface FileStorage {
  /** Stores `data` under the relative `key` (e.g. `2023_01_05_JNT_AGENDA.jpg`); returns true if it changed. */
  put(key: string, data: Buffer): Promise<boolean>;
  /** Opens a stored file, or null when there is none (or the key tries to leave the storage). */
  open(key: string): Promise<{ stream: Readable; size: number; mtime: Date } | null>;
  has(key: string): Promise<boolean>;
  /** Deletes a stored file; false when there was none (or the key tries to leave the storage). */
  delete(key: string): Promise<boolean>;
}
