import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Dialect } from '../../src/adapters/db/connect.js';
import { createKyselyOutbox, createOutboxAdmin } from '../../src/adapters/mail/index.js';
import { createCachedSearchIndex, createSearchIndex } from '../../src/adapters/search/index.js';
import { createLocalFileStorage } from '../../src/adapters/storage/local-files.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/platform/logger.js';
import { fixedClock } from '../../src/ports/clock.js';
import { type IdentityProvider, IdentityProviderError } from '../../src/ports/identity-provider.js';
import { freshDatabase } from './database.js';

export const TEST_PUBLIC_URL = 'http://localhost:3000';

/**
 * The whole app on a fresh database of the given dialect, with a fixed clock and a temporary upload folder.
 *
 * @example
 * const t = await testPlatform('sqlite'); const res = await t.request('/'); await t.close();
 */
export async function testPlatform(
  dialect: Dialect = 'sqlite',
  options: { identityProvider?: IdentityProvider; publicUrl?: string } = {},
) {
  const database = await freshDatabase(dialect);
  const uploads = await mkdtemp(join(tmpdir(), 'nt-uploads-'));
  const clock = fixedClock('2023-01-20T10:00:00.000Z');
  const storage = createLocalFileStorage(uploads);
  const built = createApp({
    database,
    search: createCachedSearchIndex(createSearchIndex(database)),
    storage,
    clock,
    logger: createLogger('silent'),
    publicUrl: options.publicUrl ?? TEST_PUBLIC_URL,
    outbox: createKyselyOutbox({ clock }),
    outboxAdmin: createOutboxAdmin({ db: database.db, clock }),
    identityProvider: options.identityProvider ?? unreachableProConnect,
  });
  const { app, news } = built;
  return {
    ...built,
    app,
    news,
    database,
    clock,
    storage,
    request: (path: string, init?: RequestInit) => app.request(path, init),
    async close() {
      await database.close();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

/**
 * Writes a content folder laid out as the programme's site, from a map of relative paths to contents.
 *
 * @example
 * const dir = await contentFolder({ '_communiques/a.md': markdownFile({ title: 'A' }) });
 */
export async function contentFolder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nt-content-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/**
 * A Markdown file with YAML front matter, from front-matter lines (written as given, so that tests can hold
 * the quirks of real files) and a body.
 *
 * @example
 * markdownFile(['title: Bonjour', 'date: 2023-01-13 10:00:00 +01:00'], 'Corps')
 */
export function markdownFile(frontMatter: string[], body = 'Corps du texte.'): string {
  return `---\n${frontMatter.join('\n')}\n---\n\n${body}\n`;
}

/** A plain article's front matter, with overrides appended. */
export function article(title: string, date: string, extra: string[] = []): string[] {
  return [`title: '${title.replace(/'/g, "''")}'`, `date: ${date}`, ...extra];
}

/** A ProConnect that never answers: for tests that do not log in through it. */
export const unreachableProConnect: IdentityProvider = {
  startLogin: async () => {
    throw new IdentityProviderError('unavailable', 'ProConnect ne répond pas (tests)');
  },
  completeLogin: async () => {
    throw new IdentityProviderError('unavailable', 'ProConnect ne répond pas (tests)');
  },
  logoutUrl: async () => null,
};
