import { plural } from '../../../platform/i18n/format.js';
import { Pagination } from '../../../platform/ui/components.js';
import type { PlaceNames } from '../search/public-service.js';
import { type NearInput, searchHref } from '../search/search.params.js';
import {
  FACETS,
  type NearState,
  type SolutionQuery,
  type SolutionSearchResult,
  type SolutionSort,
} from '../search/search.types.js';
import { FACET_TITLES, facetValueLabel } from './labels.js';
import { PORTEE_LABELS, SearchFilters } from './search-filters.js';
import { SolutionCard } from './solution-card.js';
import { UsersMap } from './users-map.js';

const SORT_LABELS: Record<SolutionSort, string> = {
  pertinence: 'Pertinence',
  utilisateurs: 'Nombre d’organisations utilisatrices',
  recent: 'Les plus récentes',
};

export interface SearchState {
  query: SolutionQuery & { sort: SolutionSort; page: number };
  nearInput: NearInput | null;
  view: 'liste' | 'carte';
}

/**
 * The catalogue's search: one GET form holding the words, every facet, « utilisée près de chez moi » and the
 * sort, so that the address keeps the whole state (shareable, the back button works, no JavaScript needed);
 * the same form above the list and the map, which show the same solutions.
 *
 * @example
 * <SearchPage state={state} result={result} names={names} near={null} canPropose={false} />
 */
export function SearchPage(props: {
  state: SearchState;
  result: SolutionSearchResult;
  names: PlaceNames;
  near: NearState | null;
  canPropose: boolean;
}) {
  const { state, result, names, near } = props;
  const q = state.query;
  const base = { text: q.text, facets: q.facets, restrict: q.restrict, sort: q.sort, near: state.nearInput };
  const action = state.view === 'carte' ? '/catalogue/carte' : '/catalogue';
  return (
    <>
      <h1>Catalogue de mutualisation</h1>
      <p class="fr-text--lead">
        Les solutions numériques que des collectivités ont construites, souvent avec le fonds France Relance,
        et que d’autres peuvent réutiliser : trouvez qui les utilise près de chez vous et contactez leurs
        équipes.
      </p>
      {props.canPropose ? (
        <p>
          <a class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href="/catalogue/proposer">
            Proposer une solution
          </a>
        </p>
      ) : null}
      <form method="get" action={action} id="recherche-solutions">
        <div class="fr-search-bar fr-mb-4w" role="search">
          <label class="fr-label" for="q">
            Rechercher une solution, un besoin ou une équipe
          </label>
          <input
            class="fr-input"
            type="search"
            id="q"
            name="q"
            value={q.text ?? ''}
            placeholder="Par exemple : réservation de salles"
            maxlength={200}
          />
          <button type="submit" class="fr-btn" title="Rechercher">
            Rechercher
          </button>
        </div>
        {(q.restrict?.sirens ?? []).map((v) => (
          <input type="hidden" name="siren" value={v} />
        ))}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">
            <SearchFilters result={result} names={names} near={near} nearInput={state.nearInput} />
          </div>
          <div class="fr-col-12 fr-col-md-8">
            <h2 id="resultats" class="fr-h4">
              {plural(result.total, 'solution', 'solutions', 'Aucune solution')}
            </h2>
            <ActiveFilters state={state} names={names} near={near} />
            <nav class="fr-mb-2w" aria-label="Affichage des résultats">
              <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                <li>
                  <a
                    class={`fr-btn fr-btn--sm${state.view === 'liste' ? '' : ' fr-btn--tertiary'}`}
                    href={searchHref(base)}
                    aria-current={state.view === 'liste' ? 'page' : undefined}
                  >
                    Liste
                  </a>
                </li>
                <li>
                  <a
                    class={`fr-btn fr-btn--sm${state.view === 'carte' ? '' : ' fr-btn--tertiary'}`}
                    href={searchHref(base, '/catalogue/carte')}
                    aria-current={state.view === 'carte' ? 'page' : undefined}
                  >
                    Carte des utilisateurs
                  </a>
                </li>
              </ul>
            </nav>
            {state.view === 'carte' ? (
              <UsersMap
                id="carte-utilisateurs"
                title="Organisations utilisant ces solutions, par département"
                counts={result.usersByDepartement}
                names={names}
                hrefFor={(d) => searchHref({ ...base, facets: { ...q.facets, departements: [d] } })}
              />
            ) : (
              <Results state={state} result={result} />
            )}
            <p class="fr-mt-4w fr-text--sm">
              Le catalogue et ses utilisateurs sont des données ouvertes :{' '}
              <a href="/catalogue/donnees">téléchargez-les</a> (CSV, JSON) ou interrogez l’API.
            </p>
          </div>
        </div>
      </form>
    </>
  );
}

