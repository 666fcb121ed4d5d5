import { CheckboxesField, ErrorSummary, TextareaField, UploadField } from '../../../platform/ui/fields.js';
import { Alert, CsrfField, InputField, SelectField } from '../../../platform/ui/forms.js';
import {
  ACCESSIBILITY_STATUSES,
  ADOPTION_MODES,
  COST_MODELS,
  LICENCES,
  MATURITIES,
  type Screenshot,
  type Solution,
} from '../catalogue.domain.js';
import { SOLUTION_FIELDS, type SolutionFormValues } from '../catalogue.schemas.js';
import { THEMES } from '../catalogue.themes.js';
import { RadioGroup } from './declare-form.js';

const options = (map: Record<string, string>) =>
  Object.entries(map).map(([value, label]) => ({ value, label }));

/** A solution's values as its form shows them. */
export function formValuesOf(s: Solution): SolutionFormValues {
  return {
    nom: s.name,
    probleme: s.summary,
    description: s.description,
    themes: s.themes,
    maturite: s.maturity,
    adoption: s.adoptionModes,
    licence: s.licence,
    code_source: s.sourceUrl ?? '',
    documentation: s.documentationUrl ?? '',
    site: s.websiteUrl ?? '',
    cout: s.costModel,
    cout_precisions: s.costDetails,
    accessibilite: s.accessibilityStatus,
    accessibilite_declaration: s.accessibilityStatement,
    securite: s.securityStatement,
    laureats: s.laureatIds.join(', '),
    mainteneurs: s.maintainers.map((m) => `${m.siren} ; ${m.name}`).join('\n'),
  };
}

export const EMPTY_SOLUTION: SolutionFormValues = {
  ...(Object.fromEntries(Object.keys(SOLUTION_FIELDS).map((k) => [k, ''])) as unknown as SolutionFormValues),
  themes: [],
  adoption: [],
  maturite: 'production',
  licence: 'agpl-3.0',
  cout: 'gratuit',
  accessibilite: 'non-evaluee',
};

/**
 * The solution form, for a proposal (`action` /catalogue/proposer) or an edit: every field of the entry in
 * plain words, with its errors on the field and a summary above; nothing typed is lost.
 *
 * @example
 * <SolutionForm action="/catalogue/proposer" values={EMPTY_SOLUTION} errors={{}} csrf={t} proposal />
 */
