/**
 * The back office mounted on the events' standalone test app (sessions, CSRF, accounts), with a temporary
 * upload folder: what the HTTP tests and the browser journey run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '../../../../../test/helpers/database.js';
import type { Dialect } from '../../../../adapters/db/connect.js';
import { createOutboxAdmin } from '../../../../adapters/mail/index.js';
import { createLocalFileStorage } from '../../../../adapters/storage/local-files.js';
import { createEventsBackoffice, type EventsBackoffice } from '../../events.backoffice.js';
import { standaloneEventsApp } from '../../testing/standalone-events-app.js';

export const TEST_PUBLIC_URL = 'http://localhost:3000';

/**
 * @example
 * const t = await backofficeTestApp({ now: '2023-01-18T08:30:00.000Z' });
 * const accueil = await t.signIn({ roles: [['accueil', `evenement:${event.id}`]] });
 */
export async function backofficeTestApp(
  options: { dialect?: Dialect; now?: string; publicUrl?: string } = {},
) {
  const uploads = await mkdtemp(join(tmpdir(), 'nt-backoffice-'));
  let backoffice: EventsBackoffice | undefined;
  const t = await standaloneEventsApp({
    dialect: options.dialect,
    now: options.now,
    database: freshDatabase,
    routes: (ctx) => {
      backoffice = createEventsBackoffice({
        db: ctx.db,
        dialect: ctx.dialect,
        outbox: ctx.outbox,
        outboxAdmin: createOutboxAdmin({ db: ctx.db, clock: ctx.clock }),
        storage: createLocalFileStorage(uploads),
        clock: ctx.clock,
        publicUrl: options.publicUrl ?? TEST_PUBLIC_URL,
      });
      return backoffice.routes;
    },
  });
  return {
    ...t,
    backoffice: backoffice!,
    uploads,
    async close() {
      await t.close();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

export type BackofficeTestApp = Awaited<ReturnType<typeof backofficeTestApp>>;
