/**
 * An uploaded file as a table of strings: CSV (UTF-8 with or without BOM, Windows-1252 as Excel writes it in
 * France, `;` `,` or tab detected, quoted fields) or XLSX (first sheet). Lines are numbered as a spreadsheet
 * shows them, the header being line 1, so that a rejected line is found where the operator looks for it.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from './columns.js';
import { fastCsv } from './fast-csv.js';

export interface TableRow {
  line: number;
  cells: string[];
}

export type ReadResult =
  | { ok: true; format: 'csv' | 'xlsx'; header: string[]; headerLine: number; rows: TableRow[] }
  | { ok: false; line: number | null; reason: string };

const NOT_RECOGNISED = 'format non reconnu : envoyez un fichier CSV (UTF-8) ou XLSX';

/**
 * Reads a CSV or XLSX file into rows of strings. Blank rows are left out but keep their number; the first
 * non-blank row is the header.
 *
 * @example
 * const table = await readTable(await readFile('laureats.csv'));
 * if (table.ok) for (const { line, cells } of table.rows) …
 */
export async function readTable(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, line: null, reason: 'fichier vide' };
  if (bytes.length > IMPORT_LIMITS.maxBytes) {
    return {
      ok: false,
      line: null,
      reason: `fichier trop volumineux : ${megabytes(bytes.length)}, la limite est de ${megabytes(IMPORT_LIMITS.maxBytes)}`,
    };
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    // An OpenDocument spreadsheet is a zip too: name it, so that the operator knows what to do.
    if (buffer.subarray(30, 120).toString('latin1').includes('opendocument')) {
      return {
        ok: false,
        line: null,
        reason: 'format non reconnu : enregistrez le classeur OpenDocument (.ods) au format XLSX ou CSV',
      };
    }
    return readXlsx(buffer);
  }
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      ok: false,
      line: null,
      reason: 'format non reconnu : enregistrez le classeur Excel 97-2003 (.xls) au format XLSX ou CSV',
    };
  }
  if (buffer.subarray(0, 65_536).includes(0)) return { ok: false, line: null, reason: NOT_RECOGNISED };
  return readCsv(decode(buffer));
}

function readCsv(text: string): ReadResult {
  // Counted before parsing, so that a file of a million short lines is refused before it fills the memory.
  let lines = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines - 1 > IMPORT_LIMITS.maxLines) return tooLong(lines - 1);
  const delimiter = detectDelimiter(text);
  // Well-formed files (nearly all) take the fast reader; anything unusual, csv-parse and its messages.
  let records = fastCsv(text, delimiter);
  if (records === null) {
    try {
      records = parse(text, {
        delimiter,
        relax_column_count: true,
        // A quote inside an unquoted field (Salle "Jean Moulin") is taken as written.
        relax_quotes: true,
        skip_empty_lines: false,
      }) as string[][];
    } catch (err) {
      return csvFailure(err);
    }
  }
  return toTable(
    'csv',
    records.map((cells, i) => ({ line: i + 1, cells })),
  );
}

async function readXlsx(buffer: Buffer): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, line: null, reason: 'format non reconnu : ce classeur XLSX est illisible' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, line: null, reason: 'fichier vide' };
  if (sheet.rowCount - 1 > IMPORT_LIMITS.maxLines) return tooLong(sheet.rowCount - 1);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    rows.push({ line, cells });
  });
  return toTable('xlsx', rows);
}

function toTable(format: 'csv' | 'xlsx', all: TableRow[]): ReadResult {
  const rows = all.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const header = rows.shift();
  if (!header) return { ok: false, line: null, reason: 'fichier vide' };
  if (rows.length === 0)
    return { ok: false, line: null, reason: 'fichier vide : aucune ligne après l’en-tête' };
  if (rows.length > IMPORT_LIMITS.maxLines) return tooLong(rows.length);
  return { ok: true, format, header: header.cells, headerLine: header.line, rows };
}

/** A cell as text: numbers as JavaScript writes them (12500.5), dates as AAAA-MM-JJ, formulas by their result. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  // Excel stores a day as midnight UTC: the UTC date is the one the cell shows.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The separator of the header line: the most frequent of `;`, `,` and tab outside quotes; `;` on a tie.
 *
 * @example
 * detectDelimiter('dispositif,objet;titre,montant') // ','
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

/** UTF-8 (its BOM dropped) when the bytes are valid UTF-8, else Windows-1252: what Excel writes in France. */
function decode(buffer: Buffer): string {
  const body = startsWith(buffer, [0xef, 0xbb, 0xbf]) ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

function csvFailure(err: unknown): ReadResult {
  if (!(err instanceof CsvError)) throw err;
  const line = (err as CsvError & { records?: number }).records;
  const at = typeof line === 'number' ? line + 1 : null;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      ok: false,
      line: at,
      reason: 'guillemet non refermé : ce champ entre guillemets ne se termine jamais',
    };
  }
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return {
      ok: false,
      line: at,
      reason:
        'guillemet mal placé : un champ entre guillemets doit être suivi du séparateur ou de la fin de ligne',
    };
  }
  return { ok: false, line: at, reason: `fichier CSV illisible (${err.code})` };
}

function tooLong(lines: number): ReadResult {
  return {
    ok: false,
    line: null,
    reason: `fichier trop long : ${new Intl.NumberFormat('fr-FR').format(lines)} lignes, la limite est de ${new Intl.NumberFormat('fr-FR').format(IMPORT_LIMITS.maxLines)}`,
  };
}

function megabytes(n: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} Mo`;
}

function startsWith(buffer: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => buffer[i] === byte);
}
