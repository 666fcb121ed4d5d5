/**
 * Stored records as the strings of their forms, to fill an edit form (and defaults for a new one).
 */
import type { EventRecord, ProgrammeSession, Question } from '../../events.domain.js';
import { utcToParisFields } from '../../programme/paris-time.js';
import type { Values } from './form-fields.js';

const num = (n: number | null) => (n === null ? '' : String(n));

/**
 * The event form's values for an event.
 *
 * @example
 * eventValues(event).startTime // '09:00' for 08:00 UTC in winter
 */
export function eventValues(e: EventRecord): Values {
  const pair = (prefix: string, iso: string) => {
    const { date, time } = utcToParisFields(iso);
    return { [`${prefix}Date`]: date, [`${prefix}Time`]: time };
  };
  return {
    title: e.title,
    summary: e.summary,
    audience: e.audience,
    practicalInfo: e.practicalInfo,
    ...pair('start', e.startsAt),
    ...pair('end', e.endsAt),
    ...pair('opens', e.registrationOpensAt),
    ...pair('closes', e.registrationClosesAt),
    venueName: e.venueName ?? '',
    address: e.address ?? '',
    inPerson: e.inPerson ? '1' : '',
    remote: e.remote ? '1' : '',
    videoUrl: e.videoUrl ?? '',
    capacityTotal: num(e.capacityTotal),
    capacityInPerson: num(e.capacityInPerson),
    capacityRemote: num(e.capacityRemote),
    offerHours: String(e.offerHours),
    retentionMonths: String(e.retentionMonths),
  };
}

/** A new event's form: in person, 48-hour offers, data kept 6 months. */
export const NEW_EVENT_VALUES: Values = { inPerson: '1', offerHours: '48', retentionMonths: '6' };

/**
 * The session form's values for a session.
 *
 * @example
 * sessionValues(session).speaker0Name // the first speaker's name
 */
export function sessionValues(s: ProgrammeSession): Values {
  const start = utcToParisFields(s.startsAt);
  const values: Values = {
    title: s.title,
    kind: s.kind,
    description: s.description,
    day: start.date,
    startTime: start.time,
    endTime: utcToParisFields(s.endsAt).time,
    roomId: s.roomId ?? '',
    capacity: num(s.capacity),
    closed: s.closed ? '1' : '',
  };
  s.speakers.forEach((sp, i) => {
    values[`speaker${i}Name`] = sp.name;
    values[`speaker${i}Role`] = sp.role;
    values[`speaker${i}Organisation`] = sp.organisation;
  });
  return values;
}

/**
 * The question form's values for a question.
 *
 * @example
 * questionValues(q).choices // 'A\nB'
 */
export function questionValues(q: Question): Values {
  return { label: q.label, kind: q.kind, choices: q.choices.join('\n'), required: q.required ? '1' : '' };
}

/**
 * How many speaker lines a session form shows: those filled, plus two empty ones, at least three, and more
 * when the organiser asked for more (`speakerRows`).
 *
 * @example
 * speakerRows({ speaker0Name: 'A' }, 30) // 3
 * speakerRows({ speaker0Name: 'A', speakerRows: '6' }, 30) // 6
 */
export function speakerRows(values: Values, max: number): number {
  let filled = 0;
  for (let i = 0; i < max; i++) {
    if (values[`speaker${i}Name`] || values[`speaker${i}Role`] || values[`speaker${i}Organisation`])
      filled = i + 1;
  }
  const asked = Number.parseInt(values.speakerRows ?? '', 10);
  const wanted = Math.max(filled + 2, 3, Number.isFinite(asked) ? asked : 0);
  return Math.min(wanted, max);
}
