import type { Kysely } from 'kysely';
import type { SessionStore } from '../../ports/session-store.js';
import type { Database } from './schema.js';

/**
 * Sessions in the database, so that they survive a restart and any app process can serve any request.
 *
 * @example
 * const store = createKyselySessionStore(db);
 */
export function createKyselySessionStore(db: Kysely<Database>): SessionStore {
  return {
    async find(id, now) {
      const row = await db
        .selectFrom('session')
        .select(['person_id', 'csrf_token', 'data', 'expires_at'])
        .where('id', '=', id)
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      if (!row) return null;
      return {
        personId: row.person_id,
        csrfToken: row.csrf_token,
        data: JSON.parse(row.data),
        expiresAt: row.expires_at,
      };
    },
    async create(id, record, now) {
      await db
        .insertInto('session')
        .values({
          id,
          person_id: record.personId,
          csrf_token: record.csrfToken,
          data: JSON.stringify(record.data),
          expires_at: record.expiresAt,
          created_at: now.toISOString(),
        })
        .execute();
    },
    async update(id, record) {
      await db
        .updateTable('session')
        .set({
          csrf_token: record.csrfToken,
          data: JSON.stringify(record.data),
          expires_at: record.expiresAt,
        })
        .where('id', '=', id)
        .execute();
    },
    async destroy(id) {
      await db.deleteFrom('session').where('id', '=', id).execute();
    },
    async destroyForPerson(personId) {
      const r = await db.deleteFrom('session').where('person_id', '=', personId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async purgeExpired(now) {
      const r = await db
        .deleteFrom('session')
        .where('expires_at', '<=', now.toISOString())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
