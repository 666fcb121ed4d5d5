/**
 * One stand: what it offers, who receives, and its slots — the free ones as a radio list in the booking form
 * (one form, one button, an optional topic), the others listed as taken.
 */
import { formatDate } from '../../../platform/i18n/format.js';
import { ErrorSummary, TextareaField } from '../../../platform/ui/fields.js';
import { CsrfField } from '../../../platform/ui/forms.js';
import type { Member, Stand } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import { spacePath } from '../paths.js';
import type { EventSummary } from '../store/event-reads.js';
import { topicLabel } from '../topics.js';
import { Confirmation, Demo } from './parts.js';
import { standSubtitle } from './space-pages.js';

export interface SlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  memberName: string;
  locationName: string;
  capacity: number;
  left: number;
  bookable: boolean;
}

/** Why the form is not offered, or null when it is. */
export type BookingBlock = string | null;

export function StandPage(props: {
  event: EventSummary;
  stand: Stand;
  members: Member[];
  slots: SlotView[];
  block: BookingBlock;
  csrf: string;
  values: { creneau: string; sujet: string };
  errors: Record<string, string>;
  message: string | null;
}) {
  const { event, stand } = props;
  const free = props.slots.filter((s) => s.bookable);
  const day = props.slots[0] ? formatDate(props.slots[0].startsAt) : formatDate(event.startsAt);
  return (
    <>
      <h1>{stand.name}</h1>
      <p class="fr-text--lead">{standSubtitle(stand)}</p>
      <Demo show={stand.demonstration || event.demonstration} />
      <Confirmation message={props.message} />
      {stand.description ? <p>{stand.description}</p> : null}
      <p>Thèmes : {stand.topics.map(topicLabel).join(', ')}.</p>
      {props.members.length > 0 ? (
        <p>
          Vous rencontrerez :{' '}
          {props.members.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(', ')}.
        </p>
      ) : null}
      <h2>Créneaux du {day}</h2>
      {props.block ? (
        <div class="fr-callout fr-mb-3w">
          <p class="fr-callout__text">{props.block}</p>
        </div>
      ) : null}
      {!props.block && free.length > 0 ? (
        <>
          <ErrorSummary errors={props.errors} labels={{ creneau: 'Créneau', sujet: 'Sujet' }} />
          <form method="post" action={spacePath(event.id, `stands/${stand.id}/reserver`)}>
            <CsrfField token={props.csrf} />
            <fieldset
              class={`fr-fieldset${props.errors.creneau ? ' fr-fieldset--error' : ''}`}
              id="champ-creneau"
              aria-labelledby={`champ-creneau-legende${props.errors.creneau ? ' champ-creneau-erreur' : ''}`}
            >
              <legend class="fr-fieldset__legend" id="champ-creneau-legende">
                Choisissez un créneau libre
                <span class="fr-hint-text">
                  {stand.bookingMode === 'demande'
                    ? 'Votre demande bloque le créneau jusqu’à la réponse de l’équipe.'
                    : 'Le rendez-vous est confirmé aussitôt.'}
                </span>
              </legend>
              {free.map((s) => (
                <div class="fr-fieldset__element">
                  <div class="fr-radio-group">
                    <input
                      type="radio"
                      id={`creneau-${s.id}`}
                      name="creneau"
                      value={s.id}
                      checked={props.values.creneau === s.id}
                    />
                    <label class="fr-label" for={`creneau-${s.id}`}>
                      {timeSpan(s.startsAt, s.endsAt)} avec {s.memberName}
                      <span class="fr-hint-text">
                        {s.locationName}
                        {s.capacity > 1
                          ? ` · petit groupe, ${s.left} place${s.left > 1 ? 's' : ''} sur ${s.capacity}`
                          : ''}
                      </span>
                    </label>
                  </div>
                </div>
              ))}
              {props.errors.creneau ? (
                <div class="fr-messages-group" aria-live="assertive">
                  <p class="fr-message fr-message--error" id="champ-creneau-erreur">
                    {props.errors.creneau}
                  </p>
                </div>
              ) : null}
            </fieldset>
            <TextareaField
              name="sujet"
              label="Sujet que vous souhaitez aborder (facultatif)"
              hint="Quelques mots pour que l’équipe prépare le rendez-vous, 500 caractères au plus."
              rows={3}
              value={props.values.sujet}
              error={props.errors.sujet}
            />
            <button type="submit" class="fr-btn">
              {stand.bookingMode === 'demande' ? 'Demander ce rendez-vous' : 'Réserver ce créneau'}
            </button>
          </form>
        </>
      ) : null}
      {!props.block && free.length === 0 ? <p>Tous les créneaux de ce stand sont pris.</p> : null}
      <h3 class="fr-mt-4w">Tous les créneaux</h3>
      <ul>
        {props.slots.map((s) => (
          <li>
            {timeSpan(s.startsAt, s.endsAt)}, {s.memberName}, {s.locationName} :{' '}
            {s.bookable
              ? s.capacity > 1
                ? `${s.left} place${s.left > 1 ? 's' : ''} libre${s.left > 1 ? 's' : ''}`
                : 'libre'
              : 'indisponible'}
          </li>
        ))}
      </ul>
      <p class="fr-mt-3w">
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={spacePath(event.id)}>
          Tous les stands
        </a>
      </p>
    </>
  );
}
