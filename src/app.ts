import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { FakeProConnect } from './adapters/auth/fake-proconnect.js';
import type { DatabaseHandle } from './adapters/db/connect.js';
import { createKyselySessionStore } from './adapters/db/session-store.kysely.js';
import { devMailsRoutes, type OutboxAdmin, renderMail } from './adapters/mail/index.js';
import { type AccountsModule, createAccountsModule } from './modules/accounts/index.js';
import { CATALOGUE_OPENAPI, type CatalogueModule, createCatalogueModule } from './modules/catalogue/index.js';
import { createEventsModule, type EventsModule } from './modules/events/index.js';
import { createFundModule, type FundModule } from './modules/fund/index.js';
import { createMeetingsModule, type MeetingsModule } from './modules/meetings/index.js';
import { createNewsModule, type NewsModule } from './modules/news/index.js';
import { siteRoutes } from './modules/site/index.js';
import { createTerritoriesModule, type TerritoriesModule } from './modules/territories/index.js';
import { etagAndCompression } from './platform/http/compression.js';
import type { AppEnv } from './platform/http/context.js';
import { csrf } from './platform/http/csrf.js';
import { errorPage, notFoundPage } from './platform/http/errors.js';
import { formBodies } from './platform/http/form-body.js';
import { createPageCache } from './platform/http/page-cache.js';
import { rateLimit, resolveClientAddress } from './platform/http/rate-limit.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { SESSION_COOKIE, sessions } from './platform/http/session.js';
import { staticFolder } from './platform/http/static.js';
import type { Logger } from './platform/logger.js';
import { APP_ASSETS_DIR, APP_PREFIX, DSFR_DIST, DSFR_PREFIX } from './platform/ui/assets-paths.js';
import type { NavItem } from './platform/ui/layout.js';
import type { Clock } from './ports/clock.js';
import type { FileStorage } from './ports/file-storage.js';
import type { IdentityProvider } from './ports/identity-provider.js';
import type { Outbox } from './ports/outbox.js';
import type { SearchIndex } from './ports/search-index.js';

export interface AppDeps {
  database: DatabaseHandle;
  search: SearchIndex;
  storage: FileStorage;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  outbox: Outbox;
  outboxAdmin: OutboxAdmin;
  identityProvider: IdentityProvider;
  /** The local ProConnect, mounted under its issuer's path (development and tests only). */
  fakeProConnect?: FakeProConnect;
  /** Where the development mailer writes, to show it under /_dev/mails; null with a real SMTP server. */
  devMailsDir?: string | null;
  /** The reverse proxies in front, whose X-Forwarded-For names the client (`TRUSTED_PROXIES`). */
  trustedProxies?: readonly string[];
}

export interface App {
  app: Hono<AppEnv>;
  news: NewsModule;
  territories: TerritoriesModule;
  accounts: AccountsModule;
  events: EventsModule;
  fund: FundModule;
  catalogue: CatalogueModule;
  meetings: MeetingsModule;
  /** Scheduled upkeep (expired sessions today, personal data purges later), run by the server's timer. */
  housekeeping(): Promise<void>;
}

/**
 * Builds the web application from its adapters: global middleware (request id, security headers, logs,
 * compression and ETag, form bodies, sessions, CSRF, write limits), static assets, every module's routes, and the error pages.
 *
 * @example
 * const { app } = createApp(deps); serve({ fetch: app.fetch, port: 3000 });
 */
