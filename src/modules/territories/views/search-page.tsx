import { formatNumber, plural } from '../../../platform/i18n/format.js';
import type { TerritorySuggestion } from '../search/territory-index.js';
import {
  COLLECTIVITE_KINDS,
  KIND_PLURALS,
  TERRITORY_KINDS,
  type TerritoryKind,
} from '../territories.domain.js';

export const SEARCH_LIMIT = 50;

/**
 * The picker without JavaScript: a search form (name, postcode, INSEE code or SIREN; kinds to include) and
 * the ranked results, each a link to the territory's page.
 *
 * @example
 * <SearchPage q="saint martin" kinds={['commune']} results={await territories.search('saint martin')} />
 */
export function SearchPage(props: {
  q: string;
  kinds: TerritoryKind[];
  results: TerritorySuggestion[] | null;
}) {
  const { q, results } = props;
  return (
    <>
      <h1>Rechercher un territoire</h1>
      <form method="get" action="/territoires/recherche" class="fr-mb-4w">
        <div class="fr-search-bar fr-search-bar--lg fr-mb-3w" role="search">
          <label class="fr-label" for="territoires-q">
            Nom, code postal, code INSEE ou SIREN
          </label>
          <input
            class="fr-input"
            type="search"
            id="territoires-q"
            name="q"
            value={q}
            maxlength={100}
            placeholder="Nom, code postal, code INSEE ou SIREN"
          />
          <button type="submit" class="fr-btn fr-btn--lg" title="Rechercher">
            Rechercher
          </button>
        </div>
        <fieldset class="fr-fieldset" aria-labelledby="territoires-types-legende">
          <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="territoires-types-legende">
            Types de territoires
          </legend>
          {TERRITORY_KINDS.map((kind) => (
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-checkbox-group fr-checkbox-group--sm">
                <input
                  type="checkbox"
                  id={`territoires-type-${kind}`}
                  name="types"
                  value={kind}
                  checked={props.kinds.includes(kind)}
                />
                <label class="fr-label" for={`territoires-type-${kind}`}>
                  {KIND_PLURALS[kind]}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
      </form>
      {results === null ? (
        <p>
          Saisissez le nom d’une commune, d’une intercommunalité, d’un département ou d’une région (les
          accents, tirets et majuscules sont ignorés, « st » vaut « saint »), un code postal, un code INSEE ou
          un numéro SIREN.
        </p>
      ) : (
        <>
          <p role="status">
            {plural(results.length, 'territoire trouvé', 'territoires trouvés', 'Aucun territoire trouvé')}{' '}
            pour « {q} »{results.length === SEARCH_LIMIT ? ` (les ${SEARCH_LIMIT} premiers)` : ''}
          </p>
          {results.length === 0 ? (
            <p>
              Vérifiez l’orthographe, essayez le début du nom ou un code postal
              {sameKinds(props.kinds, COLLECTIVITE_KINDS) ? '' : ', ou cochez d’autres types de territoires'}.
            </p>
          ) : (
            <ol class="fr-raw-list">
              {results.map((r) => (
                <li class="fr-mb-2w">
                  <p class="fr-mb-0">
                    <a href={`/territoires/${r.key}`}>{r.label}</a>
                  </p>
                  <p class="fr-text--sm nt-meta fr-mb-0">
                    {r.kindLabel}
                    {r.population !== null ? ` · ${formatNumber(r.population)} habitants` : ''}
                    {r.detail && r.detail !== r.kindLabel ? ` · ${r.detail}` : ''}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}

function sameKinds(a: readonly TerritoryKind[], b: readonly TerritoryKind[]) {
  return a.length === b.length && a.every((k) => b.includes(k));
}
