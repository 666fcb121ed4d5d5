import { APP_PREFIX } from '../../../platform/ui/assets-paths.js';
import type { TerritorySuggestion } from '../search/territory-index.js';
import type { TerritoryKind } from '../territories.domain.js';

/** Where the picker's script fetches its suggestions. */
export const SUGGESTIONS_PATH = '/territoires/suggestions';
/** The picker's script, under the version-hashed prefix of the app's assets. */
export const PICKER_SCRIPT = `${APP_PREFIX}picker.js`;

export interface CollectivitePickerProps {
  /** The name of the hidden field carrying the chosen territory's key; the text field is `<name>_libelle`. */
  name: string;
  label: string;
  /** What was chosen or typed: shown again so that nothing typed is lost when a form comes back. */
  value?: { code?: string | null; label: string } | null;
  error?: string;
  hint?: string;
  /** The kinds offered; the collectivités when absent. */
  kinds?: readonly TerritoryKind[];
  /** When the text named several territories (see `resolvePick`): offered as radio buttons. */
  choices?: TerritorySuggestion[];
  /** The text field's id; the name by default. */
  id?: string;
}

/**
 * A field to choose a collectivité, usable in any form.
 *
 * Without JavaScript it is a text field and a « Rechercher » button that submits the form with
 * `<name>_rechercher=1`: the form's handler resolves the text with `territories.resolvePick` and, when several
 * territories match, renders the form again with them as `choices`. With `picker.js` it becomes an
 * accessible autocomplete (WAI-ARIA 1.2 combobox) that fills the hidden `<name>` field with the chosen key
 * ("38185", "200040715", "departement-38"…) and the text field with its label; the button is then removed (hidden, it would stay the form's default button for Enter).
 *
 * @example
 * <CollectivitePicker name="collectivite" label="Votre collectivité" kinds={['commune', 'epci']} />
 */
export function CollectivitePicker(props: CollectivitePickerProps) {
  const id = props.id ?? props.name;
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const describedBy = props.error ? `${hintId} ${errorId}` : hintId;
  const choices = props.choices ?? [];
  return (
    <>
      <div
        class={`fr-input-group nt-picker${props.error ? ' fr-input-group--error' : ''}`}
        data-nt-picker=""
        data-source={SUGGESTIONS_PATH}
        data-types={(props.kinds ?? []).join(',')}
      >
        <label class="fr-label" for={id}>
          {props.label}
          <span class="fr-hint-text" id={hintId}>
            {props.hint ??
              'Saisissez un nom, un code postal ou un code INSEE, puis choisissez dans la liste ou utilisez « Rechercher ».'}
          </span>
        </label>
        <div class="fr-input-wrap fr-input-wrap--addon">
          <input
            class={`fr-input${props.error ? ' fr-input--error' : ''}`}
            type="text"
            id={id}
            name={`${props.name}_libelle`}
            value={props.value?.label ?? ''}
            autocomplete="off"
            spellcheck={false}
            aria-describedby={describedBy}
            aria-invalid={props.error ? 'true' : undefined}
            maxlength={100}
          />
          <button
            type="submit"
            class="fr-btn fr-btn--secondary nt-picker__search"
            name={`${props.name}_rechercher`}
            value="1"
            formnovalidate
          >
            Rechercher
          </button>
        </div>
        {choices.length === 0 ? (
          <input type="hidden" name={props.name} value={props.value?.code ?? ''} data-nt-picker-code="" />
        ) : null}
        {props.error ? (
          <p class="fr-error-text" id={errorId}>
            {props.error}
          </p>
        ) : null}
      </div>
      {choices.length > 0 ? <Choices name={props.name} id={id} choices={choices} /> : null}
      <script type="module" src={PICKER_SCRIPT} />
    </>
  );
}

function Choices({ name, id, choices }: { name: string; id: string; choices: TerritorySuggestion[] }) {
  const legendId = `${id}-choix-legende`;
  return (
    <fieldset class="fr-fieldset" aria-labelledby={legendId}>
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id={legendId}>
        Plusieurs territoires correspondent : choisissez le vôtre.
      </legend>
      {choices.map((c, i) => (
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input type="radio" id={`${id}-choix-${i}`} name={name} value={c.key} />
            <label class="fr-label" for={`${id}-choix-${i}`}>
              {c.label}
              {c.detail ? <span class="fr-hint-text">{c.detail}</span> : null}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
