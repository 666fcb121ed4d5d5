/** The organisers' scheduling: run the assignment, review it, publish it or set it aside. */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import type { MeetingsDeps } from '../deps.js';
import { abandonRun, publishRun, runAssignment, runsOf } from '../scheduling/runs.js';
import { overviewOf } from '../store/organiser-reads.js';
import { standsOf } from '../store/reads.js';
import { SchedulingPage } from '../views/scheduling-pages.js';
import { authorOf, idOf, organiserPath } from './http.js';
import { organiserEvent, organiserPage } from './organiser-http.js';

export function schedulingRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const base = '/organisation/evenements/:id/rencontres/planification';

  async function page(c: Context<AppEnv>, error: string | null = null) {
    const { eventId, event, space } = await organiserEvent(deps, c);
    return organiserPage(
      c,
      { event, section: 'planification', title: 'Planification', failed: !!error },
      <SchedulingPage
        eventId={eventId}
        space={space}
        ranked={(await overviewOf(deps.db, eventId)).rankings}
        runs={await runsOf(deps.db, eventId)}
        stands={await standsOf(deps.db, eventId)}
        csrf={await c.var.session.csrfToken()}
        error={error}
      />,
    );
  }

  app.get(base, (c) => page(c));

  app.post(base, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const run = await runAssignment(deps, authorOf(c), eventId);
    if (!run.ok) return page(c, run.errors._form ?? 'L’affectation n’a pas pu être calculée.');
    return c.redirect(`${organiserPath(eventId, 'planification')}?message=affectation-lancee`, 303);
  });

  app.post(`${base}/:runId/publier`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const published = await publishRun(deps, authorOf(c), eventId, idOf(c, 'runId'));
    if (!published.ok) return page(c, published.errors._form ?? 'La publication a échoué.');
    return c.redirect(`${organiserPath(eventId, 'planification')}?message=affectation-publiee`, 303);
  });

  app.post(`${base}/:runId/ecarter`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    await abandonRun(deps, eventId, idOf(c, 'runId'));
    return c.redirect(`${organiserPath(eventId, 'planification')}?message=affectation-ecartee`, 303);
  });

  return app;
}
