import { plural } from '../../../../platform/i18n/format.js';
import { Pagination } from '../../../../platform/ui/components.js';
import type { PlaceNames } from '../../search/places.js';
import { type NearInput, searchHref } from '../../search/search.params.js';
import {
  FACETS,
  type LaureatQuery,
  type LaureatSearchResult,
  type LaureatSort,
  type NearState,
} from '../../search/search.types.js';
import { FACET_TITLES, facetValueLabel, formatEurShort } from './labels.js';
import { LaureatCard } from './laureat-card.js';
import { SearchFilters } from './search-filters.js';

const SORT_LABELS: Record<LaureatSort, string> = {
  pertinence: 'Pertinence',
  date: 'Décision la plus récente',
  montant: 'Montant le plus élevé',
  titre: 'Titre (A à Z)',
};

export interface SearchState {
  query: LaureatQuery & { sort: LaureatSort; page: number };
  nearInput: NearInput | null;
}

/**
 * The lauréats' search page: one GET form holding the text, every facet, « à moins de N km » and the sort,
 * so that the address keeps the whole state (shareable, and the back button works); the results as cards,
 * the active filters as removable tags, DSFR pagination.
 *
 * @example
 * <SearchPage state={state} result={result} names={names} near={null} />
 */
export function SearchPage(props: {
  state: SearchState;
  result: LaureatSearchResult;
  names: PlaceNames;
  near: NearState | null;
}) {
  const { state, result, names, near } = props;
  const q = state.query;
  const base = { text: q.text, facets: q.facets, restrict: q.restrict, sort: q.sort, near: state.nearInput };
  return (
    <>
      <h1>Les lauréats du fonds</h1>
      <p class="fr-text--lead">
        Les projets financés par le fonds « Transformation numérique des collectivités territoriales » (France
        Relance) : cherchez par mot, filtrez par dispositif, territoire, thème ou montant.
      </p>
      <form method="get" action="/laureats" id="recherche-laureats">
        <div class="fr-search-bar fr-mb-4w" role="search">
          <label class="fr-label" for="q">
            Rechercher un projet, un porteur ou un thème
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
        {(['communes', 'epcis', 'sirens'] as const).flatMap((key) =>
          (q.restrict?.[key] ?? []).map((v) => (
            <input
              type="hidden"
              name={{ communes: 'commune', epcis: 'epci', sirens: 'siren' }[key]}
              value={v}
            />
          )),
        )}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">
            <SearchFilters result={result} names={names} near={near} nearInput={state.nearInput} />
          </div>
          <div class="fr-col-12 fr-col-md-8">
            <h2 id="resultats" class="fr-h4">
              {plural(result.total, 'lauréat', 'lauréats', 'Aucun lauréat')}
              {result.total > 0 ? ` — ${formatEurShort(result.totalAmountEur)} accordés` : ''}
            </h2>
            <ActiveFilters state={state} names={names} near={near} />
            <div class="fr-grid-row fr-grid-row--bottom fr-mb-3w nt-sort">
              <div class="fr-select-group fr-mb-0 fr-mr-2w">
                <label class="fr-label" for="tri">
                  Trier par
                </label>
                <select class="fr-select" id="tri" name="tri">
                  {(Object.keys(SORT_LABELS) as LaureatSort[])
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
            {/* One list item per card: a DSFR card is 100 % high, which in a stretched column is the column's. */}
            {result.items.length > 0 ? (
              <ul class="fr-raw-list nt-results" aria-labelledby="resultats">
                {result.items.map((card) => (
                  <li>
                    <LaureatCard card={card} names={names} />
                  </li>
                ))}
              </ul>
            ) : null}
            {result.total === 0 ? (
              <p>
                Aucun lauréat ne correspond à cette recherche. Retirez un filtre ou{' '}
                <a href="/laureats">voyez tous les lauréats</a>.
              </p>
            ) : null}
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              hrefFor={(n) => searchHref({ ...base, page: n })}
            />
            <p class="fr-mt-4w fr-text--sm">
              Toutes les données sont ouvertes : <a href="/donnees">téléchargez la liste complète</a> (CSV,
              JSON, XLSX) ou interrogez l’API.
            </p>
          </div>
        </div>
      </form>
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
  const tags: Array<{ label: string; href: string }> = [];
  if (q.text) tags.push({ label: `Mots : « ${q.text} »`, href: searchHref({ ...base, text: '' }) });
  for (const facet of FACETS) {
    for (const value of q.facets?.[facet] ?? []) {
      const rest = (q.facets?.[facet] ?? []).filter((v) => v !== value);
      tags.push({
        label: `${FACET_TITLES[facet]} : ${facetValueLabel(facet, value, names)}`,
        href: searchHref({ ...base, facets: { ...q.facets, [facet]: rest } }),
      });
    }
  }
  const restrictionLabels = {
    communes: 'Commune',
    epcis: 'Intercommunalité (SIREN)',
    sirens: 'Porteur (SIREN)',
  };
  for (const key of ['communes', 'epcis', 'sirens'] as const) {
    for (const value of q.restrict?.[key] ?? []) {
      const rest = (q.restrict?.[key] ?? []).filter((v) => v !== value);
      tags.push({
        label: `${restrictionLabels[key]} : ${value}`,
        href: searchHref({ ...base, restrict: { ...q.restrict, [key]: rest } }),
      });
    }
  }
  if (near?.status === 'chosen') {
    tags.push({
      label: `À moins de ${near.km} km de ${near.label}`,
      href: searchHref({ ...base, near: null }),
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
