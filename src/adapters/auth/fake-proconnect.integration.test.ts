import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { validateHtml } from '../../../test/helpers/html-validator.js';
import { DEMO_AGENTS, type DemoAgent } from './demo-agents.js';
import { type FakeServer, startFakeServer, TEST_CLIENT, TestBrowser } from './proconnect-test-kit.js';

type Discovery = Record<string, unknown> & {
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
};

const camille = DEMO_AGENTS[0] as DemoAgent;
const SCOPES = 'openid given_name usual_name email uid siret idp_id';
const VERIFIER = 'un-verificateur-pkce-de-test-suffisamment-long-0123456789';

let server: FakeServer;
let discovery: Discovery;
before(async () => {
  server = await startFakeServer();
  discovery = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
});
after(() => server.close());

/** An authorization request written by hand, as a client library would. */
function authorizeUrl(overrides: Record<string, string | null> = {}): string {
  const url = new URL(discovery.authorization_endpoint);
  const params: Record<string, string | null> = {
    client_id: TEST_CLIENT.clientId,
    response_type: 'code',
    redirect_uri: server.redirectUri,
    scope: SCOPES,
    state: 's'.repeat(32),
    nonce: 'n'.repeat(32),
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.href;
}

/** Opens the authorization address in a fresh browser and returns the interaction page's address and HTML. */
async function interactionPage(browser = new TestBrowser()) {
  const shown = await browser.follow(authorizeUrl(), server.redirectUri);
  assert.equal(shown.response?.status, 200);
  return { browser, url: shown.url, html: (await shown.response?.text()) ?? '' };
}

/** A whole login by hand: choose Camille, exchange the code (PKCE, secret in the body), return the tokens. */
async function loginForTokens(browser: TestBrowser): Promise<{ access_token: string; id_token: string }> {
  const { url } = await interactionPage(browser);
  const chosen = await browser.post(url, { agent: camille.sub });
  const back = await browser.follow(url, server.redirectUri, chosen);
  const code = new URL(back.url).searchParams.get('code');
  assert.ok(code);
  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: server.redirectUri,
      code_verifier: VERIFIER,
      client_id: TEST_CLIENT.clientId,
      client_secret: TEST_CLIENT.clientSecret,
    }),
  });
  assert.equal(tokenResponse.status, 200);
  return (await tokenResponse.json()) as { access_token: string; id_token: string };
}

