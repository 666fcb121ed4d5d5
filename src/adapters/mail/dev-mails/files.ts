import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the development outbox keeps of a message beside its `.eml`, to list and show it without parsing MIME. */
export interface DevMailRecord {
  id: string;
  /** When it was written, ISO UTC. */
  date: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
}

/** Ids sort as time (`20250312T091500123Z-…`), and only these characters ever reach a file path. */
const ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/**
 * A new id for a message written at `date`: sortable, and safe as a file name.
 *
 * @example
 * devMailId(new Date('2025-03-12T09:15:00.123Z')); // '20250312T091500123Z-9f1c2b7a'
 */
export function devMailId(date: Date): string {
  return `${date.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** True when `id` is one `devMailId` could have made: the guard against paths like `../../etc/passwd`. */
export function isDevMailId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** The `.eml` file of a message. */
export function devMailEmlPath(dir: string, id: string): string {
  if (!isDevMailId(id)) throw new Error(`Identifiant de courriel invalide : ${id}`);
  return join(dir, `${id}.eml`);
}

/**
 * Writes a message: the `.eml` first, then its record (through a temporary name, so that a listing never
 * reads half a file).
 *
 * @example
 * await writeDevMail('var/mails', record, emlBuffer);
 */
export async function writeDevMail(dir: string, record: DevMailRecord, eml: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(devMailEmlPath(dir, record.id), eml);
  const json = join(dir, `${record.id}.json`);
  await writeFile(`${json}.tmp`, JSON.stringify(record, null, 2));
  await rename(`${json}.tmp`, json);
}

/**
 * The most recent messages, newest first.
 *
 * @example
 * const latest = await listDevMails('var/mails', 50);
 */
export async function listDevMails(dir: string, limit = 200): Promise<DevMailRecord[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ids = names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter(isDevMailId)
    .sort()
    .reverse()
    .slice(0, limit);
  const records = await Promise.all(ids.map((id) => readDevMail(dir, id)));
  return records.filter((r): r is DevMailRecord => r !== null);
}

/**
 * One message's record, or null when there is none (or the id is not one of ours).
 *
 * @example
 * const mail = await readDevMail('var/mails', '20250312T091500123Z-9f1c2b7a');
 */
export async function readDevMail(dir: string, id: string): Promise<DevMailRecord | null> {
  if (!isDevMailId(id)) return null;
  try {
    return JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as DevMailRecord;
  } catch {
    return null;
  }
}
