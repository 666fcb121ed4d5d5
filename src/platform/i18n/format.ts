const TZ = 'Europe/Paris';

const dateFmt = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TZ,
});
const timeFmt = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: TZ });
const isoDayFmt = new Intl.DateTimeFormat('fr-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TZ,
});
const numberFmt = new Intl.NumberFormat('fr-FR');

/**
 * A date as French readers write it, in Paris time: "13 janvier 2023" (and "1er" for the first of the month).
 *
 * @example
 * formatDate('2023-01-13T09:00:00.000Z') // '13 janvier 2023'
 */
export function formatDate(iso: string | Date): string {
  const s = dateFmt.format(new Date(iso));
  return s.replace(/^1 /, '1er ');
}

/** "13 janvier 2023 à 10:00", Paris time. */
export function formatDateTime(iso: string | Date): string {
  return `${formatDate(iso)} à ${formatTime(iso)}`;
}

/** "09:30", Paris time. */
export function formatTime(iso: string | Date): string {
  return timeFmt
    .format(new Date(iso))
    .replace(':', ' h ')
    .replace(/ h 00$/, ' h');
}

/** The calendar day in Paris, as `YYYY-MM-DD` (for `<time datetime>` when only the day matters). */
export function isoDay(iso: string | Date): string {
  return isoDayFmt.format(new Date(iso));
}

/** 5 000, with the narrow no-break space French uses. */
export function formatNumber(n: number): string {
  return numberFmt.format(n);
}

/** "1 résultat", "2 résultats", "aucun résultat". */
export function plural(n: number, one: string, many: string, none?: string): string {
  if (n === 0 && none) return none;
  return `${formatNumber(n)} ${n > 1 ? many : one}`;
}
