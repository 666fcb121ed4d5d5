/**
 * An event's public page: what, when, where and for whom, how to register while registration is open, the
 * programme, practical information, and the programme as a calendar file and as JSON.
 */
import { formatDateTime } from '../../../../platform/i18n/format.js';
import { DemoBadge } from '../../../../platform/ui/components.js';
import { type EventRecord, MODES, type ProgrammeSession, type Room } from '../../events.domain.js';
import { eventWhen } from '../../programme/timetable.js';
import { Paragraphs, ProgrammeView } from './programme-view.js';

/** Where registration stands, as the page says it. */
export type RegistrationState = 'a-venir' | 'ouvertes' | 'closes';

/**
 * An OpenStreetMap search for an address: no API key, no tracker, and the visitor's own map afterwards.
 *
 * @example
 * mapUrl('20 avenue de Ségur, 75007 Paris') // 'https://www.openstreetmap.org/search?query=20%20avenue%20de%20S%C3%A9gur%2C%2075007%20Paris'
 */
export function mapUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/**
 * The public address of an event.
 *
 * @example
 * eventPath('journee-2027') // '/evenements/journee-2027'
 */
export function eventPath(id: string): string {
  return `/evenements/${encodeURIComponent(id)}`;
}

/**
 * The public page of an event.
 *
 * @example
 * <EventPage event={event} rooms={rooms} sessions={sessions} registration="ouvertes" organiser={false} invitedCount={0} />
 */
export function EventPage(props: {
  event: EventRecord;
  rooms: Room[];
  sessions: ProgrammeSession[];
  registration: RegistrationState;
  /** The viewer organises this event: a link to the organisers' pages, and drafts are shown. */
  organiser: boolean;
  /** Closed sessions the viewer sees because they are invited. */
  invitedCount: number;
  /** Other modules' parts of the event (its espace de rencontres). */
  links?: Array<{ href: string; label: string }>;
}) {
  const { event } = props;
  const base = eventPath(event.id);
  const modes = [event.inPerson ? MODES.presentiel : null, event.remote ? MODES.distance : null]
    .filter(Boolean)
    .join(' et ')
    .toLowerCase();
  return (
    <>
      <h1 class="fr-mb-2w">{event.title}</h1>
      <ul class="fr-badges-group fr-mb-2w">
        {event.demonstration ? (
          <li>
            <DemoBadge />
          </li>
        ) : null}
        {event.status === 'brouillon' ? (
          <li>
            <p class="fr-badge fr-badge--warning">Brouillon : visible des seuls organisateurs</p>
          </li>
        ) : null}
        {event.status === 'archive' ? (
          <li>
            <p class="fr-badge">Événement archivé</p>
          </li>
        ) : null}
      </ul>
      {event.summary ? <Paragraphs text={event.summary} class="fr-text--lead" /> : null}

      <div class="fr-callout fr-mb-4w">
        <h2 class="fr-callout__title fr-h5">En bref</h2>
        <dl class="fr-callout__text fr-text--md">
          <dt class="fr-text--bold">Date</dt>
          <dd class="fr-ml-0 fr-mb-1w">
            <time datetime={event.startsAt}>{capitalise(eventWhen(event))}</time> (heure de Paris)
          </dd>
          {event.inPerson && (event.venueName || event.address) ? (
            <>
              <dt class="fr-text--bold">Lieu</dt>
              <dd class="fr-ml-0 fr-mb-1w">
                {[event.venueName, event.address].filter(Boolean).join(', ')}
                {event.address ? (
                  <>
                    {' '}
                    <a
                      class="fr-link"
                      href={mapUrl(event.address)}
                      target="_blank"
                      rel="noopener noreferrer"
                      title="Voir l’adresse sur OpenStreetMap - nouvelle fenêtre"
                    >
                      Voir sur la carte (OpenStreetMap)
                    </a>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt class="fr-text--bold">Participation</dt>
          <dd class="fr-ml-0 fr-mb-1w">
            {capitalise(modes)}
            {event.remote ? ' (le lien de connexion est envoyé aux seuls inscrits à distance)' : ''}
          </dd>
          <dt class="fr-text--bold">Inscription</dt>
          <dd class="fr-ml-0">
            <RegistrationText event={event} state={props.registration} />
          </dd>
        </dl>
        {props.registration === 'ouvertes' || (props.links ?? []).length > 0 ? (
          <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
            {props.registration === 'ouvertes' ? (
              <li>
                <a class="fr-btn" href={`${base}/inscription`}>
                  S’inscrire
                </a>
              </li>
            ) : null}
            {(props.links ?? []).map((l) => (
              <li>
                <a class="fr-btn fr-btn--secondary" href={l.href}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {props.organiser ? (
        <p>
          <a class="fr-link fr-icon-settings-5-line fr-link--icon-left" href={`/organisation${base}`}>
            Gérer cet événement
          </a>
        </p>
      ) : null}

      {event.audience ? (
        <>
          <h2>Public concerné</h2>
          <Paragraphs text={event.audience} />
        </>
      ) : null}

      <h2>Programme</h2>
      {props.invitedCount > 0 ? (
        <p class="fr-text--sm">
          Le programme montre aussi {props.invitedCount > 1 ? 'les sessions fermées' : 'la session fermée'} où
          vous êtes invité ou invitée.
        </p>
      ) : null}
      <ul class="fr-links-group fr-mb-3w">
        <li>
          <a class="fr-link fr-link--download" href={`${base}/programme.ics`} download>
            Ajouter le programme à mon agenda
            <span class="fr-link__detail">iCalendar (.ics), heure de Paris</span>
          </a>
        </li>
        <li>
          <a class="fr-link fr-link--download" href={`${base}/programme.json`}>
            Programme en données ouvertes
            <span class="fr-link__detail">JSON</span>
          </a>
        </li>
      </ul>
      <ProgrammeView sessions={props.sessions} rooms={props.rooms} />

      {event.practicalInfo ? (
        <>
          <h2>Informations pratiques</h2>
          <Paragraphs text={event.practicalInfo} />
        </>
      ) : null}
    </>
  );
}

function RegistrationText({ event, state }: { event: EventRecord; state: RegistrationState }) {
  if (state === 'a-venir') {
    return <>Obligatoire. Les inscriptions ouvriront le {formatDateTime(event.registrationOpensAt)}.</>;
  }
  if (state === 'ouvertes') {
    return <>Obligatoire, jusqu’au {formatDateTime(event.registrationClosesAt)}.</>;
  }
  return <>Les inscriptions sont closes depuis le {formatDateTime(event.registrationClosesAt)}.</>;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
