import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/** People (agents and contacts), role grants, single-use login links, the audit log; sessions get an owner. */
export const accountsMigration = (_dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('person')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('given_name', 'text')
      .addColumn('usual_name', 'text')
      .addColumn('proconnect_sub', 'text', (c) => c.unique())
      .addColumn('uid', 'text')
      .addColumn('siret', 'text')
      .addColumn('idp_id', 'text')
      .addColumn('organisation_siren', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_login_at', 'text')
      .execute();
    await db.schema.createIndex('person_organisation').on('person').column('organisation_siren').execute();

    await db.schema
      .createTable('role_grant')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text')
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .execute();
    // One live grant of a role and scope per person: granting twice is impossible, not merely unlikely.
    await sql`CREATE UNIQUE INDEX role_grant_live ON role_grant (person_id, role, scope) WHERE revoked_at IS NULL`.execute(
      db,
    );
    await db.schema.createIndex('role_grant_role').on('role_grant').columns(['role', 'scope']).execute();

    await db.schema
      .createTable('magic_link')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('magic_link_expires').on('magic_link').column('expires_at').execute();

    await db.schema
      .createTable('audit_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute();
    await db.schema
      .createIndex('audit_event_target')
      .on('audit_event')
      .columns(['target_type', 'target_id'])
      .execute();

    await db.schema.alterTable('session').addColumn('person_id', 'text').execute();
    await db.schema.createIndex('session_person').on('session').column('person_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('session_person').execute();
    await db.schema.alterTable('session').dropColumn('person_id').execute();
    await db.schema.dropTable('audit_event').execute();
    await db.schema.dropTable('magic_link').execute();
    await db.schema.dropTable('role_grant').execute();
    await db.schema.dropTable('person').execute();
  },
});
