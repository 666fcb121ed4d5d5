/**
 * The events module's routes in a small app of their own, on a fresh database, with what they need from the
 * platform: sessions, CSRF, the accounts middleware (so `authorize`, `actorOf` and the header work), security
 * headers of the platform, static assets and the error pages. Shared by the three people working on events
 * for HTTP tests and browser journeys, until the app mounts the module.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { Hono as HonoApp } from 'hono';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { createKyselySessionStore } from '../../../adapters/db/session-store.kysely.js';
import { createKyselyOutbox } from '../../../adapters/mail/index.js';
import type { AppEnv } from '../../../platform/http/context.js';
import { csrf } from '../../../platform/http/csrf.js';
import { errorPage, notFoundPage } from '../../../platform/http/errors.js';
import { securityHeaders } from '../../../platform/http/security-headers.js';
import { SESSION_COOKIE, sessions } from '../../../platform/http/session.js';
import { staticFolder } from '../../../platform/http/static.js';
import { createLogger } from '../../../platform/logger.js';
import { APP_ASSETS_DIR, APP_PREFIX, DSFR_DIST, DSFR_PREFIX } from '../../../platform/ui/assets-paths.js';
import type { NavItem } from '../../../platform/ui/layout.js';
import { fixedClock } from '../../../ports/clock.js';
import type { IdentityProvider } from '../../../ports/identity-provider.js';
import type { Outbox } from '../../../ports/outbox.js';
import { randomToken, sha256 } from '../../../shared/hash.js';
import { createAccountsModule, type Role } from '../../accounts/index.js';
import type { AuditRecord } from '../events.service.js';

/** What the routes of a test are built from. */
export interface EventsTestContext {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: ReturnType<typeof fixedClock>;
  outbox: Outbox;
  audit: (event: AuditRecord) => Promise<void>;
}

export interface StandaloneEventsOptions {
  dialect?: Dialect;
  /** The fixed clock's start (default 2022-12-15T10:00:00Z: registration for the Journée is open). */
  now?: string;
  /** The routes to mount, built on the fresh database. */
  routes: (ctx: EventsTestContext) => Hono<AppEnv> | Array<Hono<AppEnv>>;
  navigation?: NavItem[];
  /** Opens the database; tests pass `freshDatabase` from test/helpers/database.ts. */
  database: (dialect: Dialect) => Promise<{ db: Kysely<Database>; dialect: Dialect; close(): Promise<void> }>;
}

/** A session as a test holds it: the cookie header and the CSRF token. */
export interface TestSession {
  id: string;
  email: string;
  cookie: string;
  csrf: string;
}

/**
 * @example
 * const t = await standaloneEventsApp({ database: freshDatabase, routes: (ctx) => createEventsCore(ctx).publicRoutes });
 * const organiser = await t.signIn({ roles: ['organisateur'] });
 * const res = await t.request('/organisation/evenements', { headers: { cookie: organiser.cookie } });
 * await t.close();
 */
