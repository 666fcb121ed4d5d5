/**
 * Who may come: the rules per profile (decision, quota, reason of a refusal) and the invitations to a closed
 * session (addresses pasted one per line; the ones that are not addresses are reported with their line).
 */

import { formatDateTime } from '../../../../platform/i18n/format.js';
import { CsrfField, InputField, SelectField } from '../../../../platform/ui/forms.js';
import { PROFILE_DECISIONS, PROFILES, type ProfileRule, type ProgrammeSession } from '../../events.domain.js';
import type { Invitation } from '../../events.repository.js';
import { ErrorSummary, type Errors, TextAreaField, type Values } from './form-fields.js';

/**
 * The rules form's values: every profile's rule, « validation » for a profile without one.
 *
 * @example
 * rulesValues([])['decision-presse'] // 'validation'
 */
export function rulesValues(rules: ProfileRule[]): Values {
  const values: Values = {};
  for (const profile of Object.keys(PROFILES)) {
    const rule = rules.find((r) => r.profile === profile);
    values[`decision-${profile}`] = rule?.decision ?? 'validation';
    values[`quota-${profile}`] = rule?.quota ? String(rule.quota) : '';
    values[`reason-${profile}`] = rule?.refusalReason ?? '';
  }
  return values;
}

/**
 * The rules form: one fieldset per profile.
 *
 * @example
 * <RulesForm action={path} csrf={csrf} values={rulesValues(rules)} errors={{}} />
 */
export function RulesForm(props: { action: string; csrf: string; values: Values; errors: Errors }) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <ErrorSummary errors={errors} />
      <p>
        Pour chaque profil : l’inscription est acceptée d’office, soumise à votre validation, ou refusée avec
        un motif. Le quota limite le nombre de places de ce profil ; vide, il n’y a pas de limite propre.
      </p>
      {Object.entries(PROFILES).map(([profile, label]) => (
        <fieldset class="fr-fieldset" id={`profil-${profile}`} aria-labelledby={`profil-${profile}-legende`}>
          <legend class="fr-fieldset__legend fr-h6" id={`profil-${profile}-legende`}>
            {label}
          </legend>
          <div class="fr-fieldset__element">
            <SelectField
              name={`decision-${profile}`}
              label={`Décision pour le profil « ${label} »`}
              value={values[`decision-${profile}`]}
              error={errors[`decision-${profile}`]}
              options={Object.entries(PROFILE_DECISIONS).map(([value, l]) => ({ value, label: l }))}
            />
          </div>
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <InputField
              name={`quota-${profile}`}
              label={`Quota de places, profil « ${label} »`}
              inputmode="numeric"
              value={values[`quota-${profile}`]}
              error={errors[`quota-${profile}`]}
            />
          </div>
          <div class="fr-fieldset__element">
            <InputField
              name={`reason-${profile}`}
              label={`Motif du refus, profil « ${label} »`}
              hint="Montré à la personne dont l’inscription est refusée."
              value={values[`reason-${profile}`]}
              error={errors[`reason-${profile}`]}
            />
          </div>
        </fieldset>
      ))}
      <button type="submit" class="fr-btn">
        Enregistrer les règles
      </button>
    </form>
  );
}

/**
 * The invitations to a closed session: the paste form, its report, the people invited.
 *
 * @example
 * <InvitationsPage session={s} invitations={list} action={path} removeAction={`${path}/retirer`} csrf={csrf} values={{}} errors={{}} report={null} />
 */
export function InvitationsPage(props: {
  session: ProgrammeSession;
  invitations: Invitation[];
  action: string;
  removeAction: string;
  csrf: string;
  values: Values;
  errors: Errors;
  report: { added: number; already: number; invalid: Array<{ line: number; value: string }> } | null;
}) {
  const { report } = props;
  return (
    <>
      {!props.session.closed ? (
        <div class="fr-alert fr-alert--info fr-mb-3w">
          <h2 class="fr-alert__title">Cette session est ouverte à tous</h2>
          <p>Cochez « Session fermée, sur invitation » dans la session pour réserver l’accès aux invités.</p>
        </div>
      ) : null}
      {report ? (
        <div
          class={`fr-alert fr-alert--${report.invalid.length > 0 ? 'warning' : 'success'} fr-mb-3w`}
          role="status"
        >
          <h2 class="fr-alert__title">
            {report.added > 1
              ? `${report.added} personnes invitées`
              : report.added === 1
                ? 'Une personne invitée'
                : 'Aucune nouvelle invitation'}
          </h2>
          {report.already > 0 ? <p>{report.already} adresse(s) étaient déjà invitées.</p> : null}
          {report.invalid.length > 0 ? (
            <>
              <p>
                Ces lignes ne sont pas des adresses électroniques et n’ont pas été invitées ; corrigez-les
                ci-dessous :
              </p>
              <ul>
                {report.invalid.map((i) => (
                  <li>
                    Ligne {i.line} : « {i.value} »
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrf} />
        <ErrorSummary errors={props.errors} />
        <TextAreaField
          name="emails"
          label="Adresses électroniques à inviter"
          hint="Une adresse par ligne (les virgules et points-virgules séparent aussi). Les invités voient la session une fois connectés avec cette adresse."
          values={props.values}
          errors={props.errors}
          rows={8}
        />
        <button type="submit" class="fr-btn">
          Inviter
        </button>
      </form>
      <h2 class="fr-h4 fr-mt-6w">Personnes invitées ({props.invitations.length})</h2>
      {props.invitations.length === 0 ? (
        <p>Personne n’est encore invité.</p>
      ) : (
        <ul>
          {props.invitations.map((i) => (
            <li class="fr-mb-1w">
              <form method="post" action={props.removeAction}>
                <CsrfField token={props.csrf} />
                <input type="hidden" name="email" value={i.email} />
                {i.email} <span class="nt-meta fr-text--sm">(invitée le {formatDateTime(i.invitedAt)})</span>{' '}
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline">
                  Retirer<span class="fr-sr-only"> l’invitation de {i.email}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
