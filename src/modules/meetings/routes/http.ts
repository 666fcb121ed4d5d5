/**
 * What the meetings routes share: ids checked before any query, the posted form, the author of a change, the
 * organisers' guard, and who is looking — a participant (a confirmed registration) or a stand member, known
 * by their account's address or by a link they received by e-mail (remembered in their session).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import { actorOf, authorize, can, displayName, requestContext } from '../../accounts/index.js';
import type { Author, MeetingsDeps } from '../deps.js';
import type { Member } from '../meetings.domain.js';
import { type Form, formOf } from '../setup/fields.js';
import {
  confirmedRegistrationOf,
  eventSummary,
  isActiveParticipant,
  type Participant,
  registrationById,
} from '../store/event-reads.js';
import { membersByEmail, membersByIds, spaceOfEvent } from '../store/reads.js';

/** An event's id: a slug. */
export const EVENT_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Stand, member, slot, location, booking and run ids: UUIDs, or the demonstration's readable ids. */
export const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,159}$/;

/**
 * An id from the address, or the 404 page before any query.
 *
 * @example
 * const eventId = idOf(c, 'id', EVENT_ID);
 */
export function idOf(c: Context<AppEnv>, name: string, pattern: RegExp = ITEM_ID): string {
  const value = c.req.param(name);
  if (!value || !pattern.test(value)) throw new HTTPException(404, { message: 'Page introuvable.' });
  return value;
}

/** A posted form (see setup/fields.ts); a malformed body reads as an empty form. */
export async function readForm(c: Context<AppEnv>): Promise<Form> {
  return formOf(await c.req.parseBody({ all: true }).catch(() => ({})));
}

export function authorOf(c: Context<AppEnv>): Author {
  const actor = actorOf(c);
  return {
    id: actor?.person.id ?? null,
    label: actor ? displayName(actor.person) : 'système',
    ip: requestContext(c).ip,
  };
}

/** The event's organisers (or a platform-wide organiser, or an administrator). */
export const organiseMeetings = authorize('meetings:organise', (c) => ({
  scope: `evenement:${c.req.param('id')}`,
}));

/** A `?message=` key after a redirect. */
export function messageOf(c: Context<AppEnv>): string | null {
  const m = c.req.query('message');
  return typeof m === 'string' && /^[a-z-]{1,40}$/.test(m) ? m : null;
}

interface Remembered {
  participants?: Record<string, string>;
  members?: Record<string, string[]>;
}

const KEY = 'rencontres';

/** Remembers, in the session, the participant or member a link opened. */
export async function rememberAccess(
  c: Context<AppEnv>,
  eventId: string,
  who: { registrationId: string } | { memberId: string },
): Promise<void> {
  const current = (await c.var.session.get<Remembered>(KEY)) ?? {};
  const next: Remembered = { participants: { ...current.participants }, members: { ...current.members } };
  if ('registrationId' in who) next.participants![eventId] = who.registrationId;
  else next.members![eventId] = [...new Set([...(next.members![eventId] ?? []), who.memberId])].slice(-20);
  await c.var.session.set(KEY, next);
}

/**
 * The participant looking at the event's space: the registration a link opened in this session, else the
 * confirmed registration of the logged-in person; null for anyone else.
 */
export async function participantOf(
  c: Context<AppEnv>,
  deps: MeetingsDeps,
  eventId: string,
): Promise<Participant | null> {
  const remembered = (await c.var.session.get<Remembered>(KEY))?.participants?.[eventId];
  if (remembered) {
    const p = await registrationById(deps.db, remembered);
    if (isActiveParticipant(p, eventId)) return p;
  }
  const actor = actorOf(c);
  // The policy lets anyone logged in book; the registration decides whether they are a participant.
  if (!actor || !can(actor, 'meetings:book', { scope: `evenement:${eventId}` })) return null;
  return confirmedRegistrationOf(deps.db, eventId, { personId: actor.person.id, email: actor.person.email });
}

/** The stand members looking: those a link opened in this session and those with the account's address. */
export async function membersOf(c: Context<AppEnv>, deps: MeetingsDeps, eventId: string): Promise<Member[]> {
  const ids = (await c.var.session.get<Remembered>(KEY))?.members?.[eventId] ?? [];
  const fromLinks = await membersByIds(deps.db, eventId, ids);
  const actor = actorOf(c);
  const fromAccount = actor ? await membersByEmail(deps.db, eventId, actor.person.email) : [];
  const all = new Map([...fromLinks, ...fromAccount].map((m) => [m.id, m]));
  return [...all.values()];
}

/** The event and its space, when the event is public and has an espace de rencontres; the 404 page otherwise. */
export async function publicSpace(deps: MeetingsDeps, eventId: string) {
  const [event, space] = await Promise.all([eventSummary(deps.db, eventId), spaceOfEvent(deps.db, eventId)]);
  if (!event || !space || event.status === 'brouillon')
    throw new HTTPException(404, { message: 'Page introuvable.' });
  return { event, space };
}

export { organiserPath, spacePath } from '../paths.js';
