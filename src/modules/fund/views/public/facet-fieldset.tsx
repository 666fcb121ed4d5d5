import { formatNumber } from '../../../../platform/i18n/format.js';
import type { PlaceNames } from '../../search/places.js';
import { FACET_PARAMS } from '../../search/search.params.js';
import type { FacetCount, FacetKey } from '../../search/search.types.js';
import { FACET_TITLES, facetValueLabel } from './labels.js';

/** Facets whose list is long: folded in a `<details>` (open when one of its values is chosen). */
const FOLDED: readonly FacetKey[] = ['themes', 'regions', 'departements'];
/** Facets whose values with no lauréat are left out (unless chosen): places and years are many. */
const HIDE_EMPTY: readonly FacetKey[] = ['themes', 'regions', 'departements', 'annees'];

/**
 * One facet as a DSFR fieldset of checkboxes, each label with its count: the number of lauréats the search
 * would show with that value chosen (and the other facets as they are). Multi-select: checking two values of
 * one facet shows the lauréats with either.
 *
 * @example
 * <FacetFieldset facet="statuts" values={result.facets.statuts} names={names} />
 */
export function FacetFieldset({
  facet,
  values,
  names,
}: {
  facet: FacetKey;
  values: FacetCount[];
  names: PlaceNames;
}) {
  const shown = HIDE_EMPTY.includes(facet) ? values.filter((v) => v.count > 0 || v.selected) : values;
  if (shown.length === 0) return null;
  const param = FACET_PARAMS[facet];
  const legendId = `filtre-${param}-legende`;
  const chosen = shown.filter((v) => v.selected).length;
  const folded = FOLDED.includes(facet);
  const fieldset = (
    <fieldset class="fr-fieldset fr-mb-1w" aria-labelledby={legendId}>
      {/* In a <details>, the summary already shows the title: the legend is for screen readers only. */}
      <legend
        class={`fr-fieldset__legend--regular fr-fieldset__legend fr-text--bold${folded ? ' fr-sr-only' : ''}`}
        id={legendId}
      >
        {FACET_TITLES[facet]}
        {chosen > 0 ? (
          <span class="fr-sr-only">
            {' '}
            ({chosen} choisi{chosen > 1 ? 's' : ''})
          </span>
        ) : null}
      </legend>
      {shown.map((v) => {
        const id = `filtre-${param}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
        return (
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={id} name={param} value={v.value} checked={v.selected} />
              <label class="fr-label" for={id}>
                {facetValueLabel(facet, v.value, names)} ({formatNumber(v.count)})
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
  if (!folded) return fieldset;
  return (
    <details class="nt-facet fr-mb-2w" open={chosen > 0}>
      <summary class="fr-text--bold">
        {FACET_TITLES[facet]}
        {chosen > 0 ? ` (${chosen} choisi${chosen > 1 ? 's' : ''})` : ''}
      </summary>
      {fieldset}
    </details>
  );
}
