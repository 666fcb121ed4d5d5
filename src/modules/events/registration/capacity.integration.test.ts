import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { connectDatabase, type Dialect } from '../../../adapters/db/connect.js';
import { createKyselyOutbox } from '../../../adapters/mail/index.js';
import { fixedClock } from '../../../ports/clock.js';
import type { RegistrationDeps } from './deps.js';
import { cancelRegistration, promoteFromWaitlist, registerParticipant } from './index.js';
import { createEvent, participant, statusCounts } from './testing/factory.js';

/** The deps of one « app process »: its own pool (PostgreSQL) over the same database. */
function depsOn(db: RegistrationDeps['db'], dialect: Dialect): RegistrationDeps {
  const clock = fixedClock('2022-12-15T10:00:00.000Z');
  return { db, dialect, outbox: createKyselyOutbox({ clock }), clock, publicUrl: 'http://localhost:3000' };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`the last seat, on ${dialect}`, async () => {
    const handle = await freshDatabase(dialect);
    // PostgreSQL: a second pool over the same database stands for a second app process.
    const second = dialect === 'postgres' ? connectDatabase(handle.url) : null;
    const processes = [depsOn(handle.db, dialect), depsOn(second?.db ?? handle.db, dialect)];
    const [one] = processes as [RegistrationDeps, RegistrationDeps];
    after(async () => {
      await second?.close();
      await handle.close();
    });

    test('500 people at once for the last 50 seats: exactly 50 confirmed, 450 waiting, no duplicate', async () => {
      const eventId = await createEvent(handle.db, { capacity_total: 100 });
      for (let i = 0; i < 50; i++)
        await registerParticipant(one, participant(eventId, `deja-${i}`), `cle-deja-${i}`);
      const outcomes = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          registerParticipant(processes[i % 2]!, participant(eventId, i), `cle-${eventId}-${i}`),
        ),
      );
      const tally = (s: string) => outcomes.filter((o) => o.status === s).length;
      assert.equal(tally('confirmee'), 50);
      assert.equal(tally('attente'), 450);
      assert.deepEqual(await statusCounts(handle.db, eventId), { confirmee: 100, attente: 450 });
      const duplicates = await handle.db
        .selectFrom('registration')
        .select(['email', (eb) => eb.fn.countAll<number>().as('n')])
        .where('event_id', '=', eventId)
        .groupBy('email')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      assert.deepEqual(duplicates, []);
      // The waiting list is in arrival order: the first 50 of the rush to commit got the seats.
      const mails = await handle.db
        .selectFrom('outbox_message')
        .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where('recipient', 'like', 'personne.%')
        .groupBy('kind')
        .execute();
      const byKind = Object.fromEntries(mails.map((m) => [m.kind, Number(m.n)]));
      assert.equal(byKind['inscription-confirmee'], 100);
      assert.equal(byKind['inscription-liste-attente'], 450);
    });

    test('500 people at once for the last 50 seats of a session: 50 seats, 450 in its line', async () => {
      const eventId = await createEvent(handle.db, {
        sessions: [{ id: `${dialect}-atelier`, capacity: 100 }],
      });
      const sessionIds = [`${dialect}-atelier`];
      for (let i = 0; i < 50; i++)
        await registerParticipant(
          one,
          participant(eventId, `s-deja-${i}`, { sessionIds }),
          `cle-s-deja-${i}`,
        );
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          registerParticipant(
            processes[i % 2]!,
            participant(eventId, `s-${i}`, { sessionIds }),
            `cle-s-${eventId}-${i}`,
          ),
        ),
      );
      assert.deepEqual(await statusCounts(handle.db, eventId), { confirmee: 550 });
      const seats = await handle.db
        .selectFrom('registration_session')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('session_id', '=', `${dialect}-atelier`)
        .groupBy('status')
        .execute();
      assert.deepEqual(Object.fromEntries(seats.map((s) => [s.status, Number(s.n)])), {
        confirmee: 100,
        attente: 450,
      });
    });

    test('promotion racing cancellations: every freed seat is offered once, never beyond capacity', async () => {
      const eventId = await createEvent(handle.db, { capacity_total: 50 });
      const ids: string[] = [];
      for (let i = 0; i < 150; i++) {
        const o = await registerParticipant(one, participant(eventId, `p-${i}`), `cle-p-${eventId}-${i}`);
        if (o.status === 'confirmee') ids.push(o.registrationId);
      }
      assert.equal(ids.length, 50);
      const results = await Promise.all([
        ...ids.slice(0, 20).map((id, i) => cancelRegistration(processes[i % 2]!, id)),
        ...ids.slice(0, 20).map((id, i) => cancelRegistration(processes[(i + 1) % 2]!, id)),
        ...Array.from({ length: 20 }, (_, i) => promoteFromWaitlist(processes[i % 2]!, eventId)),
      ]);
      assert.equal(
        results.slice(0, 40).filter((r) => r === true).length,
        20,
        'each cancellation counted once',
      );
      assert.deepEqual(await statusCounts(handle.db, eventId), {
        confirmee: 30,
        offre: 20,
        attente: 80,
        annulee: 20,
      });
      const offers = await handle.db
        .selectFrom('outbox_message')
        .select(['recipient'])
        .where('kind', '=', 'inscription-offre')
        .where('recipient', 'like', 'personne.p-%')
        .execute();
      assert.equal(offers.length, 20);
      assert.equal(new Set(offers.map((o) => o.recipient)).size, 20);
      // First come, first served: the offers went to the first 20 of the waiting list.
      const expected = Array.from({ length: 20 }, (_, i) => `personne.p-${50 + i}@example.fr`).sort();
      assert.deepEqual(offers.map((o) => o.recipient).sort(), expected);
    });
  });
}
