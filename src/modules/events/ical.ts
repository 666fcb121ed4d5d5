/**
 * The programme as iCalendar, with ical-generator: times in Europe/Paris with their VTIMEZONE (so that a
 * calendar abroad or on a phone set to another zone still shows 9:00 in Paris), one VEVENT per session, UIDs
 * that stay the same from one download to the next so that a calendar updates a session rather than adding it
 * twice.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { EventRecord, ProgrammeSession, Room } from './events.domain.js';
import { MODES, SESSION_KINDS } from './events.domain.js';

const TZID = 'Europe/Paris';

/**
 * Europe/Paris since 1996 (the EU rule: summer time from the last Sunday of March at 2:00 to the last Sunday
 * of October at 3:00). Written here rather than drawn from a time zone database: the rule has not changed
 * since, and this keeps the dependency list short.
 */
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZID,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/**
 * A Date whose local-time getters read Paris time, whatever the server's zone: ical-generator writes a
 * `TZID=` time from a date's local getters, and recognises this shape (the one of @date-fns/tz's TZDate)
 * instead of copying it into a plain Date.
 */
class ParisDate extends Date {
  readonly internal: Date;
  private readonly parts: Record<string, number>;
  constructor(iso: string) {
    super(iso);
    this.internal = new Date(iso);
    this.parts = Object.fromEntries(
      PARTS.formatToParts(this.internal)
        .filter((p) => p.type !== 'literal')
        .map((p) => [p.type, Number(p.value)]),
    );
  }
  withTimeZone() {
    return this;
  }
  tzComponents() {
    return this.parts;
  }
  override getFullYear() {
    return this.parts.year ?? super.getUTCFullYear();
  }
  override getMonth() {
    return (this.parts.month ?? 1) - 1;
  }
  override getDate() {
    return this.parts.day ?? 1;
  }
  override getHours() {
    return this.parts.hour ?? 0;
  }
  override getMinutes() {
    return this.parts.minute ?? 0;
  }
  override getSeconds() {
    return this.parts.second ?? 0;
  }
}

/**
 * The stable UID of a session: the same in every export, so calendars update rather than duplicate.
 *
 * @example
 * sessionUid('journee-2027', 'ouverture') // 'ouverture.journee-2027@numerique-et-territoires'
 */
export function sessionUid(eventId: string, sessionId: string): string {
  return `${sessionId}.${eventId}@numerique-et-territoires`;
}

/** `20230118T140000Z`, the UTC form iCalendar wants for DTSTAMP. */
function utcStamp(iso: string): string {
  return `${iso
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
    .slice(0, 15)}Z`;
}

/**
 * An iCalendar file of sessions of an event: the whole programme, a participant's own sessions, or the
 * attachment of a confirmation e-mail. Sessions are taken as given (the caller chooses which: the public
 * programme passes only open sessions). `url` links each session to the event's page.
 *
 * @example
 * const ics = sessionsIcs(event, sessions.filter((s) => !s.closed), { rooms, url: 'https://…/evenements/journee-2027' });
 * c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8' });
 */
export function sessionsIcs(
  event: EventRecord,
  sessions: readonly ProgrammeSession[],
  options: { rooms?: readonly Room[]; url?: string; name?: string } = {},
): string {
  const rooms = new Map((options.rooms ?? []).map((r) => [r.id, r.name]));
  const calendar = ical({
    name: options.name ?? event.title,
    prodId: { company: 'Numérique & Territoires', product: 'programme', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: TZID, generator: (tz) => (tz === TZID ? PARIS_VTIMEZONE : null) },
  });
  const place = [event.venueName, event.address].filter(Boolean).join(', ');
  for (const session of sessions) {
    const room = session.roomId ? rooms.get(session.roomId) : undefined;
    const speakers = session.speakers.map((s) => [s.name, s.role, s.organisation].filter(Boolean).join(', '));
    const description = [
      SESSION_KINDS[session.kind] ?? session.kind,
      session.description,
      speakers.length > 0 ? `Intervenants :\n${speakers.map((s) => `- ${s}`).join('\n')}` : '',
      event.remote && !event.inPerson ? MODES.distance : '',
      options.url ?? '',
    ]
      .filter(Boolean)
      .join('\n\n');
    calendar.createEvent({
      id: sessionUid(event.id, session.id),
      start: new ParisDate(session.startsAt),
      end: new ParisDate(session.endsAt),
      timezone: TZID,
      stamp: new Date(event.updatedAt),
      summary: session.title,
      description,
      location: [room, place].filter(Boolean).join(' — ') || null,
      url: options.url ?? null,
    });
  }
  // With a calendar time zone, ical-generator writes DTSTAMP in local time; RFC 5545 wants it in UTC.
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${utcStamp(event.updatedAt)}`);
}
