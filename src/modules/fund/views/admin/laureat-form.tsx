import { formatDateTime } from '../../../../platform/i18n/format.js';
import { CheckboxesField, ErrorSummary, TextareaField } from '../../../../platform/ui/fields.js';
import { Alert, CsrfField, InputField, SelectField } from '../../../../platform/ui/forms.js';
import {
  DISPOSITIFS,
  type DispositifCode,
  type Laureat,
  PORTEUR_KIND_LABELS,
  STATUS_LABELS,
  THEMES,
} from '../../fund.domain.js';
import type { LaureatWarning } from '../../import/assemble.js';
import { frenchDay } from './home.js';

/** Labels of the fields, for the error summary. */
export const FIELD_LABELS: Record<string, string> = {
  dispositif: 'Dispositif',
  idBeneficiaire: 'SIREN ou SIRET du porteur',
  nomBeneficiaire: 'Nom du porteur',
  objet: 'Objet',
  resume: 'Résumé',
  themes: 'Thèmes',
  montant: 'Montant accordé',
  coutTotal: 'Coût total',
  dateDepot: 'Date de dépôt',
  dateConvention: 'Date de convention',
  statut: 'Statut',
  coporteurs: 'Co-porteurs',
  site: 'Site du projet',
  codeSource: 'Code source',
  realisations: 'Réalisations',
};

/**
 * The form’s values for a stored lauréat, written as a person would type them.
 *
 * @example
 * formValuesOf(laureat).dateConvention // '20/01/2022'
 */
export function formValuesOf(l: Laureat): { values: Record<string, string>; themes: string[] } {
  return {
    values: {
      dispositif: l.dispositifCode,
      idBeneficiaire: l.porteur.siren,
      nomBeneficiaire: l.porteur.name,
      objet: l.title,
      resume: l.summary,
      montant: String(l.amountEur),
      coutTotal: l.totalCostEur === null ? '' : String(l.totalCostEur),
      dateDepot: l.filedOn ? frenchDay(l.filedOn) : '',
      dateConvention: frenchDay(l.decidedOn),
      statut: l.status,
      coporteurs: l.coporteurs.map((c) => c.siren).join('\n'),
      site: l.siteUrl ?? '',
      codeSource: l.sourceUrl ?? '',
      realisations: l.outputs,
      version: l.sourceHash,
    },
    themes: l.themes,
  };
}

/**
 * The edit form of one lauréat, with the errors on their fields and the warnings of its rule in force.
 *
 * @example
 * <LaureatFormPage laureat={l} {...formValuesOf(l)} errors={{}} warnings={[]} dispositifs={['axe-2']} csrf={token} />
 */
export function LaureatFormPage(props: {
  laureat: Laureat;
  values: Record<string, string>;
  themes: string[];
  errors: Record<string, string>;
  warnings: LaureatWarning[];
  dispositifs: DispositifCode[];
  csrf: string;
  saved?: boolean;
}) {
  const { laureat: l, values: v, errors: e } = props;
  const dispositifs = DISPOSITIFS.filter(
    (d) => props.dispositifs.includes(d.code) || d.code === l.dispositifCode,
  );
  return (
    <>
      <h1>{l.title}</h1>
      <p>
        Identifiant <code>{l.id}</code> · porteur : {l.porteur.name} ({PORTEUR_KIND_LABELS[l.porteur.kind]}) ·
        dernière modification le {formatDateTime(l.updatedAt)}
        {l.demonstration ? ' · données de démonstration' : ''}
      </p>
      {props.saved ? <Alert type="success" title="Modifications enregistrées" /> : null}
      <ErrorSummary errors={e} labels={FIELD_LABELS} />
      {props.warnings.length > 0 ? (
        <Alert type="warning" title="Points à vérifier">
          <ul>
            {props.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <form method="post" action={`/admin/fonds/laureats/${encodeURIComponent(l.id)}`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="version" value={v.version ?? ''} />
        <SelectField
          name="dispositif"
          label="Dispositif"
          value={v.dispositif}
          error={e.dispositif}
          options={dispositifs.map((d) => ({ value: d.code, label: d.label }))}
        />
        <InputField
          name="idBeneficiaire"
          label="SIREN ou SIRET du porteur"
          hint="9 ou 14 chiffres. Le nom, la nature et le territoire du porteur viennent du référentiel."
          value={v.idBeneficiaire}
          error={e.idBeneficiaire}
          inputmode="numeric"
          spellcheck={false}
        />
        <InputField
          name="nomBeneficiaire"
          label="Nom du porteur"
          hint="Utilisé seulement pour un organisme que le référentiel ne connaît pas encore."
          value={v.nomBeneficiaire}
          error={e.nomBeneficiaire}
        />
        <InputField
          name="objet"
          label="Objet"
          hint="300 caractères au plus."
          value={v.objet}
          error={e.objet}
        />
        <TextareaField name="resume" label="Résumé" value={v.resume} error={e.resume} />
        <CheckboxesField
          name="themes"
          legend="Thèmes"
          options={Object.entries(THEMES).map(([value, label]) => ({ value, label }))}
          checked={props.themes}
          error={e.themes}
        />
        <InputField
          name="montant"
          label="Montant accordé (euros)"
          hint="Par exemple 12 500 ou 12 500,50 ; arrondi à l’euro."
          value={v.montant}
          error={e.montant}
          inputmode="decimal"
        />
        <InputField
          name="coutTotal"
          label="Coût total du projet (euros, facultatif)"
          value={v.coutTotal}
          error={e.coutTotal}
          inputmode="decimal"
        />
        <InputField
          name="dateDepot"
          label="Date de dépôt du dossier (facultative)"
          hint="JJ/MM/AAAA. Elle désigne la version des règles d’éligibilité qui s’applique."
          value={v.dateDepot}
          error={e.dateDepot}
        />
        <InputField
          name="dateConvention"
          label="Date de convention"
          hint="JJ/MM/AAAA."
          value={v.dateConvention}
          error={e.dateConvention}
        />
        <SelectField
          name="statut"
          label="Statut"
          value={v.statut}
          error={e.statut}
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextareaField
          name="coporteurs"
          label="Co-porteurs (facultatif)"
          hint="Un SIREN par ligne."
          value={v.coporteurs}
          error={e.coporteurs}
          rows={3}
        />
        <InputField
          name="site"
          label="Site du projet (facultatif)"
          hint="Commence par https://"
          value={v.site}
          error={e.site}
          type="url"
        />
        <InputField
          name="codeSource"
          label="Code source (facultatif)"
          hint="Commence par https://"
          value={v.codeSource}
          error={e.codeSource}
          type="url"
        />
        <TextareaField
          name="realisations"
          label="Réalisations"
          value={v.realisations}
          error={e.realisations}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <button type="submit" class="fr-btn">
              Enregistrer
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href="/admin/fonds/laureats">
              Retour à la liste
            </a>
          </li>
        </ul>
      </form>
    </>
  );
}
