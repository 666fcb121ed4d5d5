/**
 * Slots, made in series (« toutes les 20 minutes de 15:00 à 16:30 ») for one member or every member of a
 * stand. A series is refused whole, with the reason on the field, when it would leave the event's hours, make
 * a member's slots overlap, or put more meetings at once in a location than it holds.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import type { Author, MeetingsDeps, Result } from '../deps.js';
import { type Interval, overlaps, peakOverlap, slotSeries } from '../meetings.domain.js';
import { hm, parisInstant, timeSpan } from '../paris-time.js';
import { decide } from '../store/decide.js';
import { eventSummary } from '../store/event-reads.js';
import type { SeriesInput } from './schemas.js';

/**
 * Locks the slots of a stand, a member or one slot (PostgreSQL: their rows, FOR UPDATE) and says how many live
 * meetings they hold; a booking of one of them waits for the caller's transaction, or was counted.
 */
export async function lockSlots(
  trx: Kysely<Database>,
  dialect: Dialect,
  column: 'stand_id' | 'member_id' | 'id',
  value: string,
): Promise<number> {
  const rows =
    dialect === 'postgres'
      ? (
          await sql<{
            booked: number;
          }>`SELECT booked FROM meeting_slot WHERE ${sql.ref(column)} = ${value} ORDER BY id FOR UPDATE`.execute(
            trx,
          )
        ).rows
      : await trx.selectFrom('meeting_slot').select('booked').where(column, '=', value).execute();
  return rows.reduce((n, r) => n + Number(r.booked), 0);
}

/**
 * Creates a series of slots; returns how many.
 *
 * @example
 * await createSeries(deps, author, eventId, standId, { membre: 'tous', lieu, jour: '2023-01-18', debut: '15:00', fin: '16:30', intervalle: 20, duree: 20, capacite: 1 });
 */
