import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sessionsIcs, sessionUid } from './ical.js';
import { anEvent, aRoom, aSession } from './testing/event-factory.js';
import { parseIcs } from './testing/ics-reader.js';

describe('the programme as iCalendar', () => {
  const event = anEvent({ id: 'journee', updatedAt: '2026-12-01T10:00:00.000Z' });
  const room = aRoom('journee', { name: 'Auditorium Marceau Long' });
  const winter = aSession('journee', {
    id: 'ouverture',
    roomId: room.id,
    title: 'Ouverture, « grand » jour ; et suite',
    startsAt: '2027-01-20T08:00:00.000Z',
    endsAt: '2027-01-20T08:30:00.000Z',
    speakers: [{ name: 'Directeur de la DINUM', role: 'ouverture', organisation: 'DINUM' }],
  });
  const summer = aSession('journee', {
    id: 'ete',
    startsAt: '2027-07-01T07:00:00.000Z',
    endsAt: '2027-07-01T08:00:00.000Z',
  });

  test('one VEVENT per session, with a VTIMEZONE for Europe/Paris and Paris wall-clock times', () => {
    const cal = parseIcs(
      sessionsIcs(event, [winter, summer], { rooms: [room], url: 'https://exemple.fr/evenements/journee' }),
    );
    assert.equal(cal.name, 'VCALENDAR');
    const tz = cal.children.find((c) => c.name === 'VTIMEZONE');
    assert.equal(tz?.props.TZID?.[0]?.value, 'Europe/Paris');
    assert.deepEqual(tz?.children.map((c) => c.name).sort(), ['DAYLIGHT', 'STANDARD']);
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    assert.equal(events.length, 2);
    const [first, second] = events;
    assert.equal(first?.props.DTSTART?.[0]?.params.TZID, 'Europe/Paris');
    assert.equal(first?.props.DTSTART?.[0]?.value, '20270120T090000');
    assert.equal(first?.props.DTEND?.[0]?.value, '20270120T093000');
    assert.equal(second?.props.DTSTART?.[0]?.value, '20270701T090000');
    assert.equal(first?.props.SUMMARY?.[0]?.value, 'Ouverture, « grand » jour ; et suite');
    assert.match(
      first?.props.LOCATION?.[0]?.value ?? '',
      /^Auditorium Marceau Long — DINUM, 20 avenue de Ségur/,
    );
    assert.match(first?.props.DESCRIPTION?.[0]?.value ?? '', /Directeur de la DINUM, ouverture, DINUM/);
    assert.equal(first?.props.DTSTAMP?.[0]?.value, '20261201T100000Z');
  });

  test('UIDs are stable from one export to the next and differ between sessions', () => {
    const uids = (ics: string) =>
      parseIcs(ics)
        .children.filter((c) => c.name === 'VEVENT')
        .map((e) => e.props.UID?.[0]?.value);
    const a = uids(sessionsIcs(event, [winter, summer]));
    const b = uids(sessionsIcs({ ...event, title: 'Autre titre' }, [summer, winter]));
    assert.deepEqual(a, [sessionUid('journee', 'ouverture'), sessionUid('journee', 'ete')]);
    assert.deepEqual([...b].sort(), [...a].sort());
  });

  test('the times do not depend on the server’s time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const start = parseIcs(sessionsIcs(event, [winter])).children.find((c) => c.name === 'VEVENT')?.props
        .DTSTART?.[0];
      assert.equal(start?.value, '20270120T090000');
    } finally {
      process.env.TZ = before;
    }
  });
});
