import { fileURLToPath } from 'node:url';
import { connectDatabase, type DatabaseHandle } from './adapters/db/connect.js';
import { migrateToLatest } from './adapters/db/migrations/index.js';
import { createSearchIndex } from './adapters/search/index.js';
import { createLocalFileStorage } from './adapters/storage/local-files.js';
import { type App, createApp } from './app.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './platform/logger.js';
import { type Clock, systemClock } from './ports/clock.js';

/** The demonstration content shipped with the platform, imported into an empty database. */
export const DEMO_CONTENT_DIR = fileURLToPath(new URL('../content/demo', import.meta.url));

export interface Platform extends App {
  database: DatabaseHandle;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * The composition root's work, shared by the server and the CLI: opens and migrates the database named by
 * the configuration, builds the adapters and the app. The only place that chooses SQLite or PostgreSQL.
 *
 * @example
 * const platform = await bootstrap(loadConfig(process.env));
 */
export async function bootstrap(
  config: Config,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = connectDatabase(config.databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  const search = createSearchIndex(database);
  const storage = createLocalFileStorage(config.uploadsDir);
  const app = createApp({
    database,
    search,
    storage,
    clock: options.clock ?? systemClock,
    logger,
    publicUrl: config.publicUrl,
  });
  return { ...app, database, logger, close: () => database.close() };
}

/** Loads the demonstration content when the database has no content yet. */
export async function seedDemoIfEmpty(platform: Platform): Promise<boolean> {
  if (!(await platform.news.queries.isEmpty())) return false;
  const report = await platform.news.importContent(DEMO_CONTENT_DIR);
  platform.logger.info(
    { created: report.created.length, rejected: report.rejected.length },
    'contenu de démonstration chargé',
  );
  return true;
}
