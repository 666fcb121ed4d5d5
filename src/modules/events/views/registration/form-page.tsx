import { CsrfField, InputField } from '../../../../platform/ui/forms.js';
import { CollectivitePicker, type TerritorySuggestion } from '../../../territories/index.js';
import { PROFILES } from '../../events.domain.js';
import { parisDateTime, parisSpan } from '../../registration/mail/format.js';
import type { EventContext } from '../../registration/queries.js';
import type { FormValues } from '../../registration/schemas.js';
import { ChoiceGroup, ErrorSummary, PrivacyNotice } from './fields.js';

export interface FormPageProps {
  event: EventContext;
  csrf: string;
  cle: string;
  values: FormValues;
  errors: Record<string, string>;
  invited: ReadonlySet<string>;
  /** Logged in with ProConnect: name, address and organisation come from there. */
  prefilled: boolean;
  pickerChoices?: TerritorySuggestion[];
}

const LABELS: Record<string, string> = {
  profil: 'Profil',
  collectivite: 'Collectivité',
  prenom: 'Prénom',
  nom: 'Nom',
  email: 'Adresse électronique',
  organisation: 'Organisation',
  mode: 'Mode de participation',
  sessions: 'Sessions',
};

/** The registration form: works without JavaScript, keeps what was typed, errors on their fields. */
export function RegistrationFormPage(p: FormPageProps) {
  const { event, values, errors } = p;
  const labels = { ...LABELS, ...Object.fromEntries(event.questions.map((q) => [`q_${q.id}`, q.label])) };
  const sessions = event.sessions.filter((s) => !s.closed || p.invited.has(s.id));
  const modes = [
    ...(event.inPerson
      ? [{ value: 'presentiel', label: 'En présentiel', hint: event.venueName ?? undefined }]
      : []),
    ...(event.remote
      ? [
          {
            value: 'distance',
            label: 'À distance',
            hint: 'Le lien de diffusion vous sera envoyé par courriel.',
          },
        ]
      : []),
  ];
  const mode = values.mode || (modes.length === 1 ? (modes[0]?.value ?? '') : '');
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-lg-8">
        <h1>S’inscrire : {event.title}</h1>
        <p class="fr-text--lead">{parisSpan(event.startsAt, event.endsAt)}</p>
        <p>
          Inscriptions ouvertes jusqu’au {parisDateTime(event.closesAt)}. Tous les champs sont obligatoires,
          sauf mention contraire.
        </p>
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action={`/evenements/${encodeURIComponent(event.id)}/inscription`} novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="cle" value={p.cle} />
          <ChoiceGroup
            name="profil"
            legend="Votre profil"
            options={Object.entries(PROFILES)
              .filter(([key]) => key !== 'presse')
              .map(([value, label]) => ({ value, label }))}
            checked={(v) => v === values.profil}
            error={errors.profil}
          />
          <p class="fr-text--sm">
            Journaliste ?{' '}
            <a href={`/evenements/${encodeURIComponent(event.id)}/accreditation`}>
              Demander une accréditation presse
            </a>
          </p>
          <CollectivitePicker
            name="collectivite"
            id="champ-collectivite"
            label="Votre collectivité (agents et élus de collectivité)"
            value={{ code: values.collectivite || null, label: values.collectiviteLibelle }}
            error={errors.collectivite}
            choices={p.pickerChoices}
          />
          <InputField
            name="prenom"
            label="Prénom"
            value={values.prenom}
            error={errors.prenom}
            autocomplete="given-name"
          />
          <InputField
            name="nom"
            label="Nom"
            value={values.nom}
            error={errors.nom}
            autocomplete="family-name"
          />
          <InputField
            name="email"
            label="Adresse électronique"
            type="email"
            hint={
              p.prefilled
                ? 'Celle de votre compte ProConnect.'
                : 'Nous y enverrons la confirmation et le lien pour gérer votre inscription.'
            }
            value={values.email}
            error={errors.email}
            autocomplete="email"
            spellcheck={false}
          />
          <InputField
            name="organisation"
            label="Organisation"
            hint="Votre collectivité, administration ou structure."
            value={values.organisation}
            error={errors.organisation}
            autocomplete="organization"
          />
          <ChoiceGroup
            name="mode"
            legend="Mode de participation"
            options={modes}
            checked={(v) => v === mode}
            error={errors.mode}
          />
          {sessions.length > 0 ? (
            <ChoiceGroup
              name="sessions"
              type="checkbox"
              legend="Sessions auxquelles vous souhaitez participer (facultatif)"
              hint="Les sessions à places limitées ont leur propre liste d’attente."
              options={sessions.map((s) => ({
                value: s.id,
                label: s.title,
                hint: `${parisDateTime(s.startsAt)}${s.room ? `, ${s.room}` : ''}${s.capacity !== null ? ` — ${s.capacity} places` : ''}`,
              }))}
              checked={(v) => values.sessions.includes(v)}
              error={errors.sessions}
            />
          ) : null}
          {event.questions.map((q) =>
            q.kind === 'texte' ? (
              <InputField
                name={`q_${q.id}`}
                label={q.required ? q.label : `${q.label} (facultatif)`}
                value={values.answers[q.id] ?? ''}
                error={errors[`q_${q.id}`]}
              />
            ) : (
              <ChoiceGroup
                name={`q_${q.id}`}
                legend={q.required ? q.label : `${q.label} (facultatif)`}
                inline={q.kind === 'oui-non'}
                options={
                  q.kind === 'oui-non'
                    ? [
                        { value: 'oui', label: 'Oui' },
                        { value: 'non', label: 'Non' },
                      ]
                    : q.choices.map((c) => ({ value: c, label: c }))
                }
                checked={(v) => v === values.answers[q.id]}
                error={errors[`q_${q.id}`]}
              />
            ),
          )}
          <div class="fr-checkbox-group fr-mb-3w">
            <input type="checkbox" id="champ-liste" name="liste" value="oui" checked={values.liste} />
            <label class="fr-label" for="champ-liste">
              J’accepte d’apparaître dans la liste des participants (nom, organisation) communiquée aux autres
              participants (facultatif)
            </label>
          </div>
          <PrivacyNotice retentionMonths={event.retentionMonths} />
          <button type="submit" class="fr-btn">
            M’inscrire
          </button>
        </form>
      </div>
    </div>
  );
}
