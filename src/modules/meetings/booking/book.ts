/**
 * Booking a slot: the one use case a rush of participants runs at once. It decides inside one locked
 * transaction (store/decide.ts) so that a slot never holds more than its capacity, a participant is never in
 * two places at once nor past the per-person limit, and one participant holds one live meeting per stand (the
 * partial unique index `meeting_booking_live` makes that last one impossible even for a bug).
 *
 * A replay (a double click, a refresh of the POST) finds the participant's live booking of the same slot and
 * answers it again (`deja`): booking is idempotent without a form key.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { MeetingsDeps } from '../deps.js';
import { bookingOpen, overlaps } from '../meetings.domain.js';
import { decide, lockParticipants, Rollback, takePlace } from '../store/decide.js';
import { eventSummary, isActiveParticipant, type Participant } from '../store/event-reads.js';
import { agenda } from '../store/reads.js';
import { agendaItemOf, type BookingContext, bookingContext } from './context.js';
import { cancelLapsed, lapsedOfSlot } from './lapsed.js';
import { insertTokens, prepareTokens } from './links.js';
import { enqueueAll, memberMeetingMail, participantMeetingMail } from './mails.js';

export type BookRefusal =
  | 'planifie'
  | 'participant'
  | 'distance'
  | 'creneau'
  | 'pas-encore'
  | 'fermee'
  | 'meme-stand'
  | 'limite'
  | 'conflit'
  | 'complet'
  | 'indisponible';

export type BookOutcome =
  | { status: 'confirmee' | 'demandee' | 'deja'; bookingId: string }
  | { status: 'refus'; reason: BookRefusal; message: string };

export const REFUSALS: Record<BookRefusal, string> = {
  planifie:
    'Les rendez-vous de cet événement sont attribués par l’organisateur : classez les stands qui vous intéressent.',
  participant: 'Seuls les participants dont l’inscription est confirmée peuvent prendre rendez-vous.',
  distance: 'Les rendez-vous ont lieu sur place : ils sont réservés aux participants inscrits en présentiel.',
  creneau: 'Ce créneau n’existe pas ou plus. Choisissez-en un autre.',
  'pas-encore': 'Les réservations ne sont pas encore ouvertes.',
  fermee: 'Les réservations sont closes pour ce créneau.',
  'meme-stand': 'Vous avez déjà un rendez-vous avec ce stand : annulez-le d’abord pour en choisir un autre.',
  limite: 'Vous avez atteint le nombre de rendez-vous permis par personne pour cet événement.',
  conflit: 'Vous avez déjà un rendez-vous à cette heure-là. Choisissez un autre créneau.',
  complet: 'Ce créneau vient d’être pris. Choisissez-en un autre.',
  indisponible:
    'La personne qui tient ce créneau n’est pas disponible à cette heure-là. Choisissez-en un autre.',
};

const refuse = (reason: BookRefusal): BookOutcome => ({ status: 'refus', reason, message: REFUSALS[reason] });

/**
 * Books a slot for a participant: confirmed at once when the stand takes direct bookings, else a request that
 * holds the slot until the stand answers. Both sides get an e-mail with the .ics and a cancellation link.
 *
 * The context is read and the e-mails written before the transaction (when the participant's snapshot says the
 * booking may succeed), so that the locked part only counts and writes; every check is made again under the
 * locks, and a booking the snapshot thought refused but that succeeds writes its e-mails there.
 *
 * @example
 * const outcome = await bookSlot(deps, { eventId, registrationId, slotId, note: '' });
 * if (outcome.status === 'refus') showError(outcome.message);
 */
export async function bookSlot(
  deps: MeetingsDeps,
  input: { eventId: string; registrationId: string; slotId: string; note: string },
): Promise<BookOutcome> {
  const now = deps.clock.now().toISOString();
  const ctx = await bookingContext(deps.db, input);
  if (!ctx) return refuse('creneau');
  if (ctx.space.mode !== 'libre') return refuse('planifie');
  const { participant, slot } = ctx;
  if (!isActiveParticipant(participant, input.eventId)) return refuse('participant');
  if (participant.mode !== 'presentiel') return refuse('distance');
  const open = bookingOpen(ctx.space, slot.startsAt, now);
  if (open !== 'ouverte') return refuse(open);
  const times = { startsAt: slot.startsAt, endsAt: slot.endsAt };
  const status = slot.bookingMode === 'demande' ? 'demandee' : 'confirmee';
  const bookingId = randomUUID();
  const prepare = () =>
    prepareAnnouncement(
      deps,
      ctx,
      participant,
      { id: bookingId, status, note: input.note, createdAt: now },
      now,
    );
  const snapshot = await liveBookingsOf(deps.db, input.registrationId);
  const likely = slot.booked < slot.capacity && refusalFor(snapshot, ctx, times) === null;
  const prepared = likely ? prepare() : null;

  return decide(deps.db, deps.dialect, async (trx) => {
    await lockParticipants(trx, deps.dialect, input.eventId, [input.registrationId], now);
    const mine = await liveBookingsOf(trx, input.registrationId);
    const same = mine.find((b) => b.slot_id === slot.id);
    if (same) return { status: 'deja', bookingId: same.id };
    const refusal = refusalFor(mine, ctx, times);
    if (refusal) return refuse(refusal);
    if (!(await takePlace(trx, slot.id))) {
      // Places held by participants whose registration is no longer confirmed (see lapsed.ts).
      const released = await cancelLapsed(
        trx,
        deps,
        input.eventId,
        await lapsedOfSlot(trx, input.eventId, slot.id),
        now,
      );
      if (released === 0 || !(await takePlace(trx, slot.id))) return refuse('complet');
    }
    // Read under the slot's lock: an unavailability being marked waits for this decision, or was seen.
    const away = await trx
      .selectFrom('meeting_unavailability')
      .select('id')
      .where('member_id', '=', slot.memberId)
      .where('starts_at', '<', slot.endsAt)
      .where('ends_at', '>', slot.startsAt)
      .executeTakeFirst();
    if (away) throw new Rollback(refuse('indisponible'));
    await trx
      .insertInto('meeting_booking')
      .values({
        id: bookingId,
        event_id: input.eventId,
        slot_id: slot.id,
        stand_id: slot.standId,
        registration_id: input.registrationId,
        status,
        source: 'reservation',
        note: input.note,
        created_at: now,
        updated_at: now,
        decided_at: status === 'confirmee' ? now : null,
        cancelled_at: null,
        cancelled_by: null,
        reason: null,
      })
      .execute();
    const { tokens, mails } = prepared ?? prepare();
    await insertTokens(trx, tokens);
    await enqueueAll(deps.outbox, trx, mails);
    return { status, bookingId };
  });
}