export function createApp(deps: AppDeps): App {
  const app = new Hono<AppEnv>();
  const news = createNewsModule({
    db: deps.database.db,
    search: deps.search,
    storage: deps.storage,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
  });
  const territories = createTerritoriesModule({ db: deps.database.db, clock: deps.clock });
  const sessionStore = createKyselySessionStore(deps.database.db);
  const accounts = createAccountsModule({
    db: deps.database.db,
    outbox: deps.outbox,
    sessions: sessionStore,
    organisations: organisationDirectory(territories),
    idp: deps.identityProvider,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    loginLinkMail: ({ url, expiresInMinutes }) => ({
      subject: 'Votre lien de connexion à Numérique & Territoires',
      ...renderMail({
        preheader: `Lien valable ${expiresInMinutes} minutes, utilisable une fois.`,
        title: 'Connexion à Numérique & Territoires',
        paragraphs: [
          'Bonjour,',
          `Pour vous connecter, utilisez le lien ci-dessous. Il est valable ${expiresInMinutes} minutes et ne sert qu’une fois.`,
          'Si vous n’avez pas demandé ce lien, ignorez ce message : personne ne pourra se connecter sans lui.',
        ],
        action: { label: 'Me connecter', url },
      }),
    }),
  });
  const events = createEventsModule({
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    outbox: deps.outbox,
    outboxAdmin: deps.outboxAdmin,
    storage: deps.storage,
    publicUrl: deps.publicUrl,
    territories,
    audit: (e) => accounts.repo.audit(e),
  });
  const fund = createFundModule({
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    territories,
    audit: (e) => accounts.repo.audit(e),
  });
  const catalogue = createCatalogueModule({
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    outbox: deps.outbox,
    storage: deps.storage,
    publicUrl: deps.publicUrl,
    territories,
    audit: (e) => accounts.repo.audit(e),
    fund,
    accounts,
    siteSearch: deps.search,
    logger: deps.logger,
  });
  const meetings = createMeetingsModule({
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    outbox: deps.outbox,
    storage: deps.storage,
    publicUrl: deps.publicUrl,
    territories,
    audit: (e) => accounts.repo.audit(e),
  });
  const navigation: NavItem[] = [
    ...news.navigation,
    ...fund.navigation,
    ...catalogue.navigation,
    ...territories.navigation,
    ...events.navigation,
    ...meetings.navigation,
  ];

  app.use(requestId({ generator: () => crypto.randomUUID() }));
  // First, so that every answer carries them, those of the page cache's fast lane included.
  app.use(securityHeaders());
  app.use(resolveClientAddress(deps.trustedProxies ?? []));
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('logger', deps.logger);
    c.set('reqId', c.get('requestId'));
    c.set('navigation', navigation);
    await next();
    // Path only: query strings may hold what people searched for.
    deps.logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'requête',
    );
  });
  const pageCache = createPageCache({
    maxEntries: 2000,
    ttlMs: 30_000,
    now: () => deps.clock.now().getTime(),
  });
  // Pages already rendered for visitors without a session leave here, before the rest of the chain.
  app.use(pageCache.fastLane({ sessionCookie: SESSION_COOKIE }));
  app.use(etagAndCompression());

  app.get(`${DSFR_PREFIX}*`, staticFolder(DSFR_DIST, DSFR_PREFIX));
  app.get(`${APP_PREFIX}*`, staticFolder(APP_ASSETS_DIR, APP_PREFIX));

  // Browsers ask for it on pages that name no icon (the local ProConnect's).
  app.get('/favicon.ico', (c) => c.redirect(`${DSFR_PREFIX}favicon/favicon.ico`, 301));
  app.get('/healthz', (c) => c.json({ statut: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await news.queries.isEmpty();
      return c.json({ statut: 'prêt', base: deps.database.dialect });
    } catch {
      return c.json({ statut: 'indisponible', base: deps.database.dialect }, 503);
    }
  });

  // The local ProConnect answers server-to-server calls (token, userinfo) that carry no session nor CSRF token.
  deps.fakeProConnect?.mount(app);

  // Bodies are read whole by the CSRF check: their size is capped before that. Plain forms are read straight
  // from Node's request (the cheapest way, which counts in an opening rush); uploads go through Hono's limit
  // (the fund's import takes the largest files, a year of lauréats; every other form is small).
  const formMaxBytes = 8 * 1024 * 1024;
  app.use(formBodies({ maxBytes: formMaxBytes }));
  const importLimit = bodyLimit({ maxSize: 51 * 1024 * 1024, onError: tooLarge });
  const formLimit = bodyLimit({ maxSize: formMaxBytes, onError: tooLarge });
  app.use((c, next) => {
    if (c.get('formRead')) return next();
    return c.req.path === '/admin/fonds/import' ? importLimit(c, next) : formLimit(c, next);
  });
  app.use(sessions(sessionStore, deps.clock));
  app.use(csrf());
  // Forms are few and human: a flood of submissions is refused before it costs anything. Each session has
  // its own allowance, so that a whole administration behind one proxy can register at the same opening;
  // one address gets a wider ceiling, which a script rotating sessions meets.
  const writes = ['POST', 'PUT', 'PATCH', 'DELETE'];
  app.on(
    writes,
    '*',
    rateLimit({ limit: 120, windowMs: 60_000, clock: deps.clock, key: 'ecriture', per: 'session' }),
  );
  app.on(
    writes,
    '*',
    rateLimit({ limit: 3000, windowMs: 60_000, clock: deps.clock, key: 'ecriture-adresse' }),
  );

  news.onChange(() => pageCache.clear());
  events.onChange(() => pageCache.clear());
  fund.onChange(() => pageCache.clear());
  catalogue.onChange(() => pageCache.clear());
  meetings.onChange(() => pageCache.clear());
  app.use(accounts.middleware);
  app.use(pageCache.middleware);

  app.route(
    '/',
    siteRoutes({
      news,
      search: deps.search,
      storage: deps.storage,
      publicUrl: deps.publicUrl,
      navigation: () => navigation,
    }),
  );
  app.route('/', news.routes);
  app.route('/', territories.routes);
  app.route('/', accounts.routes);
  app.route('/', events.routes);
  // The catalogue answers its addresses of /api/v1 before the fund's API, which ends with its JSON 404.
  app.route('/', catalogue.routes);
  app.route('/', fund.routes);
  fund.addApiDocument(CATALOGUE_OPENAPI);
  app.route('/', meetings.routes);
  events.addPageLinks((eventId) => meetings.eventPageLinks(eventId));
  if (deps.devMailsDir) app.route('/', devMailsRoutes(deps.devMailsDir));
  app.get('*', news.itemRoute);

  app.notFound(notFoundPage);
  app.onError(errorPage);
  return {
    app,
    news,
    territories,
    accounts,
    events,
    fund,
    catalogue,
    meetings,
    async housekeeping() {
      const now = deps.clock.now();
      // Reminders, then personal data of past events once its retention ends (anonymous statistics stay).
      await events.housekeeping(now);
      // The espace de rencontres forgets the stand members of the events past their retention.
      await meetings.forgetPurged(await events.pastRetention(now));
      // Contact messages of the catalogue are logged (without addresses) for a year, for reports.
      await catalogue.housekeeping(now);
      const purged = await sessionStore.purgeExpired(now);
      await accounts.housekeeping(now);
      // Sent messages hold addresses: kept 90 days for delivery questions, then deleted.
      const mails = await deps.outboxAdmin.purgeSentBefore(
        new Date(now.getTime() - 90 * 24 * 60 * 60 * 1000),
      );
      deps.logger.info({ sessions: purged, courriels: mails }, 'entretien');
    },
  };
}

