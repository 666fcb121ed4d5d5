/**
 * The organisers' use cases: the space's settings, locations, stands and their members. Removing something
 * that holds live meetings is refused with the reason (the organiser cancels them first, which tells each
 * participant): a change here never drops a meeting silently. Every change is audited once committed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { Author, MeetingsDeps, Result } from '../deps.js';
import type { Space } from '../meetings.domain.js';
import { decide } from '../store/decide.js';
import { spaceOfEvent } from '../store/reads.js';
import type { LocationInput, MemberInput, SettingsInput, StandInput } from './schemas.js';
import { lockSlots } from './slots.js';

/** The settings of a new espace de rencontres: free booking, no per-person limit, five choices. */
export async function ensureSpace(
  db: Kysely<Database>,
  eventId: string,
  now: string,
  demonstration = false,
): Promise<Space> {
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
      demonstration: demonstration ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
  return (await spaceOfEvent(db, eventId))!;
}

/**
 * Builds the organisers' use cases.
 *
 * @example
 * const setup = createSetupService(deps); await setup.addLocation(author, eventId, { nom: 'Table 1', capacite: 1 });
 */
export function createSetupService(deps: MeetingsDeps) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();
  const audit = async (
    author: Author,
    action: string,
    targetId: string,
    details: Record<string, unknown> = {},
  ) =>
    deps.audit?.({
      at: now(),
      actorId: author.id,
      actorLabel: author.label,
      action,
      targetType: 'rencontres',
      targetId,
      details,
      ip: author.ip,
    });

  /**
   * Deletes a stand or a member (their slots go with them) unless their slots hold live meetings, deciding under
   * the slots' locks so that no booking slips in between the count and the delete.
   */
  async function deleteUnlessBooked(
    table: 'meeting_stand' | 'meeting_stand_member',
    column: 'stand_id' | 'member_id',
    eventId: string,
    id: string,
  ): Promise<number> {
    return decide(db, deps.dialect, async (trx) => {
      const live = await lockSlots(trx, deps.dialect, column, id);
      if (live === 0)
        await trx.deleteFrom(table).where('id', '=', id).where('event_id', '=', eventId).execute();
      return live;
    });
  }

  return {
    async saveSettings(author: Author, eventId: string, input: SettingsInput): Promise<Result<Space>> {
      await ensureSpace(db, eventId, now());
      await db
        .updateTable('meeting_space')
        .set({
          mode: input.mode,
          per_person_limit: input.limite,
          booking_opens_at: input.opensAt,
          booking_closes_at: input.closesAt,
          ranking_deadline: input.deadline,
          choices_max: input.choix,
          updated_at: now(),
        })
        .where('event_id', '=', eventId)
        .execute();
      await audit(author, 'rencontres.reglages', eventId, { mode: input.mode, limite: input.limite });
      return { ok: true, value: (await spaceOfEvent(db, eventId))! };
    },

    async addLocation(author: Author, eventId: string, input: LocationInput): Promise<Result<string>> {
      await ensureSpace(db, eventId, now());
      const count = await db
        .selectFrom('meeting_location')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      const id = randomUUID();
      await db
        .insertInto('meeting_location')
        .values({
          id,
          event_id: eventId,
          name: input.nom,
          capacity: input.capacite,
          sort_order: Number(count?.n ?? 0),
          created_at: now(),
        })
        .execute();
      await audit(author, 'rencontres.lieu-ajoute', id, { nom: input.nom });
      return { ok: true, value: id };
    },

    async deleteLocation(author: Author, eventId: string, id: string): Promise<Result<null>> {
      const slots = await db
        .selectFrom('meeting_slot')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('location_id', '=', id)
        .executeTakeFirst();
      if (Number(slots?.n ?? 0) > 0) {
        return { ok: false, errors: { _form: 'Ce lieu a des créneaux : supprimez-les d’abord.' } };
      }
      await db.deleteFrom('meeting_location').where('id', '=', id).where('event_id', '=', eventId).execute();
      await audit(author, 'rencontres.lieu-supprime', id);
      return { ok: true, value: null };
    },

    async saveStand(
      author: Author,
      eventId: string,
      standId: string | null,
      input: StandInput,
    ): Promise<Result<string>> {
      await ensureSpace(db, eventId, now());
      let locationId: string | null = null;
      if (input.lieu) {
        const loc = await db
          .selectFrom('meeting_location')
          .select('id')
          .where('id', '=', input.lieu)
          .where('event_id', '=', eventId)
          .executeTakeFirst();
        if (!loc) return { ok: false, errors: { lieu: 'Choisissez un lieu de la liste.' } };
        locationId = loc.id;
      }
      const values = {
        name: input.nom,
        organisation: input.organisation,
        description: input.description,
        topics: JSON.stringify(input.themes),
        audiences: JSON.stringify(input.publics),
        booking_mode: input.mode,
        location_id: locationId,
        updated_at: now(),
      };
      if (standId) {
        const done = await db
          .updateTable('meeting_stand')
          .set(values)
          .where('id', '=', standId)
          .where('event_id', '=', eventId)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1)
          return { ok: false, errors: { _form: 'Ce stand n’existe plus.' } };
        await audit(author, 'rencontres.stand-modifie', standId);
        return { ok: true, value: standId };
      }
      const count = await db
        .selectFrom('meeting_stand')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      const id = randomUUID();
      await db
        .insertInto('meeting_stand')
        .values({
          ...values,
          id,
          event_id: eventId,
          sort_order: Number(count?.n ?? 0),
          demonstration: 0,
          created_at: now(),
        })
        .execute();
      await audit(author, 'rencontres.stand-cree', id, { nom: input.nom });
      return { ok: true, value: id };
    },

    async deleteStand(author: Author, eventId: string, standId: string): Promise<Result<null>> {
      const live = await deleteUnlessBooked('meeting_stand', 'stand_id', eventId, standId);
      if (live > 0) {
        return {
          ok: false,
          errors: {
            _form: `Ce stand a ${live} rendez-vous en cours : annulez-les d’abord depuis ses créneaux.`,
          },
        };
      }
      await audit(author, 'rencontres.stand-supprime', standId);
      return { ok: true, value: null };
    },

    async addMember(
      author: Author,
      eventId: string,
      standId: string,
      input: MemberInput,
    ): Promise<Result<string>> {
      const exists = await db
        .selectFrom('meeting_stand_member')
        .select('id')
        .where('stand_id', '=', standId)
        .where('email', '=', input.email)
        .executeTakeFirst();
      if (exists) return { ok: false, errors: { email: 'Cette personne fait déjà partie du stand.' } };
      const id = randomUUID();
      await db
        .insertInto('meeting_stand_member')
        .values({
          id,
          stand_id: standId,
          event_id: eventId,
          email: input.email,
          name: input.nom,
          role: input.role,
          created_at: now(),
        })
        .onConflict((oc) => oc.columns(['stand_id', 'email']).doNothing())
        .execute();
      await audit(author, 'rencontres.membre-ajoute', id, { stand: standId });
      return { ok: true, value: id };
    },

    async removeMember(author: Author, eventId: string, memberId: string): Promise<Result<null>> {
      const live = await deleteUnlessBooked('meeting_stand_member', 'member_id', eventId, memberId);
      if (live > 0) {
        return {
          ok: false,
          errors: { _form: `Cette personne a ${live} rendez-vous en cours : annulez-les d’abord.` },
        };
      }
      await audit(author, 'rencontres.membre-retire', memberId);
      return { ok: true, value: null };
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
