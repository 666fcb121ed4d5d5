import { TextareaField } from '../../../platform/ui/fields.js';
import { Alert, CsrfField } from '../../../platform/ui/forms.js';
import type { Solution } from '../catalogue.domain.js';
import type { SolutionFormValues } from '../catalogue.schemas.js';
import { TRANSITIONS, type Transition } from '../catalogue.workflow.js';
import { statusBadge, statusLabel } from './labels.js';
import { ScreenshotsEditor, SolutionForm } from './solution-form.js';

/**
 * A workflow step as a form: a button, and a required reason when the step needs one (refusal, archive).
 *
 * @example
 * <TransitionForm solutionId="x" transition="archiver" csrf={t} action="/catalogue/solutions/x/etat" />
 */
export function TransitionForm(props: {
  solutionId: string;
  transition: Transition;
  csrf: string;
  action: string;
  motif?: string;
  error?: string;
}) {
  const rule = TRANSITIONS[props.transition];
  return (
    <form method="post" action={props.action} class="fr-mb-3w" novalidate>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="transition" value={props.transition} />
      {rule.needsReason ? (
        <TextareaField
          name={`motif-${props.transition}`}
          label={`Motif (${rule.label.toLowerCase()})`}
          hint="Obligatoire : il est conservé dans l’historique et montré à l’auteur."
          value={props.motif ?? ''}
          error={props.error}
          rows={3}
        />
      ) : null}
      <button type="submit" class={`fr-btn${rule.needsReason ? ' fr-btn--secondary' : ''}`}>
        {rule.label}
      </button>
    </form>
  );
}

/**
 * The edit page of a solution: its state (and the reviewer's reason when it was sent back), the workflow
 * steps this person may take, the form, and the screenshots.
 */
export function EditPage(props: {
  solution: Solution;
  values: SolutionFormValues;
  errors: Record<string, string>;
  csrf: string;
  transitions: Transition[];
  transitionError: { transition: Transition; motif: string; error: string } | null;
  shotErrors: Record<string, string>;
  alt: string;
  notice: string | null;
}) {
  const s = props.solution;
  return (
    <>
      <h1>Modifier « {s.name} »</h1>
      <p>
        État : <span class={`fr-badge ${statusBadge(s.status)}`}>{statusLabel(s.status)}</span>{' '}
        <a href={`/catalogue/solutions/${s.id}`}>Voir la fiche</a>
      </p>
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      {s.status === 'brouillon' && s.refusalReason ? (
        <Alert type="warning" title="La relecture a renvoyé cette solution">
          <p>Motif : {s.refusalReason}</p>
        </Alert>
      ) : null}
      {s.status === 'soumise' ? (
        <p>
          Cette solution attend sa relecture par l’équipe du programme ; vous serez prévenu de sa publication.
        </p>
      ) : null}
      {props.transitions.length > 0 ? (
        <section class="fr-mb-4w" aria-labelledby="etapes">
          <h2 id="etapes" class="fr-h4">
            Étapes
          </h2>
          {props.transitions.map((t) => (
            <TransitionForm
              solutionId={s.id}
              transition={t}
              csrf={props.csrf}
              action={`/catalogue/solutions/${s.id}/etat`}
              motif={props.transitionError?.transition === t ? props.transitionError.motif : ''}
              error={props.transitionError?.transition === t ? props.transitionError.error : undefined}
            />
          ))}
        </section>
      ) : null}
      <h2 class="fr-h3">La fiche</h2>
      <SolutionForm
        action={`/catalogue/solutions/${s.id}/modifier`}
        values={props.values}
        errors={props.errors}
        csrf={props.csrf}
        proposal={false}
      />
      <ScreenshotsEditor
        solutionId={s.id}
        screenshots={s.screenshots}
        csrf={props.csrf}
        errors={props.shotErrors}
        alt={props.alt}
      />
    </>
  );
}
