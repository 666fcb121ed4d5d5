/** Calendar days as `YYYY-MM-DD` strings and day numbers, in UTC: the demo's dates carry no time zone. */

const DAY_MS = 86_400_000;

/**
 * @example
 * dayNumber('1970-01-02') // 1
 */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/**
 * @example
 * isoOfDay(1) // '1970-01-02'
 */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day `days` after `iso` (before, when negative).
 *
 * @example
 * addDays('2021-10-01', -1) // '2021-09-30'
 */
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/**
 * Whole months from `from` to `to`, rounded down (30.44 days a month is precise enough for statuses).
 *
 * @example
 * monthsBetween('2022-01-18', '2023-01-18') // 12
 */
export function monthsBetween(from: string, to: string): number {
  return Math.floor((dayNumber(to) - dayNumber(from)) / 30.44);
}
