/**
 * CSV files the import page offers: a model to start from, and the full list of a dry run’s problems. UTF-8
 * with a BOM and `;`, so that Excel in French opens them right.
 */
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from './columns.js';
import type { ImportIssue } from './report.js';

/**
 * A header row and one example line, every column documented.
 *
 * @example
 * importTemplateCsv().split('\r\n')[0] // '\uFEFFidentifiant;dispositif;idBeneficiaire;…'
 */
export function importTemplateCsv(): string {
  return `\uFEFF${stringify([IMPORT_COLUMNS.map((c) => c.name), IMPORT_COLUMNS.map((c) => c.example)], {
    delimiter: ';',
    record_delimiter: '\r\n',
  })}`;
}

/**
 * Problems as a CSV: line, column, value, reason. A value that a spreadsheet would take for a formula
 * (`=`, `+`, `-`, `@`) is prefixed with an apostrophe.
 *
 * @example
 * issuesCsv([{ line: 3, column: 'montant', value: 'douze', reason: 'montant n’est pas un nombre' }])
 */
export function issuesCsv(issues: ImportIssue[]): string {
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const rows = issues.map((i) => [
    i.line === null ? 'fichier' : String(i.line),
    i.column ?? '',
    safe(i.value),
    i.reason,
  ]);
  return `\uFEFF${stringify([['ligne', 'colonne', 'valeur', 'motif'], ...rows], {
    delimiter: ';',
    record_delimiter: '\r\n',
  })}`;
}
