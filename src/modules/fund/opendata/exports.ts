import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { laureatBatches } from '../search/reads.js';
import { cellOf, csvRowOf, OPEN_DATA_COLUMNS, type OpenDataRecord, toOpenDataRecord } from './record.js';

type Db = Kysely<Database>;

async function* records(db: Db): AsyncGenerator<OpenDataRecord> {
  for await (const batch of laureatBatches(db)) for (const l of batch) yield toOpenDataRecord(l);
}

/** A Node stream as the body of a fetch Response (what Hono sends). */
function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

/**
 * Every lauréat as CSV: UTF-8 with a byte order mark (so that spreadsheet software reads the accents), « ; »
 * between fields, a header row, one record per line. Streamed from keyset batches: memory stays flat for
 * 100,000 lauréats, and back-pressure holds the database reads while the client is slow.
 *
 * @example
 * return c.body(csvStream(db), 200, { 'content-type': 'text/csv; charset=utf-8' });
 */
export function csvStream(db: Db): ReadableStream<Uint8Array> {
  const source = Readable.from(
    (async function* () {
      for await (const record of records(db)) yield csvRowOf(record);
    })(),
  );
  const csv = stringify({
    delimiter: ';',
    bom: true,
    header: true,
    columns: OPEN_DATA_COLUMNS.map((c) => c.name),
    record_delimiter: 'windows',
  });
  source.on('error', (error) => csv.destroy(error));
  return toWeb(source.pipe(csv));
}

/**
 * Every lauréat as one JSON array of records (the same fields as the API's), streamed record by record.
 *
 * @example
 * return c.body(jsonStream(db), 200, { 'content-type': 'application/json; charset=utf-8' });
 */
export function jsonStream(db: Db): ReadableStream<Uint8Array> {
  return toWeb(
    Readable.from(
      (async function* () {
        // Bytes, not strings: a web stream's consumer (fetch's Response) accepts Uint8Array chunks only.
        let first = true;
        yield Buffer.from('[');
        for await (const record of records(db)) {
          yield Buffer.from(`${first ? '\n' : ',\n'}${JSON.stringify(record)}`);
          first = false;
        }
        yield Buffer.from('\n]\n');
      })(),
    ),
  );
}

/**
 * Every lauréat as an XLSX workbook of one sheet, written by exceljs's streaming writer: each row is committed
 * (and zipped) as it comes, no shared-strings table, so the workbook is never whole in memory. Amounts and
 * populations are numbers, the rest text.
 *
 * @example
 * return c.body(xlsxStream(db), 200, { 'content-type': XLSX_TYPE });
 */
export function xlsxStream(db: Db): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Lauréats');
  sheet.columns = OPEN_DATA_COLUMNS.map((c) => ({ header: c.name, key: c.name }));
  (async () => {
    for await (const record of records(db)) {
      sheet
        .addRow(
          OPEN_DATA_COLUMNS.map((c) => {
            const value = record[c.name];
            return typeof value === 'number' ? value : cellOf(value);
          }),
        )
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return toWeb(out);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
