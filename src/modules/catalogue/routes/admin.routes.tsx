import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { authorize } from '../../accounts/index.js';
import { SOLUTION_STATUSES, type SolutionStatus } from '../catalogue.domain.js';
import type { Report } from '../catalogue.repository.js';
import { readReason, textOf } from '../catalogue.schemas.js';
import { availableTransitions, mayVerify, TRANSITIONS, type Transition } from '../catalogue.workflow.js';
import { ADMIN_PER_PAGE, AdminHome, ReportsPage, ReviewPage } from '../views/admin-pages.js';
import { type CatalogueRoutesDeps, forbidden, formBody, whoOf } from './context.js';

const ADMIN = { label: 'Administration', href: '/admin' };
const HOME = { label: 'Catalogue', href: '/admin/catalogue' };
const NOTICES: Record<string, string> = {
  publier: 'La solution est publiée.',
  refuser: 'La solution est renvoyée à son auteur avec votre motif.',
  archiver: 'La solution est archivée.',
  republier: 'La solution est de nouveau publiée.',
  verifiee: 'La mention « vérifiée » est enregistrée.',
  declaree: 'La mention « vérifiée » est retirée.',
};

const pageOf = (raw: string | undefined) => {
  const n = /^\d{1,6}$/.test(raw ?? '') ? Number(raw) : 1;
  return Math.max(1, n);
};

/**
 * The back office (`/admin/catalogue`), for opérateurs and administrators (`catalogue:review`,
 * `catalogue:moderate`): solutions by state, a solution's review (publish, refuse with a reason, archive,
 * republish, « vérifié »), and the reports.
 *
 * @example
 * app.route('/', catalogueAdminRoutes(deps));
 */
export function catalogueAdminRoutes(deps: CatalogueRoutesDeps) {
  const app = new Hono<AppEnv>();
  app.use('/admin/catalogue', authorize('catalogue:review'));
  app.use('/admin/catalogue/*', authorize('catalogue:review'));

  app.get('/admin/catalogue', async (c) => {
    const raw = c.req.query('etat') ?? 'soumise';
    const status: SolutionStatus = Object.hasOwn(SOLUTION_STATUSES, raw)
      ? (raw as SolutionStatus)
      : 'soumise';
    const page = pageOf(c.req.query('page'));
    const [counts, list, reports] = await Promise.all([
      deps.repo.countByStatus(),
      deps.repo.summaries({ status, limit: ADMIN_PER_PAGE, offset: (page - 1) * ADMIN_PER_PAGE }),
      deps.repo.reports({ status: 'ouvert', limit: 1, offset: 0 }),
    ]);
    return renderPage(
      c,
      { title: 'Catalogue : relecture et modération', breadcrumb: [ADMIN, { label: 'Catalogue' }] },
      <AdminHome counts={counts} status={status} list={list} page={page} openReports={reports.total} />,
    );
  });

  const reviewPage = async (
    c: Context<AppEnv>,
    transitionError: { transition: Transition; motif: string; error: string } | null = null,
  ) => {
    const solution = await deps.editorial.solution(c.req.param('id') ?? '');
    if (!solution) throw new HTTPException(404);
    const actor = whoOf(c)!.actor;
    return renderPage(
      c,
      {
        title: `Relire « ${solution.name} »`,
        breadcrumb: [ADMIN, HOME, { label: solution.name }],
        status: transitionError ? 400 : 200,
      },
      <ReviewPage
        solution={solution}
        transitions={availableTransitions(actor, solution).filter((t) => t !== 'soumettre')}
        canVerify={mayVerify(actor, solution)}
        history={await deps.editorial.history(solution.id)}
        csrf={await c.var.session.csrfToken()}
        notice={NOTICES[c.req.query('fait') ?? ''] ?? null}
        transitionError={transitionError}
      />,
    );
  };

  app.get('/admin/catalogue/solutions/:id', (c) => reviewPage(c));

  app.post('/admin/catalogue/solutions/:id/etat', async (c) => {
    const who = whoOf(c)!;
    const id = c.req.param('id');
    const body = await formBody(c);
    const transition = textOf(body, 'transition') as Transition;
    if (!Object.hasOwn(TRANSITIONS, transition)) throw new HTTPException(400, { message: 'Étape inconnue.' });
    let motif: string | null = null;
    if (TRANSITIONS[transition].needsReason) {
      const reason = readReason(body, `motif-${transition}`);
      if (!reason.ok) return reviewPage(c, { transition, motif: reason.value, error: reason.error });
      motif = reason.value;
    }
    const result = await deps.editorial.transition(who, id, transition, motif);
    if (!result.ok) {
      if (result.error === 'introuvable') throw new HTTPException(404);
      if (result.error === 'etat')
        throw new HTTPException(409, {
          message:
            'Cette étape n’est plus possible : la solution a changé d’état entre-temps. Rechargez la page.',
        });
      throw forbidden();
    }
    return c.redirect(`/admin/catalogue/solutions/${id}?fait=${transition}`, 303);
  });

  app.post('/admin/catalogue/solutions/:id/verification', async (c) => {
    const who = whoOf(c)!;
    const id = c.req.param('id');
    const verified = textOf(await formBody(c), 'verifiee') === '1';
    const result = await deps.editorial.verify(who, id, verified);
    if (!result.ok) {
      if (result.error === 'introuvable') throw new HTTPException(404);
      throw forbidden();
    }
    return c.redirect(`/admin/catalogue/solutions/${id}?fait=${verified ? 'verifiee' : 'declaree'}`, 303);
  });

  const reportsPage = async (
    c: Context<AppEnv>,
    errors: Record<string, { note: string; error: string }> = {},
  ) => {
    const raw = c.req.query('etat') ?? 'ouvert';
    const status: Report['status'] = raw === 'traite' || raw === 'rejete' ? raw : 'ouvert';
    const page = pageOf(c.req.query('page'));
    const list = await deps.repo.reports({
      status,
      limit: ADMIN_PER_PAGE,
      offset: (page - 1) * ADMIN_PER_PAGE,
    });
    return renderPage(
      c,
      {
        title: 'Signalements du catalogue',
        breadcrumb: [ADMIN, HOME, { label: 'Signalements' }],
        status: Object.keys(errors).length > 0 ? 400 : 200,
      },
      <ReportsPage
        status={status}
        list={list}
        page={page}
        csrf={await c.var.session.csrfToken()}
        errors={errors}
      />,
    );
  };

  app.get('/admin/catalogue/signalements', authorize('catalogue:moderate'), (c) => reportsPage(c));

  app.post('/admin/catalogue/signalements/:id', authorize('catalogue:moderate'), async (c) => {
    const who = whoOf(c)!;
    const id = c.req.param('id');
    const body = await formBody(c);
    const issue = textOf(body, 'issue') === 'rejete' ? 'rejete' : 'traite';
    const note = readReason(body, `note-${id.slice(0, 100)}`);
    if (!note.ok)
      return reportsPage(c, {
        [id]: { note: note.value, error: 'Indiquez ce qui a été fait : la note est conservée.' },
      });
    const result = await deps.contact.resolveReport(who, id, issue, note.value);
    if (!result.ok) {
      if (result.error === 'interdit') throw forbidden();
      throw new HTTPException(404);
    }
    return c.redirect('/admin/catalogue/signalements', 303);
  });

  return app;
}
