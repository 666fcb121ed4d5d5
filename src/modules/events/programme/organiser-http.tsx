/**
 * What the organisers' routes share: the guard of an event's pages, the author of a change, the page frame,
 * reading a form, and turning "no such thing in this event" into the 404 page.
 */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/context.js';
import { errorPage } from '../../../platform/http/errors.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, authorize, displayName, requestContext } from '../../accounts/index.js';
import type { EventRecord } from '../events.domain.js';
import { EventsNotFoundError } from '../events.service.js';
import { OrganiserFrame, organiserCrumbs, type Section } from '../views/organiser/organiser-layout.js';
import { formStrings } from './fields.js';
import type { Author } from './results.js';

/** Only the event's organisers (or a platform-wide organiser, or an administrator) reach its pages. */
export const organiseEvent = authorize('events:organise', (c) => ({
  scope: `evenement:${c.req.param('id')}`,
}));

/**
 * The author of a change, for the audit log.
 *
 * @example
 * await service.publishEvent(authorOf(c), id);
 */
export function authorOf(c: Context<AppEnv>): Author {
  const actor = actorOf(c);
  return {
    id: actor?.person.id ?? null,
    label: actor ? displayName(actor.person) : 'système',
    ip: requestContext(c).ip,
  };
}

/**
 * A posted form as flat strings (never a file, never an array).
 *
 * @example
 * const form = await readForm(c); // { title: 'Atelier', … }
 */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  return formStrings(await c.req.parseBody({ all: true }));
}

/**
 * A `?message=` key after a redirect (the frame shows only the keys it knows).
 *
 * @example
 * messageOf(c) // 'cree' after a redirect to `…?message=cree`
 */
export function messageOf(c: Context<AppEnv>): string | null {
  const m = c.req.query('message');
  return typeof m === 'string' && m.length < 40 ? m : null;
}

/**
 * An organiser page of an event, in its frame; 422 when the form is sent back with errors.
 *
 * @example
 * return renderOrganiserPage(c, { event, section: 'salles', title: 'Salles' }, <RoomsList … />);
 */
export function renderOrganiserPage(
  c: Context<AppEnv>,
  input: { event: EventRecord; section: Section; title: string; crumb?: string; failed?: boolean },
  body: Child,
) {
  return renderPage(
    c,
    {
      title: `${input.title} — ${input.event.title}`,
      breadcrumb: organiserCrumbs(input.event, input.crumb ?? input.title),
      status: input.failed ? 422 : 200,
    },
    <OrganiserFrame event={input.event} current={input.section} title={input.title} message={messageOf(c)}>
      {body}
    </OrganiserFrame>,
  );
}

/**
 * Ids that cannot name anything give the 404 page before any query.
 *
 * @example
 * const id = checkId(c.req.param('id'), EVENT_ID); // or the 404 page
 */
export function checkId(value: string | undefined, pattern: RegExp): string {
  if (!value || !pattern.test(value)) throw new HTTPException(404, { message: 'Page introuvable.' });
  return value;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Session, room and question ids: generated UUIDs, or the demonstration's readable ids. */
export const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,159}$/;

/**
 * Errors of these routes: an id that names nothing in this event is the 404 page, anything else the platform's.
 *
 * @example
 * const app = new Hono<AppEnv>(); handleErrors(app);
 */
export function handleErrors(app: Hono<AppEnv>) {
  app.onError((err, c) => {
    if (err instanceof EventsNotFoundError) {
      return errorPage(new HTTPException(404, { message: 'Page introuvable.' }), c);
    }
    return errorPage(err, c);
  });
}
