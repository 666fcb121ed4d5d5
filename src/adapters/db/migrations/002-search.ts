import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The search index: one `search_document` row per indexed document (what a hit displays), plus the
 * dialect's full-text structure.
 *
 * - SQLite: a contentless FTS5 table `search_fts(title, body)` holding the words already stemmed in JS (FTS5
 *   has no French stemmer), keyed by `search_document.rid`. A contentless table stores only the index, not a
 *   second copy of the text; `contentless_delete=1` lets the adapter replace a row by rowid. The adapter keeps
 *   it in sync (triggers cannot run the JS stemmer). `rid` is declared INTEGER PRIMARY KEY (the rowid
 *   itself): an undeclared rowid may be renumbered by VACUUM, which would silently detach the index.
 * - PostgreSQL: a `fr_unaccent` configuration (the `french` one, with `unaccent` before the stemmer) and two
 *   vectors written by the adapter with `to_tsvector('fr_unaccent', …)`: `tsv` (title A, whole body B) under a
 *   GIN index, which decides what matches, and `rank_tsv` (title A, the body's first characters B), which
 *   ranks. A whole body's vector is a few kilobytes, stored compressed out of line (TOAST): ranking a broad
 *   query on it decompressed every match (~40 ms for 2,000 hits), while the GIN index alone answers the match
 *   without reading it. `rank_tsv` is small and kept inline (STORAGE MAIN), so ranking stays a few ms.
 *   Not generated columns: `unaccent`'s rules can change under an IMMUTABLE declaration, and a reindex from
 *   the adapter is then just an upsert.
 *
 * Columns are ordered so the long `body` comes last: SQLite reads `date` and `id` without walking the body's
 * overflow pages.
 */
export const searchMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    if (dialect === 'postgres') {
      await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      await sql`CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french)`.execute(db);
      // Only the word types that can carry accents need unaccent; ASCII ones keep french_stem alone.
      await sql`ALTER TEXT SEARCH CONFIGURATION fr_unaccent
        ALTER MAPPING FOR word, hword, hword_part WITH unaccent, french_stem`.execute(db);
    }

    // On SQLite `id` is unique and required rather than the key: keyed by `rid`, joining FTS hits back is one
    // B-tree lookup instead of two.
    const keyed =
      dialect === 'sqlite'
        ? db.schema
            .createTable('search_document')
            .addColumn('rid', 'integer', (c) => c.primaryKey())
            .addColumn('id', 'text', (c) => c.notNull().unique())
        : db.schema.createTable('search_document').addColumn('id', 'text', (c) => c.primaryKey());
    let table = keyed
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text');
    if (dialect === 'postgres') {
      table = table
        .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
        .addColumn('rank_tsv', sql`tsvector`, (c) => c.notNull());
    }
    await table.addColumn('body', 'text', (c) => c.notNull()).execute();
    await db.schema.createIndex('search_document_kind').on('search_document').column('kind').execute();

    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    } else {
      await sql`ALTER TABLE search_document ALTER COLUMN rank_tsv SET STORAGE MAIN`.execute(db);
      await sql`CREATE INDEX search_document_tsv ON search_document USING gin (tsv)`.execute(db);
    }
  },

  async down(db: Kysely<unknown>) {
    if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
    await db.schema.dropTable('search_document').execute();
    // The unaccent extension stays: other objects of the database may use it.
    if (dialect === 'postgres') await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS fr_unaccent`.execute(db);
  },
});
