import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { type MeetingsTestApp, meetingsTestApp } from '../testing/app.js';
import { createForum, registerPeople } from '../testing/factory.js';

describe('the scheduling mode over HTTP', () => {
  let t: MeetingsTestApp;
  before(async () => {
    t = await meetingsTestApp({ database: freshDatabase });
  });
  after(() => t.close());
  const locationOf = (res: Response) => res.headers.get('location') ?? '';

  test('scheduling: participants rank, the organiser runs, reviews and publishes; everyone gets their agenda', async () => {
    const forum = await createForum(t.db, {
      stands: 3,
      membersPerStand: 2,
      slotsPerMember: 4,
      space: { mode: 'planifie', choices_max: 3 },
    });
    const planner = await t.signIn({ roles: ['organisateur'] });
    const people = await registerPeople(t.db, forum.eventId, 12);
    const space = `/evenements/${forum.eventId}/rencontres`;
    const p = (sub: string) => `/organisation/evenements/${forum.eventId}/rencontres${sub}`;
    const stands = forum.stands.map((s) => s.id);
    for (const [i, id] of people.entries()) {
      const email = (
        await t.db.selectFrom('registration').select('email').where('id', '=', id).executeTakeFirstOrThrow()
      ).email;
      const s = await t.visitor(space);
      await t.postForm(`${space}/acces`, s, { email });
      const [link] = await t.linksIn(email, 'rencontre-acces-participant');
      await t.get(link!, s);
      if (i === 0) {
        const dup = await t.postForm(`${space}/classement`, s, {
          'choix-1': stands[0]!,
          'choix-2': stands[0]!,
        });
        assert.equal(dup.status, 422);
        assert.match(await dup.text(), /déjà classé plus haut/);
        const direct = await t.postForm(`${space}/stands/${stands[0]}/reserver`, s, {
          creneau: forum.slots[0]!,
        });
        assert.match(await direct.text(), /classez les stands/);
      }
      const order = [stands[i % 3]!, stands[(i + 1) % 3]!, stands[(i + 2) % 3]!];
      const saved = await t.postForm(`${space}/classement`, s, {
        'choix-1': order[0]!,
        'choix-2': order[1]!,
        'choix-3': order[2]!,
      });
      assert.equal(locationOf(saved), `${space}/classement?message=classement`);
    }
    assert.equal(
      locationOf(await t.postForm(p('/planification'), planner)),
      `${p('/planification')}?message=affectation-lancee`,
    );
    const review = await (await t.get(p('/planification'), planner)).text();
    assert.match(review, /Proposition à relire/);
    assert.match(review, /Premier arrivé, premier servi/);
    const run = await t.db
      .selectFrom('meeting_assignment_run')
      .selectAll()
      .where('event_id', '=', forum.eventId)
      .executeTakeFirstOrThrow();
    // 6 members × 4 slots = 24 places for 36 requests: every place is used.
    assert.equal(run.requests, 36);
    assert.equal(run.satisfied, 24);
    assert.ok(run.satisfied >= run.baseline_satisfied);
    assert.equal(
      locationOf(await t.postForm(p(`/planification/${run.id}/publier`), planner)),
      `${p('/planification')}?message=affectation-publiee`,
    );
    const again = await t.postForm(p(`/planification/${run.id}/publier`), planner);
    assert.equal(again.status, 422, 'published once');
    const booked = await t.db
      .selectFrom('meeting_booking')
      .select(['registration_id'])
      .where('event_id', '=', forum.eventId)
      .where('status', '=', 'confirmee')
      .execute();
    assert.equal(booked.length, 24);
    const agendas = await t.db
      .selectFrom('outbox_message')
      .select(['recipient', 'attachments'])
      .where('kind', '=', 'rencontre-programme-participant')
      .execute();
    assert.equal(agendas.length, new Set(booked.map((b) => b.registration_id)).size);
    assert.ok(agendas.every((m) => (m.attachments ?? '').includes('rendez-vous.ics')));
    const members = await t.db
      .selectFrom('outbox_message')
      .select('recipient')
      .where('kind', '=', 'rencontre-programme-membre')
      .where('recipient', 'like', `%${forum.eventId}%`)
      .execute();
    assert.equal(members.length, 6);
  });
});
