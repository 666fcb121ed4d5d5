import type { Child } from 'hono/jsx';

/** A link in the breadcrumb; the last one is the current page and has no href. */
export type Crumb = { label: string; href?: string };

/**
 * The DSFR breadcrumb ("fil d’Ariane"); the home crumb is added here.
 *
 * @example
 * <Breadcrumb items={[{ label: 'Espace presse', href: '/espace-presse/' }, { label: 'Titre' }]} />
 */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const all: Crumb[] = [{ label: 'Accueil', href: '/' }, ...items];
  return (
    <nav class="fr-breadcrumb" aria-label="vous êtes ici :">
      <button type="button" class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">
        Voir le fil d’Ariane
      </button>
      <div class="fr-collapse" id="breadcrumb">
        <ol class="fr-breadcrumb__list">
          {all.map((crumb, i) =>
            i === all.length - 1 ? (
              <li>
                <a class="fr-breadcrumb__link" aria-current="page">
                  {crumb.label}
                </a>
              </li>
            ) : (
              <li>
                <a class="fr-breadcrumb__link" href={crumb.href}>
                  {crumb.label}
                </a>
              </li>
            ),
          )}
        </ol>
      </div>
    </nav>
  );
}

/**
 * DSFR pagination. `hrefFor(n)` builds the address of page n, keeping the list's filters.
 *
 * @example
 * <Pagination page={2} pageCount={7} hrefFor={(n) => `/actualites/?page=${n}`} />
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (n: number) => string;
}) {
  if (pageCount <= 1) return null;
  const numbers = visiblePages(page, pageCount);
  const edge = (n: number, cls: string, label: string, disabled: boolean) => (
    <li>
      {disabled ? (
        <a class={`fr-pagination__link ${cls}`} aria-disabled="true" role="link">
          {label}
        </a>
      ) : (
        <a class={`fr-pagination__link ${cls}`} href={hrefFor(n)}>
          {label}
        </a>
      )}
    </li>
  );
  return (
    <nav class="fr-pagination" aria-label="Pagination">
      <ul class="fr-pagination__list">
        {edge(1, 'fr-pagination__link--first', 'Première page', page === 1)}
        {edge(
          page - 1,
          'fr-pagination__link--prev fr-pagination__link--lg-label',
          'Page précédente',
          page === 1,
        )}
        {numbers.map((n) =>
          n === null ? (
            <li>
              <span class="fr-pagination__link fr-displayed-lg">…</span>
            </li>
          ) : n === page ? (
            <li>
              <a class="fr-pagination__link" aria-current="page" title={`Page ${n}`}>
                {n}
              </a>
            </li>
          ) : (
            <li>
              <a class="fr-pagination__link" href={hrefFor(n)} title={`Page ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
        {edge(
          page + 1,
          'fr-pagination__link--next fr-pagination__link--lg-label',
          'Page suivante',
          page === pageCount,
        )}
        {edge(pageCount, 'fr-pagination__link--last', 'Dernière page', page === pageCount)}
      </ul>
    </nav>
  );
}

/** Page numbers to show: the first, the last, and two either side of the current one; null is a gap. */
export function visiblePages(page: number, pageCount: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** A DSFR notice (bandeau d’information). */
export function Notice({ title, children }: { title: string; children?: Child }) {
  return (
    <div class="fr-notice fr-notice--info">
      <div class="fr-container">
        <div class="fr-notice__body">
          <p>
            <span class="fr-notice__title">{title}</span>
            {children ? <span class="fr-notice__desc"> {children}</span> : null}
          </p>
        </div>
      </div>
    </div>
  );
}

/** The label shown on everything invented for demonstration, as DOMAIN.md asks. */
export function DemoBadge() {
  return <p class="fr-badge fr-badge--new fr-badge--sm">Données de démonstration</p>;
}
