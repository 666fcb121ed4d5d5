import { timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import {
  type AgentIdentity,
  type IdentityErrorCode,
  type IdentityProvider,
  IdentityProviderError,
  type LoginAttempt,
} from '../../ports/identity-provider.js';

/** The scopes the platform asks ProConnect for; each scope names the one claim it releases. */
export const PROCONNECT_SCOPES = 'openid given_name usual_name email uid siret idp_id';

export interface ProConnectOptions {
  /** e.g. `https://proconnect.gouv.fr/api/v2`, or the local provider's `http://localhost:3000/_dev/proconnect`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback address registered with ProConnect, e.g. `https://…/connexion/proconnect/retour`. */
  redirectUri: string;
  /** Where ProConnect sends the browser after logout, when a call to `logoutUrl` names none. */
  postLogoutRedirectUri?: string;
  /** Lets openid-client talk plain HTTP: only for the local provider in development and tests. */
  allowInsecureHttp?: boolean;
  /** Seconds before a call to the provider is given up (default 10). */
  timeoutSeconds?: number;
}

const MESSAGES: Record<IdentityErrorCode, string> = {
  state: 'La réponse de ProConnect ne correspond à aucune connexion en cours. Recommencez la connexion.',
  nonce: 'La réponse de ProConnect n’a pas pu être vérifiée (jeton inattendu). Recommencez la connexion.',
  denied: 'La connexion a été refusée ou annulée sur ProConnect.',
  exchange: 'La connexion n’a pas pu être confirmée auprès de ProConnect (lien déjà utilisé ou expiré).',
  userinfo: 'ProConnect n’a pas transmis les informations nécessaires (prénom, nom, adresse électronique).',
  unavailable: 'ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes.',
};

function fail(code: IdentityErrorCode, detail?: string): IdentityProviderError {
  return new IdentityProviderError(code, MESSAGES[code], detail);
}

/**
 * Login with ProConnect through openid-client: authorization code flow with PKCE (S256), random state and nonce,
 * an ID token and a userinfo both signed RS256 and both checked against the provider's keys. Discovery happens on
 * first use and is kept; if the provider is down it is retried on the next call, so a ProConnect outage at
 * startup never stops the platform — the login page says "ProConnect ne répond pas" instead.
 *
 * @example
 * const idp = createProConnectIdentityProvider({
 *   issuer: 'https://proconnect.gouv.fr/api/v2', clientId, clientSecret,
 *   redirectUri: 'https://nt.example.gouv.fr/connexion/proconnect/retour',
 * });
 * const attempt = await idp.startLogin(); // keep state, nonce and codeVerifier in the session, redirect to url
 * const agent = await idp.completeLogin(new URL(callbackHref), attempt);
 */
export function createProConnectIdentityProvider(options: ProConnectOptions): IdentityProvider {
  const issuer = new URL(options.issuer);
  if (issuer.protocol !== 'https:' && !options.allowInsecureHttp) {
    throw new TypeError(
      `L’adresse de ProConnect doit commencer par https:// (reçu ${issuer.origin}) ; le http n’est permis que pour le fournisseur local.`,
    );
  }
  const metadata: Partial<oidc.ClientMetadata> = {
    // Registered this way with ProConnect: openid-client then refuses an unsigned userinfo or another algorithm.
    id_token_signed_response_alg: 'RS256',
    userinfo_signed_response_alg: 'RS256',
  };
  let configuration: Promise<oidc.Configuration> | null = null;

  /** Discovery, once; a failure is forgotten so that the next login tries again. */
  function discover(): Promise<oidc.Configuration> {
    if (!configuration) {
      const pending = oidc
        .discovery(issuer, options.clientId, metadata, oidc.ClientSecretPost(options.clientSecret), {
          execute: options.allowInsecureHttp ? [oidc.allowInsecureRequests] : [],
          timeout: options.timeoutSeconds ?? 10,
        })
        .then((discovered) => {
          // openid-client checks the userinfo JWT's algorithm, audience and issuer but verifies signatures only
          // with this on: the ID token's and the userinfo's, against the provider's published keys.
          oidc.enableNonRepudiationChecks(discovered);
          return discovered;
        });
      configuration = pending;
      pending.catch(() => {
        if (configuration === pending) configuration = null;
      });
    }
    return configuration.catch((err: unknown) => {
      throw fail('unavailable', technical(err));
    });
  }

  return {
    async startLogin(): Promise<LoginAttempt> {
      const config = await discover();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      // ProConnect wants at least 32 characters for both: these are 43.
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: PROCONNECT_SCOPES,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async completeLogin(callbackUrl, expected): Promise<AgentIdentity> {
      const params = callbackUrl.searchParams;
      // State first: an answer that does not belong to this browser's attempt is never read further.
      const state = params.get('state');
      if (!state || !sameSecret(state, expected.state)) throw fail('state');
      const error = params.get('error');
      if (error) throw callbackError(error);
      if (!params.get('code')) throw fail('exchange', 'missing_code');

      const config = await discover();
      // The token request must repeat the registered redirect_uri exactly; behind a proxy the address the app
      // saw may differ (scheme, host), so only the query is taken from it.
      const current = new URL(options.redirectUri);
      current.search = callbackUrl.search;
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, current, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
      } catch (err) {
        if (isAbout(err, 'nonce')) throw fail('nonce', technical(err));
        throw fail(isUnreachable(err) ? 'unavailable' : 'exchange', technical(err));
      }
      const claims = tokens.claims();
      if (!tokens.id_token || !claims) throw fail('exchange', 'missing_id_token');

      let info: oidc.UserInfoResponse;
      try {
        info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      } catch (err) {
        throw fail('userinfo', technical(err));
      }
      return toIdentity(info, tokens.id_token);
    },

    async logoutUrl({ idTokenHint, postLogoutRedirectUri, state }) {
      const config = await discover();
      if (!config.serverMetadata().end_session_endpoint) return null;
      const target = postLogoutRedirectUri ?? options.postLogoutRedirectUri;
      return oidc.buildEndSessionUrl(config, {
        id_token_hint: idTokenHint,
        state,
        ...(target ? { post_logout_redirect_uri: target } : {}),
      }).href;
    },
  };
}

/** The agent from the verified userinfo; the three claims the platform cannot work without are required. */
function toIdentity(info: oidc.UserInfoResponse, idToken: string): AgentIdentity {
  const email = text(info.email);
  const givenName = text(info.given_name);
  const usualName = text(info.usual_name);
  const missing = Object.entries({ email, given_name: givenName, usual_name: usualName })
    .filter(([, value]) => value === null)
    .map(([name]) => name);
  if (!email || !givenName || !usualName) throw fail('userinfo', `missing_claims:${missing.join(',')}`);
  return {
    sub: info.sub,
    email,
    givenName,
    usualName,
    uid: text(info.uid),
    siret: text(info.siret),
    idpId: text(info.idp_id),
    idToken,
  };
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An `error` in the callback: the agent said no, or ProConnect could not serve the request. */
function callbackError(error: string): IdentityProviderError {
  // Only a known OAuth code goes to the logs: the parameter is whatever the browser brought back.
  const detail = /^[a-z_]{1,40}$/.test(error) ? error : 'unknown_error';
  if (['access_denied', 'login_required', 'consent_required', 'interaction_required'].includes(error)) {
    return fail('denied', detail);
  }
  if (error === 'server_error' || error === 'temporarily_unavailable') return fail('unavailable', detail);
  return fail('exchange', detail);
}

function sameSecret(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Walks an error's causes: openid-client wraps oauth4webapi's errors, which say which claim failed. */
function* causes(err: unknown): Generator<Record<string, unknown>> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

function isAbout(err: unknown, claim: string): boolean {
  for (const cause of causes(err)) if (cause.claim === claim) return true;
  return false;
}

/** No answer at all (refused, timed out) or a 5xx: the provider is down rather than the request wrong. */
function isUnreachable(err: unknown): boolean {
  for (const cause of causes(err)) {
    if (cause instanceof TypeError && cause.message === 'fetch failed') return true;
    if (cause.code === 'OAUTH_TIMEOUT' || cause.name === 'TimeoutError') return true;
    if (cause.error === 'server_error' || cause.error === 'temporarily_unavailable') return true;
    if (cause instanceof Response && cause.status >= 500) return true;
  }
  return false;
}

/**
 * A word for the logs: the OAuth error code or the library's error code. Error causes are not kept on purpose:
 * openid-client attaches response bodies to them, and a userinfo body is personal data.
 */
function technical(err: unknown): string {
  for (const cause of causes(err)) {
    if (typeof cause.error === 'string') return cause.error.slice(0, 60);
    if (typeof cause.code === 'string') return cause.code.slice(0, 60);
  }
  return err instanceof Error ? err.name : 'unknown';
}
