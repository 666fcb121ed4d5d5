import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { DSFR_PREFIX } from '../../platform/ui/assets-paths.js';
import type { DemoAgent } from './demo-agents.js';

/*
 * The local ProConnect's pages. oidc-provider writes some of them straight to the socket, outside the app's
 * middleware (no CSP header): they carry no script at all, inline or not, and only the DSFR stylesheet the app
 * serves itself.
 */

const SERVICE = 'ProConnect local';

function Page({ title, children }: { title: string; children: Child }) {
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} — ${SERVICE} (démonstration)`}</title>
        <link rel="stylesheet" href={`${DSFR_PREFIX}dsfr.min.css`} />
      </head>
      <body>
        <header class="fr-header">
          <div class="fr-header__body">
            <div class="fr-container">
              <div class="fr-header__body-row">
                <div class="fr-header__brand">
                  <div class="fr-header__brand-top">
                    <div class="fr-header__logo">
                      <p class="fr-logo">
                        République
                        <br />
                        Française
                      </p>
                    </div>
                  </div>
                  <div class="fr-header__service">
                    <p class="fr-header__service-title">{SERVICE}</p>
                    <p class="fr-header__service-tagline">Fournisseur d’identité de démonstration</p>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </header>
        <main id="contenu" class="fr-container fr-my-6w">
          <div class="fr-notice fr-notice--info fr-mb-4w">
            <div class="fr-container">
              <div class="fr-notice__body">
                <p class="fr-notice__title">
                  Fournisseur d’identité local de démonstration — remplace ProConnect en développement.
                </p>
              </div>
            </div>
          </div>
          {children}
        </main>
      </body>
    </html>
  );
}

async function htmlDocument(title: string, main: Child): Promise<string> {
  return `<!DOCTYPE html>${await (<Page title={title}>{main}</Page>).toString()}`;
}

function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

/**
 * The login interaction: one submit button per demo agent, each described by its e-mail, organisation and
 * SIRET, and a way to refuse (which sends `error=access_denied` back to the platform).
 *
 * @example
 * return c.html(await agentChoicePage({ action: c.req.path, agents, clientName: 'Numérique & Territoires' }));
 */
export function agentChoicePage(input: {
  action: string;
  agents: readonly DemoAgent[];
  clientName: string;
  problem?: string;
}): Promise<string> {
  return htmlDocument(
    'Choisir un agent de démonstration',
    <>
      <h1>Choisir un agent de démonstration</h1>
      <p>
        Vous vous connectez à <strong>{input.clientName}</strong>. Aucun mot de passe n’est demandé :
        choisissez l’agent public dont vous voulez prendre l’identité.
      </p>
      {input.problem ? (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{input.problem}</p>
        </div>
      ) : null}
      <form method="post" action={input.action}>
        <ul class="fr-raw-list">
          {input.agents.map((agent, index) => (
            <li class="fr-mb-3w">
              <button
                type="submit"
                name="agent"
                value={agent.sub}
                class="fr-btn"
                aria-describedby={`agent-${index}-details`}
              >
                {`${agent.givenName} ${agent.usualName}`}
              </button>
              <p id={`agent-${index}-details`} class="fr-text--sm fr-mt-1v fr-mb-0">
                {agent.email} · {agent.organisationLabel} · SIRET {formatSiret(agent.siret)}
              </p>
            </li>
          ))}
        </ul>
        <p class="fr-mt-4w">
          <button type="submit" name="refus" value="oui" class="fr-btn fr-btn--secondary">
            Refuser la connexion
          </button>
        </p>
      </form>
    </>,
  );
}

/**
 * The logout confirmation. `form` is oidc-provider's own `<form id="op.logoutForm">` (its action and a random
 * xsrf value, nothing from the request); the buttons submit it through their `form` attribute.
 */
export function logoutPage(form: string): Promise<string> {
  return htmlDocument(
    'Se déconnecter',
    <>
      <h1>Se déconnecter</h1>
      <p>Voulez-vous fermer votre session sur le fournisseur d’identité local ?</p>
      {raw(form)}
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" form="op.logoutForm" name="logout" value="yes" class="fr-btn">
            Se déconnecter
          </button>
        </li>
        <li>
          <button type="submit" form="op.logoutForm" class="fr-btn fr-btn--secondary">
            Rester connecté au fournisseur
          </button>
        </li>
      </ul>
    </>,
  );
}

/** Shown when logout ends without a return address. */
export function loggedOutPage(): Promise<string> {
  return htmlDocument(
    'Déconnexion réussie',
    <>
      <h1>Vous êtes déconnecté</h1>
      <p>Votre session sur le fournisseur d’identité local est fermée.</p>
    </>,
  );
}

/**
 * oidc-provider's error page, in French. The error code and description come from oidc-provider and are
 * escaped; `home` is the platform's address, from the registered redirect URI, never from the request.
 */
export function providerErrorPage(input: {
  error: string;
  description?: string;
  home?: string;
}): Promise<string> {
  return htmlDocument(
    'Erreur',
    <>
      <h1>La demande de connexion n’a pas pu aboutir</h1>
      <div class="fr-alert fr-alert--error fr-mb-3w">
        <p>
          Le fournisseur d’identité local a refusé la demande : <code>{input.error}</code>
          {input.description ? ` — ${input.description}` : null}
        </p>
      </div>
      <p>
        Cela arrive notamment après un redémarrage du serveur de développement : ses sessions et ses clés sont
        alors renouvelées. Recommencez depuis le service.
      </p>
      {input.home ? (
        <p>
          <a class="fr-link" href={input.home}>
            Retour au service
          </a>
        </p>
      ) : null}
    </>,
  );
}
