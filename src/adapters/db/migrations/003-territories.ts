import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * 003-territories: the COG reference data (territories, the aliases that lead former codes and communes
 * déléguées to their current commune, a meta table naming the loaded edition) and the organisations keyed by
 * SIREN. The same DDL on both dialects.
 *
 * The reference rows are loaded by the territories module at startup, not here: a migration runs once, while
 * a new COG edition must replace the data of an existing database.
 *
 * No foreign key from `organisation` to `territory`: a new edition replaces every territory row, and an
 * organisation must outlive the commune it was once attached to (a merged commune keeps its SIREN's history).
 */
export const territoriesMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('territory')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('siren', 'text')
      .addColumn('epci_type', 'text')
      .addColumn('departement_code', 'text')
      .addColumn('region_code', 'text')
      .addColumn('epci_code', 'text')
      .addColumn('commune_code', 'text')
      .addColumn('chef_lieu', 'text')
      .addColumn('population', 'integer')
      .addColumn('postcodes', 'text', (c) => c.notNull())
      .addColumn('zone', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('territory_pk', ['kind', 'code'])
      .execute();
    await db.schema.createIndex('territory_siren').on('territory').column('siren').execute();
    // The lists of a territory page: an EPCI's members, a département's communes, a région's départements.
    await db.schema.createIndex('territory_epci').on('territory').column('epci_code').execute();
    await db.schema
      .createIndex('territory_departement')
      .on('territory')
      .columns(['departement_code', 'kind'])
      .execute();
    await db.schema
      .createIndex('territory_region')
      .on('territory')
      .columns(['region_code', 'kind'])
      .execute();
    await db.schema.createIndex('territory_commune').on('territory').column('commune_code').execute();

    await db.schema
      .createTable('territory_alias')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('territory_alias_pk', ['code', 'kind'])
      .execute();
    await db.schema
      .createIndex('territory_alias_commune')
      .on('territory_alias')
      .column('commune_code')
      .execute();

    await db.schema
      .createTable('territory_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    // The row a loader updates first: on PostgreSQL it serialises two loaders on the row lock, on SQLite the
    // write takes the database's write lock before the edition is read (see territories' cog/load.ts).
    await db
      .insertInto('territory_meta' as never)
      .values({ key: 'edition', value: '' } as never)
      .execute();

    await db.schema
      .createTable('organisation')
      .addColumn('siren', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('territory_kind', 'text')
      .addColumn('territory_code', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('organisation_territory')
      .on('organisation')
      .columns(['territory_kind', 'territory_code'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('organisation').execute();
    await db.schema.dropTable('territory_meta').execute();
    await db.schema.dropTable('territory_alias').execute();
    await db.schema.dropTable('territory').execute();
  },
});
