/**
 * The espace de rencontres in pure types and rules: no I/O. Times are ISO-8601 UTC strings, which compare as
 * text; the forms speak Paris wall-clock time (see paris-time.ts).
 */

export const BOOKING_STATUSES = {
  demandee: 'Demande en attente',
  confirmee: 'Confirmé',
  refusee: 'Refusé',
  annulee: 'Annulé',
} as const;
export type BookingStatus = keyof typeof BOOKING_STATUSES;

/** A live booking holds its place on the slot. */
export const LIVE_STATUSES: readonly BookingStatus[] = ['demandee', 'confirmee'];

export const BOOKING_MODES = {
  direct: 'Réservation immédiate',
  demande: 'Sur demande, acceptée par l’équipe',
} as const;
export type BookingMode = keyof typeof BOOKING_MODES;

export const SPACE_MODES = {
  libre: 'Réservation libre (premier arrivé, premier servi)',
  planifie: 'Planification : classement des stands puis affectation par l’organisateur',
} as const;
export type SpaceMode = keyof typeof SPACE_MODES;

/** Who cancelled a meeting. */
export type Canceller = 'participant' | 'membre' | 'organisateur' | 'systeme';

/** Slots last from 10 to 60 minutes. */
export const SLOT_MINUTES = { min: 10, max: 60 } as const;
/** A small group holds at most this many participants. */
export const MAX_GROUP = 20;

export interface Space {
  eventId: string;
  mode: SpaceMode;
  perPersonLimit: number | null;
  bookingOpensAt: string | null;
  bookingClosesAt: string | null;
  rankingDeadline: string | null;
  choicesMax: number;
  publishedRunId: string | null;
  demonstration: boolean;
}

export interface Location {
  id: string;
  eventId: string;
  name: string;
  capacity: number;
}

export interface Member {
  id: string;
  standId: string;
  email: string;
  name: string;
  role: string;
}

export interface Stand {
  id: string;
  eventId: string;
  name: string;
  organisation: string;
  description: string;
  topics: string[];
  audiences: string[];
  bookingMode: BookingMode;
  locationId: string | null;
  demonstration: boolean;
}

export interface Slot {
  id: string;
  eventId: string;
  standId: string;
  memberId: string;
  locationId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
}

export interface Interval {
  startsAt: string;
  endsAt: string;
}

/**
 * Whether two periods share any instant: one ending when the other starts do not overlap.
 *
 * @example
 * overlaps({ startsAt: '…T14:00', endsAt: '…T14:20' }, { startsAt: '…T14:20', endsAt: '…T14:40' }) // false
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/**
 * The slots of a series: every `everyMinutes` from `from` until `until`, each `lengthMinutes` long, the last
 * one ending at `until` at the latest. Times are UTC instants; the caller converted the Paris times.
 *
 * @example
 * slotSeries('2023-01-18T14:00:00.000Z', '2023-01-18T15:30:00.000Z', 20, 20)
 * // 14:00–14:20, 14:20–14:40, 14:40–15:00, 15:00–15:20 (15:20–15:40 would end past 15:30)
 */
export function slotSeries(
  from: string,
  until: string,
  everyMinutes: number,
  lengthMinutes: number,
): Interval[] {
  const start = Date.parse(from);
  const end = Date.parse(until);
  const out: Interval[] = [];
  if (!(everyMinutes > 0) || !(lengthMinutes > 0) || !(start < end)) return out;
  for (let t = start; t + lengthMinutes * 60_000 <= end; t += everyMinutes * 60_000) {
    out.push({
      startsAt: new Date(t).toISOString(),
      endsAt: new Date(t + lengthMinutes * 60_000).toISOString(),
    });
    if (out.length > 500) break;
  }
  return out;
}

/**
 * The most periods of a list that overlap at one instant (a sweep over starts and ends), to check a
 * location's simultaneous capacity.
 *
 * @example
 * peakOverlap([{ startsAt: 'a', endsAt: 'c' }, { startsAt: 'b', endsAt: 'd' }]) // 2 when a < b < c
 */
export function peakOverlap(periods: readonly Interval[]): number {
  const points: Array<[string, number]> = [];
  for (const p of periods) points.push([p.startsAt, 1], [p.endsAt, -1]);
  // At the same instant an end comes before a start: back-to-back periods do not overlap.
  points.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  let current = 0;
  let peak = 0;
  for (const [, delta] of points) {
    current += delta;
    if (current > peak) peak = current;
  }
  return peak;
}

/** Whether the organiser's booking window is open at `now` (whatever the slot). */
export function bookingWindow(
  space: Pick<Space, 'bookingOpensAt' | 'bookingClosesAt'>,
  now: string,
): 'ouverte' | 'pas-encore' | 'fermee' {
  if (space.bookingOpensAt && now < space.bookingOpensAt) return 'pas-encore';
  if (space.bookingClosesAt && now >= space.bookingClosesAt) return 'fermee';
  return 'ouverte';
}

/** Whether bookings are open at `now` for a slot starting at `slotStartsAt`. */
export function bookingOpen(
  space: Pick<Space, 'bookingOpensAt' | 'bookingClosesAt'>,
  slotStartsAt: string,
  now: string,
): 'ouverte' | 'pas-encore' | 'fermee' {
  const window = bookingWindow(space, now);
  if (window !== 'ouverte') return window;
  return now >= slotStartsAt ? 'fermee' : 'ouverte';
}

/** Rank points of a satisfied choice: the first of `choicesMax` counts `choicesMax`, the last 1. */
export function rankPoints(rank: number, choicesMax: number): number {
  return Math.max(1, choicesMax + 1 - rank);
}

/**
 * Whether a slot can still be booked: room left, not started, its member not unavailable then.
 *
 * @example
 * slots.filter((s) => isBookable(s, unavailability, now))
 */
export function isBookable(
  slot: Slot,
  away: ReadonlyArray<Interval & { memberId: string }>,
  now: string,
): boolean {
  return (
    slot.booked < slot.capacity &&
    slot.startsAt > now &&
    !away.some((a) => a.memberId === slot.memberId && overlaps(a, slot))
  );
}
