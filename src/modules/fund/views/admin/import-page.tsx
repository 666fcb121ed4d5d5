import { formatNumber } from '../../../../platform/i18n/format.js';
import { UploadField } from '../../../../platform/ui/fields.js';
import { Alert, CsrfField } from '../../../../platform/ui/forms.js';
import { IMPORT_COLUMNS, IMPORT_LIMITS } from '../../import/columns.js';
import type { ImportReport } from '../../import/report.js';
import { ImportReportView } from './import-report.js';

export interface ImportPageProps {
  csrf: string;
  scopeDescription: string;
  /** The upload field’s error (no file, too large…). */
  error?: string;
  /** A dry run to show, with the key of its kept file when it can be confirmed. */
  dryRun?: { report: ImportReport; key: string; changed?: boolean };
  /** The import just applied. */
  done?: { fileName: string; created: number; updated: number; unchanged: number };
  /** The confirmation came too late or twice. */
  expired?: boolean;
}

/**
 * The import page: the result of the last step (dry run, import, problem), then the upload form and the format.
 *
 * @example
 * <ImportPage csrf={token} scopeDescription="vous gérez : axe-2" dryRun={{ report, key }} />
 */
export function ImportPage(props: ImportPageProps) {
  return (
    <>
      <h1>Importer des lauréats</h1>
      {props.done ? (
        <Alert type="success" title="Import terminé">
          <p>
            {props.done.fileName} : {formatNumber(props.done.created)} lauréat(s) créé(s),{' '}
            {formatNumber(props.done.updated)} mis à jour, {formatNumber(props.done.unchanged)} inchangé(s).
            L’import est inscrit au journal d’audit.
          </p>
        </Alert>
      ) : null}
      {props.expired ? (
        <Alert type="warning" title="Cet essai n’est plus disponible">
          <p>
            Il a déjà été importé, ou il date de plus de 24 heures. Envoyez le fichier à nouveau pour un
            nouvel essai.
          </p>
        </Alert>
      ) : null}
      {props.dryRun ? (
        <ImportReportView
          report={props.dryRun.report}
          confirmKey={props.dryRun.key}
          csrf={props.csrf}
          changed={props.dryRun.changed ?? false}
        />
      ) : null}
      <h2>{props.dryRun ? 'Envoyer un autre fichier' : 'Envoyer un fichier'}</h2>
      <p>
        L’envoi est d’abord un essai : rien n’est enregistré avant que vous confirmiez. Si une seule ligne est
        refusée, rien n’est importé ; corrigez le fichier et envoyez-le à nouveau. Un même fichier importé
        deux fois ne change rien. Votre périmètre : {props.scopeDescription.replace(/^vous gérez : /, '')}.
      </p>
      <form method="post" action="/admin/fonds/import" enctype="multipart/form-data" class="fr-mb-6w">
        <CsrfField token={props.csrf} />
        <UploadField
          name="fichier"
          label="Fichier des lauréats"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint={`CSV (UTF-8, séparateur « ; » ou « , ») ou XLSX (première feuille). Taille maximale : ${IMPORT_LIMITS.maxBytes / 1024 / 1024} Mo, ${formatNumber(IMPORT_LIMITS.maxLines)} lignes.`}
          error={props.error}
        />
        <button type="submit" class="fr-btn fr-mt-3w">
          Lancer l’essai
        </button>
      </form>
      <ImportFormat modelHref="/admin/fonds/import/modele.csv" />
    </>
  );
}

/**
 * The documented columns, for this page and the open data page (`/donnees`), with a model file to start from
 * when `modelHref` says where (the one under /admin is for operators).
 *
 * @example
 * <ImportFormat modelHref="/admin/fonds/import/modele.csv" />
 */
export function ImportFormat(props: { modelHref?: string }) {
  return (
    <section aria-labelledby="format-import">
      <h2 id="format-import">Format du fichier</h2>
      <p>
        La première ligne nomme les colonnes ; leur ordre, les majuscules et les accents ne comptent pas. Les
        noms suivent le schéma « Subventions » du socle commun des données locales (SCDL) lorsqu’il a le
        champ. Les lignes sont numérotées comme dans un tableur : l’en-tête est la ligne 1.
      </p>
      {props.modelHref ? (
        <p>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href={props.modelHref}>
            Télécharger un fichier modèle (CSV)
          </a>
        </p>
      ) : null}
      <div class="fr-table">
        <table>
          <caption>Colonnes du fichier des lauréats</caption>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">Obligatoire</th>
              <th scope="col">Contenu</th>
              <th scope="col">Exemple</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.required ? 'oui' : 'non'}</td>
                <td>{c.description}</td>
                <td>
                  <code>{c.example}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
