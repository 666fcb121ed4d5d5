import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { createKyselyOutbox } from '../../../adapters/mail/index.js';
import { fixedClock } from '../../../ports/clock.js';
import type { RegistrationDeps } from './deps.js';
import { registerParticipant } from './index.js';
import { createEvent, participant, statusCounts } from './testing/factory.js';

/**
 * Requests that arrive together are decided together (queue.ts, admit.ts): these tests send them at once and
 * hold the answers to what the same requests taken one by one, in arrival order, must get.
 */
for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`registrations decided together, on ${dialect}`, async () => {
    const handle = await freshDatabase(dialect);
    const clock = fixedClock('2022-12-15T10:00:00.000Z');
    const deps: RegistrationDeps = {
      db: handle.db,
      dialect,
      outbox: createKyselyOutbox({ clock }),
      clock,
      publicUrl: 'http://localhost:3000',
    };
    after(() => handle.close());
    const mails = async (email: string) =>
      (await handle.db.selectFrom('outbox_message').select('kind').where('recipient', '=', email).execute())
        .map((m) => m.kind)
        .sort();

    test('replays, second addresses, bad input, refusals and the last seats answer as one by one', async () => {
      const atelier = `${dialect}-atelier-lot`;
      const eventId = await createEvent(handle.db, {
        capacity_total: 2,
        sessions: [{ id: atelier, capacity: 1 }],
        rules: [{ profile: 'autre', decision: 'refuse', reason: 'Réservé aux agents publics.' }],
      });
      const p = (n: string, over: Parameters<typeof participant>[2] = {}) => participant(eventId, n, over);
      const outcomes = await Promise.all([
        registerParticipant(deps, p('a', { sessionIds: [atelier] }), 'lot-a'),
        registerParticipant(deps, p('a', { sessionIds: [atelier] }), 'lot-a'),
        registerParticipant(deps, p('a', { email: ' Personne.A@Example.fr ' }), 'lot-a2'),
        registerParticipant(deps, p('b', { sessionIds: [atelier] }), 'lot-b'),
        registerParticipant(deps, p('c', { sessionIds: ['inexistante'] }), 'lot-c'),
        registerParticipant(deps, p('c'), 'lot-c2'),
        registerParticipant(deps, p('d', { profile: 'autre' }), 'lot-d'),
        registerParticipant(deps, p('c'), 'lot-c3'),
      ]);
      const [a, aAgain, aTwice, b, cBad, c, d, cTwice] = outcomes;
      // The event holds 2 seats and the workshop 1: a and b take the seats, a the workshop's; c waits.
      assert.equal(a?.status, 'confirmee');
      assert.deepEqual(a?.status === 'confirmee' && a.sessions, [
        { sessionId: atelier, status: 'confirmee' },
      ]);
      assert.deepEqual(aAgain, { ...a, replay: true });
      assert.deepEqual(aTwice?.status === 'deja-inscrit' && [aTwice.registrationId, aTwice.current], [
        a?.status === 'confirmee' && a.registrationId,
        'confirmee',
      ]);
      assert.deepEqual(b?.status === 'confirmee' && b.sessions, [{ sessionId: atelier, status: 'attente' }]);
      assert.equal(cBad?.status, 'invalide');
      assert.equal(c?.status, 'attente');
      assert.deepEqual(d?.status === 'refusee' && d.reason, 'Réservé aux agents publics.');
      assert.deepEqual(cTwice?.status === 'deja-inscrit' && cTwice.current, 'attente');
      assert.deepEqual(await statusCounts(handle.db, eventId), { confirmee: 2, attente: 1, refusee: 1 });
      // First come, first served: the registrations' ids sort in arrival order (the waiting list's order).
      const ids = [a, b, c, d].map((o) => (o && 'registrationId' in o ? o.registrationId : ''));
      assert.deepEqual([...ids].sort(), ids);
      assert.deepEqual(await mails('personne.a@example.fr'), ['inscription-confirmee', 'inscription-lien']);
      assert.deepEqual(await mails('personne.b@example.fr'), ['inscription-confirmee']);
      assert.deepEqual(await mails('personne.c@example.fr'), [
        'inscription-lien',
        'inscription-liste-attente',
      ]);
      assert.deepEqual(await mails('personne.d@example.fr'), ['inscription-refusee']);
    });

    test('a request that fails takes no seat and fails alone; the others are decided as without it', async () => {
      const eventId = await createEvent(handle.db, { capacity_total: 3 });
      const settled = await Promise.allSettled([
        registerParticipant(deps, participant(eventId, 'f0'), 'f0'),
        registerParticipant(deps, participant(eventId, 'f1'), 'f1'),
        // No address to write to: the outbox refuses the message, so the transaction cannot commit.
        registerParticipant(deps, participant(eventId, 'f2', { email: 'sans-arobase' }), 'f2'),
        registerParticipant(deps, participant(eventId, 'f3'), 'f3'),
        registerParticipant(deps, participant(eventId, 'f4'), 'f4'),
      ]);
      assert.deepEqual(
        settled.map((s) => (s.status === 'fulfilled' ? s.value.status : 'erreur')),
        ['confirmee', 'confirmee', 'erreur', 'confirmee', 'attente'],
      );
      assert.deepEqual(await statusCounts(handle.db, eventId), { confirmee: 3, attente: 1 });
      const again = await registerParticipant(deps, participant(eventId, 'f3'), 'f3');
      assert.equal(again.status === 'confirmee' && again.replay, true);
    });
  });
}
