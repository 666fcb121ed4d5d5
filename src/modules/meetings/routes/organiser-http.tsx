/** What the organisers' pages of a space share: their event (and space), their frame, the 404 page. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { releaseLapsed } from '../booking/lapsed.js';
import type { MeetingsDeps } from '../deps.js';
import { ensureSpace } from '../setup/setup.service.js';
import { type EventSummary, eventSummary } from '../store/event-reads.js';
import { OrganiserFrame, type OrganiserSection, organiserCrumbs } from '../views/organiser-frame.js';
import { EVENT_ID, idOf, messageOf } from './http.js';

export const notFound = () => new HTTPException(404, { message: 'Page introuvable.' });

/** The event of an organiser page, its space created on first visit; the 404 page for an unknown event. */
export async function organiserEvent(deps: MeetingsDeps, c: Context<AppEnv>) {
  const eventId = idOf(c, 'id', EVENT_ID);
  const event = await eventSummary(deps.db, eventId);
  if (!event) throw notFound();
  // Meetings of registrations cancelled since they were booked free their slots before any count is shown.
  await releaseLapsed(deps, eventId);
  const space = await ensureSpace(deps.db, eventId, deps.clock.now().toISOString(), event.demonstration);
  return { eventId, event, space };
}

/** An organiser page in the space's frame; 422 when a form comes back with errors. */
export async function organiserPage(
  c: Context<AppEnv>,
  input: { event: EventSummary; section: OrganiserSection; title: string; failed?: boolean },
  body: Child,
) {
  return renderPage(
    c,
    {
      title: `${input.title} — ${input.event.title}`,
      breadcrumb: organiserCrumbs(input.event, input.title),
      status: input.failed ? 422 : 200,
    },
    <OrganiserFrame event={input.event} current={input.section} title={input.title} message={messageOf(c)}>
      {body}
    </OrganiserFrame>,
  );
}
