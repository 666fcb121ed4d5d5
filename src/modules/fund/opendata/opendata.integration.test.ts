import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { dialects, freshDatabase } from '../../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../../adapters/db/connect.js';
import { fixedClock } from '../../../ports/clock.js';
import { standaloneFundPublicApp } from '../testing/public-app.js';
import { parseCsv } from '../testing/public-csv.js';
import { insertTestLaureats, testLaureat } from '../testing/public-factory.js';
import { searchFixture } from '../testing/public-fixtures.js';
import { csvRowOf, OPEN_DATA_COLUMNS, type OpenDataRecord } from './record.js';

const FIXTURE = [
  ...searchFixture(130),
  testLaureat({
    id: 'guillemets',
    title: 'Un titre ; avec « des guillemets » et "d’autres"\nsur deux lignes',
    porteurName: 'Syndicat mixte ; Gironde Numérique',
    siteUrl: 'https://exemple.fr/?a=1;b=2',
    themes: ['cooperation', 'usage-donnee'],
  }),
];

type Request = (path: string, init?: RequestInit) => Promise<Response>;

async function setUp(dialect: (typeof dialects)[number]) {
  const db = await freshDatabase(dialect);
  await insertTestLaureats(db.db, dialect, FIXTURE);
  const { app } = standaloneFundPublicApp({ db: db.db, dialect, clock: fixedClock('2023-01-20') });
  return { db, request: (async (path, init) => app.request(path, init)) as Request };
}

describe('Open data files', () => {
  let db: DatabaseHandle;
  let request: Request;
  before(async () => {
    ({ db, request } = await setUp('sqlite'));
  });
  after(() => db?.close());

  it('CSV: UTF-8 with BOM, « ; », the SCDL columns first, one line per lauréat, quotes where needed', async () => {
    const res = await request('/donnees/laureats.csv');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="laureats.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.deepEqual(
      rows[0],
      OPEN_DATA_COLUMNS.map((c) => c.name),
    );
    assert.deepEqual(rows[0]!.slice(0, 4), [
      'nomAttribuant',
      'idAttribuant',
      'dateConvention',
      'referenceDecision',
    ]);
    assert.equal(rows.length, FIXTURE.length + 1);
    const quoted = rows.find((r) => r[3] === 'guillemets')!;
    assert.equal(quoted[6], FIXTURE.at(-1)!.title);
    assert.equal(quoted[4], 'Syndicat mixte ; Gironde Numérique');
    assert.equal(quoted[15], 'cooperation|usage-donnee');
  });

  it('files carry an ETag: 304 when unchanged, a new one after a change; CSV is gzipped when asked', async () => {
    const first = await request('/donnees/laureats.csv');
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    assert.equal(
      (await request('/donnees/laureats.csv', { headers: { 'if-none-match': etag } })).status,
      304,
    );
    const gz = await request('/donnees/laureats.csv', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    const text = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8');
    assert.ok(text.startsWith('\ufeffnomAttribuant;'));
    await insertTestLaureats(db.db, 'sqlite', [testLaureat({ id: 'nouveau' })]);
    const changed = await request('/donnees/laureats.csv', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    await changed.arrayBuffer();
    await db.db.deleteFrom('laureat').where('id', '=', 'nouveau').execute();
  });

  it('JSON: one array of records with the API’s fields', async () => {
    const res = await request('/donnees/laureats.json');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const records = (await res.json()) as OpenDataRecord[];
    assert.equal(records.length, FIXTURE.length);
    assert.deepEqual(
      Object.keys(records[0]!),
      OPEN_DATA_COLUMNS.map((c) => c.name),
    );
  });

  it('XLSX: one sheet, a header row and one row per lauréat, amounts as numbers', async () => {
    const res = await request('/donnees/laureats.xlsx');
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.rowCount, FIXTURE.length + 1);
    assert.deepEqual(
      (sheet.getRow(1).values as unknown[]).slice(1),
      OPEN_DATA_COLUMNS.map((c) => c.name),
    );
    const montant = OPEN_DATA_COLUMNS.findIndex((c) => c.name === 'montant') + 1;
    assert.equal(typeof sheet.getRow(2).getCell(montant).value, 'number');
  });
});

/** The API and the CSV describe the same lauréats with the same values, on both databases. */
describe('API and CSV agree', () => {
  for (const dialect of dialects) {
    it(`every lauréat of the API is the CSV’s line, cell for cell (${dialect})`, async () => {
      const { db, request } = await setUp(dialect);
      try {
        const csv = parseCsv((await (await request('/donnees/laureats.csv')).text()).replace(/^\ufeff/, ''));
        const byId = new Map(csv.slice(1).map((row) => [row[3]!, row]));
        let next: string | null = '/api/v1/laureats?limite=100&tri=titre';
        let count = 0;
        while (next) {
          const page = (await (await request(next)).json()) as {
            resultats: Array<OpenDataRecord & { url: string }>;
            suivant: string | null;
          };
          for (const { url: _url, ...record } of page.resultats) {
            assert.deepEqual(csvRowOf(record), byId.get(record.referenceDecision), record.referenceDecision);
            count++;
          }
          next = page.suivant;
        }
        assert.equal(count, csv.length - 1);
      } finally {
        await db.close();
      }
    });
  }
});
