import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PROFILES } from './events.domain.js';
import {
  eventFormSchema,
  fieldErrors,
  parseInvitations,
  questionFormSchema,
  rulesFormSchema,
  sessionFormSchema,
} from './events.schemas.js';

/** The Journée of 18 January 2023 as an organiser types it. */
const journee: Record<string, string> = {
  title: 'Journée Numérique & Territoires',
  startDate: '2023-01-18',
  startTime: '09:00',
  endDate: '2023-01-18',
  endTime: '16:30',
  venueName: 'DINUM',
  address: '20 avenue de Ségur, 75007 Paris',
  inPerson: '1',
  remote: '1',
  videoUrl: 'https://video.example.gouv.fr/journee',
  opensDate: '01/12/2022',
  opensTime: '9 h',
  closesDate: '2023-01-06',
  closesTime: '23:59',
  capacityInPerson: '250',
  capacityRemote: '',
};

const errorsOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  form: unknown,
) => {
  const r = schema.safeParse(form);
  assert.equal(r.success, false, 'the form should be refused');
  return fieldErrors(r.error as never);
};

describe('the event form', () => {
  test('Paris times become UTC instants; empty capacities mean no limit; defaults fill the rest', () => {
    const r = eventFormSchema.parse(journee);
    assert.equal(r.startsAt, '2023-01-18T08:00:00.000Z');
    assert.equal(r.endsAt, '2023-01-18T15:30:00.000Z');
    assert.equal(r.registrationOpensAt, '2022-12-01T08:00:00.000Z');
    assert.equal(r.registrationClosesAt, '2023-01-06T22:59:00.000Z');
    assert.equal(r.capacityInPerson, 250);
    assert.equal(r.capacityRemote, null);
    assert.equal(r.capacityTotal, null);
    assert.equal(r.offerHours, 48);
    assert.equal(r.retentionMonths, 6);
    assert.equal(r.summary, '');
  });

  test('an empty form reports every missing field at once, in French', () => {
    const errors = errorsOf(eventFormSchema, {});
    assert.deepEqual(Object.keys(errors).sort(), ['closes', 'end', 'modes', 'opens', 'start', 'title']);
    assert.equal(errors.title, 'Indiquez le titre de l’événement.');
    assert.equal(errors.start, 'Indiquez la date et l’heure de début.');
  });

  test('the end comes after the start, and registration closes after it opens and before the end', () => {
    assert.match(errorsOf(eventFormSchema, { ...journee, endTime: '08:00' }).end ?? '', /après son début/);
    assert.match(
      errorsOf(eventFormSchema, { ...journee, closesDate: '2022-11-30' }).closes ?? '',
      /après leur ouverture/,
    );
    assert.match(
      errorsOf(eventFormSchema, { ...journee, closesDate: '2023-01-18', closesTime: '17:00' }).closes ?? '',
      /au plus tard à la fin/,
    );
  });

  test('bad dates, times, capacities and links are refused on their field', () => {
    const errors = errorsOf(eventFormSchema, {
      ...journee,
      startDate: '2023-02-30',
      endTime: 'midi',
      capacityInPerson: '-5',
      capacityRemote: 'beaucoup',
      videoUrl: 'javascript:alert(1)',
      offerHours: '0',
    });
    assert.match(errors.start ?? '', /n’existe pas/);
    assert.match(errors.end ?? '', /hh:mm/);
    assert.match(errors.capacityInPerson ?? '', /entier positif/);
    assert.match(errors.capacityRemote ?? '', /entier positif/);
    assert.match(errors.videoUrl ?? '', /https:\/\//);
    assert.match(errors.offerHours ?? '', /entre 1 et 720/);
  });

  test('at least one mode; an address in person; no mode over the total', () => {
    assert.ok(errorsOf(eventFormSchema, { ...journee, inPerson: '', remote: '' }).modes);
    assert.ok(errorsOf(eventFormSchema, { ...journee, address: '  ' }).address);
    assert.match(
      errorsOf(eventFormSchema, { ...journee, capacityTotal: '100' }).capacityInPerson ?? '',
      /capacité totale/,
    );
    // Remote only: no address needed, and in-person seats are dropped.
    const remote = eventFormSchema.parse({ ...journee, inPerson: '', address: '' });
    assert.equal(remote.capacityInPerson, null);
  });

  test('a body with arrays or unknown fields is read safely', () => {
    const r = eventFormSchema.safeParse({ ...journee, title: ['a', 'b'], extra: { x: 1 } });
    assert.equal(r.success, false);
    assert.ok(fieldErrors(r.error as never).title);
  });
});

describe('the session form', () => {
  const session = {
    title: 'Plénière 1',
    kind: 'pleniere',
    day: '2023-01-18',
    startTime: '09:35',
    endTime: '10:45',
  };

  test('the day and times become instants; filled speaker lines become speakers, in order', () => {
    const r = sessionFormSchema.parse({
      ...session,
      roomId: '',
      speaker0Name: 'Incubateur des territoires',
      speaker0Organisation: 'ANCT',
      speaker2Name: 'Mégalis Bretagne',
      speaker2Role: 'lauréat',
    });
    assert.equal(r.startsAt, '2023-01-18T08:35:00.000Z');
    assert.equal(r.endsAt, '2023-01-18T09:45:00.000Z');
    assert.equal(r.roomId, null);
    assert.equal(r.closed, false);
    assert.deepEqual(r.speakers, [
      { name: 'Incubateur des territoires', role: '', organisation: 'ANCT' },
      { name: 'Mégalis Bretagne', role: 'lauréat', organisation: '' },
    ]);
  });

  test('every error at once: title, kind, end before start, a speaker line without a name', () => {
    const errors = errorsOf(sessionFormSchema, {
      ...session,
      title: '',
      kind: 'karaoke',
      endTime: '09:00',
      speaker1Role: 'directeur',
      capacity: '0',
    });
    assert.deepEqual(Object.keys(errors).sort(), ['capacity', 'endTime', 'kind', 'speaker1Name', 'title']);
  });
});

describe('the question form', () => {
  test('a choice question needs two choices; duplicates and blank lines are dropped', () => {
    assert.ok(errorsOf(questionFormSchema, { label: 'Thème ?', kind: 'choix', choices: 'Données' }).choices);
    const r = questionFormSchema.parse({
      label: 'Thème ?',
      kind: 'choix',
      choices: 'A\n\nB\nA\n',
      required: '1',
    });
    assert.deepEqual(r, { label: 'Thème ?', kind: 'choix', choices: ['A', 'B'], required: true });
    assert.deepEqual(
      questionFormSchema.parse({ label: 'Forum ?', kind: 'oui-non', choices: 'ignoré' }).choices,
      [],
    );
  });
});

describe('the rules form', () => {
  test('one rule per profile; a bad quota is reported on its profile', () => {
    const all = Object.fromEntries(Object.keys(PROFILES).map((p) => [`decision-${p}`, 'validation']));
    const r = rulesFormSchema.parse({ ...all, 'decision-presse': 'refuse', 'quota-autre': '30' });
    assert.equal(r.length, 9);
    assert.deepEqual(
      r.find((x) => x.profile === 'autre'),
      { profile: 'autre', decision: 'validation', quota: 30, refusalReason: null },
    );
    const errors = errorsOf(rulesFormSchema, { ...all, 'quota-sgar': 'dix', 'decision-sgar': 'peut-etre' });
    assert.deepEqual(Object.keys(errors).sort(), ['decision-sgar', 'quota-sgar']);
  });
});

describe('pasted invitations', () => {
  test('valid addresses are kept once, lower-cased; invalid lines are reported with their number', () => {
    const r = parseInvitations(
      'Elu@Ville.fr\n\nnimporte quoi\nCamille Martin <camille@ville.fr>; maire@commune.fr\nelu@ville.fr',
    );
    assert.deepEqual(r.valid, ['elu@ville.fr', 'camille@ville.fr', 'maire@commune.fr']);
    assert.deepEqual(r.invalid, [{ line: 3, value: 'nimporte quoi' }]);
  });
});
