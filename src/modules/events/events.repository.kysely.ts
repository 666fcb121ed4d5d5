import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { Profile, ProfileDecision } from './events.domain.js';
import type { EventsRepository } from './events.repository.js';
import {
  eventFromRow,
  eventRow,
  insertSpeakers,
  nullableNumber,
  questionFromRow,
  questionRow,
  roomFromRow,
  roomRow,
  sessionRow,
  withSpeakers,
} from './programme/rows.js';

/**
 * The events core's repository on Kysely: the same SQL on SQLite and PostgreSQL (booleans as 0/1, times as ISO
 * UTC text that sorts as it compares). Writes are scoped by `event_id` too, so that an id from another event,
 * forged in a form, touches nothing.
 *
 * @example
 * const repo = createKyselyEventsRepository(db);
 * await repo.transaction(async (r) => { await r.insertEvent(event); await r.insertRoom(room); });
 */
export function createKyselyEventsRepository(db: Kysely<Database>): EventsRepository {
  const repo: EventsRepository = {
    async transaction(fn) {
      // Already inside one: Kysely has no nested transactions, and the outer one is what the caller wants.
      if (db.isTransaction) return fn(repo);
      return db.transaction().execute((trx) => fn(createKyselyEventsRepository(trx)));
    },

    async insertEvent(event) {
      await db.insertInto('event').values(eventRow(event)).execute();
    },
    async updateEvent(event) {
      const { id, created_at: _c, created_by: _b, status: _s, ...fields } = eventRow(event);
      const r = await db.updateTable('event').set(fields).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async changeStatus(id, from, to, at) {
      if (from.length === 0) return false;
      const r = await db
        .updateTable('event')
        .set({ status: to, updated_at: at })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async eventById(id) {
      const row = await db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? eventFromRow(row) : null;
    },
    async eventExists(id) {
      const row = await db.selectFrom('event').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },
    async listEvents(q) {
      let query = db.selectFrom('event').selectAll();
      if (q.statuses) {
        if (q.statuses.length === 0) return [];
        query = query.where('status', 'in', [...q.statuses]);
      }
      if (q.endingFrom) query = query.where('ends_at', '>=', q.endingFrom);
      if (q.endingBefore) query = query.where('ends_at', '<', q.endingBefore);
      const order = q.newestFirst ? 'desc' : 'asc';
      query = query.orderBy('starts_at', order).orderBy('id', 'asc');
      if (q.limit) query = query.limit(q.limit);
      return (await query.execute()).map(eventFromRow);
    },

    async roomsOf(eventId) {
      const rows = await db
        .selectFrom('event_room')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('sort_order')
        .orderBy('name')
        .execute();
      return rows.map(roomFromRow);
    },
    async insertRoom(room) {
      await db.insertInto('event_room').values(roomRow(room)).execute();
    },
    async updateRoom(room) {
      const r = await db
        .updateTable('event_room')
        .set({ name: room.name, capacity: room.capacity, sort_order: room.sortOrder })
        .where('id', '=', room.id)
        .where('event_id', '=', room.eventId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async deleteRoom(eventId, roomId) {
      const r = await db
        .deleteFrom('event_room')
        .where('id', '=', roomId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async sessionsOf(eventId) {
      const rows = await db
        .selectFrom('event_session')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('starts_at')
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
      return withSpeakers(db, rows);
    },
    async sessionById(eventId, sessionId) {
      const row = await db
        .selectFrom('event_session')
        .selectAll()
        .where('id', '=', sessionId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return row ? ((await withSpeakers(db, [row]))[0] ?? null) : null;
    },
    async insertSession(session) {
      await db.insertInto('event_session').values(sessionRow(session)).execute();
      await insertSpeakers(db, session);
    },
    async updateSession(session) {
      const { id, event_id, ...fields } = sessionRow(session);
      const r = await db
        .updateTable('event_session')
        .set(fields)
        .where('id', '=', id)
        .where('event_id', '=', event_id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await db.deleteFrom('session_speaker').where('session_id', '=', id).execute();
      await insertSpeakers(db, session);
      return true;
    },
    async deleteSession(eventId, sessionId) {
      const r = await db
        .deleteFrom('event_session')
        .where('id', '=', sessionId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async questionsOf(eventId) {
      const rows = await db
        .selectFrom('event_question')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
      return rows.map(questionFromRow);
    },
    async insertQuestion(question) {
      await db.insertInto('event_question').values(questionRow(question)).execute();
    },
    async updateQuestion(question) {
      const { id, event_id, ...fields } = questionRow(question);
      const r = await db
        .updateTable('event_question')
        .set(fields)
        .where('id', '=', id)
        .where('event_id', '=', event_id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async deleteQuestion(eventId, questionId) {
      const r = await db
        .deleteFrom('event_question')
        .where('id', '=', questionId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async rulesOf(eventId) {
      const rows = await db
        .selectFrom('event_profile_rule')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('profile')
        .execute();
      return rows.map((r) => ({
        profile: r.profile as Profile,
        decision: r.decision as ProfileDecision,
        quota: nullableNumber(r.quota),
        refusalReason: r.refusal_reason,
      }));
    },
    async replaceRules(eventId, rules) {
      await db.deleteFrom('event_profile_rule').where('event_id', '=', eventId).execute();
      if (rules.length === 0) return;
      await db
        .insertInto('event_profile_rule')
        .values(
          rules.map((r) => ({
            event_id: eventId,
            profile: r.profile,
            decision: r.decision,
            quota: r.quota,
            refusal_reason: r.refusalReason,
          })),
        )
        .execute();
    },

    async invitationsOf(sessionId) {
      const rows = await db
        .selectFrom('session_invitation')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('email')
        .execute();
      return rows.map((r) => ({ sessionId: r.session_id, email: r.email, invitedAt: r.invited_at }));
    },
    async addInvitations(sessionId, emails, at) {
      const unique = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
      if (unique.length === 0) return 0;
      // ON CONFLICT DO NOTHING on both dialects: an address invited twice stays one row, and no error aborts
      // the caller's PostgreSQL transaction.
      const r = await db
        .insertInto('session_invitation')
        .values(unique.map((email) => ({ session_id: sessionId, email, invited_at: at })))
        .onConflict((oc) => oc.columns(['session_id', 'email']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
    },
    async removeInvitation(sessionId, email) {
      const r = await db
        .deleteFrom('session_invitation')
        .where('session_id', '=', sessionId)
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async invitedSessionIds(eventId, email) {
      const rows = await db
        .selectFrom('session_invitation')
        .innerJoin('event_session', 'event_session.id', 'session_invitation.session_id')
        .select('session_invitation.session_id')
        .where('event_session.event_id', '=', eventId)
        .where('session_invitation.email', '=', email.trim().toLowerCase())
        .execute();
      return rows.map((r) => r.session_id);
    },
  };
  return repo;
}
