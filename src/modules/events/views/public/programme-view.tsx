/**
 * The programme on the public page, twice over: an overview table (time slots in rows, rooms in columns, each
 * session a link to its details) for sighted readers on wide screens, and the details as headed sections by
 * day and time slot, which read in order with a screen reader and fold naturally on a phone.
 */
import { isoDay } from '../../../../platform/i18n/format.js';
import { type ProgrammeSession, type Room, SESSION_KINDS } from '../../events.domain.js';
import { type Column, type Slot, shortTime, timeRange, timetable } from '../../programme/timetable.js';

/**
 * The fragment of a session's details on the public page.
 *
 * @example
 * sessionAnchor('ouverture') // 'session-ouverture'
 */
export function sessionAnchor(id: string): string {
  return `session-${id}`;
}

/**
 * Text written on several lines, as paragraphs (the organiser's line breaks are kept).
 *
 * @example
 * <Paragraphs text={event.practicalInfo} />
 */
export function Paragraphs({ text, class: cls }: { text: string; class?: string }) {
  const blocks = text
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block) => (
        <p class={cls}>
          {block.split(/\r?\n/).map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/**
 * The programme: per day, the overview table (when there are several rooms) and the sessions by time slot.
 *
 * @example
 * <ProgrammeView sessions={sessions} rooms={rooms} />
 */
export function ProgrammeView({ sessions, rooms }: { sessions: ProgrammeSession[]; rooms: Room[] }) {
  if (sessions.length === 0) {
    return <p>Le programme sera publié prochainement.</p>;
  }
  const { days, columns } = timetable(sessions, rooms);
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  return (
    <>
      {days.map((day) => (
        <section class="fr-mb-6w" aria-labelledby={`jour-${day.day}`}>
          <h3 id={`jour-${day.day}`} class="fr-h4">
            {capitalise(day.label)}
          </h3>
          {columns.length > 1 ? <Overview label={day.label} slots={day.slots} columns={columns} /> : null}
          {day.slots.map((slot) => (
            <div class="fr-mb-4w">
              <h4 class="fr-h6 fr-mb-2w">
                <time datetime={slot.startsAt}>{shortTime(slot.startsAt)}</time>
                {' – '}
                <time datetime={slot.endsAt}>{shortTime(slot.endsAt)}</time>
              </h4>
              {slot.sessions.map((s) => (
                <SessionDetails session={s} room={s.roomId ? roomName.get(s.roomId) : undefined} />
              ))}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** The grid: one row per time slot, one column per room; every session a link to its details below. */
function Overview({ label, slots, columns }: { label: string; slots: Slot[]; columns: Column[] }) {
  return (
    <div class="fr-table fr-table--bordered fr-mb-4w">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>Vue d’ensemble du {label}, par horaire et par salle</caption>
              <thead>
                <tr>
                  <th scope="col">Horaire</th>
                  {columns.map((c) => (
                    <th scope="col">{c.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {slots.map((slot) => (
                  <tr>
                    <th scope="row">{timeRange(slot.startsAt, slot.endsAt)}</th>
                    {columns.map((c) => {
                      const here = slot.sessions.filter((s) =>
                        c.id === null
                          ? !columns.some((k) => k.id !== null && k.id === s.roomId)
                          : s.roomId === c.id,
                      );
                      return (
                        <td class="fr-cell--multiline">
                          {here.map((s) => (
                            <p class="fr-mb-1v">
                              <a href={`#${sessionAnchor(s.id)}`}>{s.title}</a>
                              {s.endsAt !== slot.endsAt ? ` (jusqu’à ${shortTime(s.endsAt)})` : ''}
                            </p>
                          ))}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function SessionDetails({ session, room }: { session: ProgrammeSession; room: string | undefined }) {
  return (
    <article class="fr-mb-3w fr-pl-2w" id={sessionAnchor(session.id)} aria-labelledby={`titre-${session.id}`}>
      <ul class="fr-badges-group fr-mb-1v">
        <li>
          <p class="fr-badge fr-badge--sm fr-badge--blue-cumulus">
            {SESSION_KINDS[session.kind] ?? session.kind}
          </p>
        </li>
        {session.closed ? (
          <li>
            <p class="fr-badge fr-badge--sm fr-badge--warning">Sur invitation</p>
          </li>
        ) : null}
      </ul>
      <h5 id={`titre-${session.id}`} class="fr-h6 fr-mb-1v">
        {session.title}
      </h5>
      <p class="fr-text--sm fr-mb-1w nt-meta">
        {timeRange(session.startsAt, session.endsAt)}
        {isoDay(session.startsAt) !== isoDay(session.endsAt) ? ' (sur plusieurs jours)' : ''}
        {room ? ` · ${room}` : ''}
        {session.capacity ? ` · ${session.capacity} places` : ''}
      </p>
      {session.description ? <Paragraphs text={session.description} class="fr-mb-1w" /> : null}
      {session.speakers.length > 0 ? (
        <>
          <p class="fr-text--sm fr-text--bold fr-mb-0">
            {session.speakers.length > 1 ? 'Intervenants' : 'Intervenant'}
          </p>
          <ul class="fr-text--sm">
            {session.speakers.map((sp) => (
              <li>
                <strong>{sp.name}</strong>
                {sp.role ? `, ${sp.role}` : ''}
                {sp.organisation && sp.organisation !== sp.name && !sp.role.includes(sp.organisation)
                  ? ` (${sp.organisation})`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
