import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { connectDatabase, type Dialect } from '../../src/adapters/db/connect.js';
import type { Database } from '../../src/adapters/db/schema.js';
import { createKyselyOutbox } from '../../src/adapters/mail/index.js';
import { bookSlot } from '../../src/modules/meetings/booking/book.js';
import { answerRequest, cancelMeeting } from '../../src/modules/meetings/booking/change.js';
import { markUnavailable } from '../../src/modules/meetings/booking/unavailability.js';
import type { MeetingsDeps } from '../../src/modules/meetings/deps.js';
import { createForum, registerPeople } from '../../src/modules/meetings/testing/factory.js';
import { fixedClock } from '../../src/ports/clock.js';
import { freshDatabase } from '../helpers/database.js';

/** The deps of one « app process »: on PostgreSQL its own pool over the same database. */
function depsOn(db: Kysely<Database>, dialect: Dialect): MeetingsDeps {
  const clock = fixedClock('2023-01-10T10:00:00.000Z');
  return { db, dialect, clock, outbox: createKyselyOutbox({ clock }), publicUrl: 'http://localhost:3000' };
}

/** What the rows say, counted independently of the code under test. */
async function facts(db: Kysely<Database>, eventId: string) {
  const live = await db
    .selectFrom('meeting_booking as b')
    .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
    .select(['b.registration_id', 'b.slot_id', 'b.stand_id', 's.starts_at', 's.ends_at'])
    .where('b.event_id', '=', eventId)
    .where('b.status', 'in', ['demandee', 'confirmee'])
    .execute();
  const slots = await db
    .selectFrom('meeting_slot')
    .select(['id', 'capacity', 'booked'])
    .where('event_id', '=', eventId)
    .execute();
  const perSlot = new Map<string, number>();
  for (const b of live) perSlot.set(b.slot_id, (perSlot.get(b.slot_id) ?? 0) + 1);
  const overCapacity = slots.filter((s) => (perSlot.get(s.id) ?? 0) > s.capacity).length;
  const counterDrift = slots.filter((s) => (perSlot.get(s.id) ?? 0) !== s.booked).length;
  const byPerson = new Map<string, typeof live>();
  for (const b of live) byPerson.set(b.registration_id, [...(byPerson.get(b.registration_id) ?? []), b]);
  let twoPlaces = 0;
  let sameStand = 0;
  for (const mine of byPerson.values()) {
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        if (mine[i]!.starts_at < mine[j]!.ends_at && mine[j]!.starts_at < mine[i]!.ends_at) twoPlaces++;
        if (mine[i]!.stand_id === mine[j]!.stand_id) sameStand++;
      }
    }
  }
  return { live, slots, perSlot, overCapacity, counterDrift, twoPlaces, sameStand, byPerson };
}

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  describe(`booking meetings under concurrency, on ${dialect}`, async () => {
    const handle = await freshDatabase(dialect);
    // PostgreSQL: a second pool over the same database stands for a second app process.
    const second = dialect === 'postgres' ? connectDatabase(handle.url) : null;
    const processes = [depsOn(handle.db, dialect), depsOn(second?.db ?? handle.db, dialect)] as const;
    after(async () => {
      await second?.close();
      await handle.close();
    });

    test('200 people racing for the same 10 slots: each slot at most its capacity, nobody in two places at once', async () => {
      // 5 stands × 2 members, one slot each, all ten at 15:00–15:15; half of them for groups of 3.
      const forum = await createForum(handle.db, { stands: 5, membersPerStand: 2, slotsPerMember: 1 });
      const slots = forum.slots;
      for (const [i, id] of slots.entries()) {
        await handle.db
          .updateTable('meeting_slot')
          .set({ capacity: i % 2 === 0 ? 3 : 1 })
          .where('id', '=', id)
          .execute();
      }
      const people = await registerPeople(handle.db, forum.eventId, 200);
      // Everyone fires at three of the ten slots at once, from both processes.
      const attempts = people.flatMap((registrationId, i) =>
        [i % 10, (i + 3) % 10, (i + 7) % 10].map((k, j) =>
          bookSlot(processes[(i + j) % 2]!, {
            eventId: forum.eventId,
            registrationId,
            slotId: slots[k]!,
            note: '',
          }),
        ),
      );
      const outcomes = await Promise.all(attempts);
      const f = await facts(handle.db, forum.eventId);
      assert.equal(f.overCapacity, 0);
      assert.equal(f.twoPlaces, 0);
      assert.equal(f.counterDrift, 0, 'the slots’ counters match their live bookings');
      // Demand far above supply: every slot ends full, so 5 × 3 + 5 × 1 meetings.
      assert.deepEqual(
        slots.map((id) => f.perSlot.get(id) ?? 0),
        slots.map((_, i) => (i % 2 === 0 ? 3 : 1)),
      );
      assert.equal(outcomes.filter((o) => o.status === 'confirmee').length, 20);
      const refusals = new Set(
        outcomes.filter((o) => o.status === 'refus').map((o) => (o.status === 'refus' ? o.reason : '')),
      );
      assert.deepEqual([...refusals].sort(), ['complet', 'conflit']);
      // Each meeting announced once to each side, with its calendar file.
      const mails = await handle.db
        .selectFrom('outbox_message')
        .select(['kind', 'attachments'])
        .where('kind', '=', 'rencontre-membre-confirme')
        .where('recipient', 'like', `%${forum.eventId}%`)
        .execute();
      assert.equal(mails.length, 20, 'one per meeting to the members');
      assert.ok(mails.every((m) => (m.attachments ?? '').includes('rendez-vous.ics')));
    });

    test('the per-person limit and one meeting per stand hold when one person books many slots at once', async () => {
      const forum = await createForum(handle.db, {
        stands: 6,
        membersPerStand: 2,
        slotsPerMember: 5,
        space: { per_person_limit: 2 },
      });
      const [person] = await registerPeople(handle.db, forum.eventId, 1);
      // Twelve non-overlapping slots over six stands (two per stand), fired at once.
      const chosen = forum.stands.flatMap((s) => [s.members[0]!.slots[0]!, s.members[1]!.slots[1]!]);
      const outcomes = await Promise.all(
        chosen.map((slotId, i) =>
          bookSlot(processes[i % 2]!, { eventId: forum.eventId, registrationId: person!, slotId, note: '' }),
        ),
      );
      const f = await facts(handle.db, forum.eventId);
      assert.equal(f.live.length, 2);
      assert.equal(f.sameStand + f.twoPlaces + f.counterDrift, 0);
      assert.equal(outcomes.filter((o) => o.status === 'confirmee').length, 2);
    });

    test('a request holds the slot; declining frees it at once; answers and cancellations count once', async () => {
      const forum = await createForum(handle.db, { stands: 1, slotsPerMember: 1, bookingMode: 'demande' });
      const [a, b] = await registerPeople(handle.db, forum.eventId, 2);
      const member = forum.stands[0]!.members[0]!;
      const slotId = forum.slots[0]!;
      const first = await bookSlot(processes[0], {
        eventId: forum.eventId,
        registrationId: a!,
        slotId,
        note: 'API',
      });
      assert.equal(first.status, 'demandee');
      const blocked = await bookSlot(processes[1], {
        eventId: forum.eventId,
        registrationId: b!,
        slotId,
        note: '',
      });
      assert.equal(blocked.status === 'refus' && blocked.reason, 'complet');
      const again = await bookSlot(processes[1], {
        eventId: forum.eventId,
        registrationId: a!,
        slotId,
        note: '',
      });
      assert.deepEqual(again, {
        status: 'deja',
        bookingId: first.status === 'demandee' ? first.bookingId : '',
      });
      if (first.status !== 'demandee') return;
      const who = { kind: 'membre' as const, memberIds: [member.id] };
      const stranger = await answerRequest(processes[0], {
        eventId: forum.eventId,
        bookingId: first.bookingId,
        who: { kind: 'membre', memberIds: ['autre'] },
        accept: true,
        reason: '',
      });
      assert.equal(stranger, 'non-autorise');
      const answers = await Promise.all(
        processes.map((p) =>
          answerRequest(p, {
            eventId: forum.eventId,
            bookingId: first.bookingId,
            who,
            accept: false,
            reason: 'Complet',
          }),
        ),
      );
      assert.deepEqual(answers.sort(), ['deja-traite', 'fait']);
      const second = await bookSlot(processes[1], {
        eventId: forum.eventId,
        registrationId: b!,
        slotId,
        note: '',
      });
      assert.equal(second.status, 'demandee');
      if (second.status !== 'demandee') return;
      assert.equal(
        await answerRequest(processes[0], {
          eventId: forum.eventId,
          bookingId: second.bookingId,
          who,
          accept: true,
          reason: '',
        }),
        'fait',
      );
      const cancels = await Promise.all(
        processes.map((p) =>
          cancelMeeting(p, {
            eventId: forum.eventId,
            bookingId: second.bookingId,
            who: { kind: 'participant', registrationId: b! },
            reason: '',
          }),
        ),
      );
      assert.deepEqual(cancels.sort(), ['deja-traite', 'fait']);
      const f = await facts(handle.db, forum.eventId);
      assert.equal(f.live.length, 0);
      assert.equal(f.counterDrift, 0);
      const kinds = await handle.db
        .selectFrom('outbox_message')
        .select('kind')
        .where('recipient', '=', member.email)
        .orderBy('created_at')
        .execute();
      assert.deepEqual(kinds.map((k) => k.kind).sort(), [
        'rencontre-membre-annule',
        'rencontre-membre-demande',
        'rencontre-membre-demande',
      ]);
    });

    test('a meeting that has begun can no longer be cancelled, by anyone; it stays in the agendas', async () => {
      const forum = await createForum(handle.db, { stands: 1, slotsPerMember: 1 });
      const [a] = await registerPeople(handle.db, forum.eventId, 1);
      const slotId = forum.slots[0]!;
      const booked = await bookSlot(processes[0], {
        eventId: forum.eventId,
        registrationId: a!,
        slotId,
        note: '',
      });
      assert.equal(booked.status, 'confirmee');
      const slot = await handle.db
        .selectFrom('meeting_slot')
        .select('starts_at')
        .where('id', '=', slotId)
        .executeTakeFirstOrThrow();
      const bookingId = (
        await handle.db
          .selectFrom('meeting_booking')
          .select('id')
          .where('slot_id', '=', slotId)
          .executeTakeFirstOrThrow()
      ).id;
      const at = (iso: string) => ({ ...processes[1], clock: fixedClock(iso) });
      const minuteBefore = new Date(Date.parse(slot.starts_at) - 60_000).toISOString();
      for (const who of [
        { kind: 'participant' as const, registrationId: a! },
        { kind: 'membre' as const, memberIds: [forum.stands[0]!.members[0]!.id] },
        { kind: 'organisateur' as const },
      ]) {
        const outcome = await cancelMeeting(at(slot.starts_at), {
          eventId: forum.eventId,
          bookingId,
          who,
          reason: '',
        });
        assert.equal(outcome, 'passe', who.kind);
      }
      const still = await facts(handle.db, forum.eventId);
      assert.equal(still.live.length, 1);
      assert.equal(still.perSlot.get(slotId), 1);
      // A minute before it begins, it can.
      const cancelled = await cancelMeeting(at(minuteBefore), {
        eventId: forum.eventId,
        bookingId,
        who: { kind: 'participant', registrationId: a! },
        reason: '',
      });
      assert.equal(cancelled, 'fait');
      assert.equal((await facts(handle.db, forum.eventId)).counterDrift, 0);
    });

    test('marking oneself unavailable races bookings: one of them wins, never both', async () => {
      const forum = await createForum(handle.db, { stands: 1, slotsPerMember: 4 });
      const people = await registerPeople(handle.db, forum.eventId, 40);
      const member = forum.stands[0]!.members[0]!;
      const period = { startsAt: '2023-01-18T14:00:00.000Z', endsAt: '2023-01-18T15:00:00.000Z' };
      const [marked, ...bookings] = await Promise.all([
        markUnavailable(processes[1], { eventId: forum.eventId, memberId: member.id, ...period, reason: '' }),
        ...people.map((registrationId, i) =>
          bookSlot(processes[i % 2]!, {
            eventId: forum.eventId,
            registrationId,
            slotId: member.slots[i % 4]!,
            note: '',
          }),
        ),
      ]);
      const booked = bookings.filter((o) => o.status === 'confirmee').length;
      const f = await facts(handle.db, forum.eventId);
      assert.equal(f.live.length, booked);
      if (marked.ok) assert.equal(booked, 0, 'unavailable from the start: no booking got through');
      else assert.ok(booked > 0, 'refused only because meetings were already booked');
      const late = await bookSlot(processes[0], {
        eventId: forum.eventId,
        registrationId: people[0]!,
        slotId: member.slots[3]!,
        note: '',
      });
      if (marked.ok) assert.equal(late.status === 'refus' && late.reason, 'indisponible');
    });

    test('a participant whose registration was cancelled gives their place back when the slot is wanted', async () => {
      const forum = await createForum(handle.db, { stands: 1, slotsPerMember: 1 });
      const [a, b] = await registerPeople(handle.db, forum.eventId, 2);
      const slotId = forum.slots[0]!;
      assert.equal(
        (await bookSlot(processes[0], { eventId: forum.eventId, registrationId: a!, slotId, note: '' }))
          .status,
        'confirmee',
      );
      await handle.db.updateTable('registration').set({ status: 'annulee' }).where('id', '=', a!).execute();
      const outcome = await bookSlot(processes[1], {
        eventId: forum.eventId,
        registrationId: b!,
        slotId,
        note: '',
      });
      assert.equal(outcome.status, 'confirmee');
      const f = await facts(handle.db, forum.eventId);
      assert.deepEqual(
        f.live.map((l) => l.registration_id),
        [b],
      );
      assert.equal(f.counterDrift, 0);
    });
  });
}
