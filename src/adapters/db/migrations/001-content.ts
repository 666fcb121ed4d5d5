import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

/** Published content (communiqués, actualités, événements, pages TNT), their terms, and server-side sessions. */
export const contentMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('content_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('collection', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('published', 'integer', (c) => c.notNull())
      .addColumn('chapeau', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('body_md', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('source_file', 'text', (c) => c.notNull())
      .addColumn('source_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('content_item_collection_slug', ['collection', 'slug'])
      .execute();
    await db.schema
      .createIndex('content_item_list')
      .on('content_item')
      .columns(['collection', 'published', 'date'])
      .execute();

    await db.schema
      .createTable('content_term')
      .addColumn('content_id', 'text', (c) => c.notNull().references('content_item.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('content_term_pk', ['content_id', 'kind', 'slug'])
      .execute();
    await db.schema
      .createIndex('content_term_by_slug')
      .on('content_term')
      .columns(['kind', 'slug'])
      .execute();

    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('session_expires').on('session').column('expires_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('session').execute();
    await db.schema.dropTable('content_term').execute();
    await db.schema.dropTable('content_item').execute();
  },
});
