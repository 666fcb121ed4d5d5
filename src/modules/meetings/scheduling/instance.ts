/**
 * The assignment problem of an event, read from its tables: the ranked stands of every confirmed in-person
 * participant, the places left on slots still to come (a slot in a member's unavailability has none), and the
 * meetings people already hold (their times are taken, their stands are served, they count in the limit).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { overlaps, type Space } from '../meetings.domain.js';
import { unavailabilityOf } from '../store/reads.js';
import type { Instance, InstanceParticipant, InstanceSlot } from './state.js';

/**
 * @example
 * const instance = await loadInstance(db, space, now);
 */
export async function loadInstance(db: Kysely<Database>, space: Space, now: string): Promise<Instance> {
  const eventId = space.eventId;
  const away = await unavailabilityOf(db, eventId);
  const slotRows = await db
    .selectFrom('meeting_slot')
    .select(['id', 'stand_id', 'member_id', 'starts_at', 'ends_at', 'capacity', 'booked'])
    .where('event_id', '=', eventId)
    .where('starts_at', '>', now)
    .orderBy('id')
    .execute();
  const slots: InstanceSlot[] = slotRows.map((s) => ({
    id: s.id,
    standId: s.stand_id,
    start: Date.parse(s.starts_at),
    end: Date.parse(s.ends_at),
    capacity: away.some(
      (a) => a.memberId === s.member_id && overlaps(a, { startsAt: s.starts_at, endsAt: s.ends_at }),
    )
      ? 0
      : s.capacity - s.booked,
  }));
  const rankings = await db
    .selectFrom('meeting_ranking as k')
    .innerJoin('registration as r', 'r.id', 'k.registration_id')
    .select(['k.registration_id', 'k.stand_id', 'k.rank'])
    .where('k.event_id', '=', eventId)
    .where('r.status', '=', 'confirmee')
    .where('r.mode', '=', 'presentiel')
    .orderBy('k.registration_id')
    .orderBy('k.rank')
    .execute();
  const live = await db
    .selectFrom('meeting_booking as b')
    .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
    .select(['b.registration_id', 'b.stand_id', 's.starts_at', 's.ends_at'])
    .where('b.event_id', '=', eventId)
    .where('b.status', 'in', ['demandee', 'confirmee'])
    .execute();
  const held = new Map<string, typeof live>();
  for (const b of live) held.set(b.registration_id, [...(held.get(b.registration_id) ?? []), b]);
  const byPerson = new Map<string, Array<{ stand: string; rank: number }>>();
  for (const r of rankings) {
    byPerson.set(r.registration_id, [
      ...(byPerson.get(r.registration_id) ?? []),
      { stand: r.stand_id, rank: r.rank },
    ]);
  }
  const participants: InstanceParticipant[] = [];
  for (const [id, choices] of byPerson) {
    const mine = held.get(id) ?? [];
    const served = new Set(mine.map((b) => b.stand_id));
    const open = choices.filter((c) => !served.has(c.stand));
    participants.push({
      id,
      choices: open.map((c) => c.stand),
      ranks: open.map((c) => c.rank),
      limit: Math.max(0, (space.perPersonLimit ?? space.choicesMax) - mine.length),
      busy: mine.map((b) => ({ start: Date.parse(b.starts_at), end: Date.parse(b.ends_at) })),
    });
  }
  return { choicesMax: space.choicesMax, slots, participants };
}
