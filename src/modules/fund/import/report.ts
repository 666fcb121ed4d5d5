/**
 * What a dry run found and what an import did, as the upload page, the command line and the audit log tell it.
 */
import type { Laureat } from '../fund.domain.js';
import type { NewOrganisation } from './porteurs.js';

/** A problem with a line (or with the whole file, `line` null), or a warning that does not block. */
export interface ImportIssue {
  /** The line as a spreadsheet numbers it (header = 1); null for the file as a whole. */
  line: number | null;
  /** The column (its documented name), when the problem is one value’s. */
  column: string | null;
  /** The value as written, cut to 200 characters. */
  value: string;
  reason: string;
}

export interface ImportReport {
  fileName: string;
  format: 'csv' | 'xlsx' | null;
  /** Data lines read (blank lines not counted). */
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: ImportIssue[];
  warnings: ImportIssue[];
  /** Headers the format does not know, left aside. */
  ignoredColumns: string[];
}

/** A dry run’s result: what applying it would write. Applying a plan with rejected lines writes nothing. */
export interface ImportPlan {
  report: ImportReport;
  /** The lauréats to create or update (unchanged ones are left alone). */
  writes: Laureat[];
  /** Organisations named for the first time, recorded once the lauréats are saved. */
  organisations: NewOrganisation[];
  /**
   * What the plan would do, fingerprinted: a confirmation whose new dry run gives another digest (the file
   * or the database changed in between) is shown again instead of applied.
   */
  digest: string;
}

/**
 * The report as lines of text, for the command line.
 *
 * @example
 * for (const line of reportLines(plan.report)) console.log(line);
 */
export function reportLines(report: ImportReport, opts: { maxIssues?: number } = {}): string[] {
  const max = opts.maxIssues ?? 1_000;
  const n = (v: number) => new Intl.NumberFormat('fr-FR').format(v);
  const lines = [
    `Fichier : ${report.fileName}${report.format ? ` (${report.format.toUpperCase()}, ${n(report.lines)} lignes)` : ''}`,
    `À créer : ${n(report.created)}`,
    `À mettre à jour : ${n(report.updated)}`,
    `Inchangés : ${n(report.unchanged)}`,
    `Rejetés : ${n(report.rejected.length)}`,
    `Avertissements : ${n(report.warnings.length)}`,
  ];
  if (report.ignoredColumns.length > 0) lines.push(`Colonnes ignorées : ${report.ignoredColumns.join(', ')}`);
  const issue = (mark: string, i: ImportIssue) =>
    `  ${mark} ${i.line === null ? 'fichier' : `ligne ${i.line}`}${i.column ? `, colonne ${i.column}` : ''} : ${i.reason}`;
  for (const r of report.rejected.slice(0, max)) lines.push(issue('✗', r));
  if (report.rejected.length > max) lines.push(`  … et ${n(report.rejected.length - max)} autres rejets`);
  for (const w of report.warnings.slice(0, max)) lines.push(issue('!', w));
  if (report.warnings.length > max)
    lines.push(`  … et ${n(report.warnings.length - max)} autres avertissements`);
  return lines;
}

/**
 * A value as shown in a report: trimmed and cut, so that a pasted essay does not fill the page.
 *
 * @example
 * shown('x'.repeat(300)).length // 200
 */
export function shown(value: string): string {
  const text = value.trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