describe('the local ProConnect', () => {
  test('publishes ProConnect’s scopes and claims, signed userinfo, PKCE S256 and logout', () => {
    assert.equal(discovery.issuer, server.issuer);
    for (const scope of SCOPES.split(' '))
      assert.ok((discovery.scopes_supported as string[]).includes(scope), scope);
    for (const claim of SCOPES.split(' ').slice(1)) {
      assert.ok((discovery.claims_supported as string[]).includes(claim), claim);
    }
    assert.ok((discovery.userinfo_signing_alg_values_supported as string[]).includes('RS256'));
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.match(discovery.end_session_endpoint, /^http:\/\/127\.0\.0\.1:\d+\/_dev\/proconnect\//);
  });

  test('answers userinfo as a JWT signed RS256 with its published key', async () => {
    const tokens = await loginForTokens(new TestBrowser());
    const userinfo = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    assert.equal(userinfo.status, 200);
    assert.match(userinfo.headers.get('content-type') ?? '', /^application\/jwt/);
    const jwt = await userinfo.text();
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as {
      alg: string;
      kid: string;
    };
    assert.equal(alg, 'RS256');
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Array<{ kid: string }> };
    const key = jwks.keys.find((k) => k.kid === kid);
    assert.ok(key, 'clé de signature publiée');
    const publicKey = createPublicKey({ key: key as never, format: 'jwk' });
    assert.ok(
      verify(
        'RSA-SHA256',
        Buffer.from(`${header}.${payload}`),
        publicKey,
        Buffer.from(signature, 'base64url'),
      ),
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    assert.deepEqual(
      [
        claims.sub,
        claims.email,
        claims.given_name,
        claims.usual_name,
        claims.uid,
        claims.siret,
        claims.idp_id,
      ],
      [
        camille.sub,
        camille.email,
        camille.givenName,
        camille.usualName,
        camille.uid,
        camille.siret,
        camille.idpId,
      ],
    );
    assert.equal(claims.aud, TEST_CLIENT.clientId);

    // The same token as JSON is not on offer: ProConnect's clients only ever get the signed form.
    const idClaims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString());
    assert.equal(
      idClaims.email,
      undefined,
      'l’ID token ne porte que l’identifiant, les données passent par userinfo',
    );
  });

  test('refuses an authorization request without PKCE', async () => {
    const browser = new TestBrowser();
    const refused = await browser.follow(
      authorizeUrl({ code_challenge: null, code_challenge_method: null }),
      server.redirectUri,
    );
    const error = new URL(refused.url).searchParams.get('error');
    assert.equal(error, 'invalid_request');
  });

  test('shows an accessible, valid, script-free agent choice page in French', async () => {
    const { html } = await interactionPage();
    assert.match(html, /^<!DOCTYPE html><html lang="fr"/);
    assert.match(
      html,
      /<title>Choisir un agent de démonstration — ProConnect local \(démonstration\)<\/title>/,
    );
    assert.equal(html.match(/<h1/g)?.length, 1);
    assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+=/i, 'ni script ni style en ligne');
    assert.match(
      html,
      /Fournisseur d’identité local de démonstration — remplace ProConnect en développement/,
    );
    for (const agent of DEMO_AGENTS) {
      assert.ok(html.includes(`value="${agent.sub}"`), agent.email);
      assert.ok(html.includes(agent.email));
    }
    assert.ok(html.includes('213 801 855 00015'), 'SIRET lisible');
    assert.deepEqual(await validateHtml({ 'choix-agent.html': html }), []);
  });

  test('re-asks, without losing the attempt, when the chosen agent is unknown', async () => {
    const { browser, url } = await interactionPage();
    const wrong = await browser.post(url, { agent: 'inconnu' });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /Choisissez l’un des agents proposés/);
    const right = await browser.post(url, { agent: camille.sub });
    const back = await browser.follow(url, server.redirectUri, right);
    assert.ok(new URL(back.url).searchParams.get('code'));
  });

  test('an interaction opened without its cookie gives a French error page, not a crash', async () => {
    const { url } = await interactionPage();
    const stranger = await new TestBrowser().get(url);
    assert.equal(stranger.status, 400);
    const html = await stranger.text();
    assert.match(html, /<html lang="fr"/);
    assert.match(html, /a expiré ou a déjà été traitée/);
    assert.deepEqual(await validateHtml({ 'erreur.html': html }), []);
  });

  test('renders its own errors in French (here an unknown client)', async () => {
    const response = await fetch(authorizeUrl({ client_id: 'inconnu' }), { redirect: 'manual' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /La demande de connexion n’a pas pu aboutir/);
    assert.match(html, /invalid_client/);
    assert.deepEqual(await validateHtml({ 'erreur-client.html': html }), []);
  });

  test('asks before logging out, on valid French pages', async () => {
    const browser = new TestBrowser();
    const tokens = await loginForTokens(browser);
    const end = new URL(discovery.end_session_endpoint);
    end.searchParams.set('id_token_hint', tokens.id_token);
    const confirm = await browser.get(end.href);
    assert.equal(confirm.status, 200);
    const page = await confirm.text();
    assert.match(page, /<h1>Se déconnecter<\/h1>/);
    assert.doesNotMatch(page, /<script|\sstyle=/i);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    assert.ok(action && xsrf);
    // Without a post_logout_redirect_uri the provider shows its own "déconnecté" page.
    const done = await browser.follow(
      action,
      server.redirectUri,
      await browser.post(action, { xsrf, logout: 'yes' }),
    );
    assert.equal(done.response?.status, 200);
    const success = (await done.response?.text()) ?? '';
    assert.match(success, /Vous êtes déconnecté/);
    assert.deepEqual(await validateHtml({ 'deconnexion.html': page, 'deconnecte.html': success }), []);
  });

  test('never shows a consent page, even when the provider session outlives the grant', async () => {
    const browser = new TestBrowser();
    const tokens = await loginForTokens(browser);
    const end = new URL(discovery.end_session_endpoint);
    end.searchParams.set('id_token_hint', tokens.id_token);
    const page = await (await browser.get(end.href)).text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    assert.ok(action && xsrf);
    // “Rester connecté au fournisseur”: this client's grant is withdrawn, the provider session stays.
    await browser.post(action, { xsrf });
    const back = await browser.follow(authorizeUrl(), server.redirectUri);
    assert.equal(back.response, undefined, 'retour direct au service, sans page de consentement');
    assert.ok(new URL(back.url).searchParams.get('code'));
  });

  test('keeps its cookies under its own path, apart from the platform’s', async () => {
    const { browser, url } = await interactionPage();
    const chosen = await browser.post(url, { agent: camille.sub });
    const setCookies: string[] = [];
    let response = chosen;
    let current = url;
    for (let hop = 0; hop < 5 && response.headers.get('location'); hop++) {
      current = new URL(response.headers.get('location') ?? '', current).href;
      if (current.startsWith(server.redirectUri)) break;
      response = await browser.get(current);
      setCookies.push(...response.headers.getSetCookie());
    }
    const session = setCookies.find((line) => line.startsWith('pc_session='));
    assert.ok(session, 'cookie de session du fournisseur');
    assert.match(session, /path=\/_dev\/proconnect[;]/i);
    assert.match(session, /httponly/i);
  });
});
