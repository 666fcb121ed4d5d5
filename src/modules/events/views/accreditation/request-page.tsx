import { formatDate, formatDateTime } from '../../../../platform/i18n/format.js';
import { DemoBadge } from '../../../../platform/ui/components.js';
import { Alert, CsrfField, InputField } from '../../../../platform/ui/forms.js';
import type { EventSummary } from '../../backoffice/deps.js';

export type AccreditationValues = Partial<
  Record<'given_name' | 'family_name' | 'email' | 'media' | 'press_card', string>
>;

const FIELD_ORDER = ['given_name', 'family_name', 'email', 'media', 'press_card', 'piece', 'cle'] as const;

/**
 * The public accreditation form: works without JavaScript (a multipart POST), errors on their fields and in a
 * summary at the top that links to them, what was typed kept (a chosen file cannot be: the message says so),
 * and the privacy notice the RGPD asks for beside the form.
 */
export function AccreditationRequestPage(props: {
  event: EventSummary;
  values: AccreditationValues;
  errors: Record<string, string>;
  formKey: string;
  csrf: string;
  closed?: string;
}) {
  const { event, values, errors } = props;
  const action = `/evenements/${encodeURIComponent(event.id)}/accreditation`;
  const listed = FIELD_ORDER.filter((f) => errors[f]);
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Demande d’accréditation presse</h1>
        {event.demonstration ? <DemoBadge /> : null}
        <p class="fr-text--lead">
          {event.title}, le {formatDate(event.startsAt)}.
        </p>
        {props.closed ? (
          <Alert type="info" title="Accréditations closes">
            <p>{props.closed}</p>
          </Alert>
        ) : (
          <>
            {listed.length > 0 ? (
              <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" tabindex={-1} id="erreurs">
                <h2 class="fr-alert__title">
                  {listed.length === 1
                    ? 'Un champ est à corriger'
                    : `${listed.length} champs sont à corriger`}
                </h2>
                <ul>
                  {listed.map((f) => (
                    <li>
                      <a href={`#champ-${f}`}>{errors[f]}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {errors._ ? <Alert type="error" title={errors._} /> : null}
            <p>
              Journalistes, demandez ici votre accréditation. Les organisateurs vous répondent par courriel ;
              une fois acceptée, vous recevez votre badge PRESSE.
            </p>
            <p class="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
            <form method="post" action={action} enctype="multipart/form-data" novalidate>
              <CsrfField token={props.csrf} />
              <input type="hidden" name="cle" value={props.formKey} />
              <fieldset class="fr-fieldset">
                <legend class="fr-fieldset__legend">Vous</legend>
                <div class="fr-fieldset__element">
                  <InputField
                    name="given_name"
                    label="Prénom"
                    autocomplete="given-name"
                    value={values.given_name}
                    error={errors.given_name}
                  />
                </div>
                <div class="fr-fieldset__element">
                  <InputField
                    name="family_name"
                    label="Nom"
                    autocomplete="family-name"
                    value={values.family_name}
                    error={errors.family_name}
                  />
                </div>
                <div class="fr-fieldset__element">
                  <InputField
                    name="email"
                    label="Adresse électronique"
                    type="email"
                    autocomplete="email"
                    hint="Format attendu : nom@redaction.fr. La réponse des organisateurs y sera envoyée."
                    value={values.email}
                    error={errors.email}
                    spellcheck={false}
                  />
                </div>
              </fieldset>
              <fieldset class="fr-fieldset">
                <legend class="fr-fieldset__legend">Votre média</legend>
                <div class="fr-fieldset__element">
                  <InputField
                    name="media"
                    label="Média"
                    autocomplete="organization"
                    hint="Le titre, la chaîne ou l’agence pour laquelle vous couvrez l’événement."
                    value={values.media}
                    error={errors.media}
                  />
                </div>
                <div class="fr-fieldset__element">
                  <InputField
                    name="press_card"
                    label="Numéro de carte de presse (facultatif)"
                    hint="Carte délivrée par la CCIJP. Sans carte, joignez une lettre de mission de votre rédaction."
                    value={values.press_card}
                    error={errors.press_card}
                    spellcheck={false}
                  />
                </div>
                <div class="fr-fieldset__element">
                  <AttachmentField error={errors.piece} />
                </div>
              </fieldset>
              <PrivacyNotice retentionMonths={event.retentionMonths} />
              <button class="fr-btn fr-mt-3w" type="submit">
                Envoyer ma demande
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

function AttachmentField({ error }: { error?: string }) {
  const id = 'champ-piece';
  return (
    <div class={`fr-upload-group${error ? ' fr-upload-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        Carte de presse ou lettre de mission (facultatif)
        <span class="fr-hint-text" id={`${id}-aide`}>
          Un fichier PDF, JPEG ou PNG de 5 Mo au plus.
        </span>
      </label>
      <input
        class="fr-upload"
        type="file"
        id={id}
        name="piece"
        accept="application/pdf,image/jpeg,image/png"
        aria-describedby={error ? `${id}-aide ${id}-erreur` : `${id}-aide`}
        aria-invalid={error ? 'true' : undefined}
      />
      {error ? (
        <div class="fr-messages-group" aria-live="polite">
          <p class="fr-message fr-message--error" id={`${id}-erreur`}>
            {error}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** What the RGPD asks every form to say: who, why, how long, which rights. */
export function PrivacyNotice({ retentionMonths }: { retentionMonths: number }) {
  return (
    <div class="fr-callout fr-mt-3w">
      <h2 class="fr-callout__title fr-h6">Vos données personnelles</h2>
      <p class="fr-callout__text fr-text--sm">
        Les organisateurs de l’événement utilisent ces informations uniquement pour traiter votre demande
        d’accréditation et vous accueillir le jour venu (mission d’intérêt public de la direction
        interministérielle du numérique). Elles sont supprimées {retentionMonths} mois après l’événement ;
        seules des statistiques anonymes sont conservées. Vous pouvez demander à les consulter, les corriger
        ou les effacer en écrivant aux organisateurs.{' '}
        <a href="/donnees-personnelles">En savoir plus sur vos données personnelles</a>
      </p>
    </div>
  );
}

/** The answer to a sent request (and to a replay of it: the same page). */
export function AccreditationSentPage({ event }: { event: EventSummary }) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Demande d’accréditation envoyée</h1>
        <Alert type="success" title="Votre demande est enregistrée">
          <p>
            Un courriel de confirmation vous est envoyé. Les organisateurs de « {event.title} » vous
            répondront avant l’événement, le {formatDateTime(event.startsAt)}.
          </p>
        </Alert>
        <p>
          <a class="fr-link" href={`/evenements/${encodeURIComponent(event.id)}`}>
            Retour à la page de l’événement
          </a>
        </p>
      </div>
    </div>
  );
}
