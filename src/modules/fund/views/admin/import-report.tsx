import { formatNumber, plural } from '../../../../platform/i18n/format.js';
import { Alert, CsrfField } from '../../../../platform/ui/forms.js';
import type { ImportIssue, ImportReport } from '../../import/report.js';

/** Rows shown on the page; the rest are in the downloadable list. */
export const SHOWN_ISSUES = 500;

/**
 * A dry run’s report: the counts, the rejected lines (line, column, value, reason), the warnings, and the
 * confirmation when there is something to import and nothing was rejected.
 *
 * @example
 * <ImportReportView report={plan.report} confirmKey={key} csrf={token} changed={false} />
 */
export function ImportReportView(props: {
  report: ImportReport;
  confirmKey: string;
  csrf: string;
  changed: boolean;
}) {
  const { report } = props;
  const rejected = report.rejected.length;
  const toWrite = report.created + report.updated;
  return (
    <section aria-labelledby="rapport-essai" class="fr-mb-6w">
      <h2 id="rapport-essai">Essai de {report.fileName}</h2>
      {props.changed ? (
        <Alert type="warning" title="Les données ont changé depuis l’essai">
          <p>
            Ce fichier ne ferait plus ce que l’essai montrait : rien n’a été importé. Voici le nouvel essai.
          </p>
        </Alert>
      ) : null}
      <ul>
        <li>{plural(report.lines, 'ligne lue', 'lignes lues', 'Aucune ligne lue')}</li>
        <li>{plural(report.created, 'lauréat à créer', 'lauréats à créer', 'Aucun lauréat à créer')}</li>
        <li>
          {plural(
            report.updated,
            'lauréat à mettre à jour',
            'lauréats à mettre à jour',
            'Aucun lauréat à mettre à jour',
          )}
        </li>
        <li>
          {plural(report.unchanged, 'lauréat inchangé', 'lauréats inchangés', 'Aucun lauréat inchangé')}
        </li>
        <li>{plural(rejected, 'rejet', 'rejets', 'Aucun rejet')}</li>
      </ul>
      {report.ignoredColumns.length > 0 ? (
        <p>Colonnes ignorées, car inconnues du format : {report.ignoredColumns.join(', ')}.</p>
      ) : null}
      {rejected > 0 ? (
        <>
          <Alert type="error" title="Rien n’a été importé">
            <p>
              {plural(rejected, 'problème empêche', 'problèmes empêchent')} l’import. Corrigez le fichier,
              puis envoyez-le à nouveau : l’import se fait en entier ou pas du tout.
            </p>
          </Alert>
          <IssuesTable issues={report.rejected} caption="Lignes refusées" />
          {rejected > SHOWN_ISSUES ? (
            <p>
              Les {formatNumber(SHOWN_ISSUES)} premiers problèmes sont affichés.{' '}
              <a class="fr-link" href={`/admin/fonds/import/${props.confirmKey}/rejets.csv`}>
                Télécharger la liste complète ({formatNumber(rejected)} problèmes, CSV)
              </a>
            </p>
          ) : null}
        </>
      ) : toWrite === 0 ? (
        <Alert type="info" title="Rien à importer">
          <p>Toutes les lignes correspondent déjà aux lauréats enregistrés.</p>
        </Alert>
      ) : (
        <form method="post" action="/admin/fonds/import/confirmer" class="fr-my-3w">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="cle" value={props.confirmKey} />
          <p>
            Confirmer enregistre {plural(toWrite, 'lauréat', 'lauréats')} en une seule fois, et l’import est
            inscrit au journal d’audit.
          </p>
          <button type="submit" class="fr-btn">
            Confirmer l’import
          </button>
        </form>
      )}
      {report.warnings.length > 0 ? (
        <>
          <h3>Points à vérifier</h3>
          <p>
            Ces points n’empêchent pas l’import (les règles d’éligibilité ont changé, et des données anciennes
            les précèdent), mais méritent un regard.
          </p>
          <IssuesTable issues={report.warnings} caption="Avertissements, par ligne" />
          {report.warnings.length > SHOWN_ISSUES ? (
            <p>
              Les {formatNumber(SHOWN_ISSUES)} premiers avertissements sont affichés, sur{' '}
              {formatNumber(report.warnings.length)}.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function IssuesTable(props: { issues: ImportIssue[]; caption: string }) {
  return (
    <div class="fr-table">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Colonne</th>
            <th scope="col">Valeur</th>
            <th scope="col">Motif</th>
          </tr>
        </thead>
        <tbody>
          {props.issues.slice(0, SHOWN_ISSUES).map((i) => (
            <tr>
              <td>{i.line === null ? 'fichier' : formatNumber(i.line)}</td>
              <td>{i.column ?? '—'}</td>
              <td>{i.value || '—'}</td>
              <td>{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
