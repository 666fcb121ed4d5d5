import { sql } from 'kysely';
import type { Mode } from '../events.domain.js';
import { mailEvent, mailSessions } from './announce.js';
import type { RegistrationDeps } from './deps.js';
import { issueLink, manageUrl } from './links.js';
import { reminderMail } from './mail/messages.js';
import { loadEventContext, sessionsOf } from './queries.js';

const DAY_MS = 24 * 3_600_000;

/**
 * Queues the reminders due at `now`: 7 days before the event (for people registered by then) and 1 day
 * before, to every confirmed participant; remote participants get the video link again. Each reminder's
 * dedupe key (`inscription:<id>:rappel-7j`) makes it once per registration, however often the timer runs,
 * and the query skips those already queued. Returns how many were queued.
 *
 * @example
 * await sendReminders(deps, new Date()) // 412
 */
export async function sendReminders(deps: RegistrationDeps, now: Date): Promise<number> {
  const at = now.toISOString();
  const events = await deps.db
    .selectFrom('event')
    .select(['id', 'starts_at'])
    .where('status', '=', 'publie')
    .where('starts_at', '>', at)
    .where('starts_at', '<=', new Date(now.getTime() + 7 * DAY_MS).toISOString())
    .execute();
  let queued = 0;
  for (const event of events) {
    const startsIn = new Date(event.starts_at).getTime() - now.getTime();
    const days: 7 | 1 = startsIn <= DAY_MS ? 1 : 7;
    const ctx = await loadEventContext(deps.db, event.id);
    if (!ctx) continue;
    let query = deps.db
      .selectFrom('registration as r')
      .leftJoin('outbox_message as o', (join) =>
        join.on('o.dedupe_key', '=', sql<string>`'inscription:' || r.id || ${`:rappel-${days}j`}`),
      )
      .select(['r.id', 'r.email', 'r.given_name', 'r.mode'])
      .where('r.event_id', '=', event.id)
      .where('r.status', '=', 'confirmee')
      .where('o.id', 'is', null);
    if (days === 7) {
      // Registered after the 7-day mark: the confirmation is fresh, a « rappel » would be noise.
      query = query.where(
        'r.created_at',
        '<',
        new Date(new Date(event.starts_at).getTime() - 7 * DAY_MS).toISOString(),
      );
    }
    for (const r of await query.execute()) {
      await deps.db.transaction().execute(async (trx) => {
        const token = await issueLink(trx, r.id, now);
        const rows = await sessionsOf(trx, r.id);
        await deps.outbox.enqueue(
          trx,
          reminderMail({
            event: mailEvent(ctx),
            person: { registrationId: r.id, givenName: r.given_name, email: r.email, mode: r.mode as Mode },
            sessions: mailSessions(
              ctx,
              rows.map((x) => ({ sessionId: x.session_id, status: x.status })),
            ),
            manageUrl: manageUrl(deps.publicUrl, token),
            days,
          }),
        );
      });
      queued++;
    }
  }
  return queued;
}
