import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIcs } from '../../events/testing/ics-reader.js';
import type { AgendaItem } from '../store/reads.js';
import { agendaIcs, cancellationIcs, fold } from './agenda-ics.js';

const item: AgendaItem = {
  bookingId: 'b1',
  status: 'confirmee',
  source: 'reservation',
  note: 'Déployer FranceConnect ; les API, et le reste\nen deux lignes',
  slotId: 's1',
  startsAt: '2023-01-18T14:00:00.000Z',
  endsAt: '2023-01-18T14:20:00.000Z',
  capacity: 1,
  standId: 'st',
  standName: '« Dites-le nous une fois » et API, avec un nom de stand assez long pour plier la ligne',
  organisation: 'DINUM',
  memberId: 'm',
  memberName: 'Chargée de mission',
  memberEmail: 'm@example.gouv.fr',
  locationId: 'l',
  locationName: 'Mezzanine Ségur',
  registrationId: 'r',
  participantName: 'Camille Martin',
  participantEmail: 'c@example.fr',
  participantOrganisation: 'Commune d’Exemple',
  createdAt: '2023-01-10T10:00:00.000Z',
  reason: null,
};

test('a meeting’s file reads back with a strict parser: times in UTC, text unescaped, folded lines joined', () => {
  const text = agendaIcs(
    'Journée Numérique & Territoires',
    [item],
    'participant',
    'http://localhost:3000/agenda',
  );
  assert.ok(
    text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
    'no line over 75 octets',
  );
  const cal = parseIcs(text);
  assert.equal(cal.props.METHOD?.[0]?.value, 'PUBLISH');
  const [event] = cal.children;
  assert.equal(event?.props.UID?.[0]?.value, 'rencontre-b1@numerique-territoires');
  assert.equal(event?.props.DTSTART?.[0]?.value, '20230118T140000Z');
  assert.equal(event?.props.DTEND?.[0]?.value, '20230118T142000Z');
  assert.equal(event?.props.SUMMARY?.[0]?.value, `Rendez-vous : ${item.standName}`);
  assert.match(
    event?.props.DESCRIPTION?.[0]?.value ?? '',
    /Sujet : Déployer FranceConnect ; les API, et le reste\nen deux lignes/,
  );
  assert.equal(event?.props.STATUS?.[0]?.value, 'CONFIRMED');
});

test('the member’s file names the participant; a cancellation keeps the UID with a later sequence', () => {
  const member = parseIcs(agendaIcs('Journée', [{ ...item, status: 'demandee' }], 'membre', null))
    .children[0];
  assert.equal(member?.props.SUMMARY?.[0]?.value, 'Rendez-vous : Camille Martin (Commune d’Exemple)');
  assert.equal(member?.props.STATUS?.[0]?.value, 'TENTATIVE');
  const cancel = parseIcs(cancellationIcs('Journée', item, 'membre', '2023-01-12T09:30:00.000Z'));
  assert.equal(cancel.props.METHOD?.[0]?.value, 'CANCEL');
  assert.equal(cancel.children[0]?.props.UID?.[0]?.value, 'rencontre-b1@numerique-territoires');
  assert.equal(cancel.children[0]?.props.SEQUENCE?.[0]?.value, '1');
  assert.equal(cancel.children[0]?.props.STATUS?.[0]?.value, 'CANCELLED');
});

test('folding never cuts a character in two', () => {
  const line = `SUMMARY:${'é'.repeat(80)}`;
  const folded = fold(line);
  assert.ok(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));
  assert.equal(folded.replace(/\r\n /g, ''), line);
});
