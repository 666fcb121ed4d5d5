/**
 * Test and bench factories for the espace de rencontres: an event, its space, locations, stands, members and
 * slots, and confirmed participants, written straight into the tables (the meetings module must be testable
 * without the events module's services). Defaults: the Journée of 18 January 2023, forum 15:00–16:30 Paris.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { MeetingSpaceTable } from '../../../adapters/db/tables/meetings.js';

export const FORUM_START = '2023-01-18T14:00:00.000Z';

export interface ForumSpec {
  eventId?: string;
  stands?: number;
  membersPerStand?: number;
  slotsPerMember?: number;
  slotMinutes?: number;
  capacity?: number;
  bookingMode?: 'direct' | 'demande';
  space?: Partial<MeetingSpaceTable>;
  /** Where the event's registration and day sit; defaults to 18 January 2023. */
  event?: Partial<Database['event']>;
}

export interface Forum {
  eventId: string;
  locationId: string;
  stands: Array<{ id: string; members: Array<{ id: string; email: string; slots: string[] }> }>;
  slots: string[];
}

/**
 * @example
 * const forum = await createForum(db, { stands: 11, membersPerStand: 5, slotsPerMember: 5 });
 */
export async function createForum(db: Kysely<Database>, spec: ForumSpec = {}): Promise<Forum> {
  const eventId = spec.eventId ?? `rencontres-${randomUUID().slice(0, 8)}`;
  const at = '2022-11-01T09:00:00.000Z';
  await db
    .insertInto('event')
    .values({
      id: eventId,
      title: 'Journée Numérique & Territoires',
      summary: 'Résumé',
      audience: 'Agents et élus',
      practical_info: 'Accès en métro',
      starts_at: '2023-01-18T08:00:00.000Z',
      ends_at: '2023-01-18T15:30:00.000Z',
      venue_name: 'DINUM',
      address: '20 avenue de Ségur, 75007 Paris',
      in_person: 1,
      remote: 1,
      video_url: null,
      registration_opens_at: '2022-12-01T08:00:00.000Z',
      registration_closes_at: '2023-01-06T22:59:00.000Z',
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
      ...spec.event,
    })
    .execute();
  await db
    .insertInto('meeting_space')
    .values({
      event_id: eventId,
      mode: 'libre',
      per_person_limit: null,
      booking_opens_at: null,
      booking_closes_at: null,
      ranking_deadline: null,
      choices_max: 5,
      published_run_id: null,
      demonstration: 0,
      created_at: at,
      updated_at: at,
      ...spec.space,
    })
    .execute();
  const locationId = randomUUID();
  await db
    .insertInto('meeting_location')
    .values({
      id: locationId,
      event_id: eventId,
      name: 'Mezzanine Ségur',
      capacity: 500,
      sort_order: 0,
      created_at: at,
    })
    .execute();
  const forum: Forum = { eventId, locationId, stands: [], slots: [] };
  const minutes = spec.slotMinutes ?? 15;
  for (let s = 0; s < (spec.stands ?? 2); s++) {
    const standId = randomUUID();
    await db
      .insertInto('meeting_stand')
      .values({
        id: standId,
        event_id: eventId,
        name: `Stand ${s + 1}`,
        organisation: 'DINUM',
        description: 'Un stand d’essai.',
        topics: JSON.stringify(['cooperation']),
        audiences: JSON.stringify([]),
        booking_mode: spec.bookingMode ?? 'direct',
        location_id: locationId,
        sort_order: s,
        demonstration: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const stand: Forum['stands'][number] = { id: standId, members: [] };
    for (let m = 0; m < (spec.membersPerStand ?? 1); m++) {
      const memberId = randomUUID();
      const email = `membre.${s + 1}.${m + 1}.${eventId}@example.gouv.fr`;
      await db
        .insertInto('meeting_stand_member')
        .values({
          id: memberId,
          stand_id: standId,
          event_id: eventId,
          email,
          name: `Membre ${s + 1}.${m + 1}`,
          role: '',
          created_at: at,
        })
        .execute();
      const slots = Array.from({ length: spec.slotsPerMember ?? 3 }, (_, k) => {
        const start = Date.parse(FORUM_START) + k * minutes * 60_000;
        return {
          id: randomUUID(),
          event_id: eventId,
          stand_id: standId,
          member_id: memberId,
          location_id: locationId,
          starts_at: new Date(start).toISOString(),
          ends_at: new Date(start + minutes * 60_000).toISOString(),
          capacity: spec.capacity ?? 1,
          booked: 0,
          created_at: at,
        };
      });
      if (slots.length > 0) await db.insertInto('meeting_slot').values(slots).execute();
      stand.members.push({ id: memberId, email, slots: slots.map((x) => x.id) });
      forum.slots.push(...slots.map((x) => x.id));
    }
    forum.stands.push(stand);
  }
  return forum;
}

/**
 * `n` confirmed in-person registrations for the event; returns their ids in order.
 *
 * @example
 * const people = await registerPeople(db, forum.eventId, 200);
 */
export async function registerPeople(
  db: Kysely<Database>,
  eventId: string,
  n: number,
  over: Partial<Database['registration']> = {},
): Promise<string[]> {
  const at = '2022-12-10T09:00:00.000Z';
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    event_id: eventId,
    person_id: null,
    email: `participant.${i}.${randomUUID().slice(0, 6)}@example.fr`,
    given_name: 'Camille',
    family_name: `Martin ${i}`,
    organisation_name: 'Commune d’Exemple',
    organisation_siren: null,
    collectivite_key: null,
    profile: 'agent-collectivite',
    mode: 'presentiel',
    status: 'confirmee',
    offer_expires_at: null,
    answers: '{}',
    listed: 0,
    manage_token_hash: randomUUID(),
    refusal_reason: null,
    checked_in_at: null,
    created_at: at,
    updated_at: at,
    cancelled_at: null,
    ...over,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('registration')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.map((r) => r.id);
}

/**
 * A financed project of an organisation with its themes (the fund's tables, for suggestions).
 *
 * @example
 * await addLaureat(db, { siren: '213801855', themes: ['cooperation'] });
 */
export async function addLaureat(
  db: Kysely<Database>,
  spec: { siren: string; themes: string[]; territoryKey?: string },
) {
  await db
    .insertInto('dispositif')
    .values({
      code: 'axe-essai',
      label: 'Axe d’essai',
      operateur: 'DINUM',
      envelope_eur: 1,
      period_start: '2021-01-01',
      period_end: null,
      description: '',
      themes: '[]',
      sort_order: 99,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const id = randomUUID();
  const at = '2022-01-01T00:00:00.000Z';
  await db
    .insertInto('laureat')
    .values({
      id,
      dispositif_code: 'axe-essai',
      title: 'Projet d’essai',
      summary: '',
      porteur_siren: spec.siren,
      porteur_name: 'Porteur d’essai',
      porteur_kind: 'commune',
      territory_key: spec.territoryKey ?? null,
      commune_code: null,
      epci_code: null,
      departement_code: null,
      region_code: null,
      population: null,
      amount_eur: 1000,
      total_cost_eur: null,
      filed_on: null,
      decided_on: '2022-01-01',
      status: 'finance',
      site_url: null,
      source_url: null,
      outputs: '[]',
      demonstration: 0,
      source_hash: id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const t of spec.themes)
    await db.insertInto('laureat_theme').values({ laureat_id: id, theme_code: t }).execute();
  return id;
}
