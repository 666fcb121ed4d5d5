/**
 * Organisers type times as Paris wall-clock times (a date field and a time field); storage is UTC. These two
 * conversions are the only place that knows the difference, summer time included.
 */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(epochMs: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a Paris date and time, or null when they are not a real date and time. A time skipped when
 * clocks go forward (2:30 on the last Sunday of March) is read as the same time in winter, as most calendars do.
 *
 * @example
 * parisToUtc('2023-01-18', '09:00') // '2023-01-18T08:00:00.000Z'
 * parisToUtc('2023-06-21', '09:00') // '2023-06-21T07:00:00.000Z'
 */
export function parisToUtc(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::00)?$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(wall);
  // Date.UTC rolls 31 February over to March: a date that changed is not a real date.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da)
    return null;
  if (y < 2000 || y > 2100) return null;
  const first = wall - parisOffsetMinutes(wall) * 60_000;
  const settled = wall - parisOffsetMinutes(first) * 60_000;
  return new Date(settled).toISOString();
}

/**
 * A UTC instant as the Paris date and time fields of a form.
 *
 * @example
 * utcToParisFields('2023-01-18T08:00:00.000Z') // { date: '2023-01-18', time: '09:00' }
 */
export function utcToParisFields(iso: string): { date: string; time: string } {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
