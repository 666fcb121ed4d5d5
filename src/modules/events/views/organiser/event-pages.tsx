/**
 * The organisers' list of events, an event's overview (state, figures, publish and archive) and the event
 * form (create and edit).
 */
import { formatDateTime } from '../../../../platform/i18n/format.js';
import { CsrfField, InputField } from '../../../../platform/ui/forms.js';
import { EVENT_STATUSES, type EventRecord } from '../../events.domain.js';
import { eventWhen } from '../../programme/timetable.js';
import {
  CheckboxField,
  DateTimeField,
  ErrorSummary,
  type Errors,
  FormSection,
  TextAreaField,
  type Values,
} from './form-fields.js';
import { ORGANISATION_BASE, organiserPath } from './organiser-layout.js';

/**
 * The events an organiser may manage, with « Créer un événement » for platform-wide organisers.
 *
 * @example
 * <OrganiserEventList events={events} canCreate />
 */
export function OrganiserEventList({ events, canCreate }: { events: EventRecord[]; canCreate: boolean }) {
  return (
    <>
      <h1>Organisation des événements</h1>
      {canCreate ? (
        <p>
          <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href={`${ORGANISATION_BASE}/nouveau`}>
            Créer un événement
          </a>
        </p>
      ) : null}
      {events.length === 0 ? (
        <p>Aucun événement pour le moment.</p>
      ) : (
        <div class="fr-table">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>Les événements que vous organisez</caption>
                  <thead>
                    <tr>
                      <th scope="col">Événement</th>
                      <th scope="col">Date</th>
                      <th scope="col">État</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.map((e) => (
                      <tr>
                        <th scope="row">
                          <a href={organiserPath(e.id)}>{e.title}</a>
                          {e.demonstration ? ' (démonstration)' : ''}
                        </th>
                        <td>{eventWhen(e)}</td>
                        <td>{EVENT_STATUSES[e.status]}</td>
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
 * An event's overview for its organisers: dates, figures, publish and archive.
 *
 * @example
 * <EventOverview event={event} counts={counts} csrf={csrf} errors={{}} />
 */
export function EventOverview(props: {
  event: EventRecord;
  counts: { rooms: number; sessions: number; closed: number; questions: number };
  csrf: string;
  errors: Errors;
}) {
  const { event, counts } = props;
  return (
    <>
      <ErrorSummary errors={props.errors} anchors={{ status: 'actions' }} />
      <dl>
        <dt class="fr-text--bold">Date</dt>
        <dd class="fr-ml-0 fr-mb-1w">{eventWhen(event)}</dd>
        <dt class="fr-text--bold">Inscriptions</dt>
        <dd class="fr-ml-0 fr-mb-1w">
          du {formatDateTime(event.registrationOpensAt)} au {formatDateTime(event.registrationClosesAt)}
        </dd>
        <dt class="fr-text--bold">Programme</dt>
        <dd class="fr-ml-0 fr-mb-1w">
          {counts.sessions} session{counts.sessions > 1 ? 's' : ''}
          {counts.closed > 0 ? ` dont ${counts.closed} sur invitation` : ''}, {counts.rooms} salle
          {counts.rooms > 1 ? 's' : ''}, {counts.questions} question{counts.questions > 1 ? 's' : ''} aux
          participants
        </dd>
      </dl>
      <h2 class="fr-h4" id="actions">
        Publication
      </h2>
      <p>État : {EVENT_STATUSES[event.status]}.</p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {event.status !== 'publie' ? (
          <li>
            <form method="post" action={organiserPath(event.id, 'publier')}>
              <CsrfField token={props.csrf} />
              <button type="submit" class="fr-btn">
                Publier l’événement
              </button>
            </form>
          </li>
        ) : null}
        {event.status !== 'archive' ? (
          <li>
            <form method="post" action={organiserPath(event.id, 'archiver')}>
              <CsrfField token={props.csrf} />
              <button type="submit" class="fr-btn fr-btn--secondary">
                Archiver l’événement
              </button>
            </form>
          </li>
        ) : null}
      </ul>
    </>
  );
}

/**
 * The fields of the event form, for creating and editing.
 *
 * @example
 * <EventForm action="/organisation/evenements/nouveau" csrf={csrf} values={NEW_EVENT_VALUES} errors={{}} submit="Créer l’événement" />
 */
export function EventForm(props: {
  action: string;
  csrf: string;
  values: Values;
  errors: Errors;
  submit: string;
}) {
  const { values, errors } = props;
  const input = (name: string, label: string, extra: Partial<Parameters<typeof InputField>[0]> = {}) => (
    <InputField name={name} label={label} value={values[name]} error={errors[name]} {...extra} />
  );
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <ErrorSummary errors={errors} />
      <FormSection title="Présentation">
        {input('title', 'Titre de l’événement', { required: true })}
        <TextAreaField
          name="summary"
          label="Présentation"
          hint="Quelques phrases, en tête de la page."
          values={values}
          errors={errors}
        />
        <TextAreaField name="audience" label="Public concerné" values={values} errors={errors} rows={3} />
        <TextAreaField
          name="practicalInfo"
          label="Informations pratiques"
          hint="Accès, accueil, accessibilité. Une ligne vide sépare les paragraphes."
          values={values}
          errors={errors}
          rows={6}
        />
      </FormSection>
      <FormSection title="Date et heures">
        <DateTimeField name="start" legend="Début de l’événement" values={values} errors={errors} />
        <DateTimeField name="end" legend="Fin de l’événement" values={values} errors={errors} />
      </FormSection>
      <FormSection title="Lieu et participation">
        <fieldset
          class={`fr-fieldset${errors.modes ? ' fr-fieldset--error' : ''}`}
          id="champ-modes"
          aria-labelledby={`champ-modes-legende${errors.modes ? ' champ-modes-erreur' : ''}`}
        >
          <legend class="fr-fieldset__legend fr-text--regular" id="champ-modes-legende">
            Modes de participation
            <span class="fr-hint-text">Cochez les deux pour un événement hybride.</span>
          </legend>
          <div class="fr-fieldset__element">
            <CheckboxField name="inPerson" label="En présentiel" values={values} />
          </div>
          <div class="fr-fieldset__element">
            <CheckboxField name="remote" label="À distance" values={values} />
          </div>
          {errors.modes ? (
            <div class="fr-messages-group" aria-live="polite">
              <p class="fr-message fr-message--error" id="champ-modes-erreur">
                {errors.modes}
              </p>
            </div>
          ) : null}
        </fieldset>
        {input('venueName', 'Nom du lieu', { hint: 'Par exemple : DINUM' })}
        {input('address', 'Adresse', {
          hint: 'Numéro, voie, code postal et commune. Obligatoire en présentiel.',
        })}
        {input('videoUrl', 'Lien de la retransmission', {
          type: 'url',
          hint: 'Commençant par https://. Envoyé aux seuls inscrits à distance ; peut être ajouté plus tard.',
        })}
      </FormSection>
      <FormSection title="Inscriptions">
        <DateTimeField name="opens" legend="Ouverture des inscriptions" values={values} errors={errors} />
        <DateTimeField
          name="closes"
          legend="Clôture des inscriptions"
          hint="Après l’ouverture, et au plus tard à la fin de l’événement."
          values={values}
          errors={errors}
        />
        {input('offerHours', 'Durée d’une place proposée depuis la liste d’attente, en heures', {
          inputmode: 'numeric',
          hint: '48 heures si vide ; jamais au-delà de la clôture.',
        })}
        {input('retentionMonths', 'Conservation des données personnelles, en mois après l’événement', {
          inputmode: 'numeric',
          hint: '6 mois si vide ; seules des statistiques anonymes sont gardées ensuite.',
        })}
      </FormSection>
      <FormSection title="Capacités">
        <p class="fr-text--sm">Des nombres entiers positifs ; laissez vide pour ne pas limiter.</p>
        {input('capacityTotal', 'Places pour tout l’événement', { inputmode: 'numeric' })}
        {input('capacityInPerson', 'Places en présentiel', { inputmode: 'numeric' })}
        {input('capacityRemote', 'Places à distance', { inputmode: 'numeric' })}
      </FormSection>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="submit" class="fr-btn">
            {props.submit}
          </button>
        </li>
      </ul>
    </form>
  );
}