/** What refuses a booking given the participant's live meetings: same stand, the limit, an overlap. */
function refusalFor(
  mine: ReadonlyArray<{ stand_id: string; starts_at: string; ends_at: string }>,
  ctx: BookingContext,
  times: { startsAt: string; endsAt: string },
): BookRefusal | null {
  if (mine.some((b) => b.stand_id === ctx.slot.standId)) return 'meme-stand';
  if (ctx.space.perPersonLimit !== null && mine.length >= ctx.space.perPersonLimit) return 'limite';
  if (mine.some((b) => overlaps({ startsAt: b.starts_at, endsAt: b.ends_at }, times))) return 'conflit';
  return null;
}

/** The e-mails of a new booking, to both sides, and the links they carry (stored with the booking). */
function prepareAnnouncement(
  deps: MeetingsDeps,
  ctx: BookingContext,
  participant: Participant,
  booking: { id: string; status: 'demandee' | 'confirmee'; note: string; createdAt: string },
  now: string,
) {
  const eventId = participant.eventId;
  const item = agendaItemOf(ctx, participant, booking);
  const { tokens, rows } = prepareTokens(
    [
      {
        eventId,
        purpose: 'acces-participant',
        registrationId: participant.registrationId,
        memberId: null,
        bookingId: null,
      },
      {
        eventId,
        purpose: 'annulation-participant',
        registrationId: null,
        memberId: null,
        bookingId: booking.id,
      },
      { eventId, purpose: 'acces-membre', registrationId: null, memberId: item.memberId, bookingId: null },
      { eventId, purpose: 'annulation-membre', registrationId: null, memberId: null, bookingId: booking.id },
    ],
    now,
  );
  const mailContext = { eventId, eventTitle: ctx.eventTitle, publicUrl: deps.publicUrl };
  const kind = booking.status === 'confirmee' ? 'confirme' : 'demande';
  return {
    tokens: rows,
    mails: [
      participantMeetingMail(mailContext, item, { access: tokens[0]!, cancel: tokens[1]! }, kind),
      memberMeetingMail(mailContext, item, { access: tokens[2]!, cancel: tokens[3]! }, kind),
    ],
  };
}

/** The participant's live meetings with their times. */
export async function liveBookingsOf(trx: Kysely<Database>, registrationId: string) {
  return trx
    .selectFrom('meeting_booking as b')
    .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
    .select(['b.id', 'b.slot_id', 'b.stand_id', 's.starts_at', 's.ends_at'])
    .where('b.registration_id', '=', registrationId)
    .where('b.status', 'in', ['demandee', 'confirmee'])
    .execute();
}

/**
 * Tells the participant their request was accepted, with the .ics and fresh links, inside the answer's
 * transaction.
 */
export async function announceAcceptance(
  trx: Kysely<Database>,
  deps: MeetingsDeps,
  eventId: string,
  bookingId: string,
  now: string,
): Promise<void> {
  const [item] = await agenda(trx, eventId, { bookingId });
  const event = await eventSummary(trx, eventId);
  if (!item || !event) return;
  const ctx = { eventId, eventTitle: event.title, publicUrl: deps.publicUrl };
  const { tokens, rows } = prepareTokens(
    [
      {
        eventId,
        purpose: 'acces-participant',
        registrationId: item.registrationId,
        memberId: null,
        bookingId: null,
      },
      { eventId, purpose: 'annulation-participant', registrationId: null, memberId: null, bookingId },
    ],
    now,
  );
  await insertTokens(trx, rows);
  await deps.outbox.enqueue(
    trx,
    participantMeetingMail(ctx, item, { access: tokens[0]!, cancel: tokens[1]! }, 'accepte'),
  );
}
