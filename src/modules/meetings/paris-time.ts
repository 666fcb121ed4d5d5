/**
 * Forms speak Paris wall-clock time (« 15:00 »), storage speaks UTC. The only place of this module that knows
 * the difference, summer time included.
 */

const FIELDS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const known = new Map<number, Record<string, string>>();

/** Paris's calendar fields of an instant, remembered: a page shows the same few slot times many times over. */
function parisParts(epochMs: number): Record<string, string> {
  let parts = known.get(epochMs);
  if (!parts) {
    parts = Object.fromEntries(FIELDS.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
    if (known.size >= 5000) known.clear();
    known.set(epochMs, parts);
  }
  return parts;
}

/** How far Paris is ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number): number {
  const p = parisParts(epochMs);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return wall - Math.floor(epochMs / 60_000) * 60_000;
}

/**
 * The UTC instant of a Paris day (`YYYY-MM-DD`) and time (`HH:MM`), or null when they are not real.
 *
 * @example
 * parisInstant('2023-01-18', '15:00') // '2023-01-18T14:00:00.000Z'
 * parisInstant('2023-07-05', '15:00') // '2023-07-05T13:00:00.000Z'
 */
export function parisInstant(day: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{1,2})[:h](\d{2})$/.exec(time.trim().replace(/\s+/g, ''));
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59 || y < 2000 || y > 2100) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess)).toISOString();
}

/**
 * The Paris day and time of a UTC instant, as a form shows them.
 *
 * @example
 * parisFields('2023-01-18T14:00:00.000Z') // { day: '2023-01-18', time: '15:00' }
 */
export function parisFields(iso: string): { day: string; time: string } {
  const p = parisParts(Date.parse(iso));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * « 15 h 00 – 15 h 20 », Paris time.
 *
 * @example
 * timeSpan('2023-01-18T14:00:00.000Z', '2023-01-18T14:20:00.000Z') // '15 h 00 – 15 h 20'
 */
export function timeSpan(startsAt: string, endsAt: string): string {
  return `${hm(startsAt)} – ${hm(endsAt)}`;
}

/** « 15 h 20 », Paris time. */
export function hm(iso: string): string {
  const { time } = parisFields(iso);
  return time.replace(':', ' h ');
}
