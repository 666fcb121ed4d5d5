import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import type { EventsRepository } from '../../src/modules/events/events.repository.js';
import { createKyselyEventsRepository } from '../../src/modules/events/events.repository.kysely.js';
import { anEvent, aRoom, aSession } from '../../src/modules/events/testing/event-factory.js';
import { dialects, freshDatabase } from '../helpers/database.js';

for (const dialect of dialects) {
  describe(`EventsRepository on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let repo: EventsRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyEventsRepository(handle.db);
    });
    after(async () => {
      await handle?.close();
    });

    test('an event reads back as it was written, booleans and empty capacities included', async () => {
      const event = anEvent({
        id: 'aller-retour',
        capacityTotal: null,
        capacityRemote: 40,
        remote: false,
        demonstration: true,
      });
      await repo.insertEvent(event);
      assert.deepEqual(await repo.eventById('aller-retour'), event);
      assert.equal(await repo.eventExists('aller-retour'), true);
      assert.equal(await repo.eventExists('inconnu'), false);
      assert.equal(await repo.eventById('inconnu'), null);
    });

    test('updateEvent replaces the fields but keeps the status, the author and the creation date', async () => {
      const event = anEvent({ id: 'a-modifier', status: 'brouillon', createdBy: 'p1' });
      await repo.insertEvent(event);
      const changed = {
        ...event,
        title: 'Nouveau titre',
        status: 'publie' as const,
        createdBy: 'autre',
        capacityInPerson: null,
      };
      assert.equal(await repo.updateEvent(changed), true);
      const stored = await repo.eventById('a-modifier');
      assert.equal(stored?.title, 'Nouveau titre');
      assert.equal(stored?.capacityInPerson, null);
      assert.equal(stored?.status, 'brouillon');
      assert.equal(stored?.createdBy, 'p1');
      assert.equal(await repo.updateEvent(anEvent({ id: 'absent' })), false);
    });

    test('changeStatus moves only from the states it names, so a second click changes nothing', async () => {
      await repo.insertEvent(anEvent({ id: 'statut', status: 'brouillon' }));
      assert.equal(
        await repo.changeStatus('statut', ['brouillon'], 'publie', '2026-12-01T00:00:00.000Z'),
        true,
      );
      assert.equal(
        await repo.changeStatus('statut', ['brouillon'], 'publie', '2026-12-01T00:00:01.000Z'),
        false,
      );
      const stored = await repo.eventById('statut');
      assert.equal(stored?.status, 'publie');
      assert.equal(stored?.updatedAt, '2026-12-01T00:00:00.000Z');
      assert.equal(await repo.changeStatus('statut', [], 'archive', '2026-12-02T00:00:00.000Z'), false);
    });

    test('listEvents filters by status and end, in date order either way', async () => {
      const db = await freshDatabase(dialect);
      try {
        const r = createKyselyEventsRepository(db.db);
        await r.insertEvent(
          anEvent({ id: 'passe', startsAt: '2023-01-18T08:00:00.000Z', endsAt: '2023-01-18T15:30:00.000Z' }),
        );
        await r.insertEvent(
          anEvent({
            id: 'futur-2',
            startsAt: '2027-03-01T08:00:00.000Z',
            endsAt: '2027-03-01T15:30:00.000Z',
          }),
        );
        await r.insertEvent(anEvent({ id: 'futur-1' }));
        await r.insertEvent(anEvent({ id: 'brouillon', status: 'brouillon' }));
        const ids = async (q: Parameters<EventsRepository['listEvents']>[0]) =>
          (await r.listEvents(q)).map((e) => e.id);
        const now = '2026-11-28T00:00:00.000Z';
        assert.deepEqual(await ids({ statuses: ['publie'], endingFrom: now }), ['futur-1', 'futur-2']);
        assert.deepEqual(await ids({ statuses: ['publie'], endingBefore: now, newestFirst: true }), [
          'passe',
        ]);
        assert.deepEqual(await ids({ statuses: ['publie'], newestFirst: true, limit: 2 }), [
          'futur-2',
          'futur-1',
        ]);
        assert.deepEqual(await ids({ statuses: [] }), []);
        assert.equal((await r.listEvents({})).length, 4);
      } finally {
        await db.close();
      }
    });

    test('rooms are kept in order, scoped to their event, and a removed room leaves its sessions without one', async () => {
      await repo.insertEvent(anEvent({ id: 'salles' }));
      await repo.insertEvent(anEvent({ id: 'autre' }));
      const b = aRoom('salles', { name: 'Salle B', sortOrder: 1, capacity: 30 });
      const a = aRoom('salles', { name: 'Salle A', sortOrder: 0 });
      await repo.insertRoom(b);
      await repo.insertRoom(a);
      assert.deepEqual(await repo.roomsOf('salles'), [a, b]);
      assert.equal(await repo.updateRoom({ ...a, eventId: 'autre', name: 'Piratée' }), false);
      assert.equal(await repo.updateRoom({ ...a, name: 'Salle A bis', capacity: 12 }), true);
      assert.equal((await repo.roomsOf('salles'))[0]?.name, 'Salle A bis');
      const session = aSession('salles', { roomId: b.id });
      await repo.insertSession(session);
      assert.equal(await repo.deleteRoom('autre', b.id), false);
      assert.equal(await repo.deleteRoom('salles', b.id), true);
      assert.equal((await repo.sessionById('salles', session.id))?.roomId, null);
    });

    test('sessions come in time order with their speakers in order; an update replaces the speakers', async () => {
      await repo.insertEvent(anEvent({ id: 'programme' }));
      const late = aSession('programme', {
        title: 'Table ronde',
        kind: 'table-ronde',
        startsAt: '2027-01-20T10:15:00.000Z',
        endsAt: '2027-01-20T11:45:00.000Z',
        speakers: [
          { name: 'ANCT', role: '', organisation: 'ANCT' },
          { name: 'ADULLACT', role: 'logiciels libres', organisation: 'ADULLACT' },
        ],
      });
      const early = aSession('programme', { title: 'Accueil', kind: 'accueil', capacity: 80, closed: true });
      await repo.insertSession(late);
      await repo.insertSession(early);
      assert.deepEqual(await repo.sessionsOf('programme'), [early, late]);
      const updated = {
        ...late,
        title: 'Table ronde (modifiée)',
        speakers: [{ name: 'Déclic', role: 'élus', organisation: 'Déclic' }],
      };
      assert.equal(await repo.updateSession(updated), true);
      assert.deepEqual(await repo.sessionById('programme', late.id), updated);
      assert.equal(await repo.updateSession({ ...updated, eventId: 'autre' }), false);
      assert.equal(await repo.sessionById('autre', late.id), null);
      assert.equal(await repo.deleteSession('autre', late.id), false);
      assert.equal(await repo.deleteSession('programme', late.id), true);
      assert.deepEqual(await repo.sessionsOf('programme'), [early]);
    });

    test('questions keep their choices and order; rules are replaced as a whole', async () => {
      await repo.insertEvent(anEvent({ id: 'questions' }));
      const q1 = {
        id: 'q1',
        eventId: 'questions',
        label: 'Thème ?',
        kind: 'choix' as const,
        choices: ['A', 'B « c »'],
        required: true,
        sortOrder: 0,
      };
      const q2 = {
        id: 'q2',
        eventId: 'questions',
        label: 'Forum ?',
        kind: 'oui-non' as const,
        choices: [],
        required: false,
        sortOrder: 1,
      };
      await repo.insertQuestion(q2);
      await repo.insertQuestion(q1);
      assert.deepEqual(await repo.questionsOf('questions'), [q1, q2]);
      assert.equal(await repo.updateQuestion({ ...q1, label: 'Thème préféré ?' }), true);
      assert.equal(await repo.updateQuestion({ ...q1, eventId: 'autre' }), false);
      assert.equal(await repo.deleteQuestion('autre', 'q2'), false);
      assert.equal(await repo.deleteQuestion('questions', 'q2'), true);
      assert.deepEqual(
        (await repo.questionsOf('questions')).map((q) => q.label),
        ['Thème préféré ?'],
      );

      await repo.replaceRules('questions', [
        { profile: 'presse', decision: 'refuse', quota: null, refusalReason: 'Accréditation presse' },
        { profile: 'autre', decision: 'validation', quota: 30, refusalReason: null },
      ]);
      await repo.replaceRules('questions', [
        { profile: 'autre', decision: 'validation', quota: 25, refusalReason: null },
        { profile: 'agent-collectivite', decision: 'accepte', quota: null, refusalReason: null },
      ]);
      assert.deepEqual(await repo.rulesOf('questions'), [
        { profile: 'agent-collectivite', decision: 'accepte', quota: null, refusalReason: null },
        { profile: 'autre', decision: 'validation', quota: 25, refusalReason: null },
      ]);
    });

    test('invitations are lower-cased, counted once, and found per event and address', async () => {
      await repo.insertEvent(anEvent({ id: 'comite' }));
      const closed = aSession('comite', { closed: true, kind: 'comite-ferme' });
      await repo.insertSession(closed);
      const at = '2026-12-01T10:00:00.000Z';
      assert.equal(
        await repo.addInvitations(closed.id, ['Elu@Ville.fr', 'elu@ville.fr', 'maire@commune.fr'], at),
        2,
      );
      assert.equal(await repo.addInvitations(closed.id, ['ELU@ville.fr', 'sgar@prefecture.gouv.fr'], at), 1);
      assert.equal(await repo.addInvitations(closed.id, [], at), 0);
      assert.deepEqual(
        (await repo.invitationsOf(closed.id)).map((i) => i.email),
        ['elu@ville.fr', 'maire@commune.fr', 'sgar@prefecture.gouv.fr'],
      );
      assert.deepEqual(await repo.invitedSessionIds('comite', ' Elu@ville.FR '), [closed.id]);
      assert.deepEqual(await repo.invitedSessionIds('autre', 'elu@ville.fr'), []);
      assert.equal(await repo.removeInvitation(closed.id, 'MAIRE@commune.fr'), true);
      assert.equal(await repo.removeInvitation(closed.id, 'maire@commune.fr'), false);
    });

    test('a transaction that fails leaves nothing behind', async () => {
      await assert.rejects(
        repo.transaction(async (r) => {
          await r.insertEvent(anEvent({ id: 'annule' }));
          await r.insertSession(aSession('annule'));
          throw new Error('échec voulu');
        }),
      );
      assert.equal(await repo.eventExists('annule'), false);
      // Nested: the inner call joins the outer transaction rather than failing.
      await repo.transaction(async (r) =>
        r.transaction(async (inner) => inner.insertEvent(anEvent({ id: 'imbrique' }))),
      );
      assert.equal(await repo.eventExists('imbrique'), true);
    });
  });
}
