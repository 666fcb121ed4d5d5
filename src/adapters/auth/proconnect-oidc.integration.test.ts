import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { IdentityProviderError, type LoginAttempt } from '../../ports/identity-provider.js';
import { DEMO_AGENTS, type DemoAgent } from './demo-agents.js';
import { createProConnectIdentityProvider } from './proconnect-oidc.js';
import {
  closedPort,
  type FakeServer,
  loginInBrowser,
  startFakeServer,
  TEST_CLIENT,
  TestBrowser,
} from './proconnect-test-kit.js';

const camille = DEMO_AGENTS[0] as DemoAgent;
const karim = DEMO_AGENTS[1] as DemoAgent;
// Declared by the provider but not by the adapter: the platform cannot create an agent without a name.
const nameless: DemoAgent = { ...camille, sub: 'f'.repeat(64), usualName: '', email: 'sans.nom@example.fr' };

let server: FakeServer;
before(async () => {
  server = await startFakeServer([...DEMO_AGENTS, nameless]);
});
after(() => server.close());

function adapter(issuer = server.issuer) {
  return createProConnectIdentityProvider({
    issuer,
    ...TEST_CLIENT,
    redirectUri: server.redirectUri,
    postLogoutRedirectUri: server.postLogoutRedirectUri,
    allowInsecureHttp: true,
  });
}

async function rejectsWith(promise: Promise<unknown>, code: IdentityProviderError['code']) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof IdentityProviderError, `IdentityProviderError attendue, reçu ${String(err)}`);
    assert.equal(err.code, code, `${err.code} (${err.detail ?? ''}) au lieu de ${code}`);
    assert.match(err.message, /ProConnect/);
    return true;
  });
}

function signedWithAnotherKey(payload: object, kid: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part({ ...payload, iat: Math.floor(Date.now() / 1000) })}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
}

function jwtPayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