function Results({ state, result }: { state: SearchState; result: SolutionSearchResult }) {
  const q = state.query;
  const base = { text: q.text, facets: q.facets, restrict: q.restrict, sort: q.sort, near: state.nearInput };
  return (
    <>
      <div class="fr-grid-row fr-grid-row--bottom fr-mb-3w">
        <div class="fr-select-group fr-mb-0 fr-mr-2w">
          <label class="fr-label" for="tri">
            Trier par
          </label>
          <select class="fr-select" id="tri" name="tri">
            {(Object.keys(SORT_LABELS) as SolutionSort[])
              .filter((s) => s !== 'pertinence' || q.text)
              .map((s) => (
                <option value={s} selected={s === result.sort}>
                  {SORT_LABELS[s]}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary">
          Trier
        </button>
      </div>
      {result.items.length > 0 ? (
        <ul class="fr-raw-list" aria-labelledby="resultats">
          {result.items.map((card) => (
            <li>
              <SolutionCard card={card} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Aucune solution ne correspond à cette recherche. Retirez un filtre ou{' '}
          <a href="/catalogue">voyez tout le catalogue</a>.
        </p>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(n) => searchHref({ ...base, page: n })}
      />
    </>
  );
}

/** The chosen filters as DSFR tags, each a link to the same search without it. */
function ActiveFilters({
  state,
  names,
  near,
}: {
  state: SearchState;
  names: PlaceNames;
  near: NearState | null;
}) {
  const q = state.query;
  const base = { text: q.text, facets: q.facets, restrict: q.restrict, sort: q.sort, near: state.nearInput };
  const path = state.view === 'carte' ? '/catalogue/carte' : '/catalogue';
  const tags: Array<{ label: string; href: string }> = [];
  if (q.text) tags.push({ label: `Mots : « ${q.text} »`, href: searchHref({ ...base, text: '' }, path) });
  for (const facet of FACETS) {
    for (const value of q.facets?.[facet] ?? []) {
      const rest = (q.facets?.[facet] ?? []).filter((v) => v !== value);
      tags.push({
        label: `${FACET_TITLES[facet]} : ${facetValueLabel(facet, value, names)}`,
        href: searchHref({ ...base, facets: { ...q.facets, [facet]: rest } }, path),
      });
    }
  }
  for (const value of q.restrict?.sirens ?? []) {
    tags.push({
      label: `Organisation (SIREN) : ${value}`,
      href: searchHref(
        { ...base, restrict: { sirens: (q.restrict?.sirens ?? []).filter((v) => v !== value) } },
        path,
      ),
    });
  }
  if (near?.status === 'chosen') {
    tags.push({
      label: `Près de ${near.label} : ${PORTEE_LABELS[near.portee].toLowerCase()}`,
      href: searchHref({ ...base, near: null }, path),
    });
  }
  if (tags.length === 0) return null;
  return (
    <ul class="fr-tags-group fr-mb-2w" aria-label="Filtres actifs">
      {tags.map((t) => (
        <li>
          <a
            class="fr-tag fr-tag--sm fr-icon-close-line fr-tag--icon-left"
            href={t.href}
            aria-label={`Retirer le filtre ${t.label}`}
          >
            {t.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