export function SolutionForm(props: {
  action: string;
  values: SolutionFormValues;
  errors: Record<string, string>;
  csrf: string;
  proposal: boolean;
  optin?: boolean;
}) {
  const { values: v, errors: e } = props;
  return (
    <>
      <ErrorSummary errors={e} labels={SOLUTION_FIELDS} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrf} />
        <h2 class="fr-h4">Ce qu’elle fait</h2>
        <InputField name="nom" label={SOLUTION_FIELDS.nom} value={v.nom} error={e.nom} required />
        <TextareaField
          name="probleme"
          label={SOLUTION_FIELDS.probleme}
          hint="En mots simples, pour un élu ou un agent qui ne la connaît pas : 500 caractères au plus."
          value={v.probleme}
          error={e.probleme}
          rows={3}
        />
        <TextareaField
          name="description"
          label={`${SOLUTION_FIELDS.description} (facultatif)`}
          value={v.description}
          error={e.description}
          rows={6}
        />
        <CheckboxesField
          name="themes"
          legend={SOLUTION_FIELDS.themes}
          options={options(THEMES)}
          checked={v.themes}
          error={e.themes}
        />
        <RadioGroup
          name="maturite"
          legend={SOLUTION_FIELDS.maturite}
          options={options(MATURITIES)}
          value={v.maturite}
          error={e.maturite}
        />
        <h2 class="fr-h4 fr-mt-4w">Comment l’adopter</h2>
        <CheckboxesField
          name="adoption"
          legend={SOLUTION_FIELDS.adoption}
          options={options(ADOPTION_MODES)}
          checked={v.adoption}
          error={e.adoption}
        />
        <SelectField
          name="licence"
          label={SOLUTION_FIELDS.licence}
          options={options(LICENCES)}
          value={v.licence}
          error={e.licence}
        />
        <InputField
          name="code_source"
          label={`${SOLUTION_FIELDS.code_source} (facultatif)`}
          type="url"
          hint="Par exemple https://git.example.fr/salles."
          value={v.code_source}
          error={e.code_source}
        />
        <InputField
          name="documentation"
          label={`${SOLUTION_FIELDS.documentation} (facultatif)`}
          type="url"
          value={v.documentation}
          error={e.documentation}
        />
        <InputField
          name="site"
          label={`${SOLUTION_FIELDS.site} (facultatif)`}
          type="url"
          value={v.site}
          error={e.site}
        />
        <SelectField
          name="cout"
          label={SOLUTION_FIELDS.cout}
          options={options(COST_MODELS)}
          value={v.cout}
          error={e.cout}
        />
        <InputField
          name="cout_precisions"
          label={`${SOLUTION_FIELDS.cout_precisions} (facultatif)`}
          hint="Par exemple : adhésion au syndicat, 0,10 € par habitant et par an."
          value={v.cout_precisions}
          error={e.cout_precisions}
        />
        <h2 class="fr-h4 fr-mt-4w">Accessibilité et sécurité</h2>
        <SelectField
          name="accessibilite"
          label={SOLUTION_FIELDS.accessibilite}
          options={options(ACCESSIBILITY_STATUSES)}
          value={v.accessibilite}
          error={e.accessibilite}
        />
        <TextareaField
          name="accessibilite_declaration"
          label={`${SOLUTION_FIELDS.accessibilite_declaration} (facultatif)`}
          hint="Le résumé de la déclaration d’accessibilité, ou son adresse."
          value={v.accessibilite_declaration}
          error={e.accessibilite_declaration}
        />
        <TextareaField
          name="securite"
          label={`${SOLUTION_FIELDS.securite} (facultatif)`}
          hint="Hébergement, homologation, audits, référentiels suivis."
          value={v.securite}
          error={e.securite}
        />
        <h2 class="fr-h4 fr-mt-4w">Qui la construit, qui l’a financée</h2>
        <TextareaField
          name="mainteneurs"
          label={`${SOLUTION_FIELDS.mainteneurs} (facultatif)`}
          hint="Une organisation par ligne : son SIREN, puis, si la plateforme ne la connaît pas, un point-virgule et son nom. La première est le porteur. Par exemple : 223800012 ; Département de l’Isère"
          value={v.mainteneurs}
          error={e.mainteneurs}
          rows={4}
        />
        <InputField
          name="laureats"
          label={`${SOLUTION_FIELDS.laureats} (facultatif)`}
          hint="Les identifiants des lauréats du fonds, séparés par des virgules : la fin de l’adresse de leur page (/laureats/…)."
          value={v.laureats}
          error={e.laureats}
        />
        {props.proposal ? (
          <div class="fr-checkbox-group fr-mt-3w">
            <input
              type="checkbox"
              id="champ-contact"
              name="contact"
              value="1"
              checked={props.optin ?? true}
            />
            <label class="fr-label" for="champ-contact">
              J’accepte de recevoir les messages que des collectivités adresseront à l’équipe de cette
              solution
              <span class="fr-hint-text">
                Par courriel, sans que mon adresse soit affichée ; je peux changer d’avis à tout moment.
              </span>
            </label>
          </div>
        ) : null}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <button type="submit" class="fr-btn">
              {props.proposal ? 'Enregistrer le brouillon' : 'Enregistrer'}
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}

/**
 * The screenshots of a solution being edited: each with its alternative text and a button to remove it, and
 * the upload form (an image and its alternative text, both required).
 */
export function ScreenshotsEditor(props: {
  solutionId: string;
  screenshots: Screenshot[];
  csrf: string;
  errors: Record<string, string>;
  alt: string;
}) {
  return (
    <section class="fr-mt-6w" aria-labelledby="captures-edition">
      <h2 id="captures-edition">Captures d’écran</h2>
      {props.screenshots.length === 0 ? <p>Aucune capture pour le moment.</p> : null}
      <ul class="fr-raw-list">
        {props.screenshots.map((s) => (
          <li class="fr-mb-2w">
            <img
              class="fr-responsive-img"
              src={`/catalogue/solutions/${props.solutionId}/captures/${s.id}`}
              alt={s.altText}
            />
            <form method="post" action={`/catalogue/solutions/${props.solutionId}/captures/${s.id}/retirer`}>
              <CsrfField token={props.csrf} />
              <p class="fr-text--sm fr-mb-1w">Texte alternatif : {s.altText}</p>
              <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">
                Retirer cette capture<span class="fr-sr-only"> ({s.altText})</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      {props.errors._form ? <Alert type="error" title={props.errors._form} /> : null}
      <ErrorSummary
        errors={Object.fromEntries(Object.entries(props.errors).filter(([k]) => k !== '_form'))}
        labels={{ capture: 'Image', alternative: 'Texte alternatif' }}
      />
      <form
        method="post"
        action={`/catalogue/solutions/${props.solutionId}/captures`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <UploadField
          name="capture"
          label="Image"
          accept="image/png,image/jpeg,image/webp"
          hint="PNG, JPEG ou WebP, 2 Mo au plus."
          error={props.errors.capture}
        />
        <InputField
          name="alternative"
          label="Texte alternatif"
          hint="Ce que montre l’image, pour qui ne la voit pas : par exemple « Le calendrier des réservations de la semaine »."
          value={props.alt}
          error={props.errors.alternative}
        />
        <button type="submit" class="fr-btn fr-btn--secondary">
          Ajouter la capture
        </button>
      </form>
    </section>
  );
}
