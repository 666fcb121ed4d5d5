import { FacetFieldset as PlatformFacetFieldset } from '../../../platform/ui/facets.js';
import { SelectField } from '../../../platform/ui/forms.js';
import { CollectivitePicker } from '../../territories/index.js';
import type { PlaceNames } from '../search/public-service.js';
import { FACET_PARAMS, type NearInput } from '../search/search.params.js';
import {
  FACETS,
  type FacetCount,
  type FacetKey,
  type NearState,
  type Portee,
  type SolutionSearchResult,
} from '../search/search.types.js';
import { FACET_TITLES, facetValueLabel } from './labels.js';

export const PORTEE_LABELS: Record<Portee, string> = {
  commune: 'Dans ma commune',
  epci: 'Dans mon intercommunalité',
  departement: 'Dans mon département',
};

/** Long lists folded in a `<details>` (open when one of their values is chosen). */
const FOLDED: readonly FacetKey[] = ['themes', 'regions', 'departements', 'licences'];
/** Values with no solution left out (unless chosen). */
const HIDE_EMPTY: readonly FacetKey[] = ['themes', 'regions', 'departements', 'licences'];

/**
 * The filters column of the search form, shared by the list and the map: every facet as checkboxes with
 * counts (what the search would show with that value ticked), « utilisée près de chez moi », then the
 * button that applies them (nothing submits by itself: the page works without JavaScript).
 *
 * @example
 * <SearchFilters result={result} names={names} near={null} nearInput={null} />
 */
export function SearchFilters(props: {
  result: SolutionSearchResult;
  names: PlaceNames;
  near: NearState | null;
  nearInput: NearInput | null;
}) {
  return (
    <div class="nt-filters">
      <h2 class="fr-h5">Filtrer les solutions</h2>
      {FACETS.map((facet) => (
        <FacetFieldset facet={facet} values={props.result.facets[facet]} names={props.names} />
      ))}
      <NearFieldset near={props.near} nearInput={props.nearInput} />
      <button type="submit" class="fr-btn fr-mt-2w" name="appliquer" value="1">
        Appliquer les filtres
      </button>
    </div>
  );
}

function FacetFieldset({
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

function NearFieldset({ near, nearInput }: { near: NearState | null; nearInput: NearInput | null }) {
  const portee = near?.portee ?? nearInput?.portee ?? 'departement';
  const value =
    near?.status === 'chosen'
      ? { code: near.code, label: near.label }
      : nearInput?.text
        ? { code: null, label: nearInput.text }
        : null;
  return (
    <fieldset class="fr-fieldset fr-mt-2w" aria-labelledby="pres-legende">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend fr-text--bold" id="pres-legende">
        Utilisée près de chez moi
        <span class="fr-hint-text">
          Les solutions qu’utilisent des organisations de votre commune, de son intercommunalité ou de son
          département.
        </span>
      </legend>
      <div class="fr-fieldset__element">
        <CollectivitePicker
          name="pres"
          id="pres"
          label="Votre commune"
          kinds={['commune']}
          value={value}
          choices={near?.status === 'choices' ? near.candidates : undefined}
          error={near?.status === 'none' ? `Aucune commune ne correspond à « ${near.text} ».` : undefined}
        />
      </div>
      <div class="fr-fieldset__element">
        <SelectField
          name="portee"
          label="Jusqu’où chercher"
          value={portee}
          options={Object.entries(PORTEE_LABELS).map(([v, l]) => ({ value: v, label: l }))}
        />
      </div>
    </fieldset>
  );
}
