import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, Env, Hono } from 'hono';
import type { Configuration, JWK, default as Provider } from 'oidc-provider';
import type { DemoAgent } from './demo-agents.js';
import { agentChoicePage, loggedOutPage, logoutPage, providerErrorPage } from './fake-proconnect-pages.js';
import { createMemoryAdapter } from './fake-proconnect-store.js';

export interface FakeProConnectOptions {
  /** Where the provider answers, with a path: e.g. `http://localhost:3000/_dev/proconnect`. */
  issuer: string;
  client: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    /** Shown on the agent choice page (default: the client id). */
    clientName?: string;
  };
  agents: readonly DemoAgent[];
  /** Where the provider's own internal errors go; they carry no token nor personal data. */
  logger?: { warn(fields: Record<string, unknown>, message: string): void };
}

export interface FakeProConnect {
  readonly issuer: string;
  /** The issuer's path, under which everything is mounted (e.g. `/_dev/proconnect`). */
  readonly path: string;
  /**
   * Adds the provider's routes to a Hono app served by @hono/node-server. Mount it before the session, CSRF and
   * rate-limit middleware: the token endpoint is called server to server with no session, and oidc-provider
   * guards its own forms (interaction cookie, xsrf field).
   */
  mount<E extends Env>(app: Hono<E>): void;
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Each ProConnect scope releases the claim of the same name. */
const PROCONNECT_CLAIMS = ['given_name', 'usual_name', 'email', 'uid', 'siret', 'idp_id'] as const;

/**
 * A local ProConnect on oidc-provider, for development and tests: the same scopes and claims, RS256 ID token
 * and userinfo (`application/jwt`), PKCE required, RP-initiated logout, and a page to pick a demo agent instead
 * of a password. Keys, sessions and grants live in memory and are renewed at each start. oidc-provider is
 * loaded only when this is called, so a production process never imports it.
 *
 * @example
 * const fake = await createFakeProConnect({
 *   issuer: 'http://localhost:3000/_dev/proconnect',
 *   client: { clientId: 'nt-local', clientSecret: 'nt-local-secret',
 *     redirectUris: ['http://localhost:3000/connexion/proconnect/retour'],
 *     postLogoutRedirectUris: ['http://localhost:3000/deconnexion/retour'] },
 *   agents: DEMO_AGENTS,
 * });
 * fake.mount(app); // before sessions(), csrf() and rateLimit()
 */
export async function createFakeProConnect(options: FakeProConnectOptions): Promise<FakeProConnect> {
  const { default: ProviderClass } = await import('oidc-provider');
  const path = new URL(options.issuer).pathname.replace(/\/$/, '');
  if (!path)
    throw new TypeError('L’adresse du ProConnect local doit avoir un chemin, par ex. /_dev/proconnect.');
  const agents = new Map(options.agents.map((agent) => [agent.sub, agent]));
  const clientName = options.client.clientName ?? options.client.clientId;
  const firstRedirect = options.client.redirectUris[0];
  const home = firstRedirect ? `${new URL(firstRedirect).origin}/` : undefined;

  const configuration: Configuration = {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        client_name: clientName,
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // As ProConnect: the secret in the token request's body, both tokens signed RS256.
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Named and scoped apart from the platform's own cookies, which share the origin.
      names: { session: 'pc_session', interaction: 'pc_interaction', resume: 'pc_interaction_resume' },
      long: { httpOnly: true, sameSite: 'lax', path },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    claims: {
      openid: ['sub'],
      ...Object.fromEntries(PROCONNECT_CLAIMS.map((claim) => [claim, [claim]])),
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    acrValues: ['eidas1'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      claimsParameter: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = await logoutPage(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = await loggedOutPage();
        },
      },
    },
    async findAccount(_ctx, sub) {
      const agent = agents.get(sub);
      if (!agent) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            given_name: agent.givenName,
            usual_name: agent.usualName,
            email: agent.email,
            uid: agent.uid,
            siret: agent.siret,
            idp_id: agent.idpId,
          };
        },
      };
    },
    interactions: { url: (_ctx, interaction) => `${path}/interaction/${interaction.uid}` },
    // ProConnect's own lifetimes where documented (code 30 s, access token 60 s); sessions short.
    ttl: {
      AuthorizationCode: 30,
      AccessToken: 60,
      IdToken: 60,
      Interaction: 10 * 60,
      Grant: 2 * 60 * 60,
      Session: 2 * 60 * 60,
    },
    clientBasedCORS: () => false,
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = await providerErrorPage({
        error: String(out.error ?? 'server_error'),
        description: typeof out.error_description === 'string' ? out.error_description : undefined,
        home,
      });
    },
  };

  const provider = new ProviderClass(options.issuer, configuration);
  provider.on('server_error', (_ctx: unknown, err: Error) => {
    options.logger?.warn({ err: err.message }, 'ProConnect local : erreur interne');
  });
  const callback = provider.callback();

  /** Grants every scope and claim the request asked for, so that no consent page is ever shown. */
  async function grantRequested(details: Interaction, accountId: string): Promise<string> {
    const { params } = details;
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId: String(params.client_id) });
    grant.addOIDCScope(String(params.scope ?? 'openid'));
    const claims = requestedClaims(params.claims);
    if (claims.length > 0) grant.addOIDCClaims(claims);
    return grant.save();
  }

  const interaction = async (c: Context) => {
    const { incoming, outgoing } = nodeBindings(c);
    let details: Interaction;
    try {
      details = await provider.interactionDetails(incoming, outgoing);
    } catch {
      return expired(c, home);
    }
    if (details.uid !== c.req.param('uid')) return expired(c, home);
    const finish = async (result: Parameters<Provider['interactionResult']>[2]) =>
      c.redirect(
        await provider.interactionResult(incoming, outgoing, result, { mergeWithLastSubmission: false }),
        303,
      );

    if (details.prompt.name !== 'login') {
      // Consent only: the agent chose earlier in this provider session.
      const accountId = details.session?.accountId;
      if (!accountId) return expired(c, home);
      return finish({ consent: { grantId: await grantRequested(details, accountId) } });
    }
    if (c.req.method === 'GET') {
      return c.html(await agentChoicePage({ action: c.req.path, agents: options.agents, clientName }));
    }
    const body = await c.req.parseBody();
    if (body.refus !== undefined) {
      return finish({ error: 'access_denied', error_description: 'L’agent a refusé la connexion.' });
    }
    const agent = typeof body.agent === 'string' ? agents.get(body.agent) : undefined;
    if (!agent) {
      const problem = 'Choisissez l’un des agents proposés.';
      return c.html(
        await agentChoicePage({ action: c.req.path, agents: options.agents, clientName, problem }),
        400,
      );
    }
    return finish({
      login: { accountId: agent.sub, acr: 'eidas1', amr: ['pwd'] },
      consent: { grantId: await grantRequested(details, agent.sub) },
    });
  };

  // Everything else is oidc-provider's own: hand it the raw Node request with the mount path taken off the
  // URL; `originalUrl` keeps the full one, from which oidc-provider rebuilds its absolute addresses.
  const passThrough = async (c: Context) => {
    const { incoming, outgoing } = nodeBindings(c);
    const original = incoming.url ?? '/';
    if (!original.startsWith(`${path}/`)) return c.notFound();
    const request = incoming as IncomingMessage & { originalUrl?: string };
    request.originalUrl = original;
    request.url = original.slice(path.length);
    try {
      await callback(request, outgoing);
    } finally {
      request.url = original;
    }
    // Already written to the socket; the marker headers tell @hono/node-server so. The real status is kept
    // for the platform's request log, which would otherwise record every provider answer as a 200.
    const status = outgoing.statusCode;
    return status >= 200 && status <= 599
      ? new Response(null, { status, headers: RESPONSE_ALREADY_SENT.headers })
      : RESPONSE_ALREADY_SENT;
  };

  return {
    issuer: options.issuer,
    path,
    mount(app) {
      app.on(['GET', 'POST'], `${path}/interaction/:uid`, interaction);
      app.all(`${path}/*`, passThrough);
    },
  };
}

function nodeBindings(c: Context): HttpBindings {
  const env = c.env as Partial<HttpBindings> | undefined;
  if (!env?.incoming || !env.outgoing) {
    throw new Error(
      'Le ProConnect local doit être servi par @hono/node-server (requête Node brute absente).',
    );
  }
  return env as HttpBindings;
}

async function expired(c: Context, home: string | undefined) {
  const page = await providerErrorPage({
    error: 'interaction_introuvable',
    description: 'Cette demande de connexion a expiré ou a déjà été traitée.',
    home,
  });
  return c.html(page, 400);
}

/** A fresh RS256 key for this run; tokens signed by an earlier run stop verifying, as after a key rotation. */
function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Claim names from the `claims` request parameter (`{"userinfo":{…},"id_token":{…}}`), ignoring bad JSON. */
function requestedClaims(parameter: unknown): string[] {
  if (typeof parameter !== 'string') return [];
  try {
    const parsed = JSON.parse(parameter) as { userinfo?: object; id_token?: object };
    return [...Object.keys(parsed.userinfo ?? {}), ...Object.keys(parsed.id_token ?? {})];
  } catch {
    return [];
  }
}
