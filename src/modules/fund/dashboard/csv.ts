/**
 * A dashboard table as a CSV file the way French spreadsheets open it: UTF-8 with a byte order mark,
 * semicolons, CRLF line ends, whole euros without separators and shares as percentages with a decimal comma.
 */
import type { DashboardTable } from './tables.js';

const BOM = '\uFEFF';

/**
 * @example
 * tableCsv(table) // '\uFEFFCode;Dispositif;Montant accordé (€);…\r\naxe-1;Axe 1 — …;17100000;…\r\n'
 */
export function tableCsv(table: DashboardTable): string {
  const header = ['Code', table.headerLabel, ...table.columns.map((c) => c.label)];
  const lines = [
    header,
    ...[...table.rows, ...table.footer].map((r) => [
      r.code,
      r.header,
      ...r.values.map((v, i) => cell(v, table.columns[i]?.kind)),
    ]),
  ];
  return `${BOM}${lines.map((line) => line.map(quote).join(';')).join('\r\n')}\r\n`;
}

function cell(value: number | null, kind: string | undefined): string {
  if (value === null) return '';
  if (kind === 'share') return (Math.round(value * 1000) / 10).toString().replace('.', ',');
  return String(Math.round(value));
}

/** Quotes a field that needs it, and defuses text a spreadsheet would take for a formula. */
function quote(field: string): string {
  const safe = /^[=+\-@\t\r]/.test(field) && !/^-?\d+(,\d+)?$/.test(field) ? `'${field}` : field;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
