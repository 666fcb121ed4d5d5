import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Dialect } from '../../src/adapters/db/connect.js';
import { createKyselyOutbox, createOutboxWorker, createSmtpMailer } from '../../src/adapters/mail/index.js';
import { getBadgeSigner, verifyBadge } from '../../src/modules/events/checkin/badge-token.js';
import { eventMailComposers } from '../../src/modules/events/index.js';
import type { RegistrationDeps } from '../../src/modules/events/registration/deps.js';
import {
  acceptOffer,
  approveRegistration,
  cancelRegistration,
  changeRegistration,
  promoteFromWaitlist,
  refuseRegistration,
  registerParticipant,
  sendReminders,
} from '../../src/modules/events/registration/index.js';
import { badgeQrPng } from '../../src/modules/events/registration/mail/badge-qr.js';
import {
  createEvent,
  participant,
  statusCounts,
} from '../../src/modules/events/registration/testing/factory.js';
import { fixedClock } from '../../src/ports/clock.js';
import { freshDatabase } from '../helpers/database.js';
import { startSmtpCapture } from '../helpers/smtp-server.js';

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  describe(`registration contract, on ${dialect}`, async () => {
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
    const kinds = async (email: string) =>
      (
        await handle.db
          .selectFrom('outbox_message')
          .select('kind')
          .where('recipient', '=', email)
          .orderBy('created_at')
          .execute()
      )
        .map((m) => m.kind)
        .sort();

    test('a replayed key returns the first answer and makes no second registration nor e-mail', async () => {
      const eventId = await createEvent(handle.db, { capacity_total: 10 });
      const input = participant(eventId, 'rejeu');
      const [a, b] = await Promise.all([
        registerParticipant(deps, input, 'cle-rejeu'),
        registerParticipant(deps, input, 'cle-rejeu'),
      ]);
      const again = await registerParticipant(deps, input, 'cle-rejeu');
      assert.equal(a.status, 'confirmee');
      assert.deepEqual({ ...b, replay: undefined }, { ...a, replay: undefined });
      assert.equal('replay' in again && again.replay, true);
      assert.deepEqual(await statusCounts(handle.db, eventId), { confirmee: 1 });
      assert.deepEqual(await kinds('personne.rejeu@example.fr'), ['inscription-confirmee']);
    });

    test('the same address twice with another key: a kind answer, a fresh link, no second row', async () => {
      const eventId = await createEvent(handle.db);
      await registerParticipant(deps, participant(eventId, 'deux'), 'cle-deux-1');
      const second = await registerParticipant(
        deps,
        participant(eventId, 'deux', { email: ' Personne.Deux@Example.fr ' }),
        'cle-deux-2',
      );
      assert.equal(second.status, 'deja-inscrit');
      assert.deepEqual(await statusCounts(handle.db, eventId), { confirmee: 1 });
      assert.deepEqual(await kinds('personne.deux@example.fr'), [
        'inscription-confirmee',
        'inscription-lien',
      ]);
    });

    test('closed registration, forged session, closed session, missing answer: clear answers, nothing written', async () => {
      const eventId = await createEvent(handle.db, {
        sessions: [{ id: `${dialect}-comite`, closed: true }],
        questions: [
          {
            id: `${dialect}-regime`,
            label: 'Régime alimentaire',
            kind: 'choix',
            choices: ['Aucun', 'Végétarien'],
            required: true,
          },
        ],
      });
      const base = participant(eventId, 'mauvais', { answers: { [`${dialect}-regime`]: 'Aucun' } });
      const forged = await registerParticipant(deps, { ...base, sessionIds: ['inexistante'] }, 'k1');
      assert.equal(forged.status === 'invalide' && typeof forged.errors.sessions, 'string');
      const closed = await registerParticipant(deps, { ...base, sessionIds: [`${dialect}-comite`] }, 'k2');
      assert.match(
        closed.status === 'invalide' ? (closed.errors.sessions ?? '') : '',
        /réservée aux personnes invitées/,
      );
      const missing = await registerParticipant(deps, { ...base, answers: {} }, 'k3');
      assert.match(
        missing.status === 'invalide' ? (missing.errors[`q_${dialect}-regime`] ?? '') : '',
        /Répondez/,
      );
      const press = await registerParticipant(deps, { ...base, profile: 'presse' }, 'k4');
      assert.match(press.status === 'invalide' ? (press.errors.profil ?? '') : '', /accréditation/);
      const late = await registerParticipant(
        { ...deps, clock: fixedClock('2023-01-17T10:00:00.000Z') },
        base,
        'k5',
      );
      assert.deepEqual(late, { status: 'fermee', reason: 'terminee' });
      assert.deepEqual(await statusCounts(handle.db, eventId), {});
    });

    test('profiles: refused with the reason, pending approval, approved once', async () => {
      const eventId = await createEvent(handle.db, {
        rules: [
          { profile: 'autre', decision: 'refuse', reason: 'Réservé aux agents publics.' },
          { profile: 'sgar', decision: 'validation' },
        ],
      });
      const refused = await registerParticipant(
        deps,
        participant(eventId, 'autre', { profile: 'autre' }),
        'p1',
      );
      assert.deepEqual(refused.status === 'refusee' && refused.reason, 'Réservé aux agents publics.');
      const pending = await registerParticipant(
        deps,
        participant(eventId, 'sgar', { profile: 'sgar' }),
        'p2',
      );
      assert.equal(pending.status, 'validation');
      if (pending.status !== 'validation') return;
      const decisions = await Promise.all([
        approveRegistration(deps, pending.registrationId, 'Léa'),
        approveRegistration(deps, pending.registrationId, 'Léa'),
      ]);
      assert.deepEqual(decisions.sort(), ['confirmee', 'deja-traitee']);
      assert.deepEqual(await kinds('personne.sgar@example.fr'), [
        'inscription-confirmee',
        'inscription-demande-recue',
      ]);
      assert.deepEqual(await kinds('personne.autre@example.fr'), ['inscription-refusee']);
    });

    test('a cancellation offers the seat; the offer expires and passes to the next; accepting confirms', async () => {
      const eventId = await createEvent(handle.db, { capacity_total: 1, offer_hours: 48 });
      const first = await registerParticipant(deps, participant(eventId, 'o1'), 'o1');
      const second = await registerParticipant(deps, participant(eventId, 'o2'), 'o2');
      const third = await registerParticipant(deps, participant(eventId, 'o3'), 'o3');
      assert.deepEqual([first.status, second.status, third.status], ['confirmee', 'attente', 'attente']);
      if (!('registrationId' in first) || !('registrationId' in second) || !('registrationId' in third))
        return;
      assert.equal(await cancelRegistration(deps, first.registrationId), true);
      assert.equal(await cancelRegistration(deps, first.registrationId), false);
      assert.deepEqual(await statusCounts(handle.db, eventId), { annulee: 1, offre: 1, attente: 1 });
      const later = { ...deps, clock: fixedClock('2022-12-17T10:00:01.000Z') };
      assert.equal(await acceptOffer(later, second.registrationId), 'expiree');
      assert.equal(
        await promoteFromWaitlist(later, eventId),
        0,
        'already passed on by the acceptance attempt',
      );
      assert.equal(await acceptOffer(later, third.registrationId), 'acceptee');
      assert.deepEqual(await statusCounts(handle.db, eventId), { annulee: 2, confirmee: 1 });
      assert.deepEqual(await kinds('personne.o2@example.fr'), [
        'inscription-liste-attente',
        'inscription-offre',
        'inscription-offre-expiree',
      ]);
      assert.deepEqual(await kinds('personne.o3@example.fr'), [
        'inscription-confirmee',
        'inscription-liste-attente',
        'inscription-offre',
      ]);
    });

    test('refusing a confirmed registration frees its seat for the next person', async () => {
      const eventId = await createEvent(handle.db, { capacity_total: 1 });
      const a = await registerParticipant(deps, participant(eventId, 'r1'), 'r1');
      await registerParticipant(deps, participant(eventId, 'r2'), 'r2');
      assert.ok('registrationId' in a);
      assert.equal(await refuseRegistration(deps, a.registrationId, 'Doublon', 'Léa'), true);
      assert.equal(await refuseRegistration(deps, a.registrationId, 'Doublon', 'Léa'), false);
      assert.deepEqual(await statusCounts(handle.db, eventId), { refusee: 1, offre: 1 });
    });

    test('changing mode obeys the mode’s capacity; a session let go goes to the next in its line', async () => {
      const eventId = await createEvent(handle.db, {
        capacity_remote: 1,
        sessions: [{ id: `${dialect}-atelier-m`, capacity: 1 }],
      });
      const s = [`${dialect}-atelier-m`];
      const a = await registerParticipant(
        deps,
        participant(eventId, 'm1', { mode: 'distance', sessionIds: s }),
        'm1',
      );
      const b = await registerParticipant(deps, participant(eventId, 'm2', { sessionIds: s }), 'm2');
      assert.ok('registrationId' in a && 'registrationId' in b);
      assert.deepEqual(await changeRegistration(deps, b.registrationId, { mode: 'distance' }), {
        status: 'complet',
        field: 'mode',
      });
      const changed = await changeRegistration(deps, a.registrationId, { mode: 'presentiel', sessions: [] });
      assert.equal(changed.status, 'modifiee');
      const line = await handle.db
        .selectFrom('registration_session')
        .select(['registration_id', 'status'])
        .where('session_id', '=', s[0]!)
        .execute();
      assert.deepEqual(line.map((l) => [l.registration_id === b.registrationId, l.status]).sort(), [
        [false, 'annulee'],
        [true, 'offre'],
      ]);
    });

    test('reminders are queued once per registration, however often the timer runs', async () => {
      const eventId = await createEvent(handle.db, {
        starts_at: '2022-12-20T08:00:00.000Z',
        ends_at: '2022-12-20T16:00:00.000Z',
        registration_closes_at: '2022-12-19T23:00:00.000Z',
      });
      await registerParticipant(
        { ...deps, clock: fixedClock('2022-12-12T10:00:00.000Z') },
        participant(eventId, 'rappel', { mode: 'distance' }),
        'rap',
      );
      assert.equal(await sendReminders(deps, new Date('2022-12-15T10:00:00.000Z')), 1);
      assert.equal(await sendReminders(deps, new Date('2022-12-15T11:00:00.000Z')), 0);
      assert.equal(await sendReminders(deps, new Date('2022-12-19T10:00:00.000Z')), 1);
      const reminder = await handle.db
        .selectFrom('outbox_message')
        .select(['text'])
        .where('kind', '=', 'inscription-rappel-1j')
        .where('recipient', '=', 'personne.rappel@example.fr')
        .executeTakeFirstOrThrow();
      assert.match(reminder.text, /video\.example\.gouv\.fr/);
    });

    test('with the mail server down registrations succeed; when it returns each message arrives exactly once', async () => {
      const smtp = await startSmtpCapture();
      await smtp.stop();
      const eventId = await createEvent(handle.db, { capacity_total: 3 });
      const mailer = createSmtpMailer({ url: smtp.url, from: 'nt@localhost' });
      const workerClock = fixedClock('2022-12-15T10:00:00.000Z');
      const worker = createOutboxWorker({
        db: handle.db,
        dialect,
        mailer,
        clock: workerClock,
        backoff: () => 1000,
        composers: eventMailComposers(handle.db),
      });
      try {
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            registerParticipant(deps, participant(eventId, `smtp-${i}`), `smtp-${i}`),
          ),
        );
        assert.deepEqual(outcomes.map((o) => o.status).sort(), [
          'attente',
          'attente',
          'confirmee',
          'confirmee',
          'confirmee',
        ]);
        const down = await worker.runOnce();
        assert.equal(down.sent, 0);
        await smtp.start();
        workerClock.set('2022-12-15T10:05:00.000Z');
        for (let i = 0; i < 5; i++) await worker.runOnce();
        const ours = smtp.received.filter((m) => m.rcptTo.some((r) => r.startsWith('personne.smtp-')));
        assert.equal(ours.length, 5);
        assert.equal(new Set(ours.map((m) => m.mail.messageId)).size, 5);
        const confirmation = ours.find((m) => m.mail.subject?.startsWith('Inscription confirmée'));
        assert.deepEqual(confirmation?.mail.attachments.map((a) => a.contentType).sort(), [
          'image/png',
          'text/calendar',
        ]);
        // The badge, drawn when the message is composed at sending, is the QR code of this registration's badge, signed with the event's key.
        const to = confirmation?.rcptTo[0] ?? '';
        const row = await handle.db
          .selectFrom('registration')
          .select(['id', 'given_name', 'family_name', 'profile', 'mode'])
          .where('event_id', '=', eventId)
          .where('email', '=', to)
          .executeTakeFirstOrThrow();
        const signer = getBadgeSigner(handle.db);
        const payload = await signer.sign({
          registrationId: row.id,
          eventId,
          name: `${row.given_name} ${row.family_name}`,
          profile: row.profile,
          mode: row.mode,
        });
        assert.equal(verifyBadge(payload, await signer.publicKey())?.registrationId, row.id);
        const png = confirmation?.mail.attachments.find((a) => a.contentType === 'image/png');
        assert.ok(png?.content.equals(badgeQrPng(payload)), 'le badge joint est celui de l’inscription');
      } finally {
        await mailer.close?.();
        await smtp.stop();
      }
    });
  });
}
