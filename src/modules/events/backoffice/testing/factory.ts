/**
 * Rows for the back office's tests, inserted directly: an event, registrations, accreditations. Defaults
 * describe the Journée of 18 January 2023; every field can be overridden.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../../adapters/db/schema.js';
import type {
  EventTable,
  PressAccreditationTable,
  RegistrationTable,
} from '../../../../adapters/db/tables/events.js';
import { randomToken, sha256 } from '../../../../shared/hash.js';

/**
 * @example
 * const event = await insertEvent(db, { id: 'journee-2023' });
 */
export async function insertEvent(db: Kysely<Database>, overrides: Partial<Insertable<EventTable>> = {}) {
  const row: Insertable<EventTable> = {
    id: `evenement-${randomUUID().slice(0, 8)}`,
    title: 'Journée Numérique & Territoires',
    summary: 'Les résultats du fonds, deux ans après.',
    audience: 'Agents et élus des collectivités territoriales.',
    practical_info: 'Entrée libre sur inscription.',
    starts_at: '2023-01-18T08:00:00.000Z',
    ends_at: '2023-01-18T15:30:00.000Z',
    venue_name: 'DINUM',
    address: '20 avenue de Ségur, 75007 Paris',
    in_person: 1,
    remote: 1,
    video_url: null,
    registration_opens_at: '2022-12-01T08:00:00.000Z',
    registration_closes_at: '2023-01-06T23:00:00.000Z',
    capacity_total: null,
    capacity_in_person: null,
    capacity_remote: null,
    offer_hours: 48,
    retention_months: 6,
    status: 'publie',
    demonstration: 0,
    created_by: null,
    created_at: '2022-11-01T08:00:00.000Z',
    updated_at: '2022-11-01T08:00:00.000Z',
    ...overrides,
  };
  await db.insertInto('event').values(row).execute();
  return row;
}

/**
 * @example
 * const r = await insertRegistration(db, { event_id: event.id, given_name: 'Anne', family_name: 'Martin' });
 */
export async function insertRegistration(
  db: Kysely<Database>,
  overrides: Partial<Insertable<RegistrationTable>> & { event_id: string },
) {
  const id = overrides.id ?? randomUUID();
  const row: Insertable<RegistrationTable> = {
    id,
    person_id: null,
    email: `${id.slice(0, 8)}@exemple.fr`,
    given_name: 'Camille',
    family_name: `Durand-${id.slice(0, 4)}`,
    organisation_name: 'Commune de Grenoble',
    organisation_siren: '213801855',
    collectivite_key: '38185',
    profile: 'agent-collectivite',
    mode: 'presentiel',
    status: 'confirmee',
    offer_expires_at: null,
    answers: '{}',
    listed: 0,
    manage_token_hash: sha256(randomToken()),
    refusal_reason: null,
    checked_in_at: null,
    created_at: '2022-12-10T10:00:00.000Z',
    updated_at: '2022-12-10T10:00:00.000Z',
    cancelled_at: null,
    ...overrides,
  };
  await db.insertInto('registration').values(row).execute();
  return row;
}

/**
 * @example
 * await insertAccreditation(db, { event_id: event.id, status: 'demandee' });
 */
export async function insertAccreditation(
  db: Kysely<Database>,
  overrides: Partial<Insertable<PressAccreditationTable>> & { event_id: string },
) {
  const id = overrides.id ?? randomUUID();
  const row: Insertable<PressAccreditationTable> = {
    id,
    registration_id: null,
    email: `presse-${id.slice(0, 8)}@redaction.fr`,
    full_name: 'Anne Martin',
    media: 'Le Quotidien des territoires',
    press_card: '12345',
    attachment_key: null,
    status: 'demandee',
    reason: null,
    decided_by: null,
    decided_at: null,
    created_at: '2022-12-12T10:00:00.000Z',
    ...overrides,
  };
  await db.insertInto('press_accreditation').values(row).execute();
  return row;
}
