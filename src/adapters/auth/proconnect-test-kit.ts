import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { LoginAttempt } from '../../ports/identity-provider.js';
import { DEMO_AGENTS, type DemoAgent } from './demo-agents.js';
import { createFakeProConnect, type FakeProConnect } from './fake-proconnect.js';

/*
 * Test support for the ProConnect adapters: the local provider on a real socket, and a browser reduced to what
 * an OpenID Connect login needs (cookies, manual redirects, form posts). Not used by the application.
 */

export const TEST_CLIENT = { clientId: 'nt-test', clientSecret: 'un-secret-de-test-assez-long' };

export interface FakeServer {
  origin: string;
  issuer: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  fake: FakeProConnect;
  /** Answers before the provider when it returns a response: lets a test stand in for one of its endpoints. */
  intercept: ((request: Request) => Promise<Response | undefined>) | undefined;
  /** While true, every request gets a 503, as a provider that is down. */
  down: boolean;
  close(): Promise<void>;
}

/**
 * The local ProConnect mounted in a bare Hono app on 127.0.0.1 and an ephemeral port.
 *
 * @example
 * const server = await startFakeServer(); … await server.close();
 */
export async function startFakeServer(agents: readonly DemoAgent[] = DEMO_AGENTS): Promise<FakeServer> {
  const app = new Hono();
  const state: Pick<FakeServer, 'down' | 'intercept'> = { down: false, intercept: undefined };
  const server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request, env) => {
      if (state.down) return new Response('indisponible', { status: 503 });
      return (await state.intercept?.(request)) ?? app.fetch(request, env);
    },
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/_dev/proconnect`;
  const redirectUri = `${origin}/connexion/proconnect/retour`;
  const postLogoutRedirectUri = `${origin}/deconnexion/retour`;
  const fake = await createFakeProConnect({
    issuer,
    client: { ...TEST_CLIENT, redirectUris: [redirectUri], postLogoutRedirectUris: [postLogoutRedirectUri] },
    agents,
  });
  fake.mount(app);
  return {
    origin,
    issuer,
    redirectUri,
    postLogoutRedirectUri,
    fake,
    get intercept() {
      return state.intercept;
    },
    set intercept(handler) {
      state.intercept = handler;
    },
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    async close() {
      // undici keeps connections alive; without this, close() waits for them to time out.
      (server as Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (just released by the system). */
export async function closedPort(): Promise<number> {
  const probe = serve({ fetch: () => new Response(''), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => probe.once('listening', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Cookies by name, each with its path; enough for one origin over http. */
export class TestBrowser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Follows redirects from `url` until one points at `stopAt` (not requested) or a page is served. */
  async follow(url: string, stopAt: string, first?: Response): Promise<{ url: string; response?: Response }> {
    let current = url;
    let response = first ?? (await this.get(current));
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
      if (current.startsWith(stopAt)) return { url: current };
      response = await this.get(current);
    }
    throw new Error(`trop de redirections depuis ${url}`);
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies.entries()]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  private store(line: string) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attribute('expires');
    const removed =
      value === '' || attribute('max-age') === '0' || (expires && Date.parse(expires) < Date.now());
    if (removed) this.cookies.delete(name);
    else this.cookies.set(name, { value, path: attribute('path') ?? '/' });
  }
}

/**
 * Drives one login as a person would: opens the authorization address, picks `agent` on the interaction page
 * (or refuses), and returns the callback address ProConnect sends the browser back to.
 *
 * @example
 * const callback = await loginInBrowser(browser, attempt, server.redirectUri, DEMO_AGENTS[0]);
 */
export async function loginInBrowser(
  browser: TestBrowser,
  attempt: LoginAttempt,
  redirectUri: string,
  choice: DemoAgent | 'refus',
): Promise<URL> {
  const toPage = await browser.follow(attempt.url, redirectUri);
  if (!toPage.response) return new URL(toPage.url); // the provider session answered alone (single sign-on)
  if (toPage.response.status !== 200)
    throw new Error(`page d’interaction attendue, reçu ${toPage.response.status}`);
  await toPage.response.text();
  const form: Record<string, string> = choice === 'refus' ? { refus: 'oui' } : { agent: choice.sub };
  const chosen = await browser.post(toPage.url, form);
  const back = await browser.follow(toPage.url, redirectUri, chosen);
  if (back.response) throw new Error(`retour vers le service attendu, reçu ${back.response.status}`);
  return new URL(back.url);
}
