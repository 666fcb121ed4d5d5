import type { Child } from 'hono/jsx';

/** The hidden field every form carries, checked by the CSRF middleware. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * The parts every DSFR field shares: its id, the ids its input is described by (hint, then error), the label
 * with its hint, and the error paragraph. Fields are built from them so that they all tie errors the same way.
 *
 * @example
 * const f = fieldParts({ name: 'email', label: 'Adresse', hint: 'nom@domaine.fr', error });
 * <label …>{f.label}</label> <input id={f.id} aria-describedby={f.describedBy} /> {f.error}
 */
export function fieldParts(props: { name: string; label: string; hint?: string; error?: string }) {
  const id = `champ-${props.name}`;
  const describedBy =
    [props.hint ? `${id}-aide` : null, props.error ? `${id}-erreur` : null].filter(Boolean).join(' ') ||
    undefined;
  return {
    id,
    describedBy,
    invalid: props.error ? ('true' as const) : undefined,
    label: (
      <label class="fr-label" for={id}>
        {props.label}
        {props.hint ? (
          <span class="fr-hint-text" id={`${id}-aide`}>
            {props.hint}
          </span>
        ) : null}
      </label>
    ),
    error: props.error ? (
      <p class="fr-error-text" id={`${id}-erreur`}>
        {props.error}
      </p>
    ) : null,
  };
}

/**
 * A DSFR text input with its label, hint and error, the error tied to the field by `aria-describedby` and the
 * typed value kept.
 *
 * @example
 * <InputField name="email" label="Adresse électronique" type="email" value={values.email} error={errors.email} />
 */
export function InputField(props: {
  name: string;
  label: string;
  type?: string;
  value?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'email' | 'tel' | 'text' | 'search' | 'url' | 'decimal' | 'none';
  pattern?: string;
  spellcheck?: boolean;
}) {
  const f = fieldParts(props);
  return (
    <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
      {f.label}
      <input
        class={`fr-input${props.error ? ' fr-input--error' : ''}`}
        type={props.type ?? 'text'}
        id={f.id}
        name={props.name}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        inputmode={props.inputmode}
        pattern={props.pattern}
        spellcheck={props.spellcheck === false ? false : undefined}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid}
      />
      {f.error}
    </div>
  );
}

/** A DSFR select with its label and error. */
export function SelectField(props: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  value?: string;
  error?: string;
  hint?: string;
}) {
  const id = `champ-${props.name}`;
  return (
    <div class={`fr-select-group${props.error ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {props.label}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </label>
      <select
        class={`fr-select${props.error ? ' fr-select--error' : ''}`}
        id={id}
        name={props.name}
        aria-describedby={props.error ? `${id}-erreur` : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="fr-error-text" id={`${id}-erreur`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A DSFR alert, for the result of an action or a problem with the whole form. */
export function Alert({
  type,
  title,
  children,
}: {
  type: 'success' | 'error' | 'info' | 'warning';
  title: string;
  children?: Child;
}) {
  return (
    <div class={`fr-alert fr-alert--${type} fr-mb-3w`} role={type === 'error' ? 'alert' : 'status'}>
      <h2 class="fr-alert__title">{title}</h2>
      {children ? <div>{children}</div> : null}
    </div>
  );
}
