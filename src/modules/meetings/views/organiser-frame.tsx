/**
 * The frame of the organisers' pages of an espace de rencontres: the title, the event, the links between its
 * parts (the current one marked for screen readers), and the confirmation of what was just saved.
 */
import type { Child } from 'hono/jsx';
import { formatDate } from '../../../platform/i18n/format.js';
import { organiserPath, spacePath } from '../paths.js';
import type { EventSummary } from '../store/event-reads.js';
import { Confirmation, Demo } from './parts.js';

export type OrganiserSection = 'apercu' | 'stands' | 'lieux' | 'creneaux' | 'planification' | 'feuilles';

const SECTIONS: Array<{ key: OrganiserSection; label: string; sub?: string }> = [
  { key: 'apercu', label: 'Vue d’ensemble et réglages' },
  { key: 'stands', label: 'Stands', sub: 'stands' },
  { key: 'lieux', label: 'Lieux', sub: 'lieux' },
  { key: 'creneaux', label: 'Créneaux et rendez-vous', sub: 'creneaux' },
  { key: 'planification', label: 'Planification', sub: 'planification' },
  { key: 'feuilles', label: 'Feuilles par lieu', sub: 'feuilles' },
];

/** The breadcrumb of an organiser page of the space. */
export function organiserCrumbs(event: EventSummary, page: string) {
  return [
    { label: 'Organisation des événements', href: '/organisation/evenements' },
    { label: event.title, href: `/organisation/evenements/${encodeURIComponent(event.id)}` },
    ...(page === 'Espace de rencontres'
      ? [{ label: page }]
      : [{ label: 'Espace de rencontres', href: organiserPath(event.id) }, { label: page }]),
  ];
}

export function OrganiserFrame(props: {
  event: EventSummary;
  current: OrganiserSection;
  title: string;
  message: string | null;
  children: Child;
}) {
  const { event } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p class="fr-text--lg fr-mb-1w">
        Espace de rencontres — {event.title}, {formatDate(event.startsAt)}
      </p>
      <Demo show={event.demonstration} />
      <nav class="fr-mt-2w fr-mb-4w" aria-label="Parties de l’espace de rencontres">
        <ul class="fr-tags-group">
          {SECTIONS.map((s) => (
            <li>
              <a
                class="fr-tag"
                href={organiserPath(event.id, s.sub)}
                aria-current={s.key === props.current ? 'page' : undefined}
              >
                {s.label}
              </a>
            </li>
          ))}
          <li>
            <a class="fr-tag" href={spacePath(event.id)}>
              Page des participants
            </a>
          </li>
        </ul>
      </nav>
      <Confirmation message={props.message} />
      {props.children}
    </>
  );
}
