import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type {
  CommuneCoordinates,
  CoordinateCounts,
  CoordinatePrecision,
  CoordinateRow,
} from './coordinates.js';
import type { BoundingBox } from './distance.js';

/** The table of migration 014, beside the Database type (the territories module owns it). */
type CoordinateTables = {
  territory_coordinates: {
    code: string;
    name: string;
    epci_code: string | null;
    departement_code: string | null;
    lat: number;
    lon: number;
    precision: string;
  };
};

/** What was loaded: the « À propos des données » page shows it. */
export interface CoordinateSummary {
  edition: string;
  counts: CoordinateCounts;
}

/** The port of the communes' points. */
export interface CoordinateRepository {
  /** The loaded edition's id, or null before the first load. */
  edition(): Promise<string | null>;
  summary(): Promise<CoordinateSummary | null>;
  /**
   * Replaces every point, in one transaction, unless `summary.edition` is already loaded (checked again under
   * the lock of its meta row, so that two processes starting together load it once). True when it loaded.
   */
  replaceAll(rows: CoordinateRow[], summary: CoordinateSummary): Promise<boolean>;
  find(code: string): Promise<CommuneCoordinates | null>;
  /** The communes whose point lies in the box (an indexed range on latitude, then longitude). */
  within(box: BoundingBox): Promise<CoordinateRow[]>;
}

/** 7 columns × 1,000 rows: well under both drivers' bound-parameter limits; 35 statements for the COG. */
const BATCH = 1_000;

/**
 * The communes' points on Kysely, the same SQL on SQLite and PostgreSQL.
 *
 * @example
 * const coordinates = createKyselyCoordinateRepository(db);
 * await coordinates.find('38185'); // { code: '38185', lat: 45.17869, lon: 5.71479, precision: 'commune' }
 */
export function createKyselyCoordinateRepository(database: Kysely<Database>): CoordinateRepository {
  const db = database.withTables<CoordinateTables>();
  const metaValue = async (key: string) =>
    (await db.selectFrom('territory_meta').select('value').where('key', '=', key).executeTakeFirst())
      ?.value ?? '';

  return {
    async edition() {
      return (await metaValue('coordinates')) || null;
    },

    async summary() {
      const [edition, counts] = await Promise.all([
        metaValue('coordinates'),
        metaValue('coordinates_counts'),
      ]);
      return edition ? { edition, counts: JSON.parse(counts || '{}') as CoordinateCounts } : null;
    },

    async replaceAll(rows, summary) {
      return db.transaction().execute(async (trx) => {
        // A write first, as the COG's loader does: SQLite takes its write lock before reading, PostgreSQL locks
        // the row, and a second loader then sees the first one's edition.
        await trx
          .updateTable('territory_meta')
          .set((eb) => ({ value: eb.ref('value') }))
          .where('key', '=', 'coordinates')
          .execute();
        const current = await trx
          .selectFrom('territory_meta')
          .select('value')
          .where('key', '=', 'coordinates')
          .executeTakeFirst();
        if (current?.value === summary.edition) return false;
        await trx.deleteFrom('territory_coordinates').execute();
        for (let i = 0; i < rows.length; i += BATCH) {
          await trx
            .insertInto('territory_coordinates')
            .values(
              rows.slice(i, i + BATCH).map((r) => ({
                code: r.code,
                name: r.name,
                epci_code: r.epciCode,
                departement_code: r.departementCode,
                lat: r.lat,
                lon: r.lon,
                precision: r.precision,
              })),
            )
            .execute();
        }
        await trx
          .insertInto('territory_meta')
          .values([
            { key: 'coordinates', value: summary.edition },
            { key: 'coordinates_counts', value: JSON.stringify(summary.counts) },
          ])
          .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
          .execute();
        return true;
      });
    },

    async find(code) {
      const row = await db
        .selectFrom('territory_coordinates')
        .select(['code', 'lat', 'lon', 'precision'])
        .where('code', '=', code)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async within(box) {
      const rows = await db
        .selectFrom('territory_coordinates')
        .selectAll()
        .where('lat', '>=', box.minLat)
        .where('lat', '<=', box.maxLat)
        .where('lon', '>=', box.minLon)
        .where('lon', '<=', box.maxLon)
        .execute();
      return rows.map((r) => ({
        ...fromRow(r),
        name: r.name,
        epciCode: r.epci_code,
        departementCode: r.departement_code,
      }));
    },
  };
}

function fromRow(row: { code: string; lat: number; lon: number; precision: string }): CommuneCoordinates {
  return {
    code: row.code,
    lat: Number(row.lat),
    lon: Number(row.lon),
    precision: row.precision as CoordinatePrecision,
  };
}
