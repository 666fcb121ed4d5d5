/** The ranking form of the scheduling mode: « 1er choix », « 2e choix »… until the deadline. */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import type { MeetingsDeps } from '../deps.js';
import { rankingOf, saveRanking } from '../scheduling/rankings.js';
import { one } from '../setup/fields.js';
import { standsOf } from '../store/reads.js';
import { RankingPage } from '../views/agenda-pages.js';
import { EVENT_ID, idOf, messageOf, participantOf, publicSpace, readForm, spacePath } from './http.js';

export function rankingRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const path = '/evenements/:id/rencontres/classement';

  async function page(c: Context<AppEnv>, form: { values: string[] | null; errors: Record<string, string> }) {
    const eventId = idOf(c, 'id', EVENT_ID);
    const { event, space } = await publicSpace(deps, eventId);
    const participant = await participantOf(c, deps, eventId);
    if (!participant) return c.redirect(spacePath(eventId), 303);
    const now = deps.clock.now().toISOString();
    const closed =
      space.mode !== 'planifie'
        ? 'Les rendez-vous de cet événement se réservent directement depuis la page de chaque stand.'
        : space.publishedRunId
          ? 'Les rendez-vous sont publiés : retrouvez les vôtres dans votre agenda.'
          : space.rankingDeadline && now >= space.rankingDeadline
            ? 'La date limite des classements est passée.'
            : participant.mode !== 'presentiel'
              ? 'Les rendez-vous ont lieu sur place : ils sont réservés aux participants inscrits en présentiel.'
              : null;
    const failed = Object.keys(form.errors).length > 0;
    return renderPage(
      c,
      {
        title: `Classer les stands — ${event.title}`,
        breadcrumb: [
          { label: 'Espace de rencontres', href: spacePath(eventId) },
          { label: 'Classer les stands' },
        ],
        status: failed ? 422 : 200,
      },
      <RankingPage
        event={event}
        stands={await standsOf(deps.db, eventId)}
        choicesMax={space.choicesMax}
        deadline={space.rankingDeadline}
        values={form.values ?? (await rankingOf(deps.db, participant.registrationId))}
        closed={closed}
        csrf={await c.var.session.csrfToken()}
        errors={form.errors}
        message={messageOf(c)}
      />,
    );
  }

  app.get(path, (c) => page(c, { values: null, errors: {} }));

  app.post(path, async (c) => {
    const eventId = idOf(c, 'id', EVENT_ID);
    const { space } = await publicSpace(deps, eventId);
    const participant = await participantOf(c, deps, eventId);
    if (!participant) return c.redirect(spacePath(eventId), 303);
    const form = await readForm(c);
    const choices = Array.from({ length: space.choicesMax }, (_, i) => one(form, `choix-${i + 1}`));
    const saved = await saveRanking(deps, { eventId, registrationId: participant.registrationId, choices });
    if (!saved.ok) return page(c, { values: choices, errors: saved.errors });
    return c.redirect(`${spacePath(eventId, 'classement')}?message=classement`, 303);
  });
  return app;
}
