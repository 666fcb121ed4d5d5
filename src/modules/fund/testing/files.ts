/**
 * Import files for tests, built from rows of named values: CSV with a chosen separator, BOM and encoding, and
 * XLSX made with exceljs, as an operator’s spreadsheet would be.
 */

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../import/columns.js';

export type Row = Record<string, string>;

/** Real SIRENs: communes and an EPCI of the COG, and bodies outside it (a département, a syndicat mixte). */
export const SIREN = {
  grenoble: '213801855',
  lyon: '216901231',
  rennes: '213502388',
  abergement: '210100012',
  grenobleMetropole: '200040715',
  isere: '223800012',
  megalis: '253514491',
  /** Luhn-valid, in no register the tests load. */
  unknown: '253305619',
} as const;

/** A valid SIRET of Grenoble-Alpes-Métropole (SCDL’s `idBeneficiaire` is a SIRET). */
export const SIRET = { grenobleMetropole: '20004071500019' } as const;

/**
 * A valid line: axe 2 by Grenoble-Alpes-Métropole, with overrides (an empty string empties a column).
 *
 * @example
 * goodLine({ montant: 'douze' })
 */
export function goodLine(overrides: Row = {}): Row {
  return {
    identifiant: 'DINUM-2022-001',
    dispositif: 'axe-2',
    idBeneficiaire: SIRET.grenobleMetropole,
    nomBeneficiaire: 'Grenoble-Alpes-Métropole',
    objet: 'Démarches en ligne métropolitaines',
    resume: 'Un guichet unique des démarches.',
    themes: 'dematerialisation-demarches|FranceConnect et API',
    montant: '150 000',
    coutTotal: '200 000',
    dateDepot: '15/11/2021',
    dateConvention: '2022-01-20',
    statut: 'en cours',
    coporteurs: SIREN.grenoble,
    site: 'https://demarches.example.fr',
    codeSource: '',
    realisations: '',
    nomAttribuant: 'DINUM',
    ...overrides,
  };
}

/**
 * A CSV file of rows, columns in the documented order unless `columns` says otherwise.
 *
 * @example
 * csvFile([goodLine()], { delimiter: ',', bom: true })
 */
export function csvFile(
  rows: Row[],
  opts: { delimiter?: string; bom?: boolean; columns?: string[]; encoding?: 'utf8' | 'latin1' } = {},
): Buffer {
  const columns = opts.columns ?? IMPORT_COLUMNS.map((c) => c.name);
  const text = stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))], {
    delimiter: opts.delimiter ?? ';',
    record_delimiter: '\r\n',
  });
  const body = Buffer.from(text, opts.encoding ?? 'utf8');
  return opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/**
 * An XLSX workbook whose first sheet holds the rows; `typed` writes amounts as numbers and dates as dates,
 * as a spreadsheet user would.
 *
 * @example
 * await xlsxFile([goodLine()], { typed: true })
 */
export async function xlsxFile(
  rows: Row[],
  opts: { typed?: boolean; columns?: string[] } = {},
): Promise<Buffer> {
  const columns = opts.columns ?? IMPORT_COLUMNS.map((c) => c.name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lauréats');
  sheet.addRow(columns);
  for (const r of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = r[c] ?? '';
        if (!opts.typed || v === '') return v;
        if ((c === 'montant' || c === 'coutTotal') && /^[\d\s]+$/.test(v))
          return Number(v.replace(/\s/g, ''));
        if (c.startsWith('date')) {
          const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
          const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : v;
          if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return new Date(`${iso}T00:00:00Z`);
        }
        return v;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
