/**
 * Meetings as iCalendar (RFC 5545): the attachment of every meeting e-mail and the « mon agenda » download.
 *
 * Written by hand rather than with ical-generator (which the events module uses): a booking rush writes two
 * files per booking inside the request, and ical-generator spends most of its time folding lines through a
 * TextEncoder. The subset here is small — one VEVENT per meeting, times in UTC, text escaped and lines folded
 * at 75 octets — and agenda-ics.test.ts reads every file back with a strict parser.
 */
import type { AgendaItem } from '../store/reads.js';

/** Whose agenda a calendar file is: a participant sees the stand, a member sees the participant. */
export type Side = 'participant' | 'membre';

/** A meeting's UID: the same in every file and e-mail, so that calendars update it instead of adding it twice. */
export function meetingUid(bookingId: string): string {
  return `rencontre-${bookingId}@numerique-territoires`;
}

/** `20230118T140000Z`. */
function utc(iso: string): string {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** TEXT escaping: backslash, semicolon, comma, and line breaks as `\n`. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line, folded at 75 octets without cutting a character in two. */
export function fold(line: string): string {
  if (line.length <= 75 && !/[^\x20-\x7e]/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = Buffer.byteLength(ch);
    // The first line holds 75 octets; the next ones 74 after their leading space.
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function summary(item: AgendaItem, side: Side): string {
  return side === 'participant'
    ? `Rendez-vous : ${item.standName}`
    : `Rendez-vous : ${item.participantName}${item.participantOrganisation ? ` (${item.participantOrganisation})` : ''}`;
}

function description(item: AgendaItem, side: Side, eventTitle: string): string {
  const lines = [`Espace de rencontres de « ${eventTitle} ».`];
  if (side === 'participant')
    lines.push(`Avec ${item.memberName}, ${item.standName} (${item.organisation}).`);
  else lines.push(`Stand ${item.standName}, avec ${item.participantName}.`);
  if (item.status === 'demandee') lines.push('Demande en attente de réponse.');
  if (item.note) lines.push(`Sujet : ${item.note}`);
  return lines.join('\n');
}

function calendar(method: 'PUBLISH' | 'CANCEL', eventTitle: string, events: string[][]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Numérique & Territoires//rencontres//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    `X-WR-CALNAME:${text(`Rendez-vous — ${eventTitle}`)}`,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * An iCalendar file (`METHOD:PUBLISH`) of meetings. Times are written in UTC, which every calendar shows in
 * its own zone.
 *
 * @example
 * agendaIcs('Journée Numérique & Territoires', items, 'participant', 'https://…/mon-agenda')
 */
export function agendaIcs(
  eventTitle: string,
  items: readonly AgendaItem[],
  side: Side,
  url: string | null,
): string {
  return calendar(
    'PUBLISH',
    eventTitle,
    items.map((item) => [
      'BEGIN:VEVENT',
      `UID:${meetingUid(item.bookingId)}`,
      'SEQUENCE:0',
      `DTSTAMP:${utc(item.createdAt)}`,
      `DTSTART:${utc(item.startsAt)}`,
      `DTEND:${utc(item.endsAt)}`,
      `SUMMARY:${text(summary(item, side))}`,
      `LOCATION:${text(item.locationName)}`,
      `DESCRIPTION:${text(description(item, side, eventTitle))}`,
      ...(url ? [`URL:${url}`] : []),
      `STATUS:${item.status === 'demandee' ? 'TENTATIVE' : 'CONFIRMED'}`,
      'END:VEVENT',
    ]),
  );
}

/**
 * The file that removes a cancelled meeting from a calendar (`METHOD:CANCEL`, same UID, a later sequence).
 *
 * @example
 * cancellationIcs('Journée Numérique & Territoires', item, 'membre', '2023-01-12T09:00:00.000Z')
 */
export function cancellationIcs(eventTitle: string, item: AgendaItem, side: Side, now: string): string {
  return calendar('CANCEL', eventTitle, [
    [
      'BEGIN:VEVENT',
      `UID:${meetingUid(item.bookingId)}`,
      'SEQUENCE:1',
      `DTSTAMP:${utc(now)}`,
      `DTSTART:${utc(item.startsAt)}`,
      `DTEND:${utc(item.endsAt)}`,
      `SUMMARY:${text(`Annulé — ${summary(item, side)}`)}`,
      `LOCATION:${text(item.locationName)}`,
      'STATUS:CANCELLED',
      'END:VEVENT',
    ],
  ]);
}
