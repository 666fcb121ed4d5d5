import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialects, freshDatabase } from '../../../../test/helpers/database.js';
import { isRegistrationOpen } from '../events.domain.js';
import { createKyselyEventsRepository } from '../events.repository.kysely.js';
import { timeRange } from '../programme/timetable.js';
import { DEMO_EVENT_2023, DEMO_EVENT_2027, seedDemoEvent } from './seed.js';

for (const dialect of dialects) {
  describe(`the demonstration events on ${dialect}`, () => {
    test('seeded once: the Journée of 18 January 2023 as DOMAIN.md tells it, and its 2027 edition open', async () => {
      const handle = await freshDatabase(dialect);
      try {
        assert.deepEqual(await seedDemoEvent(handle.db), [DEMO_EVENT_2023, DEMO_EVENT_2027]);
        assert.deepEqual(await seedDemoEvent(handle.db), [], 'a second run changes nothing');
        const repo = createKyselyEventsRepository(handle.db);

        const journee = await repo.eventById(DEMO_EVENT_2023);
        assert.equal(journee?.title, 'Journée Numérique & Territoires');
        assert.equal(journee?.startsAt, '2023-01-18T08:00:00.000Z');
        assert.equal(journee?.endsAt, '2023-01-18T15:30:00.000Z');
        assert.equal(journee?.address, '20 avenue de Ségur, 75007 Paris');
        assert.equal(journee?.inPerson && journee.remote, true);
        assert.equal(journee?.capacityInPerson, 250);
        assert.equal(journee?.capacityRemote, null);
        assert.equal(journee?.registrationClosesAt, '2023-01-06T22:59:00.000Z');
        assert.equal(journee?.demonstration, true);

        const rooms = await repo.roomsOf(DEMO_EVENT_2023);
        assert.deepEqual(
          rooms.map((r) => r.name),
          ['Auditorium Marceau Long', 'Mezzanine Ségur', 'Salle Jean Monnet'],
        );
        const sessions = await repo.sessionsOf(DEMO_EVENT_2023);
        const byTitle = (t: string) => sessions.find((s) => s.title.startsWith(t));
        assert.equal(
          timeRange(byTitle('Plénière 1')?.startsAt ?? '', byTitle('Plénière 1')?.endsAt ?? ''),
          '9 h 35 – 10 h 45',
        );
        const table = byTitle('Plénière 2 — Table ronde');
        assert.equal(table?.kind, 'table-ronde');
        assert.equal(timeRange(table?.startsAt ?? '', table?.endsAt ?? ''), '11 h 15 – 12 h 45');
        assert.deepEqual(
          table?.speakers.map((s) => s.organisation),
          ['ANCT', 'Eurométropole de Strasbourg', 'Déclic', 'DINUM', 'ADULLACT', 'DITP'],
        );
        const committee = sessions.filter((s) => s.closed);
        assert.equal(committee.length, 1);
        assert.equal(committee[0]?.kind, 'comite-ferme');
        assert.deepEqual(
          (await repo.invitationsOf(committee[0]?.id ?? '')).map((i) => i.email),
          ['lea.moreau@numerique.example.gouv.fr'],
        );
        const forum = sessions.filter((s) => s.kind === 'forum');
        assert.deepEqual(
          forum.map((s) => timeRange(s.startsAt, s.endsAt)),
          ['15 h – 16 h 30', '15 h – 16 h 30'],
        );
        assert.ok(
          sessions.some((s) =>
            s.speakers.some((sp) => sp.name === 'Ministre de la Transformation et de la Fonction publiques'),
          ),
        );

        const rules = await repo.rulesOf(DEMO_EVENT_2023);
        const decision = (p: string) => rules.find((r) => r.profile === p)?.decision;
        assert.equal(decision('agent-collectivite'), 'accepte');
        assert.equal(decision('service-deconcentre'), 'accepte');
        assert.equal(decision('autre'), 'validation');
        assert.equal(decision('presse'), 'refuse');
        assert.match(rules.find((r) => r.profile === 'presse')?.refusalReason ?? '', /accréditation presse/);

        const edition = await repo.eventById(DEMO_EVENT_2027);
        assert.equal(edition?.startsAt, '2027-01-20T08:00:00.000Z');
        assert.ok(edition && journee);
        assert.equal(isRegistrationOpen(edition, new Date('2026-11-28T10:00:00Z')), true);
        assert.equal(isRegistrationOpen(journee, new Date('2026-11-28T10:00:00Z')), false);
        assert.equal((await repo.sessionsOf(DEMO_EVENT_2027)).length, sessions.length);
      } finally {
        await handle.close();
      }
    });
  });
}
