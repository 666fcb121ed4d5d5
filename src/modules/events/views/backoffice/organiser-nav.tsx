import { formatDate } from '../../../../platform/i18n/format.js';
import { DemoBadge } from '../../../../platform/ui/components.js';
import { type EventSummary, organiserPath } from '../../backoffice/deps.js';

export type OrganiserSection =
  | 'inscriptions'
  | 'attente'
  | 'statistiques'
  | 'accreditations'
  | 'messages'
  | 'emargement';

const SECTIONS: Array<{ key: OrganiserSection | 'programme' | 'evenement'; label: string; path: string }> = [
  { key: 'inscriptions', label: 'Inscriptions', path: '/inscriptions' },
  { key: 'attente', label: 'Listes d’attente', path: '/inscriptions/attente' },
  { key: 'statistiques', label: 'Statistiques', path: '/inscriptions/statistiques' },
  { key: 'accreditations', label: 'Accréditations presse', path: '/accreditations' },
  { key: 'messages', label: 'Courriels', path: '/courriels' },
  { key: 'emargement', label: 'Émargement', path: '/emargement' },
  // The event itself, its programme and the invitations to closed sessions are the events core's pages.
  { key: 'programme', label: 'Programme et invitations', path: '/programme' },
  { key: 'evenement', label: 'Fiche de l’événement', path: '' },
];

/** The breadcrumb of an organiser's page about an event. */
export function organiserCrumbs(event: EventSummary, label: string) {
  return [
    { label: 'Organisation', href: '/organisation/evenements' },
    { label: event.title, href: organiserPath(event.id) },
    { label },
  ];
}

/**
 * The heading of every back-office page and the links between its parts, the current one marked for screen
 * readers with `aria-current`. `checkInOnly` (the accueil role) shows the event without the links it may not
 * follow.
 */
export function OrganiserHeader(props: {
  event: EventSummary;
  title: string;
  current: OrganiserSection;
  checkInOnly?: boolean;
}) {
  const { event } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p class="fr-text--lg fr-mb-1w">
        {event.title} — {formatDate(event.startsAt)}
      </p>
      {event.demonstration ? <DemoBadge /> : null}
      {props.checkInOnly ? null : (
        <nav class="fr-mt-2w fr-mb-4w" aria-label="Gestion de l’événement">
          <ul class="fr-tags-group">
            {SECTIONS.map((s) => (
              <li>
                <a
                  class="fr-tag"
                  href={organiserPath(event.id, s.path)}
                  aria-current={s.key === props.current ? 'page' : undefined}
                >
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}

/** A registration or accreditation state as a DSFR badge. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  const tone: Record<string, string> = {
    confirmee: 'success',
    acceptee: 'success',
    validation: 'new',
    demandee: 'new',
    attente: 'info',
    offre: 'info',
    refusee: 'error',
    annulee: 'warning',
  };
  return <p class={`fr-badge fr-badge--sm fr-badge--${tone[status] ?? 'info'}`}>{label}</p>;
}
