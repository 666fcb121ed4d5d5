import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dialects, freshDatabase } from '../../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../../adapters/db/connect.js';
import { eventsPastRetention, purgeEventPersonalData } from '../../events/events.backoffice.js';
import { createForum, type Forum, registerPeople } from '../testing/factory.js';
import { FORGOTTEN_DOMAIN, forgetMembers } from './forget.js';

for (const dialect of dialects) {
  describe(`stand members are forgotten with their event's personal data, on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let past: Forum;
    let future: Forum;
    /** A past event with stands but not one registration: the purge finds nothing of its own to delete. */
    let empty: Forum;
    const members = (eventId: string) =>
      handle.db
        .selectFrom('meeting_stand_member')
        .select(['id', 'email', 'name', 'role'])
        .where('event_id', '=', eventId)
        .orderBy('id')
        .execute();

    before(async () => {
      handle = await freshDatabase(dialect);
      past = await createForum(handle.db, { stands: 2, membersPerStand: 2, slotsPerMember: 2 });
      future = await createForum(handle.db, {
        stands: 1,
        membersPerStand: 1,
        slotsPerMember: 1,
        event: { starts_at: '2031-01-18T08:00:00.000Z', ends_at: '2031-01-18T15:30:00.000Z' },
      });
      empty = await createForum(handle.db, { stands: 1, membersPerStand: 1, slotsPerMember: 1 });
      await registerPeople(handle.db, past.eventId, 3);
      await registerPeople(handle.db, future.eventId, 1);
      const member = past.stands[0]!.members[0]!;
      await handle.db
        .insertInto('meeting_unavailability')
        .values({
          id: 'absence-1',
          member_id: member.id,
          event_id: past.eventId,
          starts_at: '2023-01-18T12:00:00.000Z',
          ends_at: '2023-01-18T13:00:00.000Z',
          reason: 'Rendez-vous médical',
          created_at: '2023-01-10T09:00:00.000Z',
        })
        .execute();
    });
    after(() => handle.close());

    test('after the purge, the past event’s members lose name, address and role; the stands and slots stay', async () => {
      const slotsBefore = await handle.db.selectFrom('meeting_slot').select('id').execute();
      // Seven months after the Journée of 18 January 2023: its retention (6 months by default) is over.
      const later = new Date('2023-08-20T00:00:00.000Z');
      await purgeEventPersonalData(handle.db, later);
      assert.deepEqual(
        (await eventsPastRetention(handle.db, later)).sort(),
        [past.eventId, empty.eventId].sort(),
      );
      assert.equal(await forgetMembers(handle.db, await eventsPastRetention(handle.db, later)), 5);
      for (const m of [...(await members(past.eventId)), ...(await members(empty.eventId))]) {
        assert.deepEqual(m, {
          id: m.id,
          email: `membre-${m.id}@${FORGOTTEN_DOMAIN}`,
          name: 'Membre de l’équipe',
          role: '',
        });
      }
      const absence = await handle.db
        .selectFrom('meeting_unavailability')
        .select('reason')
        .where('id', '=', 'absence-1')
        .executeTakeFirstOrThrow();
      assert.equal(absence.reason, '');
      assert.equal(
        (await handle.db.selectFrom('meeting_slot').select('id').execute()).length,
        slotsBefore.length,
      );
      // The event still to come keeps its members.
      const kept = await members(future.eventId);
      assert.equal(kept[0]?.email, future.stands[0]!.members[0]!.email);
    });

    test('running it again forgets nobody twice', async () => {
      const later = new Date('2023-08-20T00:00:00.000Z');
      assert.equal(await forgetMembers(handle.db, await eventsPastRetention(handle.db, later)), 0);
    });
  });
}
