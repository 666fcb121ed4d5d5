import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * 012-catalogue: the catalogue de mutualisation (owned by src/modules/catalogue).
 *
 * - `solution` and what hangs from it: themes, adoption modes, the lauréats that financed it (many to many,
 *   no foreign key to `laureat`: the fund's import owns those rows and must never be blocked by ours), the
 *   organisations that maintain it, screenshots (files in FileStorage, alt text required), the editorial
 *   history with reasons.
 * - `solution_use`: reuse declarations, UNIQUE (solution_id, organisation_siren): an organisation declares
 *   once, whatever two browsers do at the same time.
 * - `catalogue_contact` (+ recipients by person id, never by address), `catalogue_contact_optin`,
 *   `catalogue_report`: the « mise en relation », its consent and its reports.
 * - the full text, as the fund's (007-fund-search): `solution_search` gives each solution an integer `rid`;
 *   SQLite keeps the JS stems in a contentless FTS5 table, PostgreSQL in two `tsvector` columns (GIN);
 *   `solution_search_meta.version` is bumped by every write, so each process knows when its in-memory facet
 *   table is stale.
 */
export const catalogueMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('solution')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('licence', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('documentation_url', 'text')
      .addColumn('website_url', 'text')
      .addColumn('maturity', 'text', (c) => c.notNull())
      .addColumn('cost_model', 'text', (c) => c.notNull())
      .addColumn('cost_details', 'text', (c) => c.notNull())
      .addColumn('accessibility_status', 'text', (c) => c.notNull())
      .addColumn('accessibility_statement', 'text', (c) => c.notNull())
      .addColumn('security_statement', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('verified_at', 'text')
      .addColumn('verified_by', 'text')
      .addColumn('author_id', 'text')
      .addColumn('author_siren', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('demonstration', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('archived_at', 'text')
      .execute();
    for (const column of ['status', 'author_id', 'updated_at']) {
      await db.schema.createIndex(`solution_${column}`).on('solution').column(column).execute();
    }
    const child = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn('solution_id', 'text', (c) => c.notNull().references('solution.id').onDelete('cascade'));
    await child('solution_theme')
      .addColumn('theme_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('solution_theme_pk', ['solution_id', 'theme_code'])
      .execute();
    await child('solution_adoption')
      .addColumn('mode', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('solution_adoption_pk', ['solution_id', 'mode'])
      .execute();
    await child('solution_laureat')
      .addColumn('laureat_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('solution_laureat_pk', ['solution_id', 'laureat_id'])
      .execute();
    await db.schema
      .createIndex('solution_laureat_by_laureat')
      .on('solution_laureat')
      .column('laureat_id')
      .execute();
    await child('solution_maintainer')
      .addColumn('organisation_siren', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('solution_maintainer_pk', ['solution_id', 'organisation_siren'])
      .execute();
    await db.schema
      .createIndex('solution_maintainer_by_siren')
      .on('solution_maintainer')
      .column('organisation_siren')
      .execute();

    await db.schema
      .createTable('solution_use')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('solution_id', 'text', (c) => c.notNull().references('solution.id').onDelete('cascade'))
      .addColumn('organisation_siren', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('since', 'text')
      .addColumn('use_case', 'text', (c) => c.notNull())
      .addColumn('instance_url', 'text')
      .addColumn('declared_by', 'text')
      .addColumn('organisation_name', 'text', (c) => c.notNull())
      .addColumn('organisation_kind', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text')
      .addColumn('epci_code', 'text')
      .addColumn('departement_code', 'text')
      .addColumn('region_code', 'text')
      .addColumn('demonstration', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('solution_use_once', ['solution_id', 'organisation_siren'])
      .execute();
    for (const column of [
      'organisation_siren',
      'commune_code',
      'epci_code',
      'departement_code',
      'region_code',
    ]) {
      await db.schema.createIndex(`solution_use_${column}`).on('solution_use').column(column).execute();
    }

    await child('solution_screenshot')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('alt_text', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('solution_screenshot_by_solution')
      .on('solution_screenshot')
      .column('solution_id')
      .execute();
    await child('solution_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('solution_event_by_solution')
      .on('solution_event')
      .columns(['solution_id', 'at'])
      .execute();

    await child('catalogue_contact')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_siren', 'text')
      .addColumn('sender_id', 'text', (c) => c.notNull())
      .addColumn('sender_label', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('recipient_count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The rate limit counts a sender's recent messages.
    await db.schema
      .createIndex('catalogue_contact_by_sender')
      .on('catalogue_contact')
      .columns(['sender_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('catalogue_contact_recipient')
      .addColumn('contact_id', 'text', (c) =>
        c.notNull().references('catalogue_contact.id').onDelete('cascade'),
      )
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('catalogue_contact_recipient_pk', ['contact_id', 'person_id'])
      .execute();
    await db.schema
      .createTable('catalogue_contact_optin')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('catalogue_contact_optin_pk', ['person_id', 'scope'])
      .execute();
    await db.schema
      .createIndex('catalogue_contact_optin_by_scope')
      .on('catalogue_contact_optin')
      .column('scope')
      .execute();
    await child('catalogue_report')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contact_id', 'text')
      .addColumn('reporter_id', 'text', (c) => c.notNull())
      .addColumn('reporter_label', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('handled_by', 'text')
      .addColumn('handled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('catalogue_report_by_status')
      .on('catalogue_report')
      .columns(['status', 'created_at'])
      .execute();

    if (dialect === 'sqlite') {
      await sql`CREATE TABLE solution_search (
        rid INTEGER PRIMARY KEY AUTOINCREMENT,
        solution_id TEXT NOT NULL UNIQUE
      )`.execute(db);
      await sql`CREATE VIRTUAL TABLE solution_fts USING fts5(
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    } else {
      await sql`CREATE TABLE solution_search (
        rid integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        solution_id text NOT NULL UNIQUE,
        title_tsv tsvector NOT NULL,
        tsv tsvector NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX solution_search_tsv ON solution_search USING gin (tsv)`.execute(db);
    }
    await db.schema
      .createTable('solution_search_meta')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO solution_search_meta (id, version) VALUES (1, 0)`.execute(db);
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('solution_search_meta').execute();
    if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS solution_fts`.execute(db);
    await db.schema.dropTable('solution_search').execute();
    for (const table of [
      'catalogue_report',
      'catalogue_contact_optin',
      'catalogue_contact_recipient',
      'catalogue_contact',
      'solution_event',
      'solution_screenshot',
      'solution_use',
      'solution_maintainer',
      'solution_laureat',
      'solution_adoption',
      'solution_theme',
      'solution',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
});
