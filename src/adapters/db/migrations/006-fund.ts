import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The fund: dispositifs, their dated rules, lauréats with their themes and co-porteurs, and the files operators
 * sent for a dry run, waiting for their confirmation.
 */
export const fundMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('dispositif')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('operateur', 'text', (c) => c.notNull())
      .addColumn('envelope_eur', 'integer', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('themes', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('dispositif_rule')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dispositif_code', 'text', (c) => c.notNull().references('dispositif.code'))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('min_population', 'integer')
      .addColumn('departement_eligible', 'integer', (c) => c.notNull())
      .addColumn('max_state_share', 'real')
      .addColumn('flat_amount_eur', 'integer')
      .addColumn('notes', 'text', (c) => c.notNull())
      .addUniqueConstraint('dispositif_rule_version', ['dispositif_code', 'valid_from'])
      .execute();
    await db.schema
      .createTable('laureat')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dispositif_code', 'text', (c) => c.notNull().references('dispositif.code'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('porteur_siren', 'text', (c) => c.notNull())
      .addColumn('porteur_name', 'text', (c) => c.notNull())
      .addColumn('porteur_kind', 'text', (c) => c.notNull())
      .addColumn('territory_key', 'text')
      .addColumn('commune_code', 'text')
      .addColumn('epci_code', 'text')
      .addColumn('departement_code', 'text')
      .addColumn('region_code', 'text')
      .addColumn('population', 'integer')
      .addColumn('amount_eur', 'integer', (c) => c.notNull())
      .addColumn('total_cost_eur', 'integer')
      .addColumn('filed_on', 'text')
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('site_url', 'text')
      .addColumn('source_url', 'text')
      .addColumn('outputs', 'text', (c) => c.notNull())
      .addColumn('demonstration', 'integer', (c) => c.notNull())
      .addColumn('source_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const column of [
      'dispositif_code',
      'porteur_siren',
      'commune_code',
      'epci_code',
      'departement_code',
      'region_code',
      'decided_on',
      'territory_key',
    ]) {
      await db.schema.createIndex(`laureat_${column}`).on('laureat').column(column).execute();
    }
    await db.schema
      .createTable('laureat_theme')
      .addColumn('laureat_id', 'text', (c) => c.notNull().references('laureat.id').onDelete('cascade'))
      .addColumn('theme_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('laureat_theme_pk', ['laureat_id', 'theme_code'])
      .execute();
    await db.schema
      .createIndex('laureat_theme_by_theme')
      .on('laureat_theme')
      .columns(['theme_code', 'laureat_id'])
      .execute();
    await db.schema
      .createTable('laureat_coporteur')
      .addColumn('laureat_id', 'text', (c) => c.notNull().references('laureat.id').onDelete('cascade'))
      .addColumn('siren', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('laureat_coporteur_pk', ['laureat_id', 'siren'])
      .execute();
    await db.schema
      .createIndex('laureat_coporteur_by_siren')
      .on('laureat_coporteur')
      .column('siren')
      .execute();
    await db.schema
      .createTable('fund_import_upload')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('actor_id', 'text')
      .addColumn('file_name', 'text', (c) => c.notNull())
      // The one type that differs: SQLite's BLOB is PostgreSQL's BYTEA; both drivers give a Buffer.
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('plan_digest', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('fund_import_upload_created_at')
      .on('fund_import_upload')
      .column('created_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('fund_import_upload').execute();
    await db.schema.dropTable('laureat_coporteur').execute();
    await db.schema.dropTable('laureat_theme').execute();
    await db.schema.dropTable('laureat').execute();
    await db.schema.dropTable('dispositif_rule').execute();
    await db.schema.dropTable('dispositif').execute();
  },
});
