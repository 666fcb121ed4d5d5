/**
 * The frame of an event's organiser pages: a side menu (the event's parts), the page's content beside it, and
 * the message that confirms what was just saved.
 */
import type { Child } from 'hono/jsx';
import { Alert } from '../../../../platform/ui/forms.js';
import { EVENT_STATUSES, type EventRecord } from '../../events.domain.js';

export const ORGANISATION_BASE = '/organisation/evenements';

/**
 * The address of an organiser page of an event.
 *
 * @example
 * organiserPath('journee-2027', 'programme') // '/organisation/evenements/journee-2027/programme'
 */
export function organiserPath(id: string, sub?: string): string {
  return `${ORGANISATION_BASE}/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`;
}

export type Section = 'apercu' | 'modifier' | 'salles' | 'programme' | 'questions' | 'profils';

const SECTIONS: Array<{ key: Section; label: string; sub?: string }> = [
  { key: 'apercu', label: 'Vue d’ensemble' },
  { key: 'modifier', label: 'Informations de l’événement', sub: 'modifier' },
  { key: 'salles', label: 'Salles', sub: 'salles' },
  { key: 'programme', label: 'Programme', sub: 'programme' },
  { key: 'questions', label: 'Questions aux participants', sub: 'questions' },
  { key: 'profils', label: 'Règles par profil', sub: 'profils' },
];

/** The back office's parts of the same event (registrations, accreditation, check-in), built beside these pages. */
const BACK_OFFICE: Array<{ label: string; sub: string }> = [
  { label: 'Inscriptions', sub: 'inscriptions' },
  { label: 'Listes d’attente', sub: 'inscriptions/attente' },
  { label: 'Accréditations presse', sub: 'accreditations' },
  { label: 'Courriels', sub: 'courriels' },
  { label: 'Émargement', sub: 'emargement' },
  { label: 'Espace de rencontres', sub: 'rencontres' },
];

/** What a `?message=` after a redirect says; unknown keys say nothing. */
export const MESSAGES: Record<string, string> = {
  cree: 'L’événement est créé, en brouillon. Ajoutez ses salles et son programme, puis publiez-le.',
  enregistre: 'Les modifications sont enregistrées.',
  publie: 'L’événement est publié : sa page est en ligne.',
  archive: 'L’événement est archivé.',
  'salle-ajoutee': 'La salle est ajoutée.',
  'salle-supprimee': 'La salle est supprimée ; ses sessions restent au programme, sans salle.',
  'session-ajoutee': 'La session est ajoutée au programme.',
  'session-supprimee': 'La session est retirée du programme.',
  'question-ajoutee': 'La question est ajoutée au formulaire d’inscription.',
  'question-supprimee': 'La question est supprimée.',
  'invitation-retiree': 'L’invitation est retirée.',
};

/**
 * An organiser page of an event: side menu, title, state, confirmation, content.
 *
 * @example
 * <OrganiserFrame event={event} current="programme" title="Programme">…</OrganiserFrame>
 */
export function OrganiserFrame(props: {
  event: EventRecord;
  current: Section;
  title: string;
  message?: string | null;
  children: Child;
}) {
  const { event } = props;
  const text = props.message ? MESSAGES[props.message] : undefined;
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-3">
        <nav class="fr-sidemenu" aria-labelledby="menu-evenement-titre">
          <div class="fr-sidemenu__inner">
            <button
              type="button"
              class="fr-sidemenu__btn"
              aria-controls="menu-evenement"
              aria-expanded="false"
            >
              Parties de l’événement
            </button>
            <div class="fr-collapse" id="menu-evenement">
              <p class="fr-sidemenu__title" id="menu-evenement-titre">
                {event.title}
              </p>
              <ul class="fr-sidemenu__list">
                {SECTIONS.map((s) => (
                  <li
                    class={`fr-sidemenu__item${s.key === props.current ? ' fr-sidemenu__item--active' : ''}`}
                  >
                    <a
                      class="fr-sidemenu__link"
                      href={organiserPath(event.id, s.sub)}
                      aria-current={s.key === props.current ? 'page' : undefined}
                    >
                      {s.label}
                    </a>
                  </li>
                ))}
                <li class="fr-sidemenu__item">
                  <a class="fr-sidemenu__link" href={`/evenements/${encodeURIComponent(event.id)}`}>
                    Page publique
                  </a>
                </li>
                {BACK_OFFICE.map((s) => (
                  <li class="fr-sidemenu__item">
                    <a class="fr-sidemenu__link" href={organiserPath(event.id, s.sub)}>
                      {s.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </nav>
      </div>
      <div class="fr-col-12 fr-col-md-9">
        <h1 class="fr-h2">{props.title}</h1>
        <p class="fr-mb-3w">
          <span class={`fr-badge fr-badge--sm${badgeClass(event)}`}>{EVENT_STATUSES[event.status]}</span>
          {event.demonstration ? (
            <span class="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">Données de démonstration</span>
          ) : null}
        </p>
        {text ? <Alert type="success" title={text} /> : null}
        {props.children}
      </div>
    </div>
  );
}

function badgeClass(event: EventRecord): string {
  if (event.status === 'publie') return ' fr-badge--success';
  if (event.status === 'brouillon') return ' fr-badge--warning';
  return '';
}

/**
 * The breadcrumb of an event's organiser page.
 *
 * @example
 * organiserCrumbs(event, 'Salles') // [Organisation des événements, <titre>, Salles]
 */
export function organiserCrumbs(event: EventRecord, page?: string) {
  return [
    { label: 'Organisation des événements', href: ORGANISATION_BASE },
    ...(page
      ? [{ label: event.title, href: organiserPath(event.id) }, { label: page }]
      : [{ label: event.title }]),
  ];
}
