/**
 * The programme editor: the sessions in time order with what to do with each, and the session form (times,
 * room, kind, speakers, capacity, closed). Without JavaScript, more speaker lines come from a second submit
 * button that sends the form back with three more empty lines and saves nothing.
 */
import { CsrfField, InputField, SelectField } from '../../../../platform/ui/forms.js';
import { type ProgrammeSession, type Room, SESSION_KINDS } from '../../events.domain.js';
import { MAX_SPEAKERS } from '../../events.schemas.js';
import { dayLabel, timeRange } from '../../programme/timetable.js';
import {
  CheckboxField,
  ErrorSummary,
  type Errors,
  FormSection,
  TextAreaField,
  TimeField,
  type Values,
} from './form-fields.js';
import { organiserPath } from './organiser-layout.js';
import { speakerRows } from './values.js';

/**
 * The programme editor's list: every session, its time, room, kind and access.
 *
 * @example
 * <ProgrammeList eventId={event.id} sessions={sessions} rooms={rooms} />
 */
export function ProgrammeList({
  eventId,
  sessions,
  rooms,
}: {
  eventId: string;
  sessions: ProgrammeSession[];
  rooms: Room[];
}) {
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  return (
    <>
      <p>
        <a
          class="fr-btn fr-icon-add-line fr-btn--icon-left"
          href={organiserPath(eventId, 'programme/nouvelle')}
        >
          Ajouter une session
        </a>
      </p>
      {sessions.length === 0 ? (
        <p>Le programme est vide : ajoutez sa première session.</p>
      ) : (
        <div class="fr-table">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>Les sessions du programme, dans l’ordre horaire</caption>
                  <thead>
                    <tr>
                      <th scope="col">Session</th>
                      <th scope="col">Horaire</th>
                      <th scope="col">Salle</th>
                      <th scope="col">Type</th>
                      <th scope="col">Accès</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sessions.map((s) => (
                      <tr>
                        <th scope="row">
                          <a href={organiserPath(eventId, `programme/${s.id}`)}>{s.title}</a>
                        </th>
                        <td>
                          {dayLabel(s.startsAt)}, {timeRange(s.startsAt, s.endsAt)}
                        </td>
                        <td>{s.roomId ? (roomName.get(s.roomId) ?? '') : 'Sans salle'}</td>
                        <td>{SESSION_KINDS[s.kind] ?? s.kind}</td>
                        <td>
                          {s.closed ? (
                            <a href={organiserPath(eventId, `programme/${s.id}/invitations`)}>
                              Sur invitation : gérer les invités
                              <span class="fr-sr-only"> de « {s.title} »</span>
                            </a>
                          ) : (
                            'Ouverte'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * The form of a session (add or edit), with its speaker lines.
 *
 * @example
 * <SessionForm action={path} csrf={csrf} values={values} errors={{}} rooms={rooms} days={eventDays(event)} submit="Ajouter la session" cancelHref={back} />
 */
export function SessionForm(props: {
  action: string;
  csrf: string;
  values: Values;
  errors: Errors;
  rooms: Room[];
  days: Array<{ value: string; label: string }>;
  submit: string;
  cancelHref: string;
}) {
  const { values, errors } = props;
  const rows = speakerRows(values, MAX_SPEAKERS);
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="speakerRows" value={String(rows)} />
      <ErrorSummary errors={errors} />
      <FormSection title="La session">
        <InputField name="title" label="Titre" value={values.title} error={errors.title} required />
        <SelectField
          name="kind"
          label="Type de session"
          value={values.kind}
          error={errors.kind}
          options={[
            { value: '', label: 'Choisir un type' },
            ...Object.entries(SESSION_KINDS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <TextAreaField name="description" label="Description" values={values} errors={errors} rows={4} />
      </FormSection>
      <FormSection title="Quand et où">
        <SelectField name="day" label="Jour" value={values.day} error={errors.day} options={props.days} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-sm-6">
            <TimeField name="startTime" label="Heure de début" values={values} errors={errors} />
          </div>
          <div class="fr-col-12 fr-col-sm-6">
            <TimeField name="endTime" label="Heure de fin" values={values} errors={errors} />
          </div>
        </div>
        <SelectField
          name="roomId"
          label="Salle"
          value={values.roomId}
          error={errors.roomId}
          hint={
            props.rooms.length === 0 ? 'Aucune salle : ajoutez-en depuis la partie « Salles ».' : undefined
          }
          options={[
            { value: '', label: 'Sans salle' },
            ...props.rooms.map((r) => ({ value: r.id, label: r.name })),
          ]}
        />
      </FormSection>
      <FormSection title="Accès">
        <InputField
          name="capacity"
          label="Places de la session"
          hint="Un nombre entier positif, ou vide : la capacité de l’événement s’applique."
          inputmode="numeric"
          value={values.capacity}
          error={errors.capacity}
        />
        <CheckboxField
          name="closed"
          label="Session fermée, sur invitation"
          hint="Visible et ouverte aux seules personnes invitées (un comité, par exemple)."
          values={values}
        />
      </FormSection>
      <section class="fr-mb-5w" aria-labelledby="intervenants-titre">
        <h2 class="fr-h4" id="intervenants-titre">
          Intervenants
        </h2>
        <p class="fr-text--sm">
          Une ligne par intervenant ; une ligne vide est ignorée. Pour plus de lignes, utilisez « Ajouter
          trois lignes d’intervenants » en bas du formulaire.
        </p>
        {Array.from({ length: rows }, (_, i) => (
          <fieldset class="fr-fieldset" id={`intervenant-${i}`} aria-labelledby={`intervenant-${i}-legende`}>
            <legend class="fr-fieldset__legend fr-text--regular" id={`intervenant-${i}-legende`}>
              Intervenant {i + 1}
            </legend>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <InputField
                name={`speaker${i}Name`}
                label="Nom"
                value={values[`speaker${i}Name`]}
                error={errors[`speaker${i}Name`]}
              />
            </div>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <InputField name={`speaker${i}Role`} label="Fonction" value={values[`speaker${i}Role`]} />
            </div>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <InputField
                name={`speaker${i}Organisation`}
                label="Organisation"
                value={values[`speaker${i}Organisation`]}
              />
            </div>
          </fieldset>
        ))}
      </section>
      {/* Saving comes first in the form: it is what the Enter key does. */}
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" name="_action" value="enregistrer" class="fr-btn">
            {props.submit}
          </button>
        </li>
        {rows < MAX_SPEAKERS ? (
          <li>
            <button type="submit" name="_action" value="lignes" class="fr-btn fr-btn--secondary">
              Ajouter trois lignes d’intervenants
            </button>
          </li>
        ) : null}
        <li>
          <a class="fr-btn fr-btn--tertiary" href={props.cancelHref}>
            Annuler
          </a>
        </li>
      </ul>
    </form>
  );
}

/**
 * The delete form of a session, apart from its edit form (a form cannot hold another).
 *
 * @example
 * <DeleteSession action={`${path}/supprimer`} csrf={csrf} title={session.title} />
 */
export function DeleteSession({ action, csrf, title }: { action: string; csrf: string; title: string }) {
  return (
    <form method="post" action={action} class="fr-mt-4w">
      <CsrfField token={csrf} />
      <h2 class="fr-h5">Retirer la session du programme</h2>
      <p class="fr-text--sm">Ses intervenants et ses invitations sont supprimés avec elle.</p>
      <button type="submit" class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
        Supprimer la session « {title} »
      </button>
    </form>
  );
}
