/**
 * A participant's pages: their agenda (with cancel buttons, the .ics and the PDF), the cancellation page a link
 * in an e-mail opens, and the ranking form of the scheduling mode.
 */
import { formatDate, formatDateTime } from '../../../platform/i18n/format.js';
import { ErrorSummary } from '../../../platform/ui/fields.js';
import { CsrfField, SelectField } from '../../../platform/ui/forms.js';
import type { Stand } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import { spacePath } from '../paths.js';
import type { EventSummary } from '../store/event-reads.js';
import type { AgendaItem } from '../store/reads.js';
import { ButtonForm, Confirmation, Demo, StatusBadge, slotLabel, Table } from './parts.js';

export function ParticipantAgendaPage(props: {
  event: EventSummary;
  name: string;
  items: AgendaItem[];
  csrf: string;
  message: string | null;
  error: string | null;
}) {
  const { event } = props;
  const live = props.items.filter((i) => i.status === 'confirmee' || i.status === 'demandee');
  const past = props.items.filter((i) => i.status === 'refusee' || i.status === 'annulee');
  return (
    <>
      <h1>Mon agenda de rendez-vous</h1>
      <p class="fr-text--lead">
        {props.name} — {event.title}, {formatDate(event.startsAt)}
      </p>
      <Demo show={event.demonstration} />
      <Confirmation message={props.message} />
      {props.error ? (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <h2 class="fr-alert__title">{props.error}</h2>
        </div>
      ) : null}
      {live.length === 0 ? (
        <p>Vous n’avez pas de rendez-vous pour l’instant.</p>
      ) : (
        <Table
          caption="Mes rendez-vous, dans l’ordre horaire"
          head={['Heure', 'Stand', 'Avec', 'Lieu', 'État', 'Action']}
        >
          {live.map((i) => (
            <tr>
              <td>{timeSpan(i.startsAt, i.endsAt)}</td>
              <th scope="row">{i.standName}</th>
              <td>{i.memberName}</td>
              <td>{i.locationName}</td>
              <td>
                <StatusBadge status={i.status} />
              </td>
              <td>
                <ButtonForm
                  action={spacePath(event.id, `rendez-vous/${i.bookingId}/annuler`)}
                  csrf={props.csrf}
                  text={i.status === 'demandee' ? 'Retirer la demande' : 'Annuler'}
                  label={`${i.status === 'demandee' ? 'Retirer la demande' : 'Annuler'} : ${i.standName}, ${timeSpan(i.startsAt, i.endsAt)}`}
                  secondary
                />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <a class="fr-btn" href={spacePath(event.id)}>
            Prendre un rendez-vous
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href={spacePath(event.id, 'mon-agenda.pdf')}>
            Imprimer (PDF)
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href={spacePath(event.id, 'mon-agenda.ics')}>
            Ajouter à mon agenda (.ics)
          </a>
        </li>
      </ul>
      {past.length > 0 ? (
        <>
          <h2 class="fr-mt-4w">Rendez-vous annulés ou refusés</h2>
          <ul>
            {past.map((i) => (
              <li>
                {slotLabel(i.startsAt, i.endsAt)}, {i.standName} :{' '}
                {i.status === 'refusee' ? 'refusé' : 'annulé'}
                {i.reason ? ` (${i.reason})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export type CancelState = 'confirmer' | 'fait' | 'deja' | 'passe';

/** The page a cancellation link opens: what the meeting is, and one button to cancel it. */
export function CancelLinkPage(props: {
  event: EventSummary;
  item: AgendaItem;
  side: 'participant' | 'membre';
  state: CancelState;
  csrf: string;
  action: string;
}) {
  const { item } = props;
  const title =
    props.state === 'fait'
      ? 'Le rendez-vous est annulé'
      : props.state === 'deja'
        ? 'Ce rendez-vous n’est plus prévu'
        : props.state === 'passe'
          ? 'Ce rendez-vous a commencé'
          : 'Annuler ce rendez-vous ?';
  return (
    <>
      <h1>{title}</h1>
      <Demo show={props.event.demonstration} />
      <p>
        {props.event.title} — {slotLabel(item.startsAt, item.endsAt)}, {item.locationName}.
        <br />
        {props.side === 'participant'
          ? `Stand ${item.standName}, avec ${item.memberName}.`
          : `Avec ${item.participantName}${item.participantOrganisation ? ` (${item.participantOrganisation})` : ''}.`}
      </p>
      {props.state === 'confirmer' ? (
        <form method="post" action={props.action}>
          <CsrfField token={props.csrf} />
          <p>Le créneau sera libéré et l’autre personne prévenue par courriel.</p>
          <button type="submit" class="fr-btn">
            Annuler le rendez-vous
          </button>
        </form>
      ) : props.state === 'fait' ? (
        <p>Le créneau est libéré et l’autre personne en est informée par courriel.</p>
      ) : props.state === 'passe' ? (
        <p>Il a commencé ou est passé : il ne peut plus être annulé, rien n’a changé.</p>
      ) : (
        <p>Il a déjà été annulé ou refusé : rien n’a changé.</p>
      )}
    </>
  );
}

export function RankingPage(props: {
  event: EventSummary;
  stands: Stand[];
  choicesMax: number;
  deadline: string | null;
  values: string[];
  closed: string | null;
  csrf: string;
  errors: Record<string, string>;
  message: string | null;
}) {
  const options = [
    { value: '', label: '— Aucun —' },
    ...props.stands.map((s) => ({ value: s.id, label: `${s.name} (${s.organisation})` })),
  ];
  const labels = Object.fromEntries(
    Array.from({ length: props.choicesMax }, (_, i) => [
      `choix-${i + 1}`,
      i === 0 ? '1er choix' : `${i + 1}e choix`,
    ]),
  );
  return (
    <>
      <h1>Classer les stands</h1>
      <p class="fr-text--lead">{props.event.title}</p>
      <Demo show={props.event.demonstration} />
      <Confirmation message={props.message} />
      <p>
        Classez jusqu’à {props.choicesMax} stands, du plus souhaité au moins souhaité. L’organisateur établira
        ensuite les rendez-vous de chacun pour satisfaire le plus de choix possible, et vous enverra votre
        programme par courriel.
        {props.deadline ? ` Date limite : ${formatDateTime(props.deadline)}.` : ''}
      </p>
      {props.closed ? (
        <div class="fr-callout">
          <p class="fr-callout__text">{props.closed}</p>
        </div>
      ) : (
        <>
          <ErrorSummary errors={props.errors} labels={labels} />
          <form method="post" action={spacePath(props.event.id, 'classement')}>
            <CsrfField token={props.csrf} />
            {Array.from({ length: props.choicesMax }, (_, i) => (
              <SelectField
                name={`choix-${i + 1}`}
                label={labels[`choix-${i + 1}`]!}
                options={options}
                value={props.values[i] ?? ''}
                error={props.errors[`choix-${i + 1}`]}
              />
            ))}
            <button type="submit" class="fr-btn">
              Enregistrer mon classement
            </button>
          </form>
        </>
      )}
    </>
  );
}
