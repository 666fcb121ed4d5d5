/**
 * Publishing an assignment: in one transaction under the booking protocol's locks (every participant's anchor in
 * id order, then the slots in id order), each proposed meeting is checked again — the participant still
 * confirmed, free at that time, under the limit, the slot still with room and its member available — and
 * booked; what no longer fits is skipped and counted. Every participant and member then gets their agenda.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { OutboxMessage } from '../../../ports/outbox.js';
import { issueTokens, type TokenTarget } from '../booking/links.js';
import { enqueueAll, publishedAgendaMail } from '../booking/mails.js';
import type { MeetingsDeps, Result } from '../deps.js';
import { type Interval, overlaps } from '../meetings.domain.js';
import { decide, lockParticipants, takePlace } from '../store/decide.js';
import { eventSummary } from '../store/event-reads.js';
import { type AgendaItem, agenda, spaceOfEvent, unavailabilityOf } from '../store/reads.js';

export async function publishAssignments(
  deps: MeetingsDeps,
  eventId: string,
  runId: string,
): Promise<Result<{ published: number; skipped: number }>> {
  const now = deps.clock.now().toISOString();
  return decide(
    deps.db,
    deps.dialect,
    async (trx): Promise<Result<{ published: number; skipped: number }>> => {
      const run = await trx
        .selectFrom('meeting_assignment_run')
        .select(['status', 'detail'])
        .where('id', '=', runId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      if (run?.status !== 'proposee') {
        return {
          ok: false,
          errors: { _form: 'Cette affectation n’est plus une proposition : elle a été publiée ou écartée.' },
        };
      }
      const space = await spaceOfEvent(trx, eventId);
      if (!space || space.publishedRunId)
        return { ok: false, errors: { _form: 'Une affectation est déjà publiée.' } };
      const proposed = await trx
        .selectFrom('meeting_assignment as a')
        .innerJoin('meeting_slot as s', 's.id', 'a.slot_id')
        .select(['a.registration_id', 'a.stand_id', 'a.slot_id', 's.member_id', 's.starts_at', 's.ends_at'])
        .where('a.run_id', '=', runId)
        .orderBy('a.slot_id')
        .orderBy('a.registration_id')
        .execute();
      const people = [...new Set(proposed.map((a) => a.registration_id))];
      await lockParticipants(trx, deps.dialect, eventId, people, now);
      const active = new Set<string>();
      const held = new Map<string, Array<Interval & { standId: string }>>();
      for (let i = 0; i < people.length; i += 500) {
        const chunk = people.slice(i, i + 500);
        const regs = await trx
          .selectFrom('registration')
          .select('id')
          .where('id', 'in', chunk)
          .where('status', '=', 'confirmee')
          .where('mode', '=', 'presentiel')
          .execute();
        for (const r of regs) active.add(r.id);
        const live = await trx
          .selectFrom('meeting_booking as b')
          .innerJoin('meeting_slot as s', 's.id', 'b.slot_id')
          .select(['b.registration_id', 'b.stand_id', 's.starts_at', 's.ends_at'])
          .where('b.registration_id', 'in', chunk)
          .where('b.status', 'in', ['demandee', 'confirmee'])
          .execute();
        for (const b of live) {
          held.set(b.registration_id, [
            ...(held.get(b.registration_id) ?? []),
            { standId: b.stand_id, startsAt: b.starts_at, endsAt: b.ends_at },
          ]);
        }
      }
      const away = await unavailabilityOf(trx, eventId);
      const limit = space.perPersonLimit ?? Number.POSITIVE_INFINITY;
      const bookings: Database['meeting_booking'][] = [];
      let skipped = 0;
      for (const a of proposed) {
        const mine = held.get(a.registration_id) ?? [];
        const times = { startsAt: a.starts_at, endsAt: a.ends_at };
        const fits =
          active.has(a.registration_id) &&
          a.starts_at > now &&
          mine.length < limit &&
          !mine.some((m) => m.standId === a.stand_id || overlaps(m, times)) &&
          !away.some((u) => u.memberId === a.member_id && overlaps(u, times));
        if (!fits || !(await takePlace(trx, a.slot_id))) {
          skipped++;
          continue;
        }
        mine.push({ standId: a.stand_id, ...times });
        held.set(a.registration_id, mine);
        bookings.push({
          id: randomUUID(),
          event_id: eventId,
          slot_id: a.slot_id,
          stand_id: a.stand_id,
          registration_id: a.registration_id,
          status: 'confirmee',
          source: 'planification',
          note: '',
          created_at: now,
          updated_at: now,
          decided_at: now,
          cancelled_at: null,
          cancelled_by: null,
          reason: null,
        });
      }
      for (let i = 0; i < bookings.length; i += 200)
        await trx
          .insertInto('meeting_booking')
          .values(bookings.slice(i, i + 200))
          .execute();
      const detail = {
        ...(JSON.parse(run.detail) as Record<string, unknown>),
        published: bookings.length,
        skipped,
      };
      await trx
        .updateTable('meeting_assignment_run')
        .set({ status: 'publiee', published_at: now, detail: JSON.stringify(detail) })
        .where('id', '=', runId)
        .execute();
      await trx
        .updateTable('meeting_space')
        .set({ published_run_id: runId, updated_at: now })
        .where('event_id', '=', eventId)
        .execute();
      await announceAgendas(trx, deps, eventId, new Set(bookings.map((b) => b.id)), runId, now);
      return { ok: true, value: { published: bookings.length, skipped } };
    },
  );
}

/** Everyone's agenda at once: each participant with their meetings (and a cancellation link each), each member. */
async function announceAgendas(
  trx: Kysely<Database>,
  deps: MeetingsDeps,
  eventId: string,
  created: ReadonlySet<string>,
  runId: string,
  now: string,
) {
  const event = await eventSummary(trx, eventId);
  if (!event || created.size === 0) return;
  const ctx = { eventId, eventTitle: event.title, publicUrl: deps.publicUrl };
  const items = (await agenda(trx, eventId, { live: true })).filter((i) => created.has(i.bookingId));
  const group = (key: (i: AgendaItem) => string) => {
    const map = new Map<string, AgendaItem[]>();
    for (const i of items) map.set(key(i), [...(map.get(key(i)) ?? []), i]);
    return map;
  };
  const byParticipant = group((i) => i.registrationId);
  const byMember = group((i) => i.memberId);
  const targets: TokenTarget[] = [];
  for (const [registrationId, mine] of byParticipant) {
    targets.push({ eventId, purpose: 'acces-participant', registrationId, memberId: null, bookingId: null });
    for (const i of mine) {
      targets.push({
        eventId,
        purpose: 'annulation-participant',
        registrationId: null,
        memberId: null,
        bookingId: i.bookingId,
      });
    }
  }
  for (const memberId of byMember.keys()) {
    targets.push({ eventId, purpose: 'acces-membre', registrationId: null, memberId, bookingId: null });
  }
  const tokens = await issueTokens(trx, targets, now);
  const mails: OutboxMessage[] = [];
  let next = 0;
  for (const [registrationId, mine] of byParticipant) {
    const access = tokens[next++]!;
    const cancels = new Map(mine.map((i) => [i.bookingId, tokens[next++]!]));
    mails.push(
      publishedAgendaMail(
        ctx,
        { email: mine[0]!.participantEmail, side: 'participant', key: `${runId}:${registrationId}` },
        mine,
        access,
        cancels,
      ),
    );
  }
  for (const [memberId, mine] of byMember) {
    mails.push(
      publishedAgendaMail(
        ctx,
        { email: mine[0]!.memberEmail, side: 'membre', key: `${runId}:${memberId}` },
        mine,
        tokens[next++]!,
        new Map(),
      ),
    );
  }
  await enqueueAll(deps.outbox, trx, mails);
}
