/**
 * A stand member's agenda: requests to answer, meetings (with cancel), their slots, and their unavailability
 * with the form to add one. A person who receives at several stands sees them all.
 */
import { formatDate } from '../../../platform/i18n/format.js';
import { ErrorSummary } from '../../../platform/ui/fields.js';
import { CsrfField, InputField, SelectField } from '../../../platform/ui/forms.js';
import type { Member, Slot } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import { spacePath } from '../paths.js';
import type { EventSummary } from '../store/event-reads.js';
import type { AgendaItem, Unavailability } from '../store/reads.js';
import { ButtonForm, Confirmation, Demo, StatusBadge, Table } from './parts.js';

const who = (i: AgendaItem) =>
  `${i.participantName}${i.participantOrganisation ? `, ${i.participantOrganisation}` : ''}`;

export function MemberAgendaPage(props: {
  event: EventSummary;
  members: Array<Member & { standName: string }>;
  items: AgendaItem[];
  slots: Slot[];
  away: Unavailability[];
  csrf: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
}) {
  const { event } = props;
  const base = spacePath(event.id, 'equipe');
  const pending = props.items.filter((i) => i.status === 'demandee');
  const live = props.items.filter((i) => i.status === 'confirmee' || i.status === 'demandee');
  const names = new Map(props.members.map((m) => [m.id, `${m.name} — ${m.standName}`]));
  return (
    <>
      <h1>Agenda de mon stand</h1>
      <p class="fr-text--lead">
        {props.members.map((m) => `${m.name}, ${m.standName}`).join(' ; ')} — {event.title},{' '}
        {formatDate(event.startsAt)}
      </p>
      <Demo show={event.demonstration} />
      <Confirmation message={props.message} />
      <h2>Demandes à traiter</h2>
      {pending.length === 0 ? (
        <p>Aucune demande en attente.</p>
      ) : (
        <Table
          caption="Demandes de rendez-vous en attente de votre réponse"
          head={['Heure', 'Participant', 'Sujet', 'Accepter', 'Refuser']}
        >
          {pending.map((i) => (
            <tr>
              <td>{timeSpan(i.startsAt, i.endsAt)}</td>
              <th scope="row">{who(i)}</th>
              <td>{i.note || '—'}</td>
              <td>
                <ButtonForm
                  action={`${base}/demandes/${i.bookingId}/accepter`}
                  csrf={props.csrf}
                  text="Accepter"
                  label={`Accepter : ${i.participantName}, ${timeSpan(i.startsAt, i.endsAt)}`}
                />
              </td>
              <td>
                <form method="post" action={`${base}/demandes/${i.bookingId}/refuser`} class="fr-mb-0">
                  <CsrfField token={props.csrf} />
                  <div class="fr-input-group fr-mb-1w">
                    <label class="fr-label" for={`motif-${i.bookingId}`}>
                      Motif du refus pour {i.participantName} (facultatif)
                    </label>
                    <input class="fr-input" id={`motif-${i.bookingId}`} name="motif" maxlength={300} />
                  </div>
                  <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">
                    Refuser
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2 class="fr-mt-4w">Mes rendez-vous</h2>
      {live.length === 0 ? (
        <p>Aucun rendez-vous pour l’instant.</p>
      ) : (
        <Table
          caption="Mes rendez-vous, dans l’ordre horaire"
          head={['Heure', 'Participant', 'Lieu', 'État', 'Action']}
        >
          {live.map((i) => (
            <tr>
              <td>{timeSpan(i.startsAt, i.endsAt)}</td>
              <th scope="row">
                {who(i)}
                {props.members.length > 1 ? <span class="fr-hint-text">{names.get(i.memberId)}</span> : null}
              </th>
              <td>{i.locationName}</td>
              <td>
                <StatusBadge status={i.status} />
              </td>
              <td>
                <ButtonForm
                  action={`${base}/rendez-vous/${i.bookingId}/annuler`}
                  csrf={props.csrf}
                  text="Annuler"
                  label={`Annuler : ${i.participantName}, ${timeSpan(i.startsAt, i.endsAt)}`}
                  secondary
                />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <a class="fr-btn fr-btn--secondary" href={`${base}/agenda.pdf`}>
            Imprimer (PDF)
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href={`${base}/agenda.ics`}>
            Ajouter à mon agenda (.ics)
          </a>
        </li>
      </ul>
      <h2 class="fr-mt-4w">Mes créneaux</h2>
      <ul>
        {props.slots.map((s) => (
          <li>
            {timeSpan(s.startsAt, s.endsAt)}
            {props.members.length > 1 ? ` (${names.get(s.memberId)})` : ''} :{' '}
            {props.away.some(
              (a) => a.memberId === s.memberId && a.startsAt < s.endsAt && s.startsAt < a.endsAt,
            )
              ? 'indisponible'
              : s.booked === 0
                ? 'libre'
                : `${s.booked} sur ${s.capacity} réservé${s.booked > 1 ? 's' : ''}`}
          </li>
        ))}
      </ul>
      <h2 class="fr-mt-4w">Mes indisponibilités</h2>
      {props.away.length === 0 ? (
        <p>Aucune indisponibilité.</p>
      ) : (
        <ul>
          {props.away.map((a) => (
            <li class="fr-mb-1w">
              {timeSpan(a.startsAt, a.endsAt)}
              {a.reason ? ` (${a.reason})` : ''}
              {props.members.length > 1 ? `, ${names.get(a.memberId)}` : ''}
              <ButtonForm
                action={`${base}/indisponibilites/${a.id}/supprimer`}
                csrf={props.csrf}
                text="Retirer"
                label={`Retirer l’indisponibilité de ${timeSpan(a.startsAt, a.endsAt)}`}
                secondary
              />
            </li>
          ))}
        </ul>
      )}
      <h3>Me déclarer indisponible</h3>
      <ErrorSummary
        errors={props.errors}
        labels={{ membre: 'Stand', jour: 'Jour', debut: 'Début', fin: 'Fin', motif: 'Motif' }}
      />
      <form method="post" action={`${base}/indisponibilites`}>
        <CsrfField token={props.csrf} />
        {props.members.length > 1 ? (
          <SelectField
            name="membre"
            label="Pour quel stand"
            options={props.members.map((m) => ({ value: m.id, label: `${m.standName} (${m.name})` }))}
            value={props.values.membre}
            error={props.errors.membre}
          />
        ) : (
          <input type="hidden" name="membre" value={props.members[0]?.id ?? ''} />
        )}
        <InputField
          name="jour"
          label="Jour"
          type="date"
          value={props.values.jour}
          error={props.errors.jour}
        />
        <InputField
          name="debut"
          label="De"
          type="time"
          hint="Par exemple 15:00"
          value={props.values.debut}
          error={props.errors.debut}
        />
        <InputField
          name="fin"
          label="À"
          type="time"
          hint="Par exemple 15:40"
          value={props.values.fin}
          error={props.errors.fin}
        />
        <InputField
          name="motif"
          label="Motif (facultatif, vu de vous seul)"
          value={props.values.motif}
          error={props.errors.motif}
        />
        <button type="submit" class="fr-btn">
          Enregistrer l’indisponibilité
        </button>
      </form>
    </>
  );
}
