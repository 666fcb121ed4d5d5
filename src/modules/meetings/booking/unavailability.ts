/**
 * A member marks themselves unavailable for a period: none of their slots in it can be booked from then on.
 * A period that already holds meetings is refused (the member cancels them first, which tells each
 * participant): the platform never drops a meeting silently.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MeetingsDeps, Result } from '../deps.js';
import { decide } from '../store/decide.js';

/**
 * @example
 * await markUnavailable(deps, { eventId, memberId, startsAt, endsAt, reason: 'Réunion' });
 */
export async function markUnavailable(
  deps: MeetingsDeps,
  input: { eventId: string; memberId: string; startsAt: string; endsAt: string; reason: string },
): Promise<Result<string>> {
  const now = deps.clock.now().toISOString();
  return decide(deps.db, deps.dialect, async (trx) => {
    // The slots' row locks: a booking of one of them waits for this decision, or is seen in `booked`.
    const slots =
      deps.dialect === 'postgres'
        ? (
            await sql<{
              id: string;
              booked: number;
            }>`SELECT id, booked FROM meeting_slot WHERE member_id = ${input.memberId} AND starts_at < ${input.endsAt} AND ends_at > ${input.startsAt} ORDER BY id FOR UPDATE`.execute(
              trx,
            )
          ).rows
        : await trx
            .selectFrom('meeting_slot')
            .select(['id', 'booked'])
            .where('member_id', '=', input.memberId)
            .where('starts_at', '<', input.endsAt)
            .where('ends_at', '>', input.startsAt)
            .execute();
    const held = slots.reduce((n, s) => n + Number(s.booked), 0);
    if (held > 0) {
      return {
        ok: false,
        errors: {
          debut:
            held > 1
              ? `Vous avez ${held} rendez-vous pendant cette période : annulez-les d’abord depuis votre agenda.`
              : 'Vous avez un rendez-vous pendant cette période : annulez-le d’abord depuis votre agenda.',
        },
      };
    }
    const id = randomUUID();
    await trx
      .insertInto('meeting_unavailability')
      .values({
        id,
        member_id: input.memberId,
        event_id: input.eventId,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        reason: input.reason,
        created_at: now,
      })
      .execute();
    return { ok: true, value: id };
  });
}

/** Removes a period of unavailability of one of `memberIds`; false when there was none. */
export async function removeUnavailability(
  deps: MeetingsDeps,
  input: { eventId: string; id: string; memberIds: readonly string[] },
): Promise<boolean> {
  if (input.memberIds.length === 0) return false;
  const done = await deps.db
    .deleteFrom('meeting_unavailability')
    .where('id', '=', input.id)
    .where('event_id', '=', input.eventId)
    .where('member_id', 'in', [...input.memberIds])
    .executeTakeFirst();
  return Number(done.numDeletedRows) === 1;
}
