import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * 014-territory-coordinates: a point per commune (latitude and longitude in decimal degrees, WGS 84), and how
 * it was found (`precision`: GeoNames' own point, or an estimate — see the territories module's
 * geo/coordinates.ts), with the commune's name, EPCI and département copied from `territory` so that the
 * bounding box is read from this table's index alone, without a join whose order the planners get wrong. Filled with the COG at startup by the territories module, as the reference data is; the
 * `coordinates` row of `territory_meta` names the loaded edition (empty until the first load).
 *
 * Distances are computed in the application (haversine): the index on (lat, lon) serves the bounding box
 * that narrows the candidates first, the same SQL on both dialects, without PostGIS or SQLite's math
 * functions.
 */
export const territoryCoordinatesMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    const real = dialect === 'postgres' ? 'double precision' : 'real';
    await db.schema
      .createTable('territory_coordinates')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('epci_code', 'text')
      .addColumn('departement_code', 'text')
      .addColumn('lat', real, (c) => c.notNull())
      .addColumn('lon', real, (c) => c.notNull())
      .addColumn('precision', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('territory_coordinates_lat_lon')
      .on('territory_coordinates')
      .columns(['lat', 'lon'])
      .execute();
    // The row a loader updates first, as for the COG's edition (see territories' geo/coordinates.repository.kysely.ts).
    await db
      .insertInto('territory_meta' as never)
      .values({ key: 'coordinates', value: '' } as never)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db
      .deleteFrom('territory_meta' as never)
      .where('key' as never, 'in', ['coordinates', 'coordinates_counts'] as never)
      .execute();
    await db.schema.dropTable('territory_coordinates').execute();
  },
});
