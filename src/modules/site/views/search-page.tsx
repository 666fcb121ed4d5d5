import { formatDate, plural } from '../../../platform/i18n/format.js';
import { Pagination } from '../../../platform/ui/components.js';
import type { SearchResult } from '../../../ports/search-index.js';

export const KIND_LABELS: Record<string, string> = {
  communique: 'Communiqué',
  actualite: 'Actualité',
  evenement: 'Événement',
  page: 'Programme TNT',
  solution: 'Solution du catalogue',
};

/** Site search: a GET form, ranked results with their matched words highlighted, DSFR pagination. */
export function SearchPage(props: {
  q: string;
  type?: string;
  result: SearchResult | null;
  page: number;
  perPage: number;
}) {
  const { q, result } = props;
  const pageCount = result ? Math.max(1, Math.ceil(result.total / props.perPage)) : 1;
  const href = (n: number) => {
    const p = new URLSearchParams({ q });
    if (props.type) p.set('type', props.type);
    if (n > 1) p.set('page', String(n));
    return `/recherche?${p}`;
  };
  return (
    <>
      <h1>Rechercher</h1>
      <form method="get" action="/recherche" class="fr-mb-4w">
        <div class="fr-search-bar fr-search-bar--lg" role="search">
          <label class="fr-label" for="recherche-q">
            Rechercher dans les publications
          </label>
          <input
            class="fr-input"
            type="search"
            id="recherche-q"
            name="q"
            value={q}
            placeholder="Rechercher"
          />
          <button type="submit" class="fr-btn fr-btn--lg" title="Rechercher">
            Rechercher
          </button>
        </div>
        <div class="fr-select-group fr-mt-2w">
          <label class="fr-label" for="recherche-type">
            Type de publication
          </label>
          <select class="fr-select" id="recherche-type" name="type">
            <option value="" selected={!props.type}>
              Toutes
            </option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option value={value} selected={props.type === value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {result ? (
        <>
          <p role="status">
            {plural(result.total, 'résultat', 'résultats', 'Aucun résultat')} pour « {q} »
          </p>
          <ol class="fr-raw-list">
            {result.hits.map((hit) => (
              <li class="fr-mb-3w nt-search-hit">
                <p class="fr-badge fr-badge--sm fr-mb-1v">{KIND_LABELS[hit.kind] ?? hit.kind}</p>
                <h2 class="fr-h5 fr-mb-1v">
                  <a href={hit.url}>{hit.title}</a>
                </h2>
                {hit.date ? <p class="fr-text--xs nt-meta fr-mb-1v">{formatDate(hit.date)}</p> : null}
                <p class="fr-text--sm">
                  {hit.excerpt.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}
                </p>
              </li>
            ))}
          </ol>
          {result.total === 0 ? (
            <p>Vérifiez l’orthographe ou essayez des mots plus généraux.</p>
          ) : (
            <Pagination page={props.page} pageCount={pageCount} hrefFor={href} />
          )}
        </>
      ) : (
        <p>Saisissez un ou plusieurs mots : les accents et les pluriels sont ignorés.</p>
      )}
    </>
  );
}
