/**
 * The printable sheet of a location for the day: every slot held there, in time order, with its stand, its
 * member and its participants, so that the people at the door know who meets whom where.
 */
import { formatDate } from '../../../platform/i18n/format.js';
import type { Location } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import { organiserPath } from '../paths.js';
import type { AgendaItem } from '../store/reads.js';
import { Table } from './parts.js';

export interface SheetLine {
  slotId: string;
  startsAt: string;
  endsAt: string;
  standName: string;
  memberName: string;
  capacity: number;
  meetings: AgendaItem[];
}

export function SheetsIndex(props: { eventId: string; locations: Location[] }) {
  return props.locations.length === 0 ? (
    <p>Aucun lieu pour l’instant.</p>
  ) : (
    <ul>
      {props.locations.map((l) => (
        <li>
          <a href={organiserPath(props.eventId, `feuilles/${l.id}`)}>{l.name}</a> —{' '}
          <a href={organiserPath(props.eventId, `feuilles/${l.id}.pdf`)}>PDF à imprimer ({l.name})</a>
        </li>
      ))}
    </ul>
  );
}

export function SheetPage(props: { eventId: string; location: Location; lines: SheetLine[] }) {
  const day = props.lines[0] ? formatDate(props.lines[0].startsAt) : '';
  return (
    <>
      <p>
        {props.location.name}
        {day ? `, ${day}` : ''} — {props.location.capacity} rendez-vous à la fois.{' '}
        <a href={organiserPath(props.eventId, `feuilles/${props.location.id}.pdf`)}>Version PDF à imprimer</a>
      </p>
      {props.lines.length === 0 ? (
        <p>Aucun créneau dans ce lieu.</p>
      ) : (
        <Table
          caption={`Feuille du jour — ${props.location.name}`}
          head={['Heure', 'Stand', 'Membre', 'Participants']}
        >
          {props.lines.map((l) => (
            <tr>
              <th scope="row">{timeSpan(l.startsAt, l.endsAt)}</th>
              <td>{l.standName}</td>
              <td>{l.memberName}</td>
              <td>
                {l.meetings.length === 0
                  ? 'Libre'
                  : l.meetings
                      .map(
                        (m) =>
                          `${m.participantName}${m.participantOrganisation ? ` (${m.participantOrganisation})` : ''}${m.status === 'demandee' ? ' — demande en attente' : ''}`,
                      )
                      .join(' ; ')}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
