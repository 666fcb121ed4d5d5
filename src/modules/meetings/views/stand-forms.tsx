/**
 * The organisers' stands: the list, the stand form (name, organisation, description, themes, audiences, how it
 * books, default location) and its members (by e-mail address).
 */

import { CheckboxesField, ErrorSummary, TextareaField } from '../../../platform/ui/fields.js';
import { CsrfField, InputField, SelectField } from '../../../platform/ui/forms.js';
import { BOOKING_MODES, type Location, type Member, type Stand } from '../meetings.domain.js';
import { organiserPath } from '../paths.js';
import { AUDIENCES, TOPICS } from '../topics.js';
import { ButtonForm, Table } from './parts.js';

export function StandsListPage(props: {
  eventId: string;
  stands: Array<Stand & { members: number; slots: number }>;
}) {
  return (
    <>
      <p>
        <a
          class="fr-btn fr-icon-add-line fr-btn--icon-left"
          href={organiserPath(props.eventId, 'stands/nouveau')}
        >
          Ajouter un stand
        </a>
      </p>
      {props.stands.length === 0 ? (
        <p>Aucun stand pour l’instant.</p>
      ) : (
        <Table
          caption="Les stands de l’espace de rencontres"
          head={['Stand', 'Organisation', 'Rendez-vous', 'Membres', 'Créneaux']}
        >
          {props.stands.map((s) => (
            <tr>
              <th scope="row">
                <a href={organiserPath(props.eventId, `stands/${s.id}`)}>{s.name}</a>
              </th>
              <td>{s.organisation}</td>
              <td>{BOOKING_MODES[s.bookingMode]}</td>
              <td>{s.members}</td>
              <td>{s.slots}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

const STAND_LABELS = {
  nom: 'Nom du stand',
  organisation: 'Organisation',
  description: 'Description',
  themes: 'Thèmes',
  publics: 'Publics',
  mode: 'Prise de rendez-vous',
  lieu: 'Lieu par défaut',
  _form: '',
};

export function StandForm(props: {
  action: string;
  submit: string;
  csrf: string;
  locations: Location[];
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}) {
  const v = (k: string) => {
    const x = props.values[k];
    return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
  };
  const list = (k: string) => {
    const x = props.values[k];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  return (
    <>
      <ErrorSummary errors={props.errors} labels={STAND_LABELS} />
      <form method="post" action={props.action}>
        <CsrfField token={props.csrf} />
        <InputField
          name="nom"
          label="Nom du stand"
          hint="Par exemple : FranceConnect"
          value={v('nom')}
          error={props.errors.nom}
        />
        <InputField
          name="organisation"
          label="Organisation"
          hint="L’équipe ou le programme de l’État, par exemple : DINUM"
          value={v('organisation')}
          error={props.errors.organisation}
        />
        <TextareaField
          name="description"
          label="Description (facultative)"
          value={v('description')}
          error={props.errors.description}
        />
        <CheckboxesField
          name="themes"
          legend="Thèmes"
          hint="Les thèmes de la plateforme par lesquels les participants trouvent le stand."
          options={Object.entries(TOPICS).map(([value, label]) => ({ value, label }))}
          checked={list('themes')}
          error={props.errors.themes}
        />
        <CheckboxesField
          name="publics"
          legend="Publics visés (facultatif)"
          hint="Le stand est suggéré en priorité aux participants de ces profils."
          options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))}
          checked={list('publics')}
        />
        <SelectField
          name="mode"
          label="Prise de rendez-vous"
          options={Object.entries(BOOKING_MODES).map(([value, label]) => ({ value, label }))}
          value={v('mode') || 'direct'}
          error={props.errors.mode}
        />
        <SelectField
          name="lieu"
          label="Lieu par défaut de ses créneaux (facultatif)"
          options={[
            { value: '', label: '— Aucun —' },
            ...props.locations.map((l) => ({ value: l.id, label: l.name })),
          ]}
          value={v('lieu')}
          error={props.errors.lieu}
        />
        <button type="submit" class="fr-btn">
          {props.submit}
        </button>
      </form>
    </>
  );
}

export function StandMembers(props: {
  eventId: string;
  stand: Stand;
  members: Array<Member & { slots: number }>;
  csrf: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const base = organiserPath(props.eventId, `stands/${props.stand.id}`);
  return (
    <section class="fr-mt-6w">
      <h2>Membres du stand</h2>
      <p>
        Chaque membre reçoit ses rendez-vous par courriel et les gère depuis l’agenda du stand, en se
        connectant avec cette adresse ou par le lien qu’il reçoit.
      </p>
      {props.members.length === 0 ? (
        <p>Aucun membre pour l’instant.</p>
      ) : (
        <Table
          caption={`Les membres du stand ${props.stand.name}`}
          head={['Nom', 'Adresse', 'Fonction', 'Créneaux', 'Action']}
        >
          {props.members.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>{m.role || '—'}</td>
              <td>{m.slots}</td>
              <td>
                <ButtonForm
                  action={`${base}/membres/${m.id}/retirer`}
                  csrf={props.csrf}
                  text="Retirer"
                  label={`Retirer ${m.name} du stand`}
                  secondary
                />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h3>Ajouter un membre</h3>
      <ErrorSummary
        errors={props.errors}
        labels={{ email: 'Adresse électronique', 'nom-membre': 'Nom', fonction: 'Fonction' }}
      />
      <form method="post" action={`${base}/membres`}>
        <CsrfField token={props.csrf} />
        <InputField
          name="nom-membre"
          label="Nom"
          value={props.values['nom-membre']}
          error={props.errors['nom-membre']}
          autocomplete="off"
        />
        <InputField
          name="email"
          label="Adresse électronique"
          type="email"
          hint="Format attendu : nom@domaine.gouv.fr"
          value={props.values.email}
          error={props.errors.email}
          autocomplete="off"
        />
        <InputField
          name="fonction"
          label="Fonction (facultative)"
          value={props.values.fonction}
          error={props.errors.fonction}
        />
        <button type="submit" class="fr-btn">
          Ajouter au stand
        </button>
      </form>
      <h2 class="fr-mt-6w">Supprimer le stand</h2>
      <p>
        Ses membres et ses créneaux sont supprimés avec lui. Un stand qui a des rendez-vous ne peut pas
        l’être.
      </p>
      <ButtonForm
        action={`${base}/supprimer`}
        csrf={props.csrf}
        text="Supprimer le stand"
        label={`Supprimer le stand ${props.stand.name}`}
        secondary
      />
    </section>
  );
}
