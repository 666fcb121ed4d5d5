import { SelectField } from '../../../../platform/ui/forms.js';
import { CollectivitePicker } from '../../../territories/index.js';
import type { PlaceNames } from '../../search/places.js';
import type { NearInput } from '../../search/search.params.js';
import { FACETS, type LaureatSearchResult, type NearState, type Portee } from '../../search/search.types.js';
import { FacetFieldset } from './facet-fieldset.js';

export const PORTEE_LABELS: Record<Portee, string> = {
  commune: 'Ma commune seulement',
  epci: 'Mon intercommunalité',
  departement: 'Mon département',
  voisins: 'Mon département et les départements voisins',
};

/**
 * The filters column of the search form: every facet as a fieldset of checkboxes with counts, then « près de
 * chez moi », then the button that applies them (the page works without JavaScript: nothing submits by
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
      <NearFieldset near={near} nearInput={nearInput} />
      <button type="submit" class="fr-btn fr-mt-2w" name="appliquer" value="1">
        Appliquer les filtres
      </button>
    </div>
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
        Près de chez moi
        <span class="fr-hint-text">
          Faute de coordonnées des communes dans le Code officiel géographique, la proximité se compte en
          territoires : votre commune, son intercommunalité, son département ou les départements voisins.
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
          options={Object.entries(PORTEE_LABELS).map(([v, label]) => ({ value: v, label }))}
        />
      </div>
    </fieldset>
  );
}
