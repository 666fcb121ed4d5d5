/**
 * The programme arranged for reading: by day, then by time slot (sessions that start together), with the rooms
 * as columns of the overview. Pure, so that the public page, the organisers' editor and their tests agree.
 */
import { formatTime, isoDay } from '../../../platform/i18n/format.js';
import type { ProgrammeSession, Room } from '../events.domain.js';

const WEEKDAY_DATE = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

/**
 * « mercredi 18 janvier 2023 », Paris time, with « 1er » for the first of the month.
 *
 * @example
 * dayLabel('2023-01-18T08:00:00.000Z') // 'mercredi 18 janvier 2023'
 */
export function dayLabel(iso: string): string {
  return WEEKDAY_DATE.format(new Date(iso)).replace(/ 1 /, ' 1er ');
}

/**
 * « 9 h 35 – 10 h 45 », Paris time.
 *
 * @example
 * timeRange('2023-01-18T08:35:00.000Z', '2023-01-18T09:45:00.000Z') // '9 h 35 – 10 h 45'
 */
export function timeRange(startsAt: string, endsAt: string): string {
  return `${shortTime(startsAt)} – ${shortTime(endsAt)}`;
}

/**
 * « 9 h 35 », « 14 h »: the way French programmes write times (no leading zero).
 *
 * @example
 * shortTime('2023-01-18T13:00:00.000Z') // '14 h'
 */
export function shortTime(iso: string): string {
  return formatTime(iso).replace(/^0/, '');
}

/**
 * When the event takes place, in one phrase.
 *
 * @example
 * eventWhen({ startsAt: '2023-01-18T08:00:00.000Z', endsAt: '2023-01-18T15:30:00.000Z' })
 * // 'mercredi 18 janvier 2023, de 9 h à 16 h 30'
 */
export function eventWhen(event: { startsAt: string; endsAt: string }): string {
  if (isoDay(event.startsAt) === isoDay(event.endsAt)) {
    return `${dayLabel(event.startsAt)}, de ${shortTime(event.startsAt)} à ${shortTime(event.endsAt)}`;
  }
  return `du ${dayLabel(event.startsAt)} à ${shortTime(event.startsAt)} au ${dayLabel(event.endsAt)} à ${shortTime(event.endsAt)}`;
}

export interface Slot {
  startsAt: string;
  /** The latest end of the slot's sessions. */
  endsAt: string;
  sessions: ProgrammeSession[];
}

export interface Day {
  /** `YYYY-MM-DD`, Paris. */
  day: string;
  label: string;
  slots: Slot[];
}

/** A column of the overview: a room, or the sessions without one. */
export interface Column {
  id: string | null;
  name: string;
}

/**
 * The sessions by day and time slot, and the overview's columns: the rooms that hold a session, in the
 * organiser's order, then « Lieu non précisé » when some session has no room.
 *
 * @example
 * const { days, columns } = timetable(sessions, rooms);
 * days[0].slots[0].sessions // the sessions starting first, in room order
 */
export function timetable(
  sessions: readonly ProgrammeSession[],
  rooms: readonly Room[],
): { days: Day[]; columns: Column[] } {
  const roomOrder = new Map(rooms.map((r, i) => [r.id, i]));
  const ordered = [...sessions].sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) ||
      (roomOrder.get(a.roomId ?? '') ?? 1e6) - (roomOrder.get(b.roomId ?? '') ?? 1e6) ||
      a.sortOrder - b.sortOrder,
  );
  const days: Day[] = [];
  for (const session of ordered) {
    const day = isoDay(session.startsAt);
    let current = days[days.length - 1];
    if (!current || current.day !== day) {
      current = { day, label: dayLabel(session.startsAt), slots: [] };
      days.push(current);
    }
    const slot = current.slots[current.slots.length - 1];
    if (slot && slot.startsAt === session.startsAt) {
      slot.sessions.push(session);
      if (session.endsAt > slot.endsAt) slot.endsAt = session.endsAt;
    } else {
      current.slots.push({ startsAt: session.startsAt, endsAt: session.endsAt, sessions: [session] });
    }
  }
  const used = new Set(sessions.map((s) => s.roomId));
  const columns: Column[] = rooms.filter((r) => used.has(r.id)).map((r) => ({ id: r.id, name: r.name }));
  if (sessions.some((s) => s.roomId === null || !roomOrder.has(s.roomId))) {
    columns.push({ id: null, name: 'Lieu non précisé' });
  }
  return { days, columns };
}

/**
 * The days an event covers (Paris), for the session form's day choice.
 *
 * @example
 * eventDays({ startsAt: '2023-01-18T08:00:00.000Z', endsAt: '2023-01-19T15:30:00.000Z' })
 * // [{ value: '2023-01-18', label: 'mercredi 18 janvier 2023' }, { value: '2023-01-19', label: 'jeudi 19 janvier 2023' }]
 */
export function eventDays(event: {
  startsAt: string;
  endsAt: string;
}): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  const last = isoDay(event.endsAt);
  // Noon UTC is the same calendar day in Paris whatever the season: a safe step from day to day.
  let at = new Date(`${isoDay(event.startsAt)}T12:00:00.000Z`);
  while (out.length < 62) {
    const value = isoDay(at);
    out.push({ value, label: dayLabel(at.toISOString()) });
    if (value >= last) break;
    at = new Date(at.getTime() + 24 * 3_600_000);
  }
  return out;
}
