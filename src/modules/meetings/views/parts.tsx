/**
 * Pieces every meetings page uses: a DSFR table, a meeting's status badge, the confirmation after a redirect,
 * the demonstration label, a button-only form and the French time of a slot.
 */
import type { Child } from 'hono/jsx';
import { formatDate } from '../../../platform/i18n/format.js';
import { DemoBadge } from '../../../platform/ui/components.js';
import { Alert, CsrfField } from '../../../platform/ui/forms.js';
import { BOOKING_STATUSES, type BookingStatus } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';

/** What a `?message=` after a redirect says; unknown keys say nothing. */
export const MESSAGES: Record<string, string> = {
  confirme:
    'Votre rendez-vous est confirmé. Vous le recevez aussi par courriel, avec le fichier pour votre agenda.',
  demande:
    'Votre demande est envoyée à l’équipe du stand. Le créneau vous est réservé jusqu’à sa réponse, que vous recevrez par courriel.',
  deja: 'Ce rendez-vous était déjà enregistré : rien n’a changé.',
  annule: 'Le rendez-vous est annulé et le créneau libéré. L’autre personne en est informée par courriel.',
  'deja-traite': 'Ce rendez-vous avait déjà été traité : rien n’a changé.',
  passe: 'Ce rendez-vous a commencé ou est passé : il ne peut plus être annulé, rien n’a changé.',
  accepte: 'La demande est acceptée : le participant en est informé par courriel.',
  refuse: 'La demande est refusée et le créneau libéré : le participant en est informé par courriel.',
  indisponible:
    'Votre indisponibilité est enregistrée : vos créneaux de cette période ne peuvent plus être réservés.',
  'indisponibilite-retiree': 'L’indisponibilité est retirée.',
  'lien-envoye':
    'Si une inscription confirmée ou un stand correspond à cette adresse, un lien d’accès vient d’y être envoyé. Pensez à vérifier vos courriers indésirables.',
  classement: 'Votre classement est enregistré. Vous pourrez le modifier jusqu’à la date limite.',
  enregistre: 'Les modifications sont enregistrées.',
  'stand-cree': 'Le stand est créé. Ajoutez ses membres, puis leurs créneaux.',
  'stand-supprime': 'Le stand est supprimé.',
  'membre-ajoute': 'La personne est ajoutée au stand.',
  'membre-retire': 'La personne est retirée du stand, avec ses créneaux.',
  'lieu-ajoute': 'Le lieu est ajouté.',
  'lieu-supprime': 'Le lieu est supprimé.',
  'creneaux-crees': 'Les créneaux sont créés.',
  'creneau-supprime': 'Le créneau est supprimé.',
  'affectation-lancee': 'L’affectation est calculée : relisez-la avant de la publier.',
  'affectation-publiee': 'Les rendez-vous sont publiés : chacun reçoit son programme par courriel.',
  'affectation-ecartee': 'La proposition est écartée.',
};

/** The confirmation of what was just done, when the page was reached by a redirect that says so. */
export function Confirmation({ message }: { message: string | null }) {
  const text = message ? MESSAGES[message] : undefined;
  return text ? <Alert type="success" title={text} /> : null;
}

export function Demo({ show }: { show: boolean }) {
  return show ? <DemoBadge /> : null;
}

/**
 * A DSFR table with its caption.
 *
 * @example
 * <Table caption="Mes rendez-vous" head={['Heure', 'Stand']}>{rows}</Table>
 */
export function Table(props: { caption: string; head: string[]; children: Child }) {
  return (
    <div class="fr-table">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>{props.caption}</caption>
              <thead>
                <tr>
                  {props.head.map((h) => (
                    <th scope="col">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>{props.children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

const TONES: Record<BookingStatus, string> = {
  demandee: 'new',
  confirmee: 'success',
  refusee: 'error',
  annulee: 'warning',
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  return <p class={`fr-badge fr-badge--sm fr-badge--${TONES[status]}`}>{BOOKING_STATUSES[status]}</p>;
}

/**
 * A form that is one button (cancel, accept, delete), with its CSRF token; `label` names the action out of
 * context for screen readers when the visible text is short.
 */
export function ButtonForm(props: {
  action: string;
  csrf: string;
  text: string;
  label?: string;
  secondary?: boolean;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="fr-mb-0">
      <CsrfField token={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        class={`fr-btn fr-btn--sm${props.secondary ? ' fr-btn--secondary' : ''}`}
        aria-label={props.label}
      >
        {props.text}
      </button>
    </form>
  );
}

/** « 18 janvier 2023, 15 h 00 – 15 h 20 ». */
export function slotLabel(startsAt: string, endsAt: string): string {
  return `${formatDate(startsAt)}, ${timeSpan(startsAt, endsAt)}`;
}
