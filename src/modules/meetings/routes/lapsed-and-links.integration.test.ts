import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { type MeetingsTestApp, meetingsTestApp } from '../testing/app.js';
import { createForum, type Forum, registerPeople } from '../testing/factory.js';

const NOW = '2023-01-10T10:00:00.000Z';

describe('meetings of cancelled registrations, and how long e-mailed links live', () => {
  let t: MeetingsTestApp;
  let forum: Forum;
  let emails: string[];
  before(async () => {
    t = await meetingsTestApp({ database: freshDatabase, now: NOW });
    forum = await createForum(t.db, { stands: 2, membersPerStand: 1, slotsPerMember: 3 });
    const ids = await registerPeople(t.db, forum.eventId, 4);
    emails = (await t.db.selectFrom('registration').select(['id', 'email']).where('id', 'in', ids).execute())
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      .map((r) => r.email);
  });
  after(() => t.close());

  const space = () => `/evenements/${forum.eventId}/rencontres`;
  const clock = () => t.clock as unknown as { set(at: string): void };

  async function participant(email: string) {
    const session = await t.visitor(space());
    await t.postForm(`${space()}/acces`, session, { email });
    const [link] = await t.linksIn(email, 'rencontre-acces-participant');
    assert.equal((await t.get(link!, session)).status, 303);
    return session;
  }

  /**
   * Books `slotId` of stand `s` for `email`, then changes the registration behind the events module's back
   * (cancelled by default).
   */
  async function bookThenChangeRegistration(
    email: string,
    s: number,
    slotId: string,
    change: { status?: string; mode?: string } = { status: 'annulee' },
  ) {
    const session = await participant(email);
    const res = await t.postForm(`${space()}/stands/${forum.stands[s]!.id}/reserver`, session, {
      creneau: slotId,
    });
    assert.equal(res.status, 303);
    await t.db.updateTable('registration').set(change).where('email', '=', email).execute();
    const booking = await t.db
      .selectFrom('meeting_booking')
      .select(['id', 'status'])
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    assert.equal(booking.status, 'confirmee', 'still booked before anyone reads a page');
    return booking.id;
  }

  const booked = async (slotId: string) =>
    Number(
      (
        await t.db
          .selectFrom('meeting_slot')
          .select('booked')
          .where('id', '=', slotId)
          .executeTakeFirstOrThrow()
      ).booked,
    );

  async function released(bookingId: string, slotId: string, memberEmail: string) {
    const b = await t.db
      .selectFrom('meeting_booking')
      .select(['status', 'cancelled_by'])
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(b, { status: 'annulee', cancelled_by: 'systeme' });
    assert.equal(await booked(slotId), 0);
    const told = await t.db
      .selectFrom('outbox_message')
      .select('id')
      .where('recipient', '=', memberEmail)
      .where('kind', '=', 'rencontre-membre-annule')
      .execute();
    assert.equal(told.length, 1, 'the stand member is told the meeting is off');
  }

  test('reading the stand’s page releases the slot of a participant whose registration was cancelled', async () => {
    const member = forum.stands[0]!.members[0]!;
    const slotId = member.slots[0]!;
    const bookingId = await bookThenChangeRegistration(emails[0]!, 0, slotId);
    const page = await t.request(`${space()}/stands/${forum.stands[0]!.id}`);
    assert.equal(page.status, 200);
    await released(bookingId, slotId, member.email);
    // Reading again changes nothing and tells nobody twice.
    await t.request(`${space()}/stands/${forum.stands[0]!.id}`);
    await released(bookingId, slotId, member.email);
  });

  test('the member’s agenda no longer holds the meeting of a cancelled registration', async () => {
    const member = forum.stands[1]!.members[0]!;
    const slotId = member.slots[1]!;
    const bookingId = await bookThenChangeRegistration(emails[1]!, 1, slotId);
    const session = await t.signIn({ email: member.email });
    const page = await t.get(`${space()}/equipe`, session);
    assert.equal(page.status, 200);
    await released(bookingId, slotId, member.email);
  });

  test('a participant who now attends remotely loses their meetings: the slot is freed, both sides told why', async () => {
    const member = forum.stands[1]!.members[0]!;
    const slotId = member.slots[0]!;
    // The events module changes the registration's mode (see changeRegistration); it does not tell this one.
    const bookingId = await bookThenChangeRegistration(emails[3]!, 1, slotId, { mode: 'distance' });
    assert.equal((await t.request(`${space()}/stands/${forum.stands[1]!.id}`)).status, 200);
    const after = await t.db
      .selectFrom('meeting_booking')
      .select(['status', 'cancelled_by', 'reason'])
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, {
      status: 'annulee',
      cancelled_by: 'systeme',
      reason: 'Participation à l’événement passée à distance : les rendez-vous ont lieu sur place.',
    });
    assert.equal(await booked(slotId), 0);
    const told = await t.db
      .selectFrom('outbox_message')
      .select(['recipient', 'text'])
      .where('dedupe_key', 'like', `rencontre:${bookingId}:%:annule`)
      .orderBy('recipient')
      .execute();
    assert.deepEqual(told.map((m) => m.recipient).sort(), [emails[3]!, member.email].sort());
    const toParticipant = told.find((m) => m.recipient === emails[3])?.text ?? '';
    assert.match(toParticipant, /Motif : Participation à l’événement passée à distance/);
    assert.match(toParticipant, /participez à l’événement en présentiel/);
    // Reading again tells nobody twice.
    await t.request(`${space()}/stands/${forum.stands[1]!.id}`);
    const again = await t.db
      .selectFrom('outbox_message')
      .select('id')
      .where('dedupe_key', 'like', `rencontre:${bookingId}:%:annule`)
      .execute();
    assert.equal(again.length, 2);
  });

  test('links sent by e-mail stop opening anything a week after the event ends', async () => {
    const member = forum.stands[0]!.members[0]!;
    const session = await participant(emails[2]!);
    await t.postForm(`${space()}/stands/${forum.stands[0]!.id}/reserver`, session, {
      creneau: member.slots[2]!,
    });
    const links = await t.linksIn(emails[2]!, 'rencontre-participant-confirme');
    const access = links.find((l) => l.startsWith('/rencontres/acces/'))!;
    const cancel = links.find((l) => l.startsWith('/rencontres/annulation/'))!;
    const ends = Date.parse('2023-01-18T15:30:00.000Z'); // the factory's event end
    try {
      clock().set(new Date(ends + 6 * 86_400_000).toISOString());
      assert.equal((await t.get(cancel)).status, 200);
      assert.equal((await t.get(access, await t.visitor(space()))).status, 303);
      clock().set(new Date(ends + 8 * 86_400_000).toISOString());
      assert.equal((await t.get(cancel)).status, 404);
      assert.equal((await t.get(access, await t.visitor(space()))).status, 404);
      const visitor = await t.visitor(space());
      const post = await t.postForm(cancel, visitor);
      assert.equal(post.status, 404);
      const live = await t.db
        .selectFrom('meeting_booking')
        .select('status')
        .where('slot_id', '=', member.slots[2]!)
        .executeTakeFirstOrThrow();
      assert.equal(live.status, 'confirmee');
    } finally {
      clock().set(NOW);
    }
  });
});
