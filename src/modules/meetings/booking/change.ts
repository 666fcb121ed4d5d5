/**
 * What happens to a meeting after it is made: the stand accepts or declines a request, either side (or the
 * organiser) cancels. Each is a conditional update that cannot run twice (`WHERE status = …`), under the
 * participant's lock (store/decide.ts); declining and cancelling give the place back to the slot in the same
 * transaction, and tell the other side.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { MeetingsDeps } from '../deps.js';
import type { Canceller } from '../meetings.domain.js';
import { decide, freePlace, lockParticipants } from '../store/decide.js';
import { eventSummary } from '../store/event-reads.js';
import { agenda } from '../store/reads.js';
import { announceAcceptance } from './book.js';
import { issueToken } from './links.js';
import { cancelledMail, declinedMail } from './mails.js';

export type ChangeOutcome = 'fait' | 'deja-traite' | 'introuvable' | 'non-autorise' | 'passe';

/** Who asks: a participant (their registration), members (their ids), or an organiser of the event. */
export type Requester =
  | { kind: 'participant'; registrationId: string }
  | { kind: 'membre'; memberIds: readonly string[] }
  | { kind: 'organisateur' };

interface Target {
  id: string;
  registration_id: string;
  slot_id: string;
  status: string;
  member_id: string;
  starts_at: string;
}

async function target(
  trx: Kysely<Database>,
  eventId: string,
  bookingId: string,
): Promise<Target | undefined> {
  return trx
    .selectFrom('meeting_booking as b')
    .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
    .select(['b.id', 'b.registration_id', 'b.slot_id', 'b.status', 's.member_id', 's.starts_at'])
    .where('b.id', '=', bookingId)
    .where('b.event_id', '=', eventId)
    .executeTakeFirst();
}

function allowed(who: Requester, t: Target): boolean {
  if (who.kind === 'organisateur') return true;
  if (who.kind === 'participant') return who.registrationId === t.registration_id;
  return who.memberIds.includes(t.member_id);
}

/**
 * The stand's answer to a request: accepted (the meeting is confirmed) or declined (the slot is free at once).
 *
 * @example
 * await answerRequest(deps, { eventId, bookingId, who: { kind: 'membre', memberIds }, accept: false, reason: '' });
 */
export async function answerRequest(
  deps: MeetingsDeps,
  input: { eventId: string; bookingId: string; who: Requester; accept: boolean; reason: string },
): Promise<ChangeOutcome> {
  const now = deps.clock.now().toISOString();
  return decide(deps.db, deps.dialect, async (trx) => {
    const t = await target(trx, input.eventId, input.bookingId);
    if (!t) return 'introuvable';
    if (input.who.kind === 'participant' || !allowed(input.who, t)) return 'non-autorise';
    if (t.status !== 'demandee') return 'deja-traite';
    if (input.accept && now >= t.starts_at) return 'passe';
    await lockParticipants(trx, deps.dialect, input.eventId, [t.registration_id], now);
    const done = await trx
      .updateTable('meeting_booking')
      .set({
        status: input.accept ? 'confirmee' : 'refusee',
        decided_at: now,
        updated_at: now,
        reason: input.accept ? null : input.reason || null,
      })
      .where('id', '=', t.id)
      .where('status', '=', 'demandee')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return 'deja-traite';
    if (input.accept) {
      await announceAcceptance(trx, deps, input.eventId, t.id, now);
      return 'fait';
    }
    await freePlace(trx, t.slot_id);
    const [item] = await agenda(trx, input.eventId, { bookingId: t.id });
    const event = await eventSummary(trx, input.eventId);
    if (item && event) {
      const access = await issueToken(
        trx,
        {
          eventId: input.eventId,
          purpose: 'acces-participant',
          registrationId: t.registration_id,
          memberId: null,
          bookingId: null,
        },
        now,
      );
      const ctx = { eventId: input.eventId, eventTitle: event.title, publicUrl: deps.publicUrl };
      await deps.outbox.enqueue(trx, declinedMail(ctx, item, access, input.reason || null));
    }
    return 'fait';
  });
}

/**
 * Cancels a meeting (or withdraws a request): the slot's place is given back and the other side is told (both
 * sides when the organiser cancels).
 *
 * @example
 * await cancelMeeting(deps, { eventId, bookingId, who: { kind: 'participant', registrationId }, reason: '' });
 */
export async function cancelMeeting(
  deps: MeetingsDeps,
  input: { eventId: string; bookingId: string; who: Requester; reason: string },
): Promise<ChangeOutcome> {
  const now = deps.clock.now().toISOString();
  return decide(deps.db, deps.dialect, async (trx) => {
    const t = await target(trx, input.eventId, input.bookingId);
    if (!t) return 'introuvable';
    if (!allowed(input.who, t)) return 'non-autorise';
    if (t.status !== 'demandee' && t.status !== 'confirmee') return 'deja-traite';
    // A meeting that has begun took place (or the person did not come): it stays in the agendas as it was.
    if (now >= t.starts_at) return 'passe';
    await lockParticipants(trx, deps.dialect, input.eventId, [t.registration_id], now);
    const by: Canceller = input.who.kind;
    const done = await trx
      .updateTable('meeting_booking')
      .set({
        status: 'annulee',
        cancelled_at: now,
        cancelled_by: by,
        updated_at: now,
        reason: input.reason || null,
      })
      .where('id', '=', t.id)
      .where('status', 'in', ['demandee', 'confirmee'])
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return 'deja-traite';
    await freePlace(trx, t.slot_id);
    await announceCancellation(trx, deps, input.eventId, t.id, by, now);
    return 'fait';
  });
}

async function announceCancellation(
  trx: Kysely<Database>,
  deps: MeetingsDeps,
  eventId: string,
  bookingId: string,
  by: Canceller,
  now: string,
) {
  const [item] = await agenda(trx, eventId, { bookingId });
  const event = await eventSummary(trx, eventId);
  if (!item || !event) return;
  const ctx = { eventId, eventTitle: event.title, publicUrl: deps.publicUrl };
  if (by !== 'participant') {
    const access = await issueToken(
      trx,
      {
        eventId,
        purpose: 'acces-participant',
        registrationId: item.registrationId,
        memberId: null,
        bookingId: null,
      },
      now,
    );
    await deps.outbox.enqueue(trx, cancelledMail(ctx, item, 'participant', by, access, now));
  }
  if (by !== 'membre') {
    const access = await issueToken(
      trx,
      { eventId, purpose: 'acces-membre', registrationId: null, memberId: item.memberId, bookingId: null },
      now,
    );
    await deps.outbox.enqueue(trx, cancelledMail(ctx, item, 'membre', by, access, now));
  }
}