export async function standaloneEventsApp(options: StandaloneEventsOptions) {
  const dialect = options.dialect ?? 'sqlite';
  const database = await options.database(dialect);
  const clock = fixedClock(options.now ?? '2022-12-15T10:00:00.000Z');
  const outbox = createKyselyOutbox({ clock });
  const sessionStore = createKyselySessionStore(database.db);
  const accounts = createAccountsModule({
    db: database.db,
    outbox,
    sessions: sessionStore,
    organisations: stubOrganisations,
    idp: unreachableIdp,
    clock,
    publicUrl: 'http://localhost:3000',
    loginLinkMail: ({ url }) => ({ subject: 'Lien de connexion', text: url, html: `<p>${url}</p>` }),
  });
  const audit = (event: AuditRecord) => accounts.repo.audit(event);
  const ctx: EventsTestContext = { db: database.db, dialect, clock, outbox, audit };

  const app = new HonoApp<AppEnv>();
  const logger = createLogger('silent');
  app.use(async (c, next) => {
    c.set('logger', logger);
    c.set('reqId', randomUUID());
    c.set('navigation', options.navigation ?? [{ label: 'Événements', href: '/evenements' }]);
    await next();
  });
  // The app's security headers and policy (src/app.ts).
  app.use(securityHeaders());
  app.get(`${DSFR_PREFIX}*`, staticFolder(DSFR_DIST, DSFR_PREFIX));
  app.get(`${APP_PREFIX}*`, staticFolder(APP_ASSETS_DIR, APP_PREFIX));
  app.use(sessions(sessionStore, clock));
  app.use(csrf());
  app.use(accounts.middleware);
  app.route('/', accounts.routes);
  const built = options.routes(ctx);
  for (const routes of Array.isArray(built) ? built : [built]) app.route('/', routes);
  app.notFound(notFoundPage);
  app.onError(errorPage);

  const request = (path: string, init?: RequestInit) => app.request(path, init);
  return {
    ...ctx,
    app,
    accounts,
    request,
    /**
     * A person with the given roles and a live session, as if they had logged in.
     *
     * @example
     * const o = await t.signIn({ roles: [['organisateur', 'evenement:journee-2023']] });
     */
    async signIn(
      opts: { kind?: 'agent' | 'contact'; roles?: Array<Role | [Role, string]>; email?: string } = {},
    ): Promise<TestSession> {
      const id = randomUUID();
      const at = clock.now().toISOString();
      const email = opts.email ?? `${id.slice(0, 8)}@example.gouv.fr`;
      const agent = opts.kind !== 'contact';
      await accounts.repo.insertPerson({
        id,
        kind: agent ? 'agent' : 'contact',
        email,
        givenName: 'Camille',
        usualName: `Testeur ${id.slice(0, 4)}`,
        proconnectSub: agent ? `sub-${id}` : null,
        uid: null,
        siret: agent ? '21380185500016' : null,
        idpId: null,
        organisationSiren: agent ? '213801855' : null,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: at,
      });
      for (const r of opts.roles ?? []) {
        const [role, scope] = Array.isArray(r) ? r : [r, ''];
        await accounts.repo.insertGrant({
          id: randomUUID(),
          personId: id,
          role,
          scope,
          grantedBy: null,
          grantedAt: at,
        });
      }
      const token = randomToken(32);
      const csrfToken = randomToken(32);
      await sessionStore.create(
        sha256(token),
        {
          personId: id,
          csrfToken,
          data: {},
          expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
        },
        clock.now(),
      );
      return { id, email, csrf: csrfToken, cookie: `${SESSION_COOKIE}=${token}` };
    },
    /**
     * A form POST with the session's cookie and CSRF token (a visitor's session when `session` is null).
     *
     * @example
     * await t.postForm('/organisation/evenements/nouveau', organiser, { title: 'Journée' });
     */
    postForm(path: string, session: TestSession, fields: Record<string, string> | URLSearchParams = {}) {
      const body = new URLSearchParams(fields);
      body.set('_csrf', session.csrf);
      return request(path, {
        method: 'POST',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    },
    close: () => database.close(),
  };
}

export type StandaloneEventsApp = Awaited<ReturnType<typeof standaloneEventsApp>>;

/** Organisations without the territories module: every SIREN is known under a generic name. */
const stubOrganisations = {
  async findOrCreate({ siren }: { siren: string }) {
    return { siren, name: `Organisation n° SIREN ${siren}` };
  },
  async bySiren(siren: string) {
    return { siren, name: `Organisation n° SIREN ${siren}` };
  },
  async list() {
    return { items: [], total: 0 };
  },
  async rename() {
    return null;
  },
};

const unreachableIdp: IdentityProvider = {
  startLogin: async () => {
    throw new Error('ProConnect indisponible (tests)');
  },
  completeLogin: async () => {
    throw new Error('ProConnect indisponible (tests)');
  },
  logoutUrl: async () => null,
};
