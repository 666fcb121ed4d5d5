/**
 * The capacity engine: pure rules over seat counts. The counts come from rows read under the event's lock
 * (see lock.ts); nothing here reads or writes.
 *
 * A seat is held by a registration whose status is in `SEAT_STATUSES` (confirmed, pending approval, or an open
 * offer). Four limits may apply at once: the whole event, the attendance mode, the profile's quota, and each
 * chosen session that has a capacity of its own.
 */
import type { Mode } from '../events.domain.js';

/** The limits of an event for one registration; null means no limit. */
export interface EventLimits {
  total: number | null;
  presentiel: number | null;
  distance: number | null;
  /** Quota per profile (only profiles with a quota appear). */
  quotas: ReadonlyMap<string, number>;
}

/** Seats held, and people waiting, as counted from rows. */
export interface SeatCounts {
  total: number;
  byMode: Record<Mode, number>;
  byProfile: Map<string, number>;
  /** Registrations on the event's waiting list (`attente`); `countSeats` only says whether there are any (0 or 1). */
  waiting: number;
}

export function emptyCounts(): SeatCounts {
  return { total: 0, byMode: { presentiel: 0, distance: 0 }, byProfile: new Map(), waiting: 0 };
}

/**
 * Counts from `(status, mode, profile, n)` rows, the shape of the grouped seat query.
 *
 * @example
 * countsFrom([{ status: 'confirmee', mode: 'presentiel', profile: 'sgar', n: 3 }]).total // 3
 */
export function countsFrom(
  rows: ReadonlyArray<{ status: string; mode: string; profile: string; n: number | string | bigint }>,
  seatStatuses: readonly string[],
): SeatCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    const n = Number(row.n);
    if (row.status === 'attente') {
      counts.waiting += n;
      continue;
    }
    if (!seatStatuses.includes(row.status)) continue;
    counts.total += n;
    if (row.mode === 'presentiel' || row.mode === 'distance') counts.byMode[row.mode] += n;
    counts.byProfile.set(row.profile, (counts.byProfile.get(row.profile) ?? 0) + n);
  }
  return counts;
}

/**
 * Whether one more seat may be given to a registration of this mode and profile.
 *
 * @example
 * hasSeat({ total: 50, presentiel: null, distance: null, quotas: new Map() }, counts, 'presentiel', 'sgar')
 */
export function hasSeat(limits: EventLimits, counts: SeatCounts, mode: Mode, profile: string): boolean {
  if (limits.total !== null && counts.total >= limits.total) return false;
  const modeLimit = limits[mode];
  if (modeLimit !== null && counts.byMode[mode] >= modeLimit) return false;
  const quota = limits.quotas.get(profile);
  if (quota !== undefined && (counts.byProfile.get(profile) ?? 0) >= quota) return false;
  return true;
}

/** Records a seat given (or, with `delta` -1, freed) in the counts, so that a loop of decisions stays exact. */
export function takeSeat(counts: SeatCounts, mode: Mode, profile: string, delta: 1 | -1 = 1): void {
  counts.total += delta;
  counts.byMode[mode] += delta;
  counts.byProfile.set(profile, (counts.byProfile.get(profile) ?? 0) + delta);
}

/** Whether a session with `capacity` (null: no limit) has a seat left when `held` are taken. */
export function sessionHasSeat(capacity: number | null, held: number): boolean {
  return capacity === null || held < capacity;
}
