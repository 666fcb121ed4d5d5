import { formatNumber } from '../i18n/format.js';

/** One value of a facet: how many results the search would show with it chosen, and whether it is. */
export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

/**
 * One facet of a search form as a DSFR fieldset of checkboxes, each label with its count. Multi-select:
 * checking two values of one facet shows the results with either. A long list is `folded` in a `<details>`
 * (open when one of its values is chosen); with `hideEmpty`, values with no result are left out unless chosen.
 *
 * @example
 * <FacetFieldset param="statut" title="Statut" values={result.facets.statuts} label={(v) => STATUS[v]} />
 */
export function FacetFieldset(props: {
  /** The query parameter the checkboxes send. */
  param: string;
  title: string;
  values: readonly FacetValue[];
  label: (value: string) => string;
  folded?: boolean;
  hideEmpty?: boolean;
}) {
  const { param, title, folded = false } = props;
  const shown = props.hideEmpty ? props.values.filter((v) => v.count > 0 || v.selected) : props.values;
  if (shown.length === 0) return null;
  const legendId = `filtre-${param}-legende`;
  const chosen = shown.filter((v) => v.selected).length;
  const fieldset = (
    <fieldset class="fr-fieldset fr-mb-1w" aria-labelledby={legendId}>
      {/* In a <details>, the summary already shows the title: the legend is for screen readers only. */}
      <legend
        class={`fr-fieldset__legend--regular fr-fieldset__legend fr-text--bold${folded ? ' fr-sr-only' : ''}`}
        id={legendId}
      >
        {title}
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
                {props.label(v.value)} ({formatNumber(v.count)})
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
        {title}
        {chosen > 0 ? ` (${chosen} choisi${chosen > 1 ? 's' : ''})` : ''}
      </summary>
      {fieldset}
    </details>
  );
}
