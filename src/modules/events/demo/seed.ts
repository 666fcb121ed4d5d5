/**
 * The demonstration events. The Journée of 18 January 2023 is in the past for anyone trying the platform, so
 * its 2027 edition — same structure, Wednesday 20 January 2027 — is seeded too, with registration open.
 * Both are marked `demonstration` and say so on screen.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { type Clock, systemClock } from '../../../ports/clock.js';
import type { EventRecord, ProfileRule, ProgrammeSession, Question } from '../events.domain.js';
import { createKyselyEventsRepository } from '../events.repository.kysely.js';
import { parisToUtc } from '../programme/paris-time.js';
import { AUDIENCE, COMMITTEE_INVITEES, ROOMS, SESSIONS, SUMMARY } from './journee.js';

export const DEMO_EVENT_2023 = 'journee-numerique-et-territoires-2023';
export const DEMO_EVENT_2027 = 'journee-numerique-et-territoires-2027';

interface Edition {
  id: string;
  title: string;
  day: string;
  opens: [string, string];
  closes: [string, string];
  practicalInfo: string;
}

/**
 * Registration: the 2023 edition opened on 1 December 2022 and closed on 6 January 2023 at midnight, the date
 * by which in-person places had to be confirmed (the schema has one closing date for both modes). The 2027
 * edition opens on 5 January 2026 and closes on 8 January 2027.
 */
const EDITIONS: Edition[] = [
  {
    id: DEMO_EVENT_2023,
    title: 'Journée Numérique & Territoires',
    day: '2023-01-18',
    opens: ['2022-12-01', '09:00'],
    closes: ['2023-01-06', '23:59'],
    practicalInfo: practical('6 janvier 2023'),
  },
  {
    id: DEMO_EVENT_2027,
    title: 'Journée Numérique & Territoires 2027',
    day: '2027-01-20',
    opens: ['2026-01-05', '09:00'],
    closes: ['2027-01-08', '23:59'],
    practicalInfo: practical('8 janvier 2027'),
  },
];

function practical(confirmBy: string): string {
  return [
    'Entrée libre, inscription obligatoire : sur place ou à distance. La venue sur place est encouragée, mais les places sont limitées.',
    `Inscriptions jusqu’au ${confirmBy}. Le lien de la retransmission est envoyé aux seuls inscrits à distance.`,
    'Accès : DINUM, 20 avenue de Ségur, 75007 Paris. Métro Ségur (ligne 10) ou Cambronne (ligne 6). Présentez votre badge et une pièce d’identité à l’accueil.',
    'Journalistes : demandez une accréditation presse.',
  ].join('\n\n');
}

/** Collectivités and State services accepted; « autre » pending approval; the press goes through accreditation. */
const RULES: ProfileRule[] = [
  ...(['agent-collectivite', 'elu-collectivite', 'structure-mutualisation'] as const).map((profile) => ({
    profile,
    decision: 'accepte' as const,
    quota: null,
    refusalReason: null,
  })),
  ...(['service-deconcentre', 'sgar', 'charge-transformation', 'autre-administration'] as const).map(
    (profile) => ({ profile, decision: 'accepte' as const, quota: null, refusalReason: null }),
  ),
  { profile: 'autre', decision: 'validation', quota: 30, refusalReason: null },
  {
    profile: 'presse',
    decision: 'refuse',
    quota: null,
    refusalReason:
      'Les journalistes ne s’inscrivent pas ici : demandez une accréditation presse depuis la page de l’événement.',
  },
];

/**
 * Creates the demonstration events, each once: running it again changes nothing (an event already there is
 * left as it is, with whatever the organisers changed).
 *
 * @example
 * await seedDemoEvent(db); // ['journee-numerique-et-territoires-2023', 'journee-numerique-et-territoires-2027']
 * await seedDemoEvent(db); // []
 */
export async function seedDemoEvent(
  db: Kysely<Database>,
  options: { clock?: Clock } = {},
): Promise<string[]> {
  const clock = options.clock ?? systemClock;
  const created: string[] = [];
  for (const edition of EDITIONS) {
    const repo = createKyselyEventsRepository(db);
    if (await repo.eventExists(edition.id)) continue;
    await repo.transaction(async (r) => {
      const at = clock.now().toISOString();
      const time = (hhmm: string) => parisToUtc(edition.day, hhmm) ?? '';
      const event: EventRecord = {
        id: edition.id,
        title: edition.title,
        summary: SUMMARY,
        audience: AUDIENCE,
        practicalInfo: edition.practicalInfo,
        startsAt: time('09:00'),
        endsAt: time('16:30'),
        venueName: 'DINUM',
        address: '20 avenue de Ségur, 75007 Paris',
        inPerson: true,
        remote: true,
        videoUrl: 'https://video.numerique.example.gouv.fr/journee-numerique-et-territoires',
        registrationOpensAt: parisToUtc(...edition.opens) ?? '',
        registrationClosesAt: parisToUtc(...edition.closes) ?? '',
        capacityTotal: null,
        capacityInPerson: 250,
        capacityRemote: null,
        offerHours: 48,
        retentionMonths: 6,
        status: 'publie',
        demonstration: true,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      };
      await r.insertEvent(event);
      for (const [i, room] of ROOMS.entries()) {
        await r.insertRoom({
          id: `${edition.id}-${room.key}`,
          eventId: edition.id,
          name: room.name,
          capacity: room.capacity,
          sortOrder: i,
        });
      }
      for (const [i, s] of SESSIONS.entries()) {
        const session: ProgrammeSession = {
          // Stable ids: calendar UIDs and links to a session survive a reseed of a fresh database.
          id: `${edition.id}-${s.key}`,
          eventId: edition.id,
          roomId: s.room ? `${edition.id}-${s.room}` : null,
          title: s.title,
          kind: s.kind,
          description: s.description,
          startsAt: time(s.start),
          endsAt: time(s.end),
          capacity: null,
          closed: s.closed ?? false,
          sortOrder: i,
          speakers: s.speakers,
        };
        await r.insertSession(session);
        if (session.closed) await r.addInvitations(session.id, COMMITTEE_INVITEES, at);
      }
      await r.replaceRules(edition.id, RULES);
      for (const q of questions(edition.id)) await r.insertQuestion(q);
    });
    created.push(edition.id);
  }
  return created;
}

function questions(eventId: string): Question[] {
  return [
    {
      id: `${eventId}-question-forum`,
      eventId,
      label: 'Resterez-vous pour le forum de l’après-midi ?',
      kind: 'oui-non',
      choices: [],
      required: true,
      sortOrder: 0,
    },
    {
      id: `${eventId}-question-thematique`,
      eventId,
      label: 'Quel thème vous intéresse le plus ?',
      kind: 'choix',
      choices: ['Relation usagers', 'Données', 'Cybersécurité', 'Mutualisation et logiciels libres'],
      required: false,
      sortOrder: 1,
    },
    {
      id: `${eventId}-question-accessibilite`,
      eventId,
      label: 'Avez-vous besoin d’un aménagement pour votre venue (accessibilité, interprétation) ?',
      kind: 'texte',
      choices: [],
      required: false,
      sortOrder: 2,
    },
  ];
}