describe('ProConnect through openid-client, against the local provider', () => {
  test('a full login gives the chosen agent’s claims, and logout ends the provider session', async () => {
    const idp = adapter();
    const browser = new TestBrowser();
    const attempt = await idp.startLogin();
    const authorize = new URL(attempt.url);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('scope'), 'openid given_name usual_name email uid siret idp_id');
    assert.ok(attempt.state.length >= 32 && attempt.nonce.length >= 32);

    const callback = await loginInBrowser(browser, attempt, server.redirectUri, camille);
    const identity = await idp.completeLogin(callback, attempt);
    const { idToken, ...claims } = identity;
    assert.deepEqual(claims, {
      sub: camille.sub,
      email: camille.email,
      givenName: camille.givenName,
      usualName: camille.usualName,
      uid: camille.uid,
      siret: camille.siret,
      idpId: camille.idpId,
    });
    const payload = jwtPayload(idToken);
    assert.equal(payload.nonce, attempt.nonce);
    assert.equal(payload.iss, server.issuer);
    assert.equal(payload.sub, camille.sub);

    // The provider session exists: a second login in the same browser needs no choice (single sign-on).
    const again = await idp.startLogin();
    const silent = await browser.follow(again.url, server.redirectUri);
    assert.equal(silent.response, undefined, 'retour direct au service attendu');
    assert.equal((await idp.completeLogin(new URL(silent.url), again)).sub, camille.sub);

    const logout = await idp.logoutUrl({
      idTokenHint: idToken,
      state: 'etat-de-deconnexion-0123456789abcdef',
    });
    assert.ok(logout);
    const end = new URL(logout);
    assert.equal(end.searchParams.get('id_token_hint'), idToken);
    assert.equal(end.searchParams.get('post_logout_redirect_uri'), server.postLogoutRedirectUri);
    const confirm = await browser.get(logout);
    assert.equal(confirm.status, 200);
    const page = await confirm.text();
    assert.match(page, /<html lang="fr"/);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    assert.ok(action && xsrf);
    const done = await browser.post(action, { xsrf, logout: 'yes' });
    assert.equal(done.status, 303);
    const back = new URL(done.headers.get('location') ?? '');
    assert.equal(`${back.origin}${back.pathname}`, server.postLogoutRedirectUri);
    assert.equal(back.searchParams.get('state'), 'etat-de-deconnexion-0123456789abcdef');

    // Session over: the next login asks again which agent.
    const third = await idp.startLogin();
    const choice = await browser.follow(third.url, server.redirectUri);
    assert.equal(choice.response?.status, 200);
    assert.match((await choice.response?.text()) ?? '', /Choisir un agent de démonstration/);
  });

  test('a callback whose state is not the attempt’s is refused before anything else', async () => {
    const idp = adapter();
    const attempt = await idp.startLogin();
    const callback = await loginInBrowser(new TestBrowser(), attempt, server.redirectUri, camille);
    await rejectsWith(idp.completeLogin(callback, { ...attempt, state: 'x'.repeat(43) }), 'state');
    const stripped = new URL(callback);
    stripped.searchParams.delete('state');
    await rejectsWith(idp.completeLogin(stripped, attempt), 'state');
  });

  test('an ID token minted for another attempt’s nonce is refused', async () => {
    const idp = adapter();
    const mine = await idp.startLogin();
    const other = await idp.startLogin();
    const callback = await loginInBrowser(new TestBrowser(), mine, server.redirectUri, camille);
    await rejectsWith(idp.completeLogin(callback, { ...mine, nonce: other.nonce }), 'nonce');
  });

  test('a code used twice is refused the second time', async () => {
    const idp = adapter();
    const attempt = await idp.startLogin();
    const callback = await loginInBrowser(new TestBrowser(), attempt, server.redirectUri, karim);
    assert.equal((await idp.completeLogin(callback, attempt)).email, karim.email);
    await rejectsWith(idp.completeLogin(callback, attempt), 'exchange');
  });

  test('a forged code, or the right code with another verifier, is refused', async () => {
    const idp = adapter();
    const attempt = await idp.startLogin();
    const callback = await loginInBrowser(new TestBrowser(), attempt, server.redirectUri, camille);
    const forged = new URL(callback);
    forged.searchParams.set('code', 'code-invente');
    await rejectsWith(idp.completeLogin(forged, attempt), 'exchange');
    const other = await idp.startLogin();
    await rejectsWith(
      idp.completeLogin(callback, { ...attempt, codeVerifier: other.codeVerifier }),
      'exchange',
    );
  });

  test('an agent who refuses comes back with access_denied', async () => {
    const idp = adapter();
    const attempt = await idp.startLogin();
    const callback = await loginInBrowser(new TestBrowser(), attempt, server.redirectUri, 'refus');
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    // A refusal is believed only for this browser's own attempt.
    await rejectsWith(idp.completeLogin(callback, { ...attempt, state: 'x'.repeat(43) }), 'state');
    await rejectsWith(idp.completeLogin(callback, attempt), 'denied');
  });

  test('a userinfo without the name the platform needs is refused', async () => {
    const idp = adapter();
    const attempt = await idp.startLogin();
    const callback = await loginInBrowser(new TestBrowser(), attempt, server.redirectUri, nameless);
    await assert.rejects(idp.completeLogin(callback, attempt), (err: unknown) => {
      assert.ok(err instanceof IdentityProviderError);
      assert.equal(err.code, 'userinfo');
      assert.equal(err.detail, 'missing_claims:usual_name');
      return true;
    });
  });

  test('a userinfo that is unsigned, or signed with another key than the provider’s, is refused', async () => {
    const discovery = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as {
      userinfo_endpoint: string;
      jwks_uri: string;
    };
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Array<{ kid: string }> };
    const claims = {
      sub: camille.sub,
      email: 'intrus@example.fr',
      given_name: 'Intrus',
      usual_name: 'Intrus',
      iss: server.issuer,
      aud: TEST_CLIENT.clientId,
    };
    const forgeries: Record<string, () => Response> = {
      json: () => Response.json(claims),
      'another key': () =>
        new Response(signedWithAnotherKey(claims, jwks.keys[0]?.kid ?? ''), {
          headers: { 'content-type': 'application/jwt' },
        }),
    };
    const userinfoPath = new URL(discovery.userinfo_endpoint).pathname;
    for (const [name, forge] of Object.entries(forgeries)) {
      const idp = adapter();
      const attempt = await idp.startLogin();
      const callback = await loginInBrowser(new TestBrowser(), attempt, server.redirectUri, camille);
      server.intercept = async (request) =>
        new URL(request.url).pathname === userinfoPath ? forge() : undefined;
      try {
        await rejectsWith(idp.completeLogin(callback, attempt), 'userinfo');
      } catch (err) {
        assert.fail(`${name} : ${String(err)}`);
      } finally {
        server.intercept = undefined;
      }
    }
  });

  test('an unreachable provider gives “unavailable” and is retried once it answers', async () => {
    const idp = adapter(`http://127.0.0.1:${await closedPort()}/_dev/proconnect`);
    await rejectsWith(idp.startLogin(), 'unavailable');
    const attempt: Omit<LoginAttempt, 'url'> = {
      state: 's'.repeat(43),
      nonce: 'n'.repeat(43),
      codeVerifier: 'v',
    };
    const callback = new URL(`${server.redirectUri}?code=abc&state=${attempt.state}`);
    await rejectsWith(idp.completeLogin(callback, attempt), 'unavailable');
    await rejectsWith(idp.logoutUrl({ idTokenHint: 'x', state: 'y' }), 'unavailable');

    const later = adapter();
    server.down = true;
    try {
      await rejectsWith(later.startLogin(), 'unavailable');
    } finally {
      server.down = false;
    }
    assert.match((await later.startLogin()).url, /\/_dev\/proconnect\/auth\?/);
  });

  test('plain http is refused unless asked for', () => {
    assert.throws(
      () =>
        createProConnectIdentityProvider({
          issuer: server.issuer,
          ...TEST_CLIENT,
          redirectUri: server.redirectUri,
        }),
      /https/,
    );
  });
});
