import { FacetFieldset as PlatformFacetFieldset } from '../../../../platform/ui/facets.js';
import type { PlaceNames } from '../../search/places.js';
import { FACET_PARAMS } from '../../search/search.params.js';
import type { FacetCount, FacetKey } from '../../search/search.types.js';
import { FACET_TITLES, facetValueLabel } from './labels.js';

/** Facets whose list is long: folded in a `<details>` (open when one of its values is chosen). */
const FOLDED: readonly FacetKey[] = ['themes', 'regions', 'departements'];
/** Facets whose values with no lauréat are left out (unless chosen): places and years are many. */
const HIDE_EMPTY: readonly FacetKey[] = ['themes', 'regions', 'departements', 'annees'];

/**
 * One facet of the lauréats' search, each value with the number of lauréats the search would show with it
 * chosen (and the other facets as they are).
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
  return (
    <PlatformFacetFieldset
      param={FACET_PARAMS[facet]}
      title={FACET_TITLES[facet]}
      values={values}
      label={(value) => facetValueLabel(facet, value, names)}
      folded={FOLDED.includes(facet)}
      hideEmpty={HIDE_EMPTY.includes(facet)}
    />
  );
}
