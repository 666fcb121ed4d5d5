/**
 * DSFR fields beside forms.tsx's — a textarea, a group of checkboxes, a file upload, an error summary —
 * built the same way: a label, a hint, the error tied by `aria-describedby`, the typed value kept.
 */
import type { Child } from 'hono/jsx';
import { fieldParts } from './forms.js';

/**
 * @example
 * <TextareaField name="resume" label="Résumé" value={values.resume} error={errors.resume} />
 */
export function TextareaField(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  rows?: number;
}) {
  const f = fieldParts(props);
  return (
    <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
      {f.label}
      <textarea
        class={`fr-input${props.error ? ' fr-input--error' : ''}`}
        id={f.id}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid}
      >
        {props.value ?? ''}
      </textarea>
      {f.error}
    </div>
  );
}

/**
 * A group of checkboxes sharing one name, in a fieldset whose legend names them.
 *
 * @example
 * <CheckboxesField name="themes" legend="Thèmes" options={[…]} checked={['relation-usagers']} />
 */
export function CheckboxesField(props: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  checked: string[];
  error?: string;
  hint?: string;
}) {
  const id = `champ-${props.name}`;
  return (
    <fieldset
      class={`fr-fieldset${props.error ? ' fr-fieldset--error' : ''}`}
      id={id}
      aria-labelledby={`${id}-legende${props.error ? ` ${id}-erreur` : ''}`}
    >
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id={`${id}-legende`}>
        {props.legend}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.options.map((o) => (
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
            />
            <label class="fr-label" for={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      {props.error ? (
        <div class="fr-messages-group" aria-live="assertive">
          <p class="fr-message fr-message--error" id={`${id}-erreur`}>
            {props.error}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * A DSFR file upload field.
 *
 * @example
 * <UploadField name="fichier" label="Fichier des lauréats" accept=".csv,.xlsx" hint="…" error={error} />
 */
export function UploadField(props: {
  name: string;
  label: string;
  accept: string;
  hint: string;
  error?: string;
}) {
  const f = fieldParts(props);
  return (
    <div class={`fr-upload-group${props.error ? ' fr-upload-group--error' : ''}`}>
      {f.label}
      <input
        class="fr-upload"
        type="file"
        id={f.id}
        name={props.name}
        accept={props.accept}
        required
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid}
      />
      {f.error}
    </div>
  );
}

/**
 * The list of a form’s errors above it, each a link to its field: a screen reader user hears them all first.
 *
 * @example
 * <ErrorSummary errors={{ montant: 'Le montant n’est pas un nombre.' }} labels={{ montant: 'Montant accordé' }} />
 */
export function ErrorSummary(props: { errors: Record<string, string>; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const items: Child[] = entries.map(([field, message]) => (
    <li>
      {field === '_form' ? (
        message
      ) : (
        <a href={`#champ-${field}`}>{`${props.labels[field] ?? field} : ${message}`}</a>
      )}
    </li>
  ));
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h2 class="fr-alert__title">
        {entries.length > 1
          ? `Le formulaire contient ${entries.length} erreurs`
          : 'Le formulaire contient une erreur'}
      </h2>
      <ul>{items}</ul>
    </div>
  );
}
