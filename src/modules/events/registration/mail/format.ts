const dateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const time = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});
const day = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * « mercredi 18 janvier 2023 à 09:00 », in Paris time whatever the server's zone.
 *
 * @example
 * parisDateTime('2023-01-18T08:00:00.000Z') // 'mercredi 18 janvier 2023 à 09:00'
 */
export function parisDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** « 09:00 », in Paris time. */
export function parisTime(iso: string): string {
  return time.format(new Date(iso));
}

/**
 * An event's dates as a sentence: « mercredi 18 janvier 2023, de 09:00 à 17:30 », or two full dates when it
 * spans several days.
 */
export function parisSpan(startsAt: string, endsAt: string): string {
  const sameDay = day.format(new Date(startsAt)) === day.format(new Date(endsAt));
  return sameDay
    ? `${day.format(new Date(startsAt))}, de ${parisTime(startsAt)} à ${parisTime(endsAt)}`
    : `du ${parisDateTime(startsAt)} au ${parisDateTime(endsAt)}`;
}
