/**
 * Meetings whose participant no longer comes to the stands: their registration was cancelled or refused after
 * they booked, or they now attend remotely (the events module does not tell this one). Such a meeting is cancelled by the platform, its place given
 * back and the stand's member told, either when someone wants the full slot (book.ts) or when a page that shows
 * the slots or the stand's agenda is read (`releaseLapsed`): one indexed query when there is nothing to release.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { MeetingsDeps } from '../deps.js';
import { decide, freePlace, lockParticipants } from '../store/decide.js';
import { eventSummary } from '../store/event-reads.js';
import { agenda } from '../store/reads.js';
import { issueToken } from './links.js';
import { cancelledMail } from './mails.js';

const LIVE = ['demandee', 'confirmee'] as const;
export const LAPSED_REASON = 'Inscription à l’événement annulée.';
export const REMOTE_REASON =
  'Participation à l’événement passée à distance : les rendez-vous ont lieu sur place.';

interface LapsedRow {
  id: string;
  slot_id: string;
  registration_id: string;
  /** The registration's status and mode now. */
  status: string;
  mode: string;
}

/**
 * The live meetings of `eventId` (of a stand, of members) held by registrations no longer confirmed, or no
 * longer in person.
 */
function lapsedOf(
  db: Kysely<Database>,
  eventId: string,
  scope: { standId?: string; memberIds?: readonly string[]; slotId?: string },
): Promise<LapsedRow[]> {
  let query = db
    .selectFrom('meeting_booking as b')
    .innerJoin('registration as r', 'r.id', 'b.registration_id')
    .select(['b.id', 'b.slot_id', 'b.registration_id', 'r.status', 'r.mode'])
    .where('b.event_id', '=', eventId)
    .where('b.status', 'in', [...LIVE])
    .where((eb) => eb.or([eb('r.status', '<>', 'confirmee'), eb('r.mode', '<>', 'presentiel')]));
  if (scope.standId) query = query.where('b.stand_id', '=', scope.standId);
  if (scope.slotId) query = query.where('b.slot_id', '=', scope.slotId);
  if (scope.memberIds) {
    if (scope.memberIds.length === 0) return Promise.resolve([]);
    const ids = [...scope.memberIds];
    query = query.where((eb) =>
      eb(
        'b.slot_id',
        'in',
        eb
          .selectFrom('meeting_slot')
          .select('id')
          .where('member_id', 'in', ids)
          .where('event_id', '=', eventId),
      ),
    );
  }
  return query.orderBy('b.slot_id').orderBy('b.id').limit(500).execute();
}

/**
 * Cancels lapsed meetings inside the caller's transaction (the participants' anchors and the slots already
 * locked, or about to be in the protocol's order), gives their places back and tells each stand member, and
 * the participant too when they are still registered (now remotely). Returns how many were cancelled.
 */
export async function cancelLapsed(
  trx: Kysely<Database>,
  deps: MeetingsDeps,
  eventId: string,
  rows: readonly LapsedRow[],
  now: string,
): Promise<number> {
  let freed = 0;
  const event = rows.length > 0 ? await eventSummary(trx, eventId) : null;
  for (const row of rows) {
    const stillRegistered = row.status === 'confirmee';
    const done = await trx
      .updateTable('meeting_booking')
      .set({
        status: 'annulee',
        cancelled_at: now,
        cancelled_by: 'systeme',
        updated_at: now,
        reason: stillRegistered ? REMOTE_REASON : LAPSED_REASON,
      })
      .where('id', '=', row.id)
      .where('status', 'in', [...LIVE])
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) continue;
    await freePlace(trx, row.slot_id);
    freed++;
    const [item] = await agenda(trx, eventId, { bookingId: row.id });
    if (!item || !event) continue;
    const access = await issueToken(
      trx,
      { eventId, purpose: 'acces-membre', registrationId: null, memberId: item.memberId, bookingId: null },
      now,
    );
    const ctx = { eventId, eventTitle: event.title, publicUrl: deps.publicUrl };
    await deps.outbox.enqueue(trx, cancelledMail(ctx, item, 'membre', 'systeme', access, now));
    if (stillRegistered) {
      const own = await issueToken(
        trx,
        {
          eventId,
          purpose: 'acces-participant',
          registrationId: row.registration_id,
          memberId: null,
          bookingId: null,
        },
        now,
      );
      await deps.outbox.enqueue(trx, cancelledMail(ctx, item, 'participant', 'systeme', own, now));
    }
  }
  return freed;
}

/**
 * The release when read: before a page shows slots or a stand's agenda, the meetings of registrations cancelled
 * or switched to remote since are cancelled, so that their slots show free and the stand stops expecting them.
 *
 * @example
 * await releaseLapsed(deps, eventId, { standId });
 */
export async function releaseLapsed(
  deps: MeetingsDeps,
  eventId: string,
  scope: { standId?: string; memberIds?: readonly string[]; slotId?: string } = {},
): Promise<number> {
  if ((await lapsedOf(deps.db, eventId, scope)).length === 0) return 0;
  const now = deps.clock.now().toISOString();
  return decide(deps.db, deps.dialect, async (trx) => {
    // Read again inside the decision: another request may have released them, or a registration come back.
    const rows = await lapsedOf(trx, eventId, scope);
    await lockParticipants(
      trx,
      deps.dialect,
      eventId,
      rows.map((r) => r.registration_id),
      now,
    );
    return cancelLapsed(trx, deps, eventId, rows, now);
  });
}

/** The lapsed meetings of one slot, for a booking that finds it full (read under the booking's locks). */
export function lapsedOfSlot(trx: Kysely<Database>, eventId: string, slotId: string): Promise<LapsedRow[]> {
  return lapsedOf(trx, eventId, { slotId });
}
