/**
 * Test factories for registration: an event with its sessions, questions and rules written straight into the
 * tables (registration must not depend on the events core's service to be tested), and a valid input.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../adapters/db/schema.js';
import type { EventTable } from '../../../../adapters/db/tables/events.js';
import type { RegistrationInput } from '../checks.js';

const DAY = 86_400_000;

/**
 * The dates of an event whose registration is open at `now` (opened yesterday, closing in 20 days, the event in
 * a month), for processes that run on the system clock.
 *
 * @example
 * await createEvent(db, { id: 'ruee', capacity_total: 1000, ...openAt(Date.now()) });
 */
export function openAt(now: number) {
  return {
    starts_at: new Date(now + 30 * DAY).toISOString(),
    ends_at: new Date(now + 30 * DAY + 8 * 3_600_000).toISOString(),
    registration_opens_at: new Date(now - DAY).toISOString(),
    registration_closes_at: new Date(now + 20 * DAY).toISOString(),
  };
}

export interface EventSpec extends Partial<EventTable> {
  sessions?: Array<{
    id: string;
    title?: string;
    capacity?: number | null;
    closed?: boolean;
    startsAt?: string;
  }>;
  questions?: Array<{
    id: string;
    label: string;
    kind: 'texte' | 'choix' | 'oui-non';
    choices?: string[];
    required?: boolean;
  }>;
  rules?: Array<{
    profile: string;
    decision: 'accepte' | 'validation' | 'refuse';
    quota?: number | null;
    reason?: string;
  }>;
  invitations?: Array<{ sessionId: string; email: string }>;
}

/**
 * A published event, registration open on 15 December 2022 (the standalone app's clock), held on
 * 18 January 2023 in person and remotely.
 *
 * @example
 * await createEvent(db, { id: 'journee', capacity_total: 50, sessions: [{ id: 'atelier', capacity: 20 }] });
 */
export async function createEvent(db: Kysely<Database>, spec: EventSpec = {}): Promise<string> {
  const { sessions = [], questions = [], rules = [], invitations = [], ...fields } = spec;
  const id = fields.id ?? `evenement-${randomUUID().slice(0, 8)}`;
  const at = '2022-11-01T09:00:00.000Z';
  await db
    .insertInto('event')
    .values({
      title: 'Journée Numérique & Territoires',
      summary: 'Résumé',
      audience: 'Agents et élus',
      practical_info: 'Accès en métro',
      starts_at: '2023-01-18T08:00:00.000Z',
      ends_at: '2023-01-18T16:30:00.000Z',
      venue_name: 'Centre de conférences',
      address: '1 rue de l’Exemple, 75007 Paris',
      in_person: 1,
      remote: 1,
      video_url: 'https://video.example.gouv.fr/journee',
      registration_opens_at: '2022-12-01T08:00:00.000Z',
      registration_closes_at: '2023-01-16T23:00:00.000Z',
      capacity_total: null,
      capacity_in_person: null,
      capacity_remote: null,
      offer_hours: 48,
      retention_months: 6,
      status: 'publie',
      demonstration: 0,
      created_by: null,
      created_at: at,
      updated_at: at,
      ...fields,
      id,
    })
    .execute();
  for (const [i, s] of sessions.entries()) {
    const starts = s.startsAt ?? `2023-01-18T${String(9 + i).padStart(2, '0')}:00:00.000Z`;
    await db
      .insertInto('event_session')
      .values({
        id: s.id,
        event_id: id,
        room_id: null,
        title: s.title ?? `Session ${s.id}`,
        kind: s.closed ? 'comite-ferme' : 'table-ronde',
        description: '',
        starts_at: starts,
        ends_at: new Date(new Date(starts).getTime() + 3_600_000).toISOString(),
        capacity: s.capacity ?? null,
        closed: s.closed ? 1 : 0,
        sort_order: i,
      })
      .execute();
  }
  for (const [i, q] of questions.entries()) {
    await db
      .insertInto('event_question')
      .values({
        id: q.id,
        event_id: id,
        label: q.label,
        kind: q.kind,
        choices: JSON.stringify(q.choices ?? []),
        required: q.required ? 1 : 0,
        sort_order: i,
      })
      .execute();
  }
  for (const r of rules) {
    await db
      .insertInto('event_profile_rule')
      .values({
        event_id: id,
        profile: r.profile,
        decision: r.decision,
        quota: r.quota ?? null,
        refusal_reason: r.reason ?? null,
      })
      .execute();
  }
  for (const inv of invitations) {
    await db
      .insertInto('session_invitation')
      .values({ session_id: inv.sessionId, email: inv.email, invited_at: at })
      .execute();
  }
  return id;
}

/**
 * A valid registration input for the event; `n` makes the address unique.
 *
 * @example
 * await registerParticipant(deps, participant(eventId, 7), `cle-7`);
 */
export function participant(
  eventId: string,
  n: number | string,
  over: Partial<RegistrationInput> = {},
): RegistrationInput {
  return {
    eventId,
    personId: null,
    email: `personne.${n}@example.fr`,
    givenName: 'Camille',
    familyName: `Martin ${n}`,
    organisationName: 'Préfecture de l’Isère',
    organisationSiren: null,
    collectiviteKey: null,
    profile: 'service-deconcentre',
    mode: 'presentiel',
    sessionIds: [],
    answers: {},
    listed: false,
    ...over,
  };
}

/** Statuses of an event's registrations, counted. */
export async function statusCounts(db: Kysely<Database>, eventId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('registration')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
