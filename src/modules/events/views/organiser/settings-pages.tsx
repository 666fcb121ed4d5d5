/**
 * Rooms and questions: each part lists what exists (a link to edit each) with the form to add one, and each
 * item has its own edit page with its delete form apart.
 */
import { CsrfField, InputField, SelectField } from '../../../../platform/ui/forms.js';
import { QUESTION_KINDS, type Question, type Room } from '../../events.domain.js';
import { CheckboxField, ErrorSummary, type Errors, TextAreaField, type Values } from './form-fields.js';
import { organiserPath } from './organiser-layout.js';

/**
 * The rooms of an event, each a link to its page.
 *
 * @example
 * <RoomsList eventId={event.id} rooms={rooms} />
 */
export function RoomsList({ eventId, rooms }: { eventId: string; rooms: Room[] }) {
  if (rooms.length === 0) return <p>Aucune salle pour le moment.</p>;
  return (
    <ul class="fr-mb-4w">
      {rooms.map((r) => (
        <li>
          <a href={organiserPath(eventId, `salles/${r.id}`)}>{r.name}</a>
          {r.capacity ? ` — ${r.capacity} places` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * The form of a room (add or edit).
 *
 * @example
 * <RoomForm action={path} csrf={csrf} values={{}} errors={{}} submit="Ajouter la salle" heading="Ajouter une salle" />
 */
export function RoomForm(props: {
  action: string;
  csrf: string;
  values: Values;
  errors: Errors;
  submit: string;
  heading: string;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <h2 class="fr-h4">{props.heading}</h2>
      <CsrfField token={props.csrf} />
      <ErrorSummary errors={props.errors} />
      <InputField
        name="name"
        label="Nom de la salle"
        value={props.values.name}
        error={props.errors.name}
        required
      />
      <InputField
        name="capacity"
        label="Places dans la salle"
        hint="Indicatif : un nombre entier positif, ou vide."
        inputmode="numeric"
        value={props.values.capacity}
        error={props.errors.capacity}
      />
      <button type="submit" class="fr-btn">
        {props.submit}
      </button>
    </form>
  );
}

/**
 * The questions of the registration form, in order.
 *
 * @example
 * <QuestionsList eventId={event.id} questions={questions} />
 */
export function QuestionsList({ eventId, questions }: { eventId: string; questions: Question[] }) {
  if (questions.length === 0)
    return <p>Le formulaire d’inscription ne pose pas de question supplémentaire.</p>;
  return (
    <ol class="fr-mb-4w">
      {questions.map((q) => (
        <li>
          <a href={organiserPath(eventId, `questions/${q.id}`)}>{q.label}</a> —{' '}
          {QUESTION_KINDS[q.kind] ?? q.kind}
          {q.required ? ', obligatoire' : ', facultative'}
          {q.kind === 'choix' ? ` (${q.choices.join(', ')})` : ''}
        </li>
      ))}
    </ol>
  );
}

/**
 * The form of a question (add or edit).
 *
 * @example
 * <QuestionForm action={path} csrf={csrf} values={{ kind: 'texte' }} errors={{}} submit="Ajouter la question" heading="Ajouter une question" />
 */
export function QuestionForm(props: {
  action: string;
  csrf: string;
  values: Values;
  errors: Errors;
  submit: string;
  heading: string;
}) {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <h2 class="fr-h4">{props.heading}</h2>
      <CsrfField token={props.csrf} />
      <ErrorSummary errors={errors} />
      <InputField
        name="label"
        label="Intitulé de la question"
        value={values.label}
        error={errors.label}
        required
      />
      <SelectField
        name="kind"
        label="Type de réponse"
        value={values.kind}
        error={errors.kind}
        options={Object.entries(QUESTION_KINDS).map(([value, label]) => ({ value, label }))}
      />
      <TextAreaField
        name="choices"
        label="Choix proposés"
        hint="Pour un choix dans une liste : un choix par ligne, deux au moins."
        values={values}
        errors={errors}
      />
      <CheckboxField name="required" label="Réponse obligatoire" values={values} />
      <button type="submit" class="fr-btn">
        {props.submit}
      </button>
    </form>
  );
}

/**
 * A delete button in a form of its own, with what it deletes in its accessible name.
 *
 * @example
 * <DeleteForm action={`${path}/supprimer`} csrf={csrf} label="Supprimer la salle « Mezzanine »" />
 */
export function DeleteForm({ action, csrf, label }: { action: string; csrf: string; label: string }) {
  return (
    <form method="post" action={action} class="fr-mt-6w">
      <CsrfField token={csrf} />
      <button type="submit" class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
        {label}
      </button>
    </form>
  );
}
