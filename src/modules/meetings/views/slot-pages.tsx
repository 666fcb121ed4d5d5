/**
 * The organisers' slots of one stand: the series form (« toutes les 20 minutes de 15:00 à 16:30 »), and every
 * slot with its meetings, which the organiser may cancel (both sides are told).
 */

import { ErrorSummary } from '../../../platform/ui/fields.js';
import { CsrfField, InputField, SelectField } from '../../../platform/ui/forms.js';
import { type Location, type Member, SLOT_MINUTES, type Slot, type Stand } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import { organiserPath } from '../paths.js';
import type { AgendaItem } from '../store/reads.js';
import { ButtonForm, StatusBadge, Table } from './parts.js';

const LABELS = {
  membre: 'Qui tient les créneaux',
  lieu: 'Lieu',
  jour: 'Jour',
  debut: 'Premier créneau à',
  fin: 'Fin de la série à',
  intervalle: 'Intervalle',
  duree: 'Durée',
  capacite: 'Participants par créneau',
};

export function SlotsPage(props: {
  eventId: string;
  stands: Stand[];
  stand: Stand | null;
  members: Member[];
  locations: Location[];
  slots: Slot[];
  items: AgendaItem[];
  csrf: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { stand } = props;
  const base = organiserPath(props.eventId, 'creneaux');
  if (props.stands.length === 0) {
    return (
      <p>
        Ajoutez d’abord un stand et ses membres :{' '}
        <a href={organiserPath(props.eventId, 'stands/nouveau')}>ajouter un stand</a>.
      </p>
    );
  }
  const memberName = new Map(props.members.map((m) => [m.id, m.name]));
  const locationName = new Map(props.locations.map((l) => [l.id, l.name]));
  return (
    <>
      <form method="get" action={base} class="fr-mb-4w">
        <SelectField
          name="stand"
          label="Stand"
          options={props.stands.map((s) => ({ value: s.id, label: s.name }))}
          value={stand?.id}
        />
        <button type="submit" class="fr-btn fr-btn--secondary">
          Voir les créneaux de ce stand
        </button>
      </form>
      {stand ? (
        <>
          <h2>Créer une série de créneaux — {stand.name}</h2>
          {props.members.length === 0 || props.locations.length === 0 ? (
            <p>
              Il faut au moins un membre au stand (
              <a href={organiserPath(props.eventId, `stands/${stand.id}`)}>membres</a>) et un lieu (
              <a href={organiserPath(props.eventId, 'lieux')}>lieux</a>) pour créer des créneaux.
            </p>
          ) : (
            <>
              <p>
                Par exemple, « toutes les 20 minutes de 15:00 à 16:30 » donne quatre créneaux de 20 minutes
                par personne. Les heures sont celles de Paris ; un créneau dure de {SLOT_MINUTES.min} à{' '}
                {SLOT_MINUTES.max} minutes.
              </p>
              <ErrorSummary errors={props.errors} labels={LABELS} />
              <form method="post" action={`${base}?stand=${encodeURIComponent(stand.id)}`}>
                <CsrfField token={props.csrf} />
                <input type="hidden" name="stand" value={stand.id} />
                <SelectField
                  name="membre"
                  label={LABELS.membre}
                  options={[
                    { value: 'tous', label: 'Chaque membre du stand' },
                    ...props.members.map((m) => ({ value: m.id, label: m.name })),
                  ]}
                  value={props.values.membre}
                  error={props.errors.membre}
                />
                <SelectField
                  name="lieu"
                  label={LABELS.lieu}
                  options={props.locations.map((l) => ({
                    value: l.id,
                    label: `${l.name} (${l.capacity} à la fois)`,
                  }))}
                  value={props.values.lieu}
                  error={props.errors.lieu}
                />
                <InputField
                  name="jour"
                  label={LABELS.jour}
                  type="date"
                  value={props.values.jour}
                  error={props.errors.jour}
                />
                <InputField
                  name="debut"
                  label={LABELS.debut}
                  type="time"
                  hint="Par exemple 15:00"
                  value={props.values.debut}
                  error={props.errors.debut}
                />
                <InputField
                  name="fin"
                  label={LABELS.fin}
                  type="time"
                  hint="Par exemple 16:30"
                  value={props.values.fin}
                  error={props.errors.fin}
                />
                <InputField
                  name="intervalle"
                  label="Toutes les (minutes)"
                  inputmode="numeric"
                  value={props.values.intervalle}
                  error={props.errors.intervalle}
                />
                <InputField
                  name="duree"
                  label="Durée d’un créneau (minutes)"
                  inputmode="numeric"
                  value={props.values.duree}
                  error={props.errors.duree}
                />
                <InputField
                  name="capacite"
                  label={LABELS.capacite}
                  hint="1 pour un entretien individuel ; davantage pour un petit groupe."
                  inputmode="numeric"
                  value={props.values.capacite}
                  error={props.errors.capacite}
                />
                <button type="submit" class="fr-btn">
                  Créer les créneaux
                </button>
              </form>
            </>
          )}
          <h2 class="fr-mt-6w">Créneaux et rendez-vous — {stand.name}</h2>
          {props.slots.length === 0 ? (
            <p>Aucun créneau pour ce stand.</p>
          ) : (
            <Table
              caption={`Les créneaux du stand ${stand.name}`}
              head={['Heure', 'Membre', 'Lieu', 'Places', 'Rendez-vous', 'Action']}
            >
              {props.slots.map((s) => {
                const here = props.items.filter((i) => i.slotId === s.id);
                return (
                  <tr>
                    <th scope="row">{timeSpan(s.startsAt, s.endsAt)}</th>
                    <td>{memberName.get(s.memberId)}</td>
                    <td>{locationName.get(s.locationId)}</td>
                    <td>
                      {s.booked} / {s.capacity}
                    </td>
                    <td>
                      {here.length === 0
                        ? '—'
                        : here.map((i) => (
                            <div class="fr-mb-1w">
                              {i.participantName} <StatusBadge status={i.status} />
                              <ButtonForm
                                action={organiserPath(props.eventId, `rendez-vous/${i.bookingId}/annuler`)}
                                csrf={props.csrf}
                                text="Annuler"
                                label={`Annuler le rendez-vous de ${i.participantName} à ${timeSpan(s.startsAt, s.endsAt)}`}
                                fields={{ stand: s.standId }}
                                secondary
                              />
                            </div>
                          ))}
                    </td>
                    <td>
                      {s.booked === 0 ? (
                        <ButtonForm
                          action={`${organiserPath(props.eventId, `creneaux/${s.id}/supprimer`)}?stand=${encodeURIComponent(s.standId)}`}
                          csrf={props.csrf}
                          text="Supprimer"
                          label={`Supprimer le créneau de ${timeSpan(s.startsAt, s.endsAt)}, ${memberName.get(s.memberId) ?? ''}`}
                          secondary
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </Table>
          )}
        </>
      ) : null}
    </>
  );
}
