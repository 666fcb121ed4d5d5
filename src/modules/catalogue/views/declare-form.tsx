import { ErrorSummary, TextareaField } from '../../../platform/ui/fields.js';
import { Alert, CsrfField, InputField, SelectField } from '../../../platform/ui/forms.js';
import { USE_STATUSES } from '../catalogue.domain.js';
import { USE_FIELDS } from '../catalogue.schemas.js';

export type UseFormValues = Record<keyof typeof USE_FIELDS, string>;

/**
 * A group of radio buttons in a fieldset (the form's « statut »), its error tied to the group.
 *
 * @example
 * <RadioGroup name="statut" legend="Votre situation" options={[…]} value="utilise" />
 */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  value: string;
  error?: string;
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
      </legend>
      {props.options.map((o) => (
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.value === o.value}
            />
            <label class="fr-label" for={`${id}-${o.value}`}>
              {o.label}
              {o.hint ? <span class="fr-hint-text">{o.hint}</span> : null}
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
 * The one form of a reuse declaration: « nous utilisons » (since when, what for, the instance) or « nous
 * souhaitons l’utiliser », for the agent's organisation (or one they are référent of). In `change` mode it
 * edits the organisation's declaration.
 *
 * @example
 * <DeclareForm solution={{ id, name }} organisations={[{ siren, name }]} values={values} errors={{}} mode="new" csrf={token} />
 */
export function DeclareForm(props: {
  solution: { id: string; name: string };
  organisations: Array<{ siren: string; name: string }>;
  values: UseFormValues;
  errors: Record<string, string>;
  mode: 'new' | 'change';
  csrf: string;
  /** A second declaration was refused: say so kindly, with the first one's date. */
  alreadyDeclared?: string | null;
}) {
  const { values, errors } = props;
  const single = props.organisations.length === 1 ? props.organisations[0]! : null;
  return (
    <>
      <h1>{props.mode === 'change' ? 'Modifier votre déclaration' : 'Déclarer l’usage de cette solution'}</h1>
      <p class="fr-text--lead">
        « {props.solution.name} » : dites si votre organisation l’utilise ou souhaite l’utiliser. Votre
        déclaration est publique ; elle aide d’autres collectivités à trouver qui l’utilise près de chez
        elles.
      </p>
      {props.alreadyDeclared ? (
        <Alert type="info" title="Votre organisation a déjà déclaré cette solution">
          <p>
            {props.alreadyDeclared} Une organisation ne déclare qu’une fois chaque solution : vous pouvez
            modifier la déclaration ci-dessous, ou la retirer depuis la page de la solution.
          </p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} labels={USE_FIELDS} />
      <form method="post" action={`/catalogue/solutions/${props.solution.id}/utiliser`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="mode" value={props.mode === 'change' ? 'modifier' : 'declarer'} />
        {single || props.mode === 'change' ? (
          <>
            <input type="hidden" name="organisation" value={single?.siren ?? values.organisation} />
            {/* The error summary links here (#champ-organisation) when the organisation is refused. */}
            <div id="champ-organisation" class="fr-mb-3w">
              <p class="fr-mb-1v">
                Organisation :{' '}
                <strong>
                  {single?.name ??
                    props.organisations.find((o) => o.siren === values.organisation)?.name ??
                    values.organisation}
                </strong>
              </p>
              {errors.organisation ? (
                <p class="fr-message fr-message--error" id="champ-organisation-erreur">
                  {errors.organisation}
                </p>
              ) : null}
            </div>
          </>
        ) : (
          <SelectField
            name="organisation"
            label={USE_FIELDS.organisation}
            value={values.organisation}
            error={errors.organisation}
            options={[
              { value: '', label: 'Choisissez une organisation' },
              ...props.organisations.map((o) => ({ value: o.siren, label: o.name })),
            ]}
          />
        )}
        <RadioGroup
          name="statut"
          legend={USE_FIELDS.statut}
          value={values.statut}
          error={errors.statut}
          options={[
            {
              value: 'utilise',
              label: USE_STATUSES.utilise,
              hint: 'Votre organisation s’en sert aujourd’hui.',
            },
            {
              value: 'souhaite',
              label: USE_STATUSES.souhaite,
              hint: 'Vous l’étudiez ou prévoyez de l’adopter.',
            },
          ]}
        />
        <InputField
          name="depuis"
          label={`${USE_FIELDS.depuis} (si vous l’utilisez)`}
          type="month"
          hint="Mois et année, au format AAAA-MM, par exemple 2022-09."
          value={values.depuis}
          error={errors.depuis}
        />
        <TextareaField
          name="usage"
          label={`${USE_FIELDS.usage} (facultatif)`}
          hint="Par exemple : réservation des salles municipales par les associations."
          value={values.usage}
          error={errors.usage}
          rows={3}
        />
        <InputField
          name="instance"
          label={`${USE_FIELDS.instance} (facultatif)`}
          type="url"
          hint="Si votre instance est publique, par exemple https://salles.ma-commune.fr."
          value={values.instance}
          error={errors.instance}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn">
              {props.mode === 'change' ? 'Enregistrer la modification' : 'Déclarer'}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/catalogue/solutions/${props.solution.id}`}>
              Annuler
            </a>
          </li>
        </ul>
      </form>
    </>
  );
}
