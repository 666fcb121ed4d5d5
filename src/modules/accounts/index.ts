/**
 * Accounts: who people are and what they may do. Public agents log in with ProConnect and belong to an
 * organisation (by SIREN); everyone else gets an account from a single-use e-mail link. Roles are granted by
 * administrators, the policy (`policy.ts`) answers every permission question, and the audit log records every
 * login, grant and change to someone's data.
 *
 * Glossary:
 * - agent: a public agent logged in with ProConnect.
 * - référent: answers for an organisation or a solution.
 * - opérateur: manages the fund's data of its scope (DINUM, DITP, ANCT, a préfecture).
 * - organisateur / accueil: runs events / checks people in.
 * - SIREN / SIRET: the 9-digit identifier of an organisation / the 14-digit one of one of its establishments.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { AppEnv } from '../../platform/http/context.js';
import type { Clock } from '../../ports/clock.js';
import type { IdentityProvider } from '../../ports/identity-provider.js';
import type { Outbox } from '../../ports/outbox.js';
import type { SessionStore } from '../../ports/session-store.js';
import { accountRoutes } from './account.routes.js';
import { loadActor } from './accounts.http.js';
import { createKyselyAccountsRepository } from './accounts.repository.kysely.js';
import { authRoutes } from './accounts.routes.js';
import { type AccountsDeps, createAccountsService, type OrganisationDirectory } from './accounts.service.js';
import { adminRoutes, type OrganisationLister } from './admin.routes.js';

export type { Actor, Person, Role } from './accounts.domain.js';
export { displayName, ROLE_LABELS, ROLES } from './accounts.domain.js';
export { actorOf, authorize, requestContext } from './accounts.http.js';
export type { Action } from './policy.js';
export { can } from './policy.js';

/** Builds the Accounts module from its adapters. */
export function createAccountsModule(deps: {
  db: Kysely<Database>;
  outbox: Outbox;
  sessions: SessionStore;
  organisations: OrganisationDirectory & OrganisationLister;
  idp: IdentityProvider;
  clock: Clock;
  publicUrl: string;
  loginLinkMail: AccountsDeps['loginLinkMail'];
}) {
  const repo = createKyselyAccountsRepository(deps.db);
  const service = createAccountsService({ ...deps, repo });
  const routes = new Hono<AppEnv>();
  routes.route('/', authRoutes({ service, idp: deps.idp, clock: deps.clock, publicUrl: deps.publicUrl }));
  routes.route('/', accountRoutes({ service, organisations: deps.organisations }));
  routes.route('/', adminRoutes({ service, repo, organisations: deps.organisations }));
  return {
    service,
    repo,
    /** Mount before the routes: loads the person behind the session for every page. */
    middleware: loadActor(service),
    routes,
    /** Scheduled upkeep: used and expired login links are deleted after a day. */
    async housekeeping(now: Date) {
      await repo.purgeMagicLinks(new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString());
    },
  };
}

export type AccountsModule = ReturnType<typeof createAccountsModule>;
