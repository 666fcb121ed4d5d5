/**
 * Jekyll front-matter dates → ISO 8601 UTC strings.
 *
 * YAML is parsed without its timestamp type (see front-matter.ts) so dates arrive as the author typed
 * them, e.g. `2023-01-13 10:00:00 +01:00`. Jekyll reads a date without offset in the site's time zone;
 * the programme's site is French, so that zone is Europe/Paris.
 */

const DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const PARIS_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Offset of Europe/Paris from UTC, in ms, at a given instant (+1 h in winter, +2 h in summer). */
function parisOffsetMs(utcMs: number): number {
  const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
  const part: Record<string, number> = {};
  for (const { type, value } of PARIS_PARTS.formatToParts(wholeSeconds)) part[type] = Number(value);
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - wholeSeconds;
}

/** The UTC instant of a Paris wall-clock time (given as if it were UTC). */
function fromParisWallClock(wallMs: number): number {
  // Two passes: the first guess may sit on the other side of a DST change from the answer.
  const guess = wallMs - parisOffsetMs(wallMs);
  return wallMs - parisOffsetMs(guess);
}

/** `+01:00`, `+0100`, `+01` or `Z` → offset in ms; `null` if out of range. */
function offsetMs(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * Parses a front-matter date into an ISO 8601 UTC string, or `null` when it is not a real date.
 * Accepts `YYYY-MM-DD HH:MM[:SS] ±HH:MM`, `±HHMM`, ISO 8601 (`T`, `Z`), and a date alone
 * (midnight in Paris). Without an offset the time is read in Europe/Paris, as Jekyll did.
 *
 * @example parseFrontMatterDate('2023-01-13 10:00:00 +01:00') // '2023-01-13T09:00:00.000Z'
 * @example parseFrontMatterDate('2023-07-01') // '2023-06-30T22:00:00.000Z'
 * @example parseFrontMatterDate('2023-02-30') // null
 */
export function parseFrontMatterDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  // Date.UTC rolls 2023-02-30 over to 2 March: a changed day or month means the date did not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  if (offset === undefined) return new Date(fromParisWallClock(wall)).toISOString();
  const shift = offsetMs(offset);
  return shift === null ? null : new Date(wall - shift).toISOString();
}
