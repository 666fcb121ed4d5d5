import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { MODES, PROFILES, REGISTRATION_STATUSES } from '../events.domain.js';
import { type BackofficeRegistration, COLLECTIVITE_KIND_LABELS } from './registrations.query.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The organiser's extra questions, in the form's order: one column each in the exports. */
export async function eventQuestions(db: Kysely<Database>, eventId: string) {
  return db
    .selectFrom('event_question')
    .select(['id', 'label', 'kind', 'choices'])
    .where('event_id', '=', eventId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

type Question = Awaited<ReturnType<typeof eventQuestions>>[number];

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

/**
 * The export's header and rows, as text (dates in ISO UTC, as spreadsheets sort them). A value a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading apostrophe: a name
 * typed into the public form must never become a formula on an organiser's computer.
 *
 * @example
 * const { header, rows } = exportTable(registrations, questions);
 */
export function exportTable(registrations: BackofficeRegistration[], questions: Question[]) {
  const header = [
    'Nom',
    'Prénom',
    'Adresse électronique',
    'Organisation',
    'SIREN',
    'Profil',
    'Mode de participation',
    'Statut',
    'Collectivité',
    'Type de collectivité',
    'Département',
    'Région',
    'Inscription le',
    'Arrivée à',
    ...questions.map((q) => q.label),
  ];
  const rows = registrations.map((r) =>
    [
      r.familyName,
      r.givenName,
      r.email,
      r.organisation ?? '',
      r.siren ?? '',
      label(PROFILES, r.profile),
      label(MODES, r.mode),
      label(REGISTRATION_STATUSES, r.status),
      r.collectiviteName ?? '',
      r.collectiviteKind === 'none' ? '' : COLLECTIVITE_KIND_LABELS[r.collectiviteKind],
      r.departement?.name ?? '',
      r.region?.name ?? '',
      r.createdAt,
      r.checkedInAt ?? '',
      ...questions.map((q) => answerText(q, r.answers[q.id])),
    ].map(safeCell),
  );
  return { header: header.map(safeCell), rows };
}

function answerText(question: Question, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (question.kind === 'oui-non')
    return value === true || value === 'oui'
      ? 'Oui'
      : value === false || value === 'non'
        ? 'Non'
        : String(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/**
 * A cell's text, defused if a spreadsheet would read it as a formula.
 *
 * @example
 * safeCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * CSV for spreadsheets set to French: UTF-8 with a byte order mark (accents read right), « ; » between
 * fields, Windows line ends.
 *
 * @example
 * return c.body(registrationsCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8' });
 */
export function registrationsCsv(table: { header: string[]; rows: string[][] }): string {
  return stringify([table.header, ...table.rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/**
 * The same table as an XLSX workbook: a header row in bold, frozen, filters on, columns wide enough to read.
 *
 * @example
 * const buffer = await registrationsXlsx(table, 'Journée Numérique & Territoires');
 */
export async function registrationsXlsx(
  table: { header: string[]; rows: string[][] },
  title: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Numérique & Territoires';
  workbook.title = `Inscriptions — ${title}`;
  const sheet = workbook.addWorksheet('Inscriptions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      ...[table.header[i] ?? '', ...table.rows.map((r) => r[i] ?? '')].map((s) => s.length),
    );
    column.width = Math.min(Math.max(longest + 2, 10), 50);
  });
  if (table.header.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
