import { formatDateTime, formatNumber, plural } from '../../../../platform/i18n/format.js';
import type { EventSummary } from '../../backoffice/deps.js';
import type { SessionLine, WaitingEntry } from '../../backoffice/waitlists.js';
import { MODES, PROFILES } from '../../events.domain.js';
import { OrganiserHeader } from './organiser-nav.js';
import { DataTable } from './table.js';

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

function rows(entries: WaitingEntry[]) {
  return entries.map((e) => [
    String(e.rank),
    <>
      <strong>{e.name}</strong>
      <br />
      {e.email}
    </>,
    label(PROFILES, e.profile),
    label(MODES, e.mode),
    e.status === 'offre' && e.offerExpiresAt
      ? `Place proposée jusqu’au ${formatDateTime(e.offerExpiresAt)}`
      : 'En attente',
    formatDateTime(e.since),
  ]);
}

const HEAD = ['Rang', 'Personne', 'Profil', 'Mode', 'État', 'Depuis le'];

/**
 * The event's waiting list and each session's, in the order seats are offered. Promotion itself is the
 * registration engine's: when a seat frees, the first person here receives the offer by e-mail.
 */
export function WaitlistsPage(props: {
  event: EventSummary;
  eventLine: WaitingEntry[];
  sessions: SessionLine[];
}) {
  return (
    <>
      <OrganiserHeader event={props.event} title="Listes d’attente" current="attente" />
      <p>
        Quand une place se libère, la première personne de la liste reçoit une proposition par courriel,
        valable un temps limité ; sans réponse, elle passe à la suivante.
      </p>
      <h2>Liste d’attente de l’événement</h2>
      {props.eventLine.length === 0 ? (
        <p>Personne n’attend de place pour l’événement.</p>
      ) : (
        <DataTable
          caption={`Liste d’attente de l’événement (${props.eventLine.length})`}
          head={HEAD}
          rows={rows(props.eventLine)}
        />
      )}
      <h2 class="fr-mt-4w">Listes d’attente des sessions</h2>
      {props.sessions.length === 0 ? (
        <p>Aucune session n’a de jauge propre.</p>
      ) : (
        props.sessions.map((s) => (
          <section class="fr-mb-4w">
            <h3>{s.title}</h3>
            <p class="fr-text--sm">
              {formatDateTime(s.startsAt)} —{' '}
              {s.capacity === null ? 'sans jauge propre' : `jauge : ${formatNumber(s.capacity)} places`},{' '}
              {plural(s.confirmed, 'place attribuée', 'places attribuées', 'aucune place attribuée')},{' '}
              {plural(
                s.entries.length,
                'personne en attente',
                'personnes en attente',
                'aucune personne en attente',
              )}
              .
            </p>
            {s.entries.length === 0 ? null : (
              <DataTable caption={`Liste d’attente : ${s.title}`} head={HEAD} rows={rows(s.entries)} />
            )}
          </section>
        ))
      )}
    </>
  );
}
