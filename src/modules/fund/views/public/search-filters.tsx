import { formatNumber } from '../../../../platform/i18n/format.js';
import { CollectivitePicker } from '../../../territories/index.js';
import type { PlaceNames } from '../../search/places.js';
import { NEAR_PARAMS, type NearInput } from '../../search/search.params.js';
import {
  DEFAULT_RADIUS,
  FACETS,
  type LaureatSearchResult,
  NEAR_RADII,
  type NearState,
} from '../../search/search.types.js';
import { FacetFieldset } from './facet-fieldset.js';

/**
 * The filters column of the search form: every facet as a fieldset of checkboxes with counts, then « à moins
 * de N km de <commune> », then the button that applies them (the page works without JavaScript: nothing submits by
 * itself, which would also move a keyboard user's focus without warning).
 *
 * @example
 * <SearchFilters result={result} names={names} near={null} nearInput={null} />
 */
export function SearchFilters({
  result,
  names,
  near,
  nearInput,
}: {
  result: LaureatSearchResult;
  names: PlaceNames;
  near: NearState | null;
  nearInput: NearInput | null;
}) {
  return (
    <div class="nt-filters">
      <h2 class="fr-h5">Filtrer les lauréats</h2>
      {FACETS.map((facet) => (
        <FacetFieldset facet={facet} values={result.facets[facet]} names={names} />
      ))}
      <NearFieldset near={near} nearInput={nearInput} counts={result.near} />
      <button type="submit" class="fr-btn fr-mt-2w" name="appliquer" value="1">
        Appliquer les filtres
      </button>
    </div>
  );
}

/** Why the commune typed restricts nothing, on its field. */
function nearError(near: NearState | null): string | undefined {
  if (near?.status !== 'none') return undefined;
  return near.reason === 'sans-position'
    ? `La position de « ${near.text} » n’est pas connue : la distance ne peut pas être comptée.`
    : `Aucune commune ne correspond à « ${near.text} ».`;
}

/**
 * « À moins de N km de <commune> »: the collectivité picker (communes only) and the distances as radio
 * buttons, each with its count once a commune is chosen (the lauréats within that distance, the other filters
 * as they are).
 */
function NearFieldset({
  near,
  nearInput,
  counts,
}: {
  near: NearState | null;
  nearInput: NearInput | null;
  counts: LaureatSearchResult['near'];
}) {
  const km = near?.km ?? nearInput?.km ?? DEFAULT_RADIUS;
  const value =
    near?.status === 'chosen'
      ? { code: near.code, label: near.label }
      : nearInput?.text
        ? { code: null, label: nearInput.text }
        : null;
  return (
    <fieldset class="fr-fieldset fr-mt-2w" aria-labelledby="pres-de-legende">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend fr-text--bold" id="pres-de-legende">
        Près de chez moi
        <span class="fr-hint-text">
          Les projets portés à moins de quelques kilomètres d’une commune, à vol d’oiseau : une commune par
          son bourg, une intercommunalité par la plus proche de ses communes, un département ou une région par
          son chef-lieu.{' '}
          <a href="/territoires/a-propos-des-donnees#coordonnees">D’où viennent les distances</a>
        </span>
      </legend>
      <div class="fr-fieldset__element">
        <CollectivitePicker
          name={NEAR_PARAMS.code}
          id="pres-de"
          label="Votre commune"
          kinds={['commune']}
          value={value}
          choices={near?.status === 'choices' ? near.candidates : undefined}
          error={nearError(near)}
          hint={
            near?.status === 'chosen' && near.estimated
              ? 'La position de cette commune est estimée (à quelques kilomètres près) : voyez « D’où viennent les distances ».'
              : undefined
          }
        />
      </div>
      <div class="fr-fieldset__element">
        <fieldset class="fr-fieldset" aria-labelledby="rayon-legende">
          <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="rayon-legende">
            À moins de
          </legend>
          {NEAR_RADII.map((r) => {
            const count = counts?.find((c) => c.km === r)?.count;
            return (
              <div class="fr-fieldset__element fr-fieldset__element--inline">
                <div class="fr-radio-group fr-radio-group--sm">
                  <input
                    type="radio"
                    id={`rayon-${r}`}
                    name={NEAR_PARAMS.km}
                    value={String(r)}
                    checked={r === km}
                  />
                  <label class="fr-label" for={`rayon-${r}`}>
                    {r} km{count === undefined ? '' : ` (${formatNumber(count)})`}
                  </label>
                </div>
              </div>
            );
          })}
        </fieldset>
      </div>
    </fieldset>
  );
}
