import type { Child } from 'hono/jsx';
import { APP_PREFIX, DSFR_PREFIX } from './assets-paths.js';
import { Breadcrumb, type Crumb } from './components.js';

export const SITE_NAME = 'Numérique & Territoires';

export type NavItem = { label: string; href: string };

/** Who is looking at the page, as the header shows it: a name and a logout form, or a login link. */
export type Viewer = { name: string; csrfToken: string; adminHref: string | null } | null;

export interface LayoutProps {
  /** The page's own title; the document title becomes `<title> — Numérique & Territoires`. */
  title: string;
  nav: NavItem[];
  currentPath: string;
  breadcrumb?: Crumb[];
  description?: string;
  /** Extra `<link>` elements for the head (feeds, canonical). */
  headLinks?: Array<{ rel: string; href: string; type?: string; title?: string }>;
  searchQuery?: string;
  viewer?: Viewer;
  children: Child;
}

/**
 * The DSFR page: skip links, header with the Marianne block and the main navigation, the main content,
 * footer with the mandatory links, and the display settings dialog.
 */
export function Layout(props: LayoutProps) {
  const { title } = props;
  const fullTitle = title === SITE_NAME ? SITE_NAME : `${title} — ${SITE_NAME}`;
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <title>{fullTitle}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <meta name="format-detection" content="telephone=no,date=no,address=no,email=no,url=no" />
        <meta name="theme-color" content="#000091" />
        <link rel="stylesheet" href={`${DSFR_PREFIX}dsfr.min.css`} />
        <link rel="stylesheet" href={`${DSFR_PREFIX}utility/utility.min.css`} />
        <link rel="stylesheet" href={`${APP_PREFIX}app.css`} />
        <link rel="apple-touch-icon" href={`${DSFR_PREFIX}favicon/apple-touch-icon.png`} />
        <link rel="icon" href={`${DSFR_PREFIX}favicon/favicon.svg`} type="image/svg+xml" />
        <link rel="shortcut icon" href={`${DSFR_PREFIX}favicon/favicon.ico`} type="image/x-icon" />
        <link
          rel="manifest"
          href={`${DSFR_PREFIX}favicon/manifest.webmanifest`}
          crossorigin="use-credentials"
        />
        {(props.headLinks ?? []).map((l) => (
          <link rel={l.rel} href={l.href} type={l.type} title={l.title} />
        ))}
      </head>
      <body>
        <SkipLinks />
        <Header
          nav={props.nav}
          currentPath={props.currentPath}
          searchQuery={props.searchQuery}
          viewer={props.viewer ?? null}
        />
        <main id="contenu" tabindex={-1}>
          <div class="fr-container fr-mb-7w">
            {props.breadcrumb ? <Breadcrumb items={props.breadcrumb} /> : <div class="fr-mt-4w" />}
            {props.children}
          </div>
        </main>
        <Footer />
        <DisplaySettings />
        {/* Same-origin files are allowed by the CSP's 'self': no nonce, so the page is the same for everyone. */}
        <script type="module" src={`${DSFR_PREFIX}dsfr.module.min.js`} />
      </body>
    </html>
  );
}