export async function createSeries(
  deps: MeetingsDeps,
  author: Author,
  eventId: string,
  standId: string,
  input: SeriesInput,
): Promise<Result<number>> {
  const event = await eventSummary(deps.db, eventId);
  const from = parisInstant(input.jour, input.debut);
  const until = parisInstant(input.jour, input.fin);
  if (!event || !from || !until)
    return { ok: false, errors: { jour: 'Indiquez un jour qui existe, au format JJ/MM/AAAA.' } };
  if (from < event.startsAt || until > event.endsAt) {
    return {
      ok: false,
      errors: {
        debut: `Les créneaux doivent tenir dans les horaires de l’événement (${hm(event.startsAt)} – ${hm(event.endsAt)}, le jour de l’événement).`,
      },
    };
  }
  const times = slotSeries(from, until, input.intervalle, input.duree);
  if (times.length === 0)
    return { ok: false, errors: { fin: 'Aucun créneau ne tient entre ces deux heures.' } };
  const now = deps.clock.now().toISOString();

  const result = await decide(deps.db, deps.dialect, async (trx): Promise<Result<number>> => {
    const members = await trx
      .selectFrom('meeting_stand_member')
      .select(['id', 'name', 'email'])
      .where('stand_id', '=', standId)
      .where('event_id', '=', eventId)
      .where((eb) => (input.membre === 'tous' ? eb.lit(true) : eb('id', '=', input.membre)))
      .orderBy('id')
      .execute();
    if (members.length === 0) return { ok: false, errors: { membre: 'Choisissez une personne du stand.' } };
    const location = await trx
      .selectFrom('meeting_location')
      .select(['id', 'name', 'capacity'])
      .where('id', '=', input.lieu)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!location) return { ok: false, errors: { lieu: 'Choisissez un lieu de la liste.' } };
    // One person may stand at two stands: their slots at every stand of the event must not overlap.
    const selves = await trx
      .selectFrom('meeting_stand_member')
      .select(['id', 'email'])
      .where('event_id', '=', eventId)
      .where(
        'email',
        'in',
        members.map((m) => m.email),
      )
      .orderBy('id')
      .execute();
    if (deps.dialect === 'postgres') {
      // Two series made at once for the same person or location wait for each other.
      await sql`SELECT id FROM meeting_location WHERE id = ${location.id} FOR UPDATE`.execute(trx);
      await sql`SELECT id FROM meeting_stand_member WHERE id IN (${sql.join(selves.map((m) => m.id))}) ORDER BY id FOR UPDATE`.execute(
        trx,
      );
    }
    const window = { startsAt: from, endsAt: until };
    const existing = await trx
      .selectFrom('meeting_slot')
      .select(['member_id', 'location_id', 'starts_at', 'ends_at'])
      .where((eb) =>
        eb.or([
          eb(
            'member_id',
            'in',
            selves.map((m) => m.id),
          ),
          eb('location_id', '=', location.id),
        ]),
      )
      .where('starts_at', '<', window.endsAt)
      .where('ends_at', '>', window.startsAt)
      .execute();
    for (const m of members) {
      const ids = new Set(selves.filter((x) => x.email === m.email).map((x) => x.id));
      const theirs = existing.filter((s) => ids.has(s.member_id));
      const clash = times.find((t) =>
        theirs.some((s) => overlaps(t, { startsAt: s.starts_at, endsAt: s.ends_at })),
      );
      if (clash) {
        return {
          ok: false,
          errors: {
            debut: `${m.name} a déjà un créneau qui chevauche celui de ${timeSpan(clash.startsAt, clash.endsAt)}.`,
          },
        };
      }
    }
    const atLocation: Interval[] = existing
      .filter((s) => s.location_id === location.id)
      .map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at }));
    for (const _ of members) atLocation.push(...times);
    const peak = peakOverlap(atLocation);
    if (peak > location.capacity) {
      return {
        ok: false,
        errors: {
          lieu: `« ${location.name} » accueille ${location.capacity} rendez-vous à la fois ; cette série en mettrait ${peak} en même temps. Choisissez un autre lieu ou moins de personnes.`,
        },
      };
    }
    const rows = members.flatMap((m) =>
      times.map((t) => ({
        id: randomUUID(),
        event_id: eventId,
        stand_id: standId,
        member_id: m.id,
        location_id: location.id,
        starts_at: t.startsAt,
        ends_at: t.endsAt,
        capacity: input.capacite,
        booked: 0,
        created_at: now,
      })),
    );
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('meeting_slot')
        .values(rows.slice(i, i + 200))
        .execute();
    return { ok: true, value: rows.length };
  });
  if (result.ok) {
    await deps.audit?.({
      at: now,
      actorId: author.id,
      actorLabel: author.label,
      action: 'rencontres.creneaux-crees',
      targetType: 'rencontres',
      targetId: standId,
      details: { nombre: result.value },
      ip: author.ip,
    });
  }
  return result;
}

/**
 * Deletes a slot that holds no live meeting; the reason otherwise.
 *
 * @example
 * await deleteSlot(deps, author, eventId, slotId)
 */
export async function deleteSlot(
  deps: MeetingsDeps,
  author: Author,
  eventId: string,
  slotId: string,
): Promise<Result<null>> {
  const result = await decide(deps.db, deps.dialect, async (trx): Promise<Result<null>> => {
    const held = await lockSlots(trx, deps.dialect, 'id', slotId);
    if (held > 0) {
      return { ok: false, errors: { _form: 'Ce créneau a des rendez-vous : annulez-les d’abord.' } };
    }
    await trx.deleteFrom('meeting_slot').where('id', '=', slotId).where('event_id', '=', eventId).execute();
    return { ok: true, value: null };
  });
  if (result.ok) {
    await deps.audit?.({
      at: deps.clock.now().toISOString(),
      actorId: author.id,
      actorLabel: author.label,
      action: 'rencontres.creneau-supprime',
      targetType: 'rencontres',
      targetId: slotId,
      details: {},
      ip: author.ip,
    });
  }
  return result;
}
