import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { rateLimit } from '../../platform/http/rate-limit.js';
import { renderPage } from '../../platform/ui/render.js';
import type { Clock } from '../../ports/clock.js';
import { type IdentityProvider, IdentityProviderError } from '../../ports/identity-provider.js';
import { normalizeEmail } from './accounts.domain.js';
import { AccountsError } from './accounts.errors.js';
import { actorOf, requestContext, safeReturnPath } from './accounts.http.js';
import { fieldErrors, linkRequestSchema } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';
import {
  LinkConfirmPage,
  LinkSentPage,
  LinkUnusablePage,
  LoggedOutPage,
  LoginPage,
} from './views/login-page.js';

type Attempt = { state: string; nonce: string; codeVerifier: string; retour: string };

const IDP_MESSAGES: Record<IdentityProviderError['code'], string> = {
  state:
    'La réponse de ProConnect ne correspond à aucune connexion demandée depuis ce navigateur, ou elle a expiré. Recommencez.',
  nonce: 'La réponse de ProConnect n’a pas pu être vérifiée. Recommencez la connexion.',
  denied: 'La connexion a été annulée sur ProConnect.',
  exchange:
    'La connexion n’a pas pu être confirmée auprès de ProConnect (lien déjà utilisé ou expiré). Recommencez.',
  userinfo: 'ProConnect n’a pas transmis les informations nécessaires (nom, prénom, adresse électronique).',
  unavailable: 'ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes.',
};

/**
 * Logging in and out: ProConnect for agents, single-use e-mail links for everyone else. Every failure is a
 * French page that changes nothing.
 */
export function authRoutes(deps: {
  service: AccountsService;
  idp: IdentityProvider;
  clock: Clock;
  publicUrl: string;
}) {
  const app = new Hono<AppEnv>();
  const { service, idp } = deps;
  const perIp = (limit: number, key: string) =>
    rateLimit({ limit, windowMs: 15 * 60_000, clock: deps.clock, key });
  const emailLimiter = new Map<string, { count: number; resetAt: number }>();

  const loginPage = async (
    c: Context<AppEnv>,
    extra: Partial<Parameters<typeof LoginPage>[0]> = {},
    status: 200 | 400 | 429 | 503 = 200,
  ) =>
    renderPage(
      c,
      { title: 'Se connecter', breadcrumb: [{ label: 'Se connecter' }], status },
      <LoginPage
        csrf={await c.var.session.csrfToken()}
        retour={safeReturnPath(c.req.query('retour'))}
        {...extra}
      />,
    );

  app.get('/connexion', async (c) => {
    if (actorOf(c)) return c.redirect(safeReturnPath(c.req.query('retour')), 303);
    return loginPage(c);
  });

  app.post('/connexion/proconnect', perIp(30, 'proconnect'), async (c) => {
    const body = await c.req.parseBody();
    try {
      const attempt = await idp.startLogin();
      await c.var.session.set('oidc', {
        state: attempt.state,
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
        retour: safeReturnPath(body.retour),
      } satisfies Attempt);
      return c.redirect(attempt.url, 303);
    } catch (err) {
      if (err instanceof IdentityProviderError) return loginPage(c, { problem: IDP_MESSAGES[err.code] }, 503);
      throw err;
    }
  });

  app.get('/connexion/proconnect/retour', perIp(60, 'proconnect-retour'), async (c) => {
    const attempt = await c.var.session.get<Attempt>('oidc');
    // The attempt is single-use: replaying the callback finds nothing to complete.
    if (attempt) await c.var.session.set('oidc', null);
    try {
      if (!attempt) throw new IdentityProviderError('state', 'aucune connexion en cours');
      const identity = await idp.completeLogin(new URL(c.req.url, deps.publicUrl), attempt);
      const person = await service.loginWithProConnect(identity, requestContext(c));
      await c.var.session.login(person.id, { idToken: identity.idToken });
      return c.redirect(attempt.retour, 303);
    } catch (err) {
      if (err instanceof IdentityProviderError) return loginPage(c, { problem: IDP_MESSAGES[err.code] }, 400);
      if (err instanceof AccountsError) return loginPage(c, { problem: err.message }, 400);
      throw err;
    }
  });

  app.post('/deconnexion', async (c) => {
    const actor = actorOf(c);
    const idToken = await c.var.session.get<string>('idToken');
    await c.var.session.destroy();
    await service.recordLogout(actor, requestContext(c));
    if (idToken) {
      const url = await idp
        .logoutUrl({
          idTokenHint: idToken,
          postLogoutRedirectUri: `${deps.publicUrl}/deconnexion/terminee`,
          state: 'fin',
        })
        .catch(() => null);
      if (url) return c.redirect(url, 303);
    }
    return c.redirect('/deconnexion/terminee', 303);
  });

  app.get('/deconnexion/terminee', (c) =>
    renderPage(
      c,
      { title: 'Vous êtes déconnecté', breadcrumb: [{ label: 'Déconnexion' }] },
      <LoggedOutPage />,
    ),
  );

  app.post('/connexion/lien', perIp(20, 'lien-ip'), async (c) => {
    const parsed = linkRequestSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      const body = await c.req.parseBody();
      const email = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
      return loginPage(c, { email, emailError: fieldErrors(parsed.error).email }, 400);
    }
    // Per address as well as per IP: nobody floods one mailbox from many addresses.
    const key = normalizeEmail(parsed.data.email);
    const now = deps.clock.now().getTime();
    const entry = emailLimiter.get(key);
    if (entry && entry.resetAt > now && entry.count >= 5) {
      return loginPage(
        c,
        {
          email: parsed.data.email,
          emailError: 'Plusieurs liens ont déjà été demandés pour cette adresse : patientez 15 minutes.',
        },
        429,
      );
    }
    emailLimiter.set(
      key,
      entry && entry.resetAt > now
        ? { ...entry, count: entry.count + 1 }
        : { count: 1, resetAt: now + 15 * 60_000 },
    );
    await service.requestLoginLink(parsed.data.email);
    return renderPage(
      c,
      { title: 'Consultez votre messagerie', breadcrumb: [{ label: 'Se connecter' }] },
      <LinkSentPage />,
    );
  });

  app.get('/connexion/lien/:token', async (c) => {
    const token = c.req.param('token');
    const state = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await service.linkState(token) : 'inconnu';
    if (state !== 'valide') {
      return renderPage(
        c,
        { title: 'Lien de connexion inutilisable', status: 400 },
        <LinkUnusablePage state={state} />,
      );
    }
    return renderPage(
      c,
      { title: 'Connexion par lien', breadcrumb: [{ label: 'Se connecter' }] },
      <LinkConfirmPage csrf={await c.var.session.csrfToken()} token={token} />,
    );
  });

  app.post('/connexion/lien/:token', perIp(30, 'lien-usage'), async (c) => {
    try {
      const person = await service.consumeLoginLink(c.req.param('token'), requestContext(c));
      await c.var.session.login(person.id);
      return c.redirect('/mon-compte', 303);
    } catch (err) {
      if (err instanceof AccountsError) {
        const state = await service.linkState(c.req.param('token')).catch(() => 'inconnu' as const);
        return renderPage(
          c,
          { title: 'Lien de connexion inutilisable', status: 400 },
          <LinkUnusablePage state={state === 'valide' ? 'inconnu' : state} />,
        );
      }
      throw err;
    }
  });

  return app;
}
