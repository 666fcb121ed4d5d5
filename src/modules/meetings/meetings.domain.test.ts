import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookingOpen, isBookable, overlaps, peakOverlap, type Slot, slotSeries } from './meetings.domain.js';
import { parisFields, parisInstant, timeSpan } from './paris-time.js';

const at = (hhmm: string) => `2023-01-18T${hhmm}:00.000Z`;

test('« toutes les 20 minutes de 15:00 à 16:30 » gives four 20-minute slots, none ending past 16:30', () => {
  const series = slotSeries(
    parisInstant('2023-01-18', '15:00')!,
    parisInstant('2023-01-18', '16:30')!,
    20,
    20,
  );
  assert.deepEqual(
    series.map((s) => timeSpan(s.startsAt, s.endsAt)),
    ['15 h 00 – 15 h 20', '15 h 20 – 15 h 40', '15 h 40 – 16 h 00', '16 h 00 – 16 h 20'],
  );
  // Every 30 minutes, 10 minutes long: gaps between slots.
  assert.equal(slotSeries(at('14:00'), at('15:30'), 30, 10).length, 3);
  assert.deepEqual(slotSeries(at('15:00'), at('14:00'), 20, 20), []);
});

test('Paris time: winter and summer offsets, impossible dates refused', () => {
  assert.equal(parisInstant('2023-01-18', '15:00'), '2023-01-18T14:00:00.000Z');
  assert.equal(parisInstant('2023-07-05', '15:00'), '2023-07-05T13:00:00.000Z');
  assert.equal(parisInstant('2023-02-31', '15:00'), null);
  assert.equal(parisInstant('2023-01-18', '25:00'), null);
  assert.deepEqual(parisFields('2023-07-05T13:00:00.000Z'), { day: '2023-07-05', time: '15:00' });
});

test('periods that touch do not overlap; the peak counts what runs at once', () => {
  assert.equal(
    overlaps({ startsAt: at('14:00'), endsAt: at('14:20') }, { startsAt: at('14:20'), endsAt: at('14:40') }),
    false,
  );
  assert.equal(
    overlaps({ startsAt: at('14:00'), endsAt: at('14:30') }, { startsAt: at('14:20'), endsAt: at('14:40') }),
    true,
  );
  const p = (a: string, b: string) => ({ startsAt: at(a), endsAt: at(b) });
  assert.equal(peakOverlap([p('14:00', '14:20'), p('14:20', '14:40'), p('14:40', '15:00')]), 1);
  assert.equal(
    peakOverlap([p('14:00', '14:30'), p('14:10', '14:20'), p('14:15', '14:40'), p('14:30', '14:50')]),
    3,
  );
});

test('a slot is bookable with room, before it starts, its member available, inside the organiser’s window', () => {
  const slot: Slot = {
    id: 's',
    eventId: 'e',
    standId: 'st',
    memberId: 'm',
    locationId: 'l',
    startsAt: at('14:00'),
    endsAt: at('14:20'),
    capacity: 2,
    booked: 1,
  };
  const now = '2023-01-10T10:00:00.000Z';
  assert.equal(isBookable(slot, [], now), true);
  assert.equal(isBookable({ ...slot, booked: 2 }, [], now), false);
  assert.equal(isBookable(slot, [], at('14:00')), false);
  assert.equal(isBookable(slot, [{ memberId: 'm', startsAt: at('14:10'), endsAt: at('15:00') }], now), false);
  assert.equal(
    isBookable(slot, [{ memberId: 'autre', startsAt: at('14:10'), endsAt: at('15:00') }], now),
    true,
  );
  const window = { bookingOpensAt: '2023-01-11T08:00:00.000Z', bookingClosesAt: '2023-01-17T18:00:00.000Z' };
  assert.equal(bookingOpen(window, slot.startsAt, now), 'pas-encore');
  assert.equal(bookingOpen(window, slot.startsAt, '2023-01-12T08:00:00.000Z'), 'ouverte');
  assert.equal(bookingOpen(window, slot.startsAt, '2023-01-17T18:00:00.000Z'), 'fermee');
});
