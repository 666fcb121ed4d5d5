import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, authorize } from '../../accounts/index.js';
import type { BadgeSigner } from '../checkin/badge-token.js';
import { PROFILES } from '../events.domain.js';
import { keptStatistics } from '../purge.js';
import { MessagesPage } from '../views/backoffice/messages-page.js';
import { organiserCrumbs } from '../views/backoffice/organiser-nav.js';
import { bulkNotice, PER_PAGE, RegistrationsPage } from '../views/backoffice/registrations-page.js';
import { StatisticsPage } from '../views/backoffice/statistics-page.js';
import { WaitlistsPage } from '../views/backoffice/waitlists-page.js';
import { badgesPdf } from './badges-pdf.js';
import { applyBulk, bulkSchema } from './bulk.js';
import {
  actorLabel,
  type BackofficeDeps,
  type EventSummary,
  eventScope,
  findEvent,
  organiserPath,
} from './deps.js';
import { eventQuestions, exportTable, registrationsCsv, registrationsXlsx, XLSX_TYPE } from './exports.js';
import { eventMessages, resendEventMessage } from './messages.js';
import {
  filterRegistrations,
  type RegistrationFilter,
  registrationFilterSchema,
  statistics,
  territoryOptions,
} from './registrations.filter.js';
import { loadRegistrations } from './registrations.query.js';
import { waitingLists } from './waitlists.js';

const MESSAGES_PER_PAGE = 50;
const MAX_BADGES = 2000;

/** « journee-2023-inscriptions-2023-01-20.csv »: what the organiser's download folder shows. */
const fileName = (event: EventSummary, what: string, ext: string, now: Date) =>
  `${event.id.slice(0, 60)}-${what}-${now.toISOString().slice(0, 10)}.${ext}`;

/**
 * The organisers' back office of an event (role organisateur for `evenement:<id>`): registrations with filters,
 * bulk decisions, waiting lists, statistics, exports, badges and the event's e-mails.
 */
