/**
 * The organisers' overview of an espace de rencontres with its settings form, and its locations.
 */
import { formatNumber } from '../../../platform/i18n/format.js';
import { ErrorSummary } from '../../../platform/ui/fields.js';
import { CsrfField, InputField } from '../../../platform/ui/forms.js';
import { type Location, SPACE_MODES } from '../meetings.domain.js';
import { organiserPath } from '../paths.js';
import { ButtonForm, Table } from './parts.js';

export interface Overview {
  stands: number;
  members: number;
  slots: number;
  places: number;
  confirmed: number;
  requested: number;
  participants: number;
  rankings: number;
}

const SETTINGS_LABELS: Record<string, string> = {
  mode: 'Fonctionnement',
  limite: 'Rendez-vous par personne',
  choix: 'Stands classés par personne',
  'ouverture-jour': 'Ouverture des réservations',
  'cloture-jour': 'Clôture des réservations',
  'echeance-jour': 'Date limite des classements',
};

function When(props: {
  prefix: string;
  legend: string;
  hint: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <fieldset class="fr-fieldset" aria-labelledby={`${props.prefix}-legende`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${props.prefix}-legende`}>
        {props.legend}
        <span class="fr-hint-text">{props.hint}</span>
      </legend>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <InputField
          name={`${props.prefix}-jour`}
          label="Jour"
          type="date"
          value={props.values[`${props.prefix}-jour`]}
          error={props.errors[`${props.prefix}-jour`]}
        />
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <InputField
          name={`${props.prefix}-heure`}
          label="Heure"
          type="time"
          value={props.values[`${props.prefix}-heure`]}
        />
      </div>
    </fieldset>
  );
}

export function OverviewPage(props: {
  eventId: string;
  overview: Overview;
  csrf: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const o = props.overview;
  return (
    <>
      <Table caption="L’espace de rencontres en chiffres" head={['', 'Nombre']}>
        {(
          [
            ['Stands', o.stands],
            ['Membres des stands', o.members],
            ['Créneaux', o.slots],
            ['Places (un créneau de groupe en compte plusieurs)', o.places],
            ['Rendez-vous confirmés', o.confirmed],
            ['Demandes en attente', o.requested],
            ['Participants ayant au moins un rendez-vous', o.participants],
            ['Participants ayant classé des stands', o.rankings],
          ] as const
        ).map(([label, n]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{formatNumber(n)}</td>
          </tr>
        ))}
      </Table>
      <h2 class="fr-mt-4w">Réglages</h2>
      <ErrorSummary errors={props.errors} labels={SETTINGS_LABELS} />
      <form method="post" action={organiserPath(props.eventId, 'reglages')}>
        <CsrfField token={props.csrf} />
        <fieldset
          class={`fr-fieldset${props.errors.mode ? ' fr-fieldset--error' : ''}`}
          id="champ-mode"
          aria-labelledby="mode-legende"
        >
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="mode-legende">
            Fonctionnement
          </legend>
          {Object.entries(SPACE_MODES).map(([value, label]) => (
            <div class="fr-fieldset__element">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id={`mode-${value}`}
                  name="mode"
                  value={value}
                  checked={props.values.mode === value}
                />
                <label class="fr-label" for={`mode-${value}`}>
                  {label}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <InputField
          name="limite"
          label="Rendez-vous par personne, au plus"
          hint="Laissez vide pour ne pas limiter."
          inputmode="numeric"
          value={props.values.limite}
          error={props.errors.limite}
        />
        <InputField
          name="choix"
          label="Stands que chacun classe, au plus (mode planification)"
          inputmode="numeric"
          value={props.values.choix}
          error={props.errors.choix}
        />
        <When
          prefix="ouverture"
          legend="Ouverture des réservations"
          hint="Vide : dès maintenant. Heure de Paris."
          values={props.values}
          errors={props.errors}
        />
        <When
          prefix="cloture"
          legend="Clôture des réservations"
          hint="Vide : chaque créneau jusqu’à son début."
          values={props.values}
          errors={props.errors}
        />
        <When
          prefix="echeance"
          legend="Date limite des classements"
          hint="Mode planification ; vide : jusqu’à la publication."
          values={props.values}
          errors={props.errors}
        />
        <button type="submit" class="fr-btn">
          Enregistrer les réglages
        </button>
      </form>
    </>
  );
}

export function LocationsPage(props: {
  eventId: string;
  locations: Array<Location & { slots: number }>;
  csrf: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <>
      <p>
        Un lieu est une salle ou une table. Sa capacité est le nombre de rendez-vous qu’il accueille en même
        temps : une série de créneaux qui la dépasserait est refusée.
      </p>
      {props.locations.length === 0 ? (
        <p>Aucun lieu pour l’instant.</p>
      ) : (
        <Table
          caption="Les lieux de l’espace de rencontres"
          head={['Lieu', 'Rendez-vous simultanés', 'Créneaux', 'Action']}
        >
          {props.locations.map((l) => (
            <tr>
              <th scope="row">{l.name}</th>
              <td>{l.capacity}</td>
              <td>{l.slots}</td>
              <td>
                {l.slots === 0 ? (
                  <ButtonForm
                    action={organiserPath(props.eventId, `lieux/${l.id}/supprimer`)}
                    csrf={props.csrf}
                    text="Supprimer"
                    label={`Supprimer le lieu ${l.name}`}
                    secondary
                  />
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2 class="fr-mt-4w">Ajouter un lieu</h2>
      <ErrorSummary
        errors={props.errors}
        labels={{ nom: 'Nom du lieu', capacite: 'Rendez-vous simultanés' }}
      />
      <form method="post" action={organiserPath(props.eventId, 'lieux')}>
        <CsrfField token={props.csrf} />
        <InputField
          name="nom"
          label="Nom du lieu"
          hint="Par exemple : Mezzanine Ségur, table 3"
          value={props.values.nom}
          error={props.errors.nom}
        />
        <InputField
          name="capacite"
          label="Rendez-vous simultanés"
          hint="Combien de rendez-vous le lieu accueille en même temps (de 1 à 200)."
          inputmode="numeric"
          value={props.values.capacite}
          error={props.errors.capacite}
        />
        <button type="submit" class="fr-btn">
          Ajouter le lieu
        </button>
      </form>
    </>
  );
}
