/**
 * The espace de rencontres' share of an event's retention purge. The participants' meetings go with their
 * registrations (by cascade); what is left of people is the stand members (State agents known by name and
 * address) and the reasons they gave for being away. Once the events module has purged an event, they are
 * made anonymous once the event's retention period is over: the stands, slots and counts stay, for the
 * event's statistics.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';

/** The domain of the addresses that replace a forgotten member's (reserved: `.invalid` never delivers). */
export const FORGOTTEN_DOMAIN = 'donnees-supprimees.invalid';

/**
 * Makes the stand members of `eventIds` anonymous (name, address, role) and clears their unavailabilities'
 * reasons; idempotent. Returns how many members were forgotten this time.
 *
 * @example
 * await forgetMembers(db, await events.purgedEvents()); // 12
 */
export async function forgetMembers(db: Kysely<Database>, eventIds: readonly string[]): Promise<number> {
  let forgotten = 0;
  for (let i = 0; i < eventIds.length; i += 200) {
    const ids = eventIds.slice(i, i + 200);
    const done = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('meeting_stand_member')
        .set({
          email: sql<string>`'membre-' || id || ${`@${FORGOTTEN_DOMAIN}`}`,
          name: 'Membre de l’équipe',
          role: '',
        })
        .where('event_id', 'in', ids)
        .where('email', 'not like', `%@${FORGOTTEN_DOMAIN}`)
        .executeTakeFirst();
      await trx
        .updateTable('meeting_unavailability')
        .set({ reason: '' })
        .where(
          'member_id',
          'in',
          trx.selectFrom('meeting_stand_member').select('id').where('event_id', 'in', ids),
        )
        .where('reason', '<>', '')
        .execute();
      return Number(r.numUpdatedRows);
    });
    forgotten += done;
  }
  return forgotten;
}