export function backofficeRoutes(deps: BackofficeDeps & { signer: BadgeSigner }) {
  const app = new Hono<AppEnv>();
  const organise = authorize('events:organise', eventScope);
  const path = '/organisation/evenements/:id/inscriptions';

  /** The event and its registrations as the filter keeps them, or null for an unknown event. */
  const selection = async (c: Context<AppEnv>, filter: RegistrationFilter) => {
    const event = await findEvent(deps.db, c.req.param('id') ?? '');
    if (!event) return null;
    const all = await loadRegistrations(deps.db, event.id);
    return { event, all, kept: filterRegistrations(all, filter) };
  };

  const listPage = async (
    c: Context<AppEnv>,
    filter: RegistrationFilter,
    state: {
      notice?: string;
      errors?: Record<string, string>;
      bulk?: { action?: string; motif?: string; ids?: string[] };
    } = {},
  ) => {
    const found = await selection(c, filter);
    if (!found) return c.notFound();
    const page = Math.min(filter.page, Math.max(1, Math.ceil(found.kept.length / PER_PAGE)));
    return renderPage(
      c,
      {
        title: state.errors ? 'Erreur — Inscriptions' : 'Inscriptions',
        breadcrumb: organiserCrumbs(found.event, 'Inscriptions'),
        status: state.errors ? 400 : 200,
      },
      <RegistrationsPage
        event={found.event}
        filter={{ ...filter, page }}
        territories={territoryOptions(found.all)}
        rows={found.kept.slice((page - 1) * PER_PAGE, page * PER_PAGE)}
        total={found.kept.length}
        csrf={await c.var.session.csrfToken()}
        notice={state.notice}
        errors={state.errors}
        bulk={state.bulk}
      />,
    );
  };

  app.get(path, organise, async (c) => {
    const filter = registrationFilterSchema.parse(c.req.query());
    const done = c.req.query('fait');
    const report = done ? /^(approuver|refuser):(\d+):(\d+):(\d+)$/.exec(done) : null;
    const notice = report
      ? bulkNotice({
          action: report[1] as 'approuver' | 'refuser',
          done: Number(report[2]),
          waiting: Number(report[3]),
          skipped: Number(report[4]),
        })
      : undefined;
    return listPage(c, filter, { notice });
  });

  app.post(`${path}/lot`, organise, async (c) => {
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const back = typeof body.retour === 'string' && body.retour.startsWith('?') ? body.retour : '';
    const filter = registrationFilterSchema.parse(Object.fromEntries(new URLSearchParams(back)));
    const ids = body.ids === undefined ? [] : Array.isArray(body.ids) ? body.ids : [body.ids];
    const parsed = bulkSchema.safeParse({
      ids: ids.filter((i) => typeof i === 'string'),
      action: body.action,
      motif: body.motif,
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'ids')] ??= issue.message;
      const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 1000) : '');
      // The ticks are kept with the rest: the organiser corrects the reason without ticking again.
      const ticked = ids.filter((i): i is string => typeof i === 'string').slice(0, 500);
      return listPage(c, filter, {
        errors,
        bulk: { action: text(body.action), motif: text(body.motif), ids: ticked },
      });
    }
    const eventId = c.req.param('id');
    const ofThisEvent = new Set(
      (await deps.db.selectFrom('registration').select('id').where('event_id', '=', eventId).execute()).map(
        (r) => r.id,
      ),
    );
    const report = await applyBulk(deps, parsed.data.ids, ofThisEvent, parsed.data, actorLabel(actorOf(c)));
    const fait = `${report.action}:${report.done}:${report.waiting}:${report.skipped}`;
    const params = new URLSearchParams(back);
    params.set('fait', fait);
    return c.redirect(organiserPath(eventId, `/inscriptions?${params}`), 303);
  });

  app.get(`${path}/attente`, organise, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return c.notFound();
    const lists = await waitingLists(deps.db, event.id);
    return renderPage(
      c,
      { title: 'Listes d’attente', breadcrumb: organiserCrumbs(event, 'Listes d’attente') },
      <WaitlistsPage event={event} eventLine={lists.event} sessions={lists.sessions} />,
    );
  });

  app.get(`${path}/statistiques`, organise, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return c.notFound();
    const [rows, kept] = await Promise.all([
      loadRegistrations(deps.db, event.id),
      keptStatistics(deps.db, event.id),
    ]);
    const stats = rows.length === 0 && kept ? kept.statistics.dimensions : statistics(rows);
    return renderPage(
      c,
      { title: 'Statistiques des inscriptions', breadcrumb: organiserCrumbs(event, 'Statistiques') },
      <StatisticsPage
        event={event}
        stats={stats}
        purgedAt={rows.length === 0 ? (kept?.purgedAt ?? null) : null}
      />,
    );
  });

  const exportOf = async (c: Context<AppEnv>) => {
    const found = await selection(c, registrationFilterSchema.parse(c.req.query()));
    if (!found) return null;
    const table = exportTable(found.kept, await eventQuestions(deps.db, found.event.id));
    return { event: found.event, table };
  };
  const download = (name: string, type: string) => ({
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
    // Personal data: never kept by a shared cache or the browser's back button.
    'cache-control': 'private, no-store',
  });

  app.get(`${path}/export.csv`, organise, async (c) => {
    const built = await exportOf(c);
    if (!built) return c.notFound();
    const name = fileName(built.event, 'inscriptions', 'csv', deps.clock.now());
    return c.body(registrationsCsv(built.table), 200, download(name, 'text/csv; charset=utf-8'));
  });

  app.get(`${path}/export.xlsx`, organise, async (c) => {
    const built = await exportOf(c);
    if (!built) return c.notFound();
    const name = fileName(built.event, 'inscriptions', 'xlsx', deps.clock.now());
    const buffer = await registrationsXlsx(built.table, built.event.title);
    return c.body(new Uint8Array(buffer), 200, download(name, XLSX_TYPE));
  });

  app.get(`${path}/badges.pdf`, organise, async (c) => {
    const found = await selection(c, registrationFilterSchema.parse(c.req.query()));
    if (!found) return c.notFound();
    const printable = found.kept
      .filter((r) => r.status === 'confirmee' && r.mode === 'presentiel')
      .sort((a, b) => a.familyName.localeCompare(b.familyName, 'fr'))
      .slice(0, MAX_BADGES);
    const cards = await Promise.all(
      printable.map(async (r) => {
        const name = `${r.givenName} ${r.familyName}`.trim();
        return {
          name,
          organisation: r.organisation ?? r.collectiviteName,
          profileLabel: PROFILES[r.profile as keyof typeof PROFILES] ?? r.profile,
          press: r.profile === 'presse',
          payload: await deps.signer.sign({
            registrationId: r.id,
            eventId: found.event.id,
            name,
            profile: r.profile,
            mode: r.mode,
          }),
        };
      }),
    );
    const event = found.event;
    const pdf = await badgesPdf(
      { title: event.title, date: formatDate(event.startsAt), demonstration: event.demonstration },
      cards,
    );
    return c.body(
      new Uint8Array(pdf),
      200,
      download(fileName(event, 'badges', 'pdf', deps.clock.now()), 'application/pdf'),
    );
  });

  app.get('/organisation/evenements/:id/courriels', organise, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return c.notFound();
    const page = Math.min(Math.max(Number.parseInt(c.req.query('page') ?? '1', 10) || 1, 1), 10_000);
    const result = await eventMessages(deps.db, event.id, {
      limit: MESSAGES_PER_PAGE,
      offset: (page - 1) * MESSAGES_PER_PAGE,
    });
    const done = c.req.query('fait');
    const notice =
      done === 'relance'
        ? 'Le courriel est remis dans la file d’envoi.'
        : done === 'copie'
          ? 'Une nouvelle copie du courriel va être envoyée.'
          : done === 'deja-en-cours'
            ? 'Ce courriel est en cours d’envoi : rien n’a changé.'
            : undefined;
    return renderPage(
      c,
      { title: 'Courriels de l’événement', breadcrumb: organiserCrumbs(event, 'Courriels') },
      <MessagesPage
        event={event}
        items={result.items}
        total={result.total}
        page={page}
        perPage={MESSAGES_PER_PAGE}
        csrf={await c.var.session.csrfToken()}
        notice={notice}
      />,
    );
  });

  app.post('/organisation/evenements/:id/courriels/:mid/renvoyer', organise, async (c) => {
    const eventId = c.req.param('id');
    const result = await resendEventMessage(deps.db, deps.outboxAdmin, eventId, c.req.param('mid'));
    if (!result) return c.notFound();
    return c.redirect(organiserPath(eventId, `/courriels?fait=${result.action}`), 303);
  });

  return app;
}
