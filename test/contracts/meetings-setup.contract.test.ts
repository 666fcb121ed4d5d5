import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { connectDatabase, type Dialect } from '../../src/adapters/db/connect.js';
import type { Database } from '../../src/adapters/db/schema.js';
import { createKyselyOutbox } from '../../src/adapters/mail/index.js';
import { seedDemoEvent } from '../../src/modules/events/demo/seed.js';
import { seedDemoMeetings } from '../../src/modules/meetings/demo/seed.js';
import type { MeetingsDeps } from '../../src/modules/meetings/deps.js';
import { createSeries } from '../../src/modules/meetings/setup/slots.js';
import { projectThemes } from '../../src/modules/meetings/store/fund-reads.js';
import { createForum, type Forum } from '../../src/modules/meetings/testing/factory.js';
import { fixedClock } from '../../src/ports/clock.js';
import { freshDatabase } from '../helpers/database.js';

const DOMAIN_STANDS = [
  'Incubateur des territoires',
  'Mission Cloud',
  'MiNumEco',
  'Mission Label',
  'Design et accessibilité',
  'Dites-le nous une fois',
  'FranceConnect',
  'Démarches Simplifiées',
  'DITP',
  'Logiciels libres',
  'beta.gouv',
];

function depsOn(db: Kysely<Database>, dialect: Dialect): MeetingsDeps {
  const clock = fixedClock('2023-01-10T10:00:00.000Z');
  return { db, dialect, clock, outbox: createKyselyOutbox({ clock }), publicUrl: 'http://localhost:3000' };
}

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  describe(`the espace de rencontres’ set-up and reads, on ${dialect}`, async () => {
    const handle = await freshDatabase(dialect);
    const second = dialect === 'postgres' ? connectDatabase(handle.url) : null;
    const processes = [depsOn(handle.db, dialect), depsOn(second?.db ?? handle.db, dialect)] as const;
    after(async () => {
      await second?.close();
      await handle.close();
    });

    test('the demonstration forum: the eleven stands of the Journée, once, within each location’s capacity', async () => {
      await seedDemoEvent(handle.db, { clock: fixedClock('2022-11-01T09:00:00.000Z') });
      const created = await seedDemoMeetings(handle.db, '2022-11-01T09:00:00.000Z');
      assert.deepEqual(created, [
        'journee-numerique-et-territoires-2023',
        'journee-numerique-et-territoires-2027',
      ]);
      assert.deepEqual(await seedDemoMeetings(handle.db, '2022-11-01T09:00:00.000Z'), []);
      const eventId = 'journee-numerique-et-territoires-2023';
      const stands = await handle.db
        .selectFrom('meeting_stand')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('sort_order')
        .execute();
      assert.equal(stands.length, 11);
      for (const [i, name] of DOMAIN_STANDS.entries())
        assert.ok(stands[i]!.name.includes(name), `${stands[i]!.name} / ${name}`);
      assert.ok(stands.every((s) => s.demonstration === 1));
      const slots = await handle.db
        .selectFrom('meeting_slot as s')
        .innerJoin('meeting_location as l', 'l.id', 's.location_id')
        .select(['s.member_id', 's.location_id', 's.starts_at', 's.ends_at', 'l.capacity'])
        .where('s.event_id', '=', eventId)
        .execute();
      // Within the forum's hours (15:00–16:30 in Paris, 14:00–15:30 UTC in January).
      assert.ok(
        slots.every(
          (s) => s.starts_at >= '2023-01-18T14:00:00.000Z' && s.ends_at <= '2023-01-18T15:30:00.000Z',
        ),
      );
      for (const s of slots) {
        const sameMember = slots.filter(
          (o) => o !== s && o.member_id === s.member_id && o.starts_at < s.ends_at && s.starts_at < o.ends_at,
        );
        assert.equal(sameMember.length, 0, 'no member holds two slots at once');
        const atOnce = slots.filter(
          (o) => o.location_id === s.location_id && o.starts_at <= s.starts_at && s.starts_at < o.ends_at,
        );
        assert.ok(
          atOnce.length <= s.capacity,
          `${atOnce.length} meetings at once in a location for ${s.capacity}`,
        );
      }
    });

    test('the themes of an organisation’s projects: carried, co-carried, or in its collectivité', async () => {
      await handle.db
        .insertInto('dispositif')
        .values({
          code: 'axe-test',
          label: 'Axe',
          operateur: 'DINUM',
          envelope_eur: 1,
          period_start: '2021-01-01',
          period_end: null,
          description: '',
          themes: '[]',
          sort_order: 0,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const laureat = (id: string, siren: string, territory: string | null, themes: string[]) => ({
        id,
        siren,
        territory,
        themes,
      });
      for (const l of [
        laureat('l1', '213801855', null, ['relation-usagers', 'franceconnect-api']),
        laureat('l2', '213801855', null, ['relation-usagers']),
        laureat('l3', '200040715', '38185', ['transition-ecologique']),
        laureat('l4', '999999999', null, ['donnees-ouvertes']),
      ]) {
        await handle.db
          .insertInto('laureat')
          .values({
            id: `${dialect}-${l.id}`,
            dispositif_code: 'axe-test',
            title: l.id,
            summary: '',
            porteur_siren: l.siren,
            porteur_name: 'Porteur',
            porteur_kind: 'commune',
            territory_key: l.territory,
            commune_code: null,
            epci_code: null,
            departement_code: null,
            region_code: null,
            population: null,
            amount_eur: 1,
            total_cost_eur: null,
            filed_on: null,
            decided_on: '2022-01-01',
            status: 'finance',
            site_url: null,
            source_url: null,
            outputs: '[]',
            demonstration: 0,
            source_hash: l.id,
            created_at: '2022-01-01T00:00:00.000Z',
            updated_at: '2022-01-01T00:00:00.000Z',
          })
          .execute();
        for (const t of l.themes)
          await handle.db
            .insertInto('laureat_theme')
            .values({ laureat_id: `${dialect}-${l.id}`, theme_code: t })
            .execute();
      }
      await handle.db
        .insertInto('laureat_coporteur')
        .values({ laureat_id: `${dialect}-l4`, siren: '213801855', name: 'Co-porteur' })
        .execute();
      const themes = await projectThemes(handle.db, { siren: '213801855', territoryKey: '38185' });
      assert.deepEqual(Object.fromEntries([...themes].sort()), {
        'donnees-ouvertes': 1,
        'franceconnect-api': 1,
        'relation-usagers': 2,
        'transition-ecologique': 1,
      });
      assert.equal((await projectThemes(handle.db, { siren: null, territoryKey: null })).size, 0);
    });

    test('two series for the same member made at once: one is refused, no slot overlaps another', async () => {
      const forum = await createForum(handle.db, { stands: 1, slotsPerMember: 0 });
      const standId = forum.stands[0]!.id;
      const memberId = forum.stands[0]!.members[0]!.id;
      const author = { id: null, label: 'test', ip: null };
      const series = (debut: string) => ({
        membre: memberId,
        lieu: forum.locationId,
        jour: '2023-01-18',
        debut,
        fin: '16:00',
        intervalle: 20,
        duree: 20,
        capacite: 1,
      });
      const results = await Promise.all([
        createSeries(processes[0], author, forum.eventId, standId, series('15:00')),
        createSeries(processes[1], author, forum.eventId, standId, series('15:10')),
      ]);
      assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
      const slots = await handle.db
        .selectFrom('meeting_slot')
        .select(['starts_at', 'ends_at'])
        .where('member_id', '=', memberId)
        .orderBy('starts_at')
        .execute();
      assert.equal(slots.length, 3);
      for (let i = 1; i < slots.length; i++) assert.ok(slots[i - 1]!.ends_at <= slots[i]!.starts_at);
    });

    test('one person at two stands: a series at the second may not overlap their slots at the first', async () => {
      const forum = await createForum(handle.db, { stands: 2, membersPerStand: 2, slotsPerMember: 0 });
      const [first, second] = forum.stands as [Forum['stands'][number], Forum['stands'][number]];
      const at = (memberId: string, debut: string) => ({
        membre: memberId,
        lieu: forum.locationId,
        jour: '2023-01-18',
        debut,
        fin: '16:00',
        intervalle: 20,
        duree: 20,
        capacite: 1,
      });
      const author = { id: null, label: 'test', ip: null };
      const same = await handle.db
        .selectFrom('meeting_stand_member')
        .select('email')
        .where('id', '=', first.members[0]!.id)
        .executeTakeFirstOrThrow();
      await handle.db
        .updateTable('meeting_stand_member')
        .set({ email: same.email })
        .where('id', '=', second.members[0]!.id)
        .execute();
      const made = await createSeries(
        processes[0],
        author,
        forum.eventId,
        first.id,
        at(first.members[0]!.id, '15:00'),
      );
      assert.equal(made.ok, true);
      const refused = await createSeries(
        processes[1],
        author,
        forum.eventId,
        second.id,
        at(second.members[0]!.id, '15:10'),
      );
      assert.equal(refused.ok, false);
      assert.match(JSON.stringify(refused), /chevauche/);
      // Another member of the second stand is free at that time.
      const other = await createSeries(
        processes[1],
        author,
        forum.eventId,
        second.id,
        at(second.members[1]!.id, '15:10'),
      );
      assert.equal(other.ok, true);
    });
  });
}