function SkipLinks() {
  return (
    <div class="fr-skiplinks">
      <nav class="fr-container" aria-label="Accès rapide">
        <ul class="fr-skiplinks__list">
          <li>
            <a class="fr-link" href="#contenu">
              Contenu
            </a>
          </li>
          <li>
            <a class="fr-link" href="#navigation-principale">
              Menu
            </a>
          </li>
          <li>
            <a class="fr-link" href="#recherche-site">
              Recherche
            </a>
          </li>
          <li>
            <a class="fr-link" href="#pied-de-page">
              Pied de page
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}

function isCurrent(href: string, currentPath: string) {
  return href === '/' ? currentPath === '/' : currentPath.startsWith(href);
}

function ToolLinks({ viewer, currentPath }: { viewer: Viewer; currentPath: string }) {
  if (!viewer) {
    const retour = currentPath.startsWith('/connexion') ? '' : `?retour=${encodeURIComponent(currentPath)}`;
    return (
      <ul class="fr-btns-group">
        <li>
          <a class="fr-btn fr-icon-account-circle-line" href={`/connexion${retour}`}>
            Se connecter
          </a>
        </li>
      </ul>
    );
  }
  return (
    <ul class="fr-btns-group">
      {viewer.adminHref ? (
        <li>
          <a class="fr-btn fr-icon-settings-5-line" href={viewer.adminHref}>
            Administration
          </a>
        </li>
      ) : null}
      <li>
        <a
          class="fr-btn fr-icon-account-circle-line"
          href="/mon-compte"
          title={`Mon compte (${viewer.name})`}
        >
          Mon compte
        </a>
      </li>
      <li>
        <form method="post" action="/deconnexion">
          <input type="hidden" name="_csrf" value={viewer.csrfToken} />
          <button type="submit" class="fr-btn fr-icon-logout-box-r-line">
            Se déconnecter
          </button>
        </form>
      </li>
    </ul>
  );
}

function Header({
  nav,
  currentPath,
  searchQuery,
  viewer,
}: {
  nav: NavItem[];
  currentPath: string;
  searchQuery?: string;
  viewer: Viewer;
}) {
  return (
    <header class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                <div class="fr-header__navbar">
                  <button
                    type="button"
                    class="fr-btn--search fr-btn"
                    data-fr-opened="false"
                    aria-controls="modal-recherche"
                    title="Rechercher"
                  >
                    Rechercher
                  </button>
                  <button
                    type="button"
                    class="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="modal-menu"
                    aria-haspopup="menu"
                    id="bouton-menu"
                    title="Menu"
                  >
                    Menu
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title={`Accueil - ${SITE_NAME}`}>
                  <p class="fr-header__service-title">{SITE_NAME}</p>
                </a>
                <p class="fr-header__service-tagline">Transformation numérique des territoires</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <ToolLinks viewer={viewer} currentPath={currentPath} />
              </div>
              <div class="fr-header__search fr-modal" id="modal-recherche">
                <div class="fr-container fr-container-lg--fluid">
                  <button
                    type="button"
                    class="fr-btn--close fr-btn"
                    aria-controls="modal-recherche"
                    title="Fermer"
                  >
                    Fermer
                  </button>
                  <form
                    action="/recherche"
                    method="get"
                    role="search"
                    id="recherche-site"
                    class="fr-search-bar"
                  >
                    <label class="fr-label" for="recherche-site-q">
                      Rechercher sur le site
                    </label>
                    <input
                      class="fr-input"
                      placeholder="Rechercher"
                      type="search"
                      id="recherche-site-q"
                      name="q"
                      value={searchQuery ?? ''}
                    />
                    <button type="submit" class="fr-btn" title="Rechercher">
                      Rechercher
                    </button>
                  </form>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu fr-modal" id="modal-menu" role="dialog" aria-labelledby="bouton-menu">
        <div class="fr-container">
          <button type="button" class="fr-btn--close fr-btn" aria-controls="modal-menu" title="Fermer">
            Fermer
          </button>
          {/* DSFR's script copies the tool links here for small screens. */}
          <div class="fr-header__menu-links" />
          <nav class="fr-nav" id="navigation-principale" aria-label="Menu principal">
            <ul class="fr-nav__list">
              {nav.map((item) => (
                <li class="fr-nav__item">
                  <a
                    class="fr-nav__link"
                    href={item.href}
                    aria-current={isCurrent(item.href, currentPath) ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

function Footer() {
  const external = (href: string, label: string) => (
    <li class="fr-footer__content-item">
      <a
        class="fr-footer__content-link"
        target="_blank"
        rel="noopener noreferrer"
        title={`${label} - nouvelle fenêtre`}
        href={href}
      >
        {label}
      </a>
    </li>
  );
  return (
    <footer class="fr-footer" id="pied-de-page">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title={`Retour à l’accueil du site - ${SITE_NAME} - République Française`}>
              <p class="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              {SITE_NAME} est la plateforme du programme « Transformation numérique des territoires », animé
              par la direction interministérielle du numérique (DINUM) avec la DITP et l’ANCT.
            </p>
            <ul class="fr-footer__content-list">
              {external('https://www.info.gouv.fr', 'info.gouv.fr')}
              {external('https://www.service-public.fr', 'service-public.fr')}
              {external('https://www.legifrance.gouv.fr', 'legifrance.gouv.fr')}
              {external('https://www.data.gouv.fr', 'data.gouv.fr')}
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/plan-du-site">
                Plan du site
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/accessibilite">
                Accessibilité : non conforme
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/mentions-legales">
                Mentions légales
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/donnees-personnelles">
                Données personnelles
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <button
                type="button"
                class="fr-footer__bottom-link fr-icon-theme-fill fr-btn--icon-left"
                aria-controls="fr-theme-modal"
                data-fr-opened="false"
              >
                Paramètres d’affichage
              </button>
            </li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>
              Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce
              site sont proposés sous{' '}
              <a
                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                target="_blank"
                rel="noopener noreferrer"
                title="licence etalab-2.0 - nouvelle fenêtre"
              >
                licence etalab-2.0
              </a>
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

function DisplaySettings() {
  const option = (value: string, label: string, pictogram: string) => (
    <div class="fr-fieldset__element">
      <div class="fr-radio-group fr-radio-rich">
        <input value={value} type="radio" id={`fr-radios-theme-${value}`} name="fr-radios-theme" />
        <label class="fr-label" for={`fr-radios-theme-${value}`}>
          {label}
        </label>
        <div class="fr-radio-rich__img">
          <img src={`${DSFR_PREFIX}artwork/pictograms/${pictogram}.svg`} alt="" />
        </div>
      </div>
    </div>
  );
  return (
    <dialog id="fr-theme-modal" class="fr-modal" aria-labelledby="fr-theme-modal-title">
      <div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button
                  type="button"
                  class="fr-btn--close fr-btn"
                  aria-controls="fr-theme-modal"
                  title="Fermer"
                >
                  Fermer
                </button>
              </div>
              <div class="fr-modal__content">
                <h2 id="fr-theme-modal-title" class="fr-modal__title">
                  Paramètres d’affichage
                </h2>
                <div id="fr-display" class="fr-display">
                  <fieldset class="fr-fieldset" id="display-fieldset">
                    <legend
                      class="fr-fieldset__legend--regular fr-fieldset__legend"
                      id="display-fieldset-legend"
                    >
                      Choisissez un thème pour personnaliser l’apparence du site.
                    </legend>
                    {option('light', 'Thème clair', 'environment/sun')}
                    {option('dark', 'Thème sombre', 'environment/moon')}
                    {option('system', 'Système', 'system/system')}
                  </fieldset>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
