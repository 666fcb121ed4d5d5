import ical, { ICalCalendarMethod } from 'ical-generator';

export interface CalendarEntry {
  /** Stable across sends, so that a calendar updates the entry instead of adding a second one. */
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  description: string;
  url: string | null;
}

/**
 * An iCalendar file (`METHOD:PUBLISH`) of the given entries: the confirmation's attachment and the
 * « mes sessions » download. Times are written in UTC, which every calendar shows in its own time zone.
 *
 * @example
 * const ics = calendarFile('Journée TNT', [{ uid: 'journee@nt', title: 'Journée TNT', startsAt, endsAt, … }]);
 */
export function calendarFile(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Numérique & Territoires', product: 'inscriptions', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of entries) {
    calendar.createEvent({
      id: e.uid,
      start: new Date(e.startsAt),
      end: new Date(e.endsAt),
      summary: e.title,
      location: e.location ?? undefined,
      description: e.description,
      url: e.url ?? undefined,
    });
  }
  return calendar.toString();
}
