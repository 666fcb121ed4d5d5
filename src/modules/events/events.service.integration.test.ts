import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dialects, freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../adapters/db/connect.js';
import { fixedClock } from '../../ports/clock.js';
import { createKyselyEventsRepository } from './events.repository.kysely.js';
import { type AuditRecord, createEventsService, EventsNotFoundError } from './events.service.js';
import { anEventInput, aSessionInput } from './testing/event-factory.js';

const author = { id: 'p-organisateur', label: 'Camille Organisatrice', ip: '127.0.0.1' };

for (const dialect of dialects) {
  describe(`the events service on ${dialect}`, () => {
    let handle: DatabaseHandle;
    const audit: AuditRecord[] = [];
    let changes = 0;
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    let service: ReturnType<typeof createEventsService>;

    before(async () => {
      handle = await freshDatabase(dialect);
      service = createEventsService({
        repo: createKyselyEventsRepository(handle.db),
        clock,
        audit: async (e) => {
          audit.push(e);
        },
      });
      service.onChange(() => changes++);
    });
    after(async () => {
      await handle?.close();
    });

    test('a new event is a draft at an address made of its title and year, and the creation is audited', async () => {
      const before = changes;
      const a = await service.createEvent(author, anEventInput({ title: 'Atelier « Données » !' }));
      const b = await service.createEvent(author, anEventInput({ title: 'Atelier « Données » !' }));
      assert.ok(a.ok && b.ok);
      assert.equal(a.value.id, 'atelier-donnees-2027');
      assert.equal(b.value.id, 'atelier-donnees-2027-2');
      assert.equal(a.value.status, 'brouillon');
      assert.equal(a.value.createdBy, 'p-organisateur');
      const entry = audit.find((e) => e.targetId === 'atelier-donnees-2027');
      assert.equal(entry?.action, 'evenement-cree');
      assert.equal(entry?.actorLabel, 'Camille Organisatrice');
      assert.equal(changes, before + 2);
    });

    test('publishing runs once: a second click is told the event already changed', async () => {
      const created = await service.createEvent(author, anEventInput({ title: 'Publication' }));
      assert.ok(created.ok);
      const first = await service.publishEvent(author, created.value.id);
      const second = await service.publishEvent(author, created.value.id);
      assert.equal(first.ok, true);
      assert.deepEqual(second, {
        ok: false,
        errors: { status: 'L’événement a déjà changé d’état : rechargez la page.' },
      });
      assert.equal((await service.archiveEvent(author, created.value.id)).ok, true);
      assert.equal(
        audit.filter((e) => e.targetId === created.value.id && e.action === 'evenement-publie').length,
        1,
      );
      await assert.rejects(service.publishEvent(author, 'inconnu'), EventsNotFoundError);
    });

    test('a session must fit in the event and sit in one of its rooms', async () => {
      const created = await service.createEvent(author, anEventInput({ title: 'Programme' }));
      const other = await service.createEvent(author, anEventInput({ title: 'Autre' }));
      assert.ok(created.ok && other.ok);
      const foreignRoom = await service.addRoom(author, other.value.id, { name: 'Ailleurs', capacity: null });
      assert.ok(foreignRoom.ok);
      const refused = await service.addSession(
        author,
        created.value.id,
        aSessionInput({
          startsAt: '2027-01-20T07:00:00.000Z',
          endsAt: '2027-01-20T16:00:00.000Z',
          roomId: foreignRoom.value.id,
        }),
      );
      assert.equal(refused.ok, false);
      if (!refused.ok) {
        assert.match(
          refused.errors.startTime ?? '',
          /pendant l’événement, entre le mercredi 20 janvier 2027 à 9 h et le mercredi 20 janvier 2027 à 16 h 30/,
        );
        assert.ok(refused.errors.endTime);
        assert.equal(refused.errors.roomId, 'Choisissez une salle de cet événement.');
      }
      assert.deepEqual(await service.sessions(created.value.id), []);
    });

    test('moving the event away from its sessions is refused on its dates, naming the sessions', async () => {
      const created = await service.createEvent(author, anEventInput({ title: 'Dates' }));
      assert.ok(created.ok);
      const added = await service.addSession(author, created.value.id, aSessionInput({ title: 'Ouverture' }));
      assert.ok(added.ok);
      const moved = await service.updateEvent(
        author,
        created.value.id,
        anEventInput({
          title: 'Dates',
          startsAt: '2027-01-21T08:00:00.000Z',
          endsAt: '2027-01-21T15:30:00.000Z',
          registrationClosesAt: '2027-01-20T00:00:00.000Z',
        }),
      );
      assert.equal(moved.ok, false);
      if (!moved.ok) assert.match(moved.errors.start ?? '', /« Ouverture »/);
      const renamed = await service.updateEvent(
        author,
        created.value.id,
        anEventInput({ title: 'Dates (renommé)' }),
      );
      assert.ok(renamed.ok);
      assert.equal((await service.event(created.value.id))?.title, 'Dates (renommé)');
      assert.equal((await service.event(created.value.id))?.status, 'brouillon');
    });

    test('closed sessions: shown to invited people and organisers only; invitations only to closed sessions', async () => {
      const created = await service.createEvent(author, anEventInput({ title: 'Comité' }));
      assert.ok(created.ok);
      const id = created.value.id;
      const open = await service.addSession(author, id, aSessionInput({ title: 'Plénière' }));
      const closed = await service.addSession(
        author,
        id,
        aSessionInput({ title: 'Comité fermé', kind: 'comite-ferme', closed: true }),
      );
      assert.ok(open.ok && closed.ok);
      assert.equal(await service.publicProgramme(id, { email: null }), null, 'a draft is not public');
      assert.equal(
        (await service.publicProgramme(id, { email: null, everything: true }))?.sessions.length,
        2,
      );
      await service.publishEvent(author, id);

      const refused = await service.invite(author, id, open.value.id, ['elu@ville.fr']);
      assert.equal(refused.ok, false);
      assert.deepEqual(
        await service.invite(author, id, closed.value.id, ['elu@ville.fr', 'maire@commune.fr']),
        { ok: true, value: 2 },
      );
      assert.deepEqual(await service.invite(author, id, closed.value.id, ['elu@ville.fr']), {
        ok: true,
        value: 0,
      });

      const titles = async (email: string | null) =>
        (await service.publicProgramme(id, { email }))?.sessions.map((s) => s.title);
      assert.deepEqual(await titles(null), ['Plénière']);
      assert.deepEqual(await titles('quelquun@ailleurs.fr'), ['Plénière']);
      assert.deepEqual(await titles('ELU@ville.fr'), ['Plénière', 'Comité fermé']);
      await service.uninvite(author, id, closed.value.id, 'elu@ville.fr');
      assert.deepEqual(await titles('elu@ville.fr'), ['Plénière']);
      await assert.rejects(
        service.uninvite(author, id, closed.value.id, 'elu@ville.fr'),
        EventsNotFoundError,
      );
    });

    test('the public list has upcoming events soonest first and past ones most recent first', async () => {
      const db = await freshDatabase(dialect);
      try {
        const s = createEventsService({
          repo: createKyselyEventsRepository(db.db),
          clock,
          audit: async () => {},
        });
        const make = async (title: string, startsAt: string, publish = true) => {
          const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
          const r = await s.createEvent(
            author,
            anEventInput({
              title,
              startsAt,
              endsAt,
              registrationOpensAt: '2020-01-01T00:00:00.000Z',
              registrationClosesAt: startsAt,
            }),
          );
          assert.ok(r.ok);
          if (publish) await s.publishEvent(author, r.value.id);
          return r.value.id;
        };
        const past = await make('Passé', '2023-01-18T08:00:00.000Z');
        const later = await make('Plus tard', '2027-06-01T08:00:00.000Z');
        const soon = await make('Bientôt', '2027-01-20T08:00:00.000Z');
        await make('Brouillon', '2027-02-01T08:00:00.000Z', false);
        const { upcoming, past: gone } = await s.publicListing();
        assert.deepEqual(
          upcoming.map((e) => e.id),
          [soon, later],
        );
        assert.deepEqual(
          gone.map((e) => e.id),
          [past],
        );
      } finally {
        await db.close();
      }
    });

    test('rules: a refusal always carries a reason, other decisions none; the change is audited', async () => {
      const created = await service.createEvent(author, anEventInput({ title: 'Règles' }));
      assert.ok(created.ok);
      await service.setRules(author, created.value.id, [
        { profile: 'presse', decision: 'refuse', quota: null, refusalReason: null },
        { profile: 'autre', decision: 'validation', quota: 30, refusalReason: 'ignoré' },
      ]);
      const rules = await service.rules(created.value.id);
      assert.equal(
        rules.find((r) => r.profile === 'presse')?.refusalReason,
        'Cet événement n’est pas ouvert à votre profil.',
      );
      assert.equal(rules.find((r) => r.profile === 'autre')?.refusalReason, null);
      assert.ok(
        audit.some((e) => e.targetId === created.value.id && e.action === 'regles-profils-modifiees'),
      );
    });
  });
}
