import type { Child } from 'hono/jsx';

/** A DSFR group of radio buttons (or checkboxes), its error tied to the group by `aria-labelledby`. */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  type?: 'radio' | 'checkbox';
  options: Array<{ value: string; label: string; hint?: string }>;
  checked: (value: string) => boolean;
  error?: string;
  inline?: boolean;
}) {
  const id = `champ-${props.name}`;
  const type = props.type ?? 'radio';
  const group = type === 'radio' ? 'fr-radio-group' : 'fr-checkbox-group';
  return (
    <fieldset
      class={`fr-fieldset${props.error ? ' fr-fieldset--error' : ''}`}
      id={id}
      aria-labelledby={`${id}-legende${props.error ? ` ${id}-messages` : ''}`}
    >
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}-legende`}>
        {props.legend}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.options.map((o, i) => (
        <div class={`fr-fieldset__element${props.inline ? ' fr-fieldset__element--inline' : ''}`}>
          <div class={group}>
            <input
              type={type}
              id={`${id}-${i}`}
              name={props.name}
              value={o.value}
              checked={props.checked(o.value)}
            />
            <label class="fr-label" for={`${id}-${i}`}>
              {o.label}
              {o.hint ? <span class="fr-hint-text">{o.hint}</span> : null}
            </label>
          </div>
        </div>
      ))}
      <div class="fr-messages-group" id={`${id}-messages`} aria-live="polite">
        {props.error ? <p class="fr-message fr-message--error">{props.error}</p> : null}
      </div>
    </fieldset>
  );
}

/** The list of the form's problems, each a link to its field, shown above the form after a failed submission. */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
}) {
  // In the form's order (the labels'), whatever order the checks found them in.
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  // Focused when the page opens (`autofocus`, no script needed): the keyboard starts from the list of problems.
  return (
    <div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="erreurs" tabindex={-1} autofocus>
      <h2 class="fr-alert__title">
        {entries.length === 1 ? 'Un champ est à corriger' : `${entries.length} champs sont à corriger`}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#champ-${field}`}>{labels[field] ?? 'Formulaire'}</a> : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The privacy notice every form carries (RGPD, article 13). */
export function PrivacyNotice({ retentionMonths, children }: { retentionMonths: number; children?: Child }) {
  return (
    <section class="fr-mt-4w fr-text--sm" aria-labelledby="donnees-personnelles">
      <h2 class="fr-h6" id="donnees-personnelles">
        Vos données personnelles
      </h2>
      <p class="fr-text--sm">
        Ces informations servent à organiser l’événement : gérer votre inscription et la liste d’attente, vous
        écrire à son sujet, préparer votre badge et l’accueil. Elles sont vues par l’équipe organisatrice
        seulement, et supprimées {retentionMonths} mois après l’événement (seules des statistiques anonymes
        sont gardées). Vous pouvez consulter, modifier ou supprimer votre inscription à tout moment avec le
        lien reçu par courriel, et exercer vos droits d’accès, de rectification et d’effacement auprès de
        l’équipe organisatrice.
      </p>
      {children}
    </section>
  );
}
