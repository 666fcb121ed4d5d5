import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPage } from '../ui/render.js';

/**
 * The 404 page, in the site's design, with ways onward.
 */
export function notFoundPage(c: Context) {
  return renderPage(
    c,
    { title: 'Page non trouvée', status: 404 },
    <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w">
      <h1>Page non trouvée</h1>
      <p class="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p class="fr-text--lead fr-mb-3w">
        La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
      </p>
      <p class="fr-text--sm fr-mb-5w">
        Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est
        peut-être plus disponible. Dans ce cas, pour continuer votre visite vous pouvez consulter notre page
        d’accueil ou effectuer une recherche.
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a class="fr-btn" href="/">
            Page d’accueil
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href="/plan-du-site">
            Plan du site
          </a>
        </li>
      </ul>
    </div>,
  );
}

const TITLES: Record<number, string> = {
  400: 'Demande incorrecte',
  403: 'Action refusée',
  404: 'Page non trouvée',
  405: 'Action non permise',
  413: 'Envoi trop volumineux',
  429: 'Trop de demandes',
  500: 'Erreur inattendue',
  503: 'Service indisponible',
};

/**
 * Turns any error into a page in the site's design. Expected errors (HTTPException) show their French
 * message; anything else is logged with the request id and shown as a 500 that tells the person what to do.
 */
export async function errorPage(err: Error, c: Context) {
  if (err instanceof HTTPException && err.status === 404) return notFoundPage(c);
  const status = (err instanceof HTTPException ? err.status : 500) as ContentfulStatusCode;
  if (status >= 500) {
    c.get('logger')?.error(
      { reqId: c.get('reqId'), err: { name: err.name, message: err.message, stack: err.stack } },
      'erreur',
    );
  }
  const message =
    err instanceof HTTPException && err.message
      ? err.message
      : 'Une erreur inattendue s’est produite. Réessayez dans quelques instants ; si elle persiste, contactez-nous en indiquant la référence ci-dessous.';
  if (wantsJson(c)) {
    return c.json({ erreur: message, reference: c.get('reqId') }, status);
  }
  const title = TITLES[status] ?? 'Erreur';
  try {
    return await renderPage(
      c,
      { title, status },
      <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w">
        <h1>{title}</h1>
        <p class="fr-text--sm fr-mb-3w">Erreur {status}</p>
        <p class="fr-text--lead fr-mb-3w">{message}</p>
        {status >= 500 ? (
          <p class="fr-text--sm">Référence de l’incident : {String(c.get('reqId') ?? '')}</p>
        ) : null}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href="/">
              Page d’accueil
            </a>
          </li>
        </ul>
      </div>,
    );
  } catch {
    // The page itself failed to render: say it plainly rather than fail twice.
    return c.text(`${title}\n\n${message}`, status);
  }
}

function wantsJson(c: Context) {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}
