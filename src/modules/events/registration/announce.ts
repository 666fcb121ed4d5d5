/**
 * The e-mails of registration's facts, enqueued in the transaction that made the fact (see ARCHITECTURE.md,
 * « Mail goes through an outbox »): a rolled-back decision announces nothing, a committed one is never lost.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { OutboxMessage } from '../../../ports/outbox.js';
import type { BadgeClaims } from '../checkin/badge-token.js';
import type { Mode } from '../events.domain.js';
import type { RegistrationDeps } from './deps.js';
import { issueLink, manageUrl } from './links.js';
import { type CalendarEntry, calendarFile } from './mail/calendar.js';
import { composedAtSending } from './mail/composed.js';
import type { MailEvent, MailPerson, MailSession } from './mail/messages.js';
import type { EventContext } from './queries.js';

export interface Registrant {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  profile: string;
  mode: Mode;
}

export function mailEvent(ctx: EventContext): MailEvent {
  return {
    id: ctx.id,
    title: ctx.title,
    startsAt: ctx.startsAt,
    endsAt: ctx.endsAt,
    venueName: ctx.venueName,
    address: ctx.address,
    videoUrl: ctx.videoUrl,
    offerHours: ctx.offerHours,
  };
}

/** What a participant's badge says (see `badgeAttachment`). */
export function badgeClaims(eventId: string, r: Registrant): BadgeClaims {
  return {
    registrationId: r.id,
    eventId,
    name: `${r.givenName} ${r.familyName}`,
    profile: r.profile,
    mode: r.mode,
  };
}

export function mailPerson(r: Registrant): MailPerson {
  return { registrationId: r.id, givenName: r.givenName, email: r.email, mode: r.mode };
}

/** The sessions of a registration as e-mails list them, in programme order. */
export function mailSessions(
  ctx: EventContext,
  chosen: ReadonlyArray<{ sessionId: string; status: string }>,
): MailSession[] {
  const status = new Map(chosen.map((c) => [c.sessionId, c.status]));
  return ctx.sessions
    .filter((s) => status.has(s.id) && status.get(s.id) !== 'annulee')
    .map((s) => ({ title: s.title, startsAt: s.startsAt, status: status.get(s.id) ?? 'attente' }));
}

const icsCache = new Map<string, string>();

/**
 * The calendar of a registration: its sessions with a seat when it chose some, else the whole event. Cached
 * by event version and choice: during an opening rush most people attach the same file.
 */
export function registrationCalendar(
  ctx: EventContext,
  publicUrl: string,
  sessionIds: readonly string[],
): string {
  const key = `${ctx.id}|${ctx.updatedAt}|${sessionIds.join(',')}`;
  const cached = icsCache.get(key);
  if (cached !== undefined) return cached;
  const place = [ctx.venueName, ctx.address].filter(Boolean).join(', ') || null;
  const url = `${publicUrl}/evenements/${encodeURIComponent(ctx.id)}`;
  const chosen = ctx.sessions.filter((s) => sessionIds.includes(s.id));
  const entries: CalendarEntry[] =
    chosen.length > 0
      ? chosen.map((s) => ({
          uid: `${ctx.id}-${s.id}@numerique-territoires`,
          title: `${s.title} — ${ctx.title}`,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          location: [s.room, place].filter(Boolean).join(', ') || null,
          description: `Session de « ${ctx.title} ».`,
          url,
        }))
      : [
          {
            uid: `${ctx.id}@numerique-territoires`,
            title: ctx.title,
            startsAt: ctx.startsAt,
            endsAt: ctx.endsAt,
            location: place,
            description: `Votre inscription à « ${ctx.title} ».`,
            url,
          },
        ];
  const ics = calendarFile(ctx.title, entries);
  if (icsCache.size >= 500) icsCache.clear();
  icsCache.set(key, ics);
  return ics;
}

/**
 * Announces where a registration now stands (confirmed, pending approval or waiting), inside `trx`.
 * `token` is the management link's token when the caller just made one; otherwise a fresh link is issued.
 */
export async function announceStatus(
  trx: Kysely<Database>,
  deps: RegistrationDeps,
  a: StatusFacts,
): Promise<void> {
  const token = a.token ?? (await issueLink(trx, a.registrant.id, deps.clock.now()));
  const message = statusMail(deps, { ...a, token });
  if (message) await deps.outbox.enqueue(trx, message);
}

export interface StatusFacts {
  ctx: EventContext;
  registrant: Registrant;
  status: string;
  sessions: ReadonlyArray<{ sessionId: string; status: string }>;
  token?: string;
}

/**
 * The e-mail that says where a registration stands, with its management link (`token`): the confirmation
 * (with the .ics, and the badge's QR code for in-person participants), the request received, or the waiting
 * list; null for another status. Composed at sending (see composed.ts): this stores what they say.
 */
export function statusMail(
  deps: Pick<RegistrationDeps, 'publicUrl'>,
  a: StatusFacts & { token: string },
): OutboxMessage | null {
  const url = manageUrl(deps.publicUrl, a.token);
  const event = mailEvent(a.ctx);
  const person = mailPerson(a.registrant);
  if (a.status === 'confirmee') {
    const held = a.sessions.filter((s) => s.status === 'confirmee').map((s) => s.sessionId);
    const badge = a.registrant.mode === 'presentiel' ? badgeClaims(a.ctx.id, a.registrant) : null;
    return composedAtSending({
      mail: 'confirmation',
      event,
      person,
      sessions: mailSessions(a.ctx, a.sessions),
      manageUrl: url,
      ics: registrationCalendar(a.ctx, deps.publicUrl, held),
      badge,
    });
  }
  if (a.status === 'validation') return composedAtSending({ mail: 'demande', event, person, manageUrl: url });
  if (a.status === 'attente') return composedAtSending({ mail: 'attente', event, person, manageUrl: url });
  return null;
}
