/**
 * The organisers' form pieces that the platform's forms do not have: a date and time pair, a text area, a
 * checkbox, and the error summary that opens a form sent back with errors (each error a link to its field).
 * Errors are tied to their field by `aria-describedby`; values come back as typed.
 */
import type { Child } from 'hono/jsx';
import { normalizeDate, normalizeTime } from '../../programme/fields.js';

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

const fieldId = (name: string) => `champ-${name}`;

/**
 * The list of a form's errors, first thing in the form, each a link to the field to correct.
 *
 * @example
 * <ErrorSummary errors={{ title: 'Indiquez le titre.' }} />
 */
export function ErrorSummary({ errors, anchors }: { errors: Errors; anchors?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
      <h2 class="fr-alert__title">
        {entries.length > 1
          ? `Le formulaire contient ${entries.length} erreurs`
          : 'Le formulaire contient une erreur'}
      </h2>
      <p>
        Rien n’a été enregistré. Corrigez {entries.length > 1 ? 'ces champs' : 'ce champ'} puis envoyez à
        nouveau :
      </p>
      <ul>
        {entries.map(([key, message]) => (
          <li>
            <a href={`#${anchors?.[key] ?? fieldId(key)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A date and a time entered side by side, Paris time, with one error for the pair (`name`: `start` for the
 * fields `startDate` and `startTime`).
 *
 * @example
 * <DateTimeField name="start" legend="Début de l’événement" values={values} errors={errors} />
 */
export function DateTimeField(props: {
  name: string;
  legend: string;
  hint?: string;
  values: Values;
  errors: Errors;
}) {
  const { name } = props;
  const error = props.errors[name];
  const errorId = `${fieldId(name)}-erreur`;
  const date = props.values[`${name}Date`] ?? '';
  const time = props.values[`${name}Time`] ?? '';
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={fieldId(name)}
      aria-labelledby={`${fieldId(name)}-legende${error ? ` ${errorId}` : ''}`}
    >
      <legend class="fr-fieldset__legend fr-text--regular" id={`${fieldId(name)}-legende`}>
        {props.legend}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </legend>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for={fieldId(`${name}Date`)}>
            Date
            <span class="fr-hint-text">Au format jj/mm/aaaa</span>
          </label>
          <input
            class={`fr-input${error ? ' fr-input--error' : ''}`}
            type="date"
            id={fieldId(`${name}Date`)}
            name={`${name}Date`}
            value={normalizeDate(date) ?? date}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for={fieldId(`${name}Time`)}>
            Heure
            <span class="fr-hint-text">Au format hh:mm, heure de Paris, par exemple 09:30</span>
          </label>
          <input
            class={`fr-input${error ? ' fr-input--error' : ''}`}
            type="text"
            autocomplete="off"
            spellcheck={false}
            id={fieldId(`${name}Time`)}
            name={`${name}Time`}
            value={normalizeTime(time) ?? time}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
      </div>
      {error ? (
        <div class="fr-messages-group" aria-live="polite">
          <p class="fr-message fr-message--error" id={errorId}>
            {error}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * A time alone (the session form: its day is chosen apart). Times are text fields with their format in the
 * hint rather than `type="time"`: the native control splits hours and minutes into tab stops of their own,
 * which keyboard and screen-reader users find harder, and the server reads « 9 h 30 » as well as « 09:30 ».
 *
 * @example
 * <TimeField name="startTime" label="Heure de début" values={values} errors={errors} />
 */
export function TimeField(props: { name: string; label: string; values: Values; errors: Errors }) {
  const error = props.errors[props.name];
  const id = fieldId(props.name);
  const value = props.values[props.name] ?? '';
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {props.label}
        <span class="fr-hint-text">Au format hh:mm, heure de Paris, par exemple 09:30</span>
      </label>
      <input
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        type="text"
        autocomplete="off"
        spellcheck={false}
        id={id}
        name={props.name}
        value={normalizeTime(value) ?? value}
        aria-describedby={error ? `${id}-erreur` : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
      {error ? (
        <p class="fr-error-text" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A DSFR text area with its label, hint and error.
 *
 * @example
 * <TextAreaField name="summary" label="Présentation" values={values} errors={errors} />
 */
export function TextAreaField(props: {
  name: string;
  label: string;
  hint?: string;
  values: Values;
  errors: Errors;
  rows?: number;
}) {
  const error = props.errors[props.name];
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-aide` : null, error ? `${id}-erreur` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {props.label}
        {props.hint ? (
          <span class="fr-hint-text" id={`${id}-aide`}>
            {props.hint}
          </span>
        ) : null}
      </label>
      <textarea
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={described || undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      {error ? (
        <p class="fr-error-text" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A DSFR checkbox; `checked` when the form sent a value for it.
 *
 * @example
 * <CheckboxField name="closed" label="Session fermée" values={values} />
 */
export function CheckboxField(props: { name: string; label: string; hint?: string; values: Values }) {
  const id = fieldId(props.name);
  return (
    <div class="fr-checkbox-group fr-mb-2w">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="1"
        checked={Boolean(props.values[props.name])}
      />
      <label class="fr-label" for={id}>
        {props.label}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </label>
    </div>
  );
}

/**
 * A part of a long form under its own heading, so that the form reads (and is navigated) in parts.
 *
 * @example
 * <FormSection title="Capacités">…</FormSection>
 */
export function FormSection({ title, children }: { title: string; children: Child }) {
  return (
    <section class="fr-mb-5w">
      <h2 class="fr-h4">{title}</h2>
      {children}
    </section>
  );
}
