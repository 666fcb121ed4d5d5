import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FakeProConnect } from './adapters/auth/fake-proconnect.js';
import { createProConnectIdentityProvider } from './adapters/auth/proconnect-oidc.js';
import { connectDatabase, type DatabaseHandle } from './adapters/db/connect.js';
import { migrateToLatest } from './adapters/db/migrations/index.js';
import {
  type ConfiguredMailer,
  createKyselyOutbox,
  createMailer,
  createOutboxAdmin,
  createOutboxWorker,
  type OutboxWorker,
} from './adapters/mail/index.js';
import { createCachedSearchIndex, createSearchIndex } from './adapters/search/index.js';
import { createLocalFileStorage } from './adapters/storage/local-files.js';
import { type App, createApp } from './app.js';
import type { Config } from './config.js';
import { eventMailComposers } from './modules/events/index.js';
import { createLogger, type Logger } from './platform/logger.js';
import { type Clock, systemClock } from './ports/clock.js';
import { PROJECT_ROOT } from './shared/paths.js';

/** The demonstration content shipped with the platform, imported into an empty database. */
export const DEMO_CONTENT_DIR = join(PROJECT_ROOT, 'content/demo');

export interface Platform extends App {
  database: DatabaseHandle;
  logger: Logger;
  mailer: ConfiguredMailer;
  /** A worker sending the outbox's messages; the server starts one unless OUTBOX_WORKER=off. */
  createWorker(): OutboxWorker;
  close(): Promise<void>;
}

/**
 * The composition root's work, shared by the server and the CLI: opens and migrates the database named by
 * the configuration, builds the adapters (search, files, mail, ProConnect or its local stand-in) and the app.
 * The only place that chooses SQLite or PostgreSQL, SMTP or the development outbox, real or local ProConnect.
 *
 * @example
 * const platform = await bootstrap(loadConfig(process.env));
 */
export async function bootstrap(
  config: Config,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const database = connectDatabase(config.databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  const mailer = createMailer({
    smtpUrl: config.mail.smtpUrl ?? undefined,
    devOutboxDir: config.mail.devOutboxDir,
    from: config.mail.from,
    clock,
  });

  const redirectUri = `${config.publicUrl}/connexion/proconnect/retour`;
  const postLogoutRedirectUri = `${config.publicUrl}/deconnexion/terminee`;
  let idp = config.proconnect;
  let fakeProConnect: FakeProConnect | undefined;
  if (!idp) {
    // Loaded only here, so that production never imports the local provider.
    const { createFakeProConnect } = await import('./adapters/auth/fake-proconnect.js');
    const { DEMO_AGENTS } = await import('./adapters/auth/demo-agents.js');
    idp = {
      issuer: `${config.publicUrl}/_dev/proconnect`,
      clientId: 'numerique-territoires-local',
      clientSecret: randomBytes(24).toString('base64url'),
    };
    fakeProConnect = await createFakeProConnect({
      issuer: idp.issuer,
      client: {
        ...idp,
        clientName: 'Numérique & Territoires',
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [postLogoutRedirectUri],
      },
      agents: DEMO_AGENTS,
      logger,
    });
  }

  const app = createApp({
    database,
    // Searches repeat (the same words from many visitors); the cache forgets on every write in this process.
    search: createCachedSearchIndex(createSearchIndex(database)),
    storage: createLocalFileStorage(config.uploadsDir),
    clock,
    logger,
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
    outbox: createKyselyOutbox({ clock }),
    outboxAdmin: createOutboxAdmin({ db: database.db, clock }),
    identityProvider: createProConnectIdentityProvider({
      ...idp,
      redirectUri,
      postLogoutRedirectUri,
      allowInsecureHttp: !!fakeProConnect,
    }),
    fakeProConnect,
    devMailsDir: mailer.transport === 'dev-outbox' ? config.mail.devOutboxDir : null,
  });
  return {
    ...app,
    database,
    logger,
    mailer,
    createWorker: () =>
      createOutboxWorker({
        db: database.db,
        dialect: database.dialect,
        mailer,
        clock,
        logger,
        composers: eventMailComposers(database.db),
      }),
    async close() {
      await mailer.close();
      await database.close();
    },
  };
}

/** Roles given to the local ProConnect's demonstration agents, so that every page can be tried. */
export const DEMO_ROLES: Array<{
  email: string;
  role: 'administrateur' | 'organisateur' | 'referent';
  scope?: string;
}> = [
  { email: 'lea.moreau@numerique.example.gouv.fr', role: 'administrateur' },
  { email: 'lea.moreau@numerique.example.gouv.fr', role: 'organisateur' },
  { email: 'camille.rousset@grenoble.example.fr', role: 'referent', scope: 'organisation:213801855' },
];

/**
 * Loads the demonstration content (publications, the demonstration agents' roles, the Journées) when the
 * database has no content yet; with `laureats`, also the 5,000 generated lauréats, which need the COG loaded.
 */
export async function seedDemoIfEmpty(
  platform: Platform,
  options: { laureats?: boolean } = {},
): Promise<boolean> {
  await platform.fund.core.service.ensureDispositifs();
  if (options.laureats) await platform.fund.dashboard.seedDemoLaureats();
  if (!(await platform.news.queries.isEmpty())) return false;
  const report = await platform.news.importContent(DEMO_CONTENT_DIR);
  for (const { email, role, scope } of DEMO_ROLES) {
    await platform.accounts.service.ensureRole(email, role, scope);
  }
  await platform.events.seedDemoEvent();
  await platform.catalogue.seedDemo();
  await platform.meetings.seedDemo();
  platform.logger.info(
    { created: report.created.length, rejected: report.rejected.length },
    'contenu de démonstration chargé',
  );
  return true;
}
