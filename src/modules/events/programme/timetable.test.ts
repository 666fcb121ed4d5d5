import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aRoom, aSession } from '../testing/event-factory.js';
import { dayLabel, eventDays, eventWhen, timeRange, timetable } from './timetable.js';

describe('the timetable', () => {
  const auditorium = aRoom('e', { id: 'auditorium', name: 'Auditorium Marceau Long', sortOrder: 0 });
  const mezzanine = aRoom('e', { id: 'mezzanine', name: 'Mezzanine Ségur', sortOrder: 1 });
  const unused = aRoom('e', { id: 'vide', name: 'Salle vide', sortOrder: 2 });

  test('sessions starting together share a slot, in room order; the slot ends with its last session', () => {
    const forumB = aSession('e', {
      id: 'forum-b',
      roomId: 'mezzanine',
      startsAt: '2023-01-18T14:00:00.000Z',
      endsAt: '2023-01-18T15:30:00.000Z',
    });
    const comite = aSession('e', {
      id: 'comite',
      roomId: 'auditorium',
      startsAt: '2023-01-18T14:00:00.000Z',
      endsAt: '2023-01-18T15:00:00.000Z',
    });
    const accueil = aSession('e', {
      id: 'accueil',
      roomId: null,
      startsAt: '2023-01-18T08:00:00.000Z',
      endsAt: '2023-01-18T08:20:00.000Z',
    });
    const { days, columns } = timetable([forumB, comite, accueil], [auditorium, mezzanine, unused]);
    assert.equal(days.length, 1);
    assert.equal(days[0]?.label, 'mercredi 18 janvier 2023');
    assert.deepEqual(
      days[0]?.slots.map((s) => s.sessions.map((x) => x.id)),
      [['accueil'], ['comite', 'forum-b']],
    );
    assert.equal(days[0]?.slots[1]?.endsAt, '2023-01-18T15:30:00.000Z');
    assert.deepEqual(
      columns.map((c) => c.name),
      ['Auditorium Marceau Long', 'Mezzanine Ségur', 'Lieu non précisé'],
    );
  });

  test('a programme over two days is split by Paris day, not UTC day', () => {
    const late = aSession('e', {
      id: 'soir',
      startsAt: '2027-01-20T22:30:00.000Z',
      endsAt: '2027-01-20T22:45:00.000Z',
    });
    const next = aSession('e', {
      id: 'lendemain',
      startsAt: '2027-01-21T08:00:00.000Z',
      endsAt: '2027-01-21T09:00:00.000Z',
    });
    const { days } = timetable([next, late], []);
    assert.deepEqual(
      days.map((d) => d.day),
      ['2027-01-20', '2027-01-21'],
    );
  });

  test('times and days read the French way', () => {
    assert.equal(timeRange('2023-01-18T08:35:00.000Z', '2023-01-18T09:45:00.000Z'), '9 h 35 – 10 h 45');
    assert.equal(dayLabel('2027-01-01T10:00:00.000Z'), 'vendredi 1er janvier 2027');
    assert.equal(
      eventWhen({ startsAt: '2023-01-18T08:00:00.000Z', endsAt: '2023-01-18T15:30:00.000Z' }),
      'mercredi 18 janvier 2023, de 9 h à 16 h 30',
    );
    assert.deepEqual(
      eventDays({ startsAt: '2023-03-25T08:00:00.000Z', endsAt: '2023-03-27T15:00:00.000Z' }).map(
        (d) => d.value,
      ),
      ['2023-03-25', '2023-03-26', '2023-03-27'],
    );
  });
});
