/**
 * ProConnect, the State's login for public agents, as the platform needs it: an OpenID Connect authorization
 * code flow with PKCE, state and nonce kept server-side, and a signed userinfo. The real adapter talks to
 * ProConnect; in development and tests a local provider stands in with the same claims.
 */

/** What to keep in the session between the redirect and the callback. */
export interface LoginAttempt {
  /** The provider's authorization address to redirect the browser to. */
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The agent as ProConnect describes them (scopes `openid given_name usual_name email uid siret idp_id`). */
export interface AgentIdentity {
  /** The provider's stable subject identifier. */
  sub: string;
  email: string;
  givenName: string;
  usualName: string;
  uid: string | null;
  siret: string | null;
  idpId: string | null;
  /** Kept for the logout (`id_token_hint`). */
  idToken: string;
}

export type IdentityErrorCode = 'state' | 'nonce' | 'denied' | 'exchange' | 'userinfo' | 'unavailable';

/**
 * A login that cannot complete; `code` says why, routes turn it into a French page. `message` is French and fit
 * to show; `detail` is a technical word for the logs (an OAuth error code such as `invalid_grant`, a library
 * error code, the names of missing claims) and never carries a token or personal data.
 */
export class IdentityProviderError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'IdentityProviderError';
  }
}

export interface IdentityProvider {
  /** Starts a login: fresh state, nonce and PKCE verifier, and the address to send the browser to. */
  startLogin(): Promise<LoginAttempt>;
  /**
   * Completes the login from the callback address the browser came back with: checks state, exchanges the
   * code (PKCE), checks the ID token and its nonce, and reads the signed userinfo. Throws IdentityProviderError.
   */
  completeLogin(callbackUrl: URL, expected: Omit<LoginAttempt, 'url'>): Promise<AgentIdentity>;
  /**
   * The provider's end-session address for this ID token, or null when the provider has none. Without
   * `postLogoutRedirectUri`, the adapter's configured one is used. Throws IdentityProviderError('unavailable')
   * when the provider cannot be reached: end the local session anyway.
   */
  logoutUrl(input: {
    idTokenHint: string;
    postLogoutRedirectUri?: string;
    state: string;
  }): Promise<string | null>;
}
