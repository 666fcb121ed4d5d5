/**
 * The participants' side: the espace de rencontres of an event (stands by topic, suggestions, how to get in)
 * and one stand's page with its free slots and the booking form. Forms work without JavaScript.
 */
import { formatDate } from '../../../platform/i18n/format.js';
import { ErrorSummary } from '../../../platform/ui/fields.js';
import { CsrfField, InputField } from '../../../platform/ui/forms.js';
import type { Member, Space, Stand } from '../meetings.domain.js';
import { BOOKING_MODES } from '../meetings.domain.js';
import { spacePath } from '../paths.js';
import type { EventSummary } from '../store/event-reads.js';
import type { Suggestion } from '../suggestions.js';
import { topicLabel } from '../topics.js';
import { Confirmation, Demo } from './parts.js';

export interface StandCard {
  stand: Stand;
  members: Member[];
  freeSlots: number;
}

export interface Viewer {
  participantName: string | null;
  memberStands: string[];
}

function Tags({ topics }: { topics: string[] }) {
  return (
    <ul class="fr-tags-group">
      {topics.map((t) => (
        <li>
          <p class="fr-tag fr-tag--sm">{topicLabel(t)}</p>
        </li>
      ))}
    </ul>
  );
}

function Card({ eventId, card }: { eventId: string; card: StandCard }) {
  const { stand } = card;
  return (
    <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
      <div class="fr-card fr-enlarge-link">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h3 class="fr-card__title">
              <a href={spacePath(eventId, `stands/${stand.id}`)}>{stand.name}</a>
            </h3>
            <p class="fr-card__desc">{stand.organisation}</p>
            <div class="fr-card__start">
              <Tags topics={stand.topics} />
            </div>
            <div class="fr-card__end">
              <p class="fr-card__detail">
                {card.freeSlots === 0
                  ? 'Aucun créneau libre'
                  : card.freeSlots === 1
                    ? '1 créneau libre'
                    : `${card.freeSlots} créneaux libres`}
                {' · '}
                {stand.bookingMode === 'demande' ? 'sur demande' : 'réservation immédiate'}
              </p>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

export function SpacePage(props: {
  event: EventSummary;
  space: Space;
  cards: StandCard[];
  topics: string[];
  topic: string;
  viewer: Viewer;
  suggestions: Suggestion[];
  csrf: string;
  email: string;
  errors: Record<string, string>;
  message: string | null;
  /** The organisers' pages of this space, for those who may see them. */
  manageHref: string | null;
}) {
  const { event, space, viewer } = props;
  return (
    <>
      <h1>Espace de rencontres</h1>
      <p class="fr-text--lead">
        {event.title} — {formatDate(event.startsAt)}
      </p>
      <Demo show={event.demonstration || space.demonstration} />
      <Confirmation message={props.message} />
      {props.manageHref ? (
        <p>
          <a class="fr-link fr-icon-settings-5-line fr-link--icon-left" href={props.manageHref}>
            Gérer l’espace de rencontres (organisateurs)
          </a>
        </p>
      ) : null}
      <p>
        Rencontrez les équipes de l’État pendant le forum : choisissez un stand, puis un créneau.
        {space.mode === 'planifie'
          ? ' Pour cet événement, vous classez les stands qui vous intéressent et l’organisateur établit les rendez-vous de chacun.'
          : ' Selon le stand, le rendez-vous est confirmé aussitôt ou après l’accord de l’équipe.'}
      </p>
      {viewer.participantName || viewer.memberStands.length > 0 ? (
        <ul class="fr-btns-group fr-btns-group--inline-md">
          {viewer.participantName ? (
            <li>
              <a class="fr-btn" href={spacePath(event.id, 'mon-agenda')}>
                Mon agenda de rendez-vous
              </a>
            </li>
          ) : null}
          {viewer.participantName && space.mode === 'planifie' ? (
            <li>
              <a class="fr-btn fr-btn--secondary" href={spacePath(event.id, 'classement')}>
                Classer les stands
              </a>
            </li>
          ) : null}
          {viewer.memberStands.length > 0 ? (
            <li>
              <a class="fr-btn fr-btn--secondary" href={spacePath(event.id, 'equipe')}>
                Agenda de mon stand ({viewer.memberStands.join(', ')})
              </a>
            </li>
          ) : null}
        </ul>
      ) : (
        <AccessForm eventId={event.id} csrf={props.csrf} email={props.email} errors={props.errors} />
      )}
      {props.suggestions.length > 0 ? (
        <section class="fr-mt-4w">
          <h2>Stands suggérés pour vous</h2>
          <ul>
            {props.suggestions.map((s) => (
              <li>
                <a href={spacePath(event.id, `stands/${s.stand.id}`)}>{s.stand.name}</a> —{' '}
                {s.reasons.join(' ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="fr-mt-4w">
        <h2>Les stands</h2>
        <form method="get" action={spacePath(event.id)} class="fr-mb-3w">
          <div class="fr-select-group">
            <label class="fr-label" for="champ-theme">
              Thème
            </label>
            <select class="fr-select" id="champ-theme" name="theme">
              <option value="" selected={props.topic === ''}>
                Tous les thèmes
              </option>
              {props.topics.map((t) => (
                <option value={t} selected={props.topic === t}>
                  {topicLabel(t)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary">
            Afficher les stands de ce thème
          </button>
        </form>
        {props.cards.length === 0 ? (
          <p>Aucun stand ne correspond à ce thème.</p>
        ) : (
          <div class="fr-grid-row fr-grid-row--gutters">
            {props.cards.map((card) => (
              <Card eventId={event.id} card={card} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}

function AccessForm(props: { eventId: string; csrf: string; email: string; errors: Record<string, string> }) {
  return (
    <section class="fr-p-3w fr-mb-3w fr-background-alt--grey" aria-labelledby="acces-titre">
      <h2 id="acces-titre" class="fr-h4">
        Accéder à mes rendez-vous
      </h2>
      <p>
        Les rendez-vous sont ouverts aux participants inscrits sur place. Connectez-vous, ou recevez par
        courriel un lien personnel vers votre espace. Les membres des stands reçoivent de même le lien de leur
        agenda.
      </p>
      <ErrorSummary errors={props.errors} labels={{ email: 'Adresse électronique' }} />
      <form method="post" action={spacePath(props.eventId, 'acces')}>
        <CsrfField token={props.csrf} />
        <InputField
          name="email"
          label="Adresse électronique utilisée pour l’inscription"
          type="email"
          autocomplete="email"
          hint="Format attendu : nom@domaine.fr"
          value={props.email}
          error={props.errors.email}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn">
              Recevoir mon lien
            </button>
          </li>
          <li>
            <a
              class="fr-btn fr-btn--tertiary"
              href={`/connexion?retour=${encodeURIComponent(spacePath(props.eventId))}`}
            >
              Me connecter
            </a>
          </li>
        </ul>
      </form>
    </section>
  );
}

/** The line under a stand's name: organisation, how it books. */
export function standSubtitle(stand: Stand): string {
  return `${stand.organisation} · ${BOOKING_MODES[stand.bookingMode]}`;
}