function tooLarge(_c: Context): never {
  throw new HTTPException(413, {
    message:
      'Le fichier envoyé est trop volumineux. Réduisez-le ou découpez-le, puis réessayez : rien n’a été enregistré.',
  });
}

/** The accounts module's view of organisations, from the territories module (SIREN, official name). */
function organisationDirectory(territories: TerritoriesModule) {
  const { organisations } = territories;
  const named = (o: { siren: string; name: string | null }) => ({
    siren: o.siren,
    name: o.name ?? `Organisation n° SIREN ${o.siren}`,
  });
  return {
    async findOrCreate({ siren }: { siren: string }) {
      const result = await organisations.findOrCreate({ siren });
      if (!result.ok) throw new Error(`SIREN refusé : ${result.error}`);
      return named(result.organisation);
    },
    async bySiren(siren: string) {
      const o = await organisations.bySiren(siren);
      return o ? named(o) : null;
    },
    async rename(siren: string, name: string) {
      const result = await organisations.rename(siren, name);
      if (!result) return null;
      return result.ok
        ? { ok: true as const }
        : {
            ok: false as const,
            message: 'Saisissez le nom officiel de l’organisation (300 caractères au plus).',
          };
    },
    async list({ q, page }: { q: string; page: number; perPage: number }) {
      const result = await organisations.list({ q, page });
      return { items: result.items.map((o) => ({ ...named(o), kind: o.kind })), total: result.total };
    },
  };
}
