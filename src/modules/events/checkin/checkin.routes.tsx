import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatTime } from '../../../platform/i18n/format.js';
import { APP_ASSETS_DIR, APP_PREFIX, DSFR_PREFIX } from '../../../platform/ui/assets-paths.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, authorize, can } from '../../accounts/index.js';
import { type BackofficeDeps, eventScope, findEvent, organiserPath } from '../backoffice/deps.js';
import { MODES, PROFILES } from '../events.domain.js';
import { organiserCrumbs } from '../views/backoffice/organiser-nav.js';
import { type CheckinMessage, CheckinPage } from '../views/checkin/checkin-page.js';
import { type BadgeSigner, verifyBadge } from './badge-token.js';
import { badgeFormSchema, presenceFormSchema, scanBatchSchema, sinceSchema } from './checkin.schemas.js';
import {
  type Attendee,
  arrivalCounts,
  arrivalsSince,
  attendeeList,
  checkInOne,
  fold,
  recordScans,
} from './checkin.service.js';

const NO_STORE = { 'cache-control': 'private, no-store' };

/**
 * Check-in at the door (roles accueil and organisateur of the event): the page, the data it keeps on the
 * device, the scans it sends back, the arrivals of the other devices, and the service worker that lets the
 * page open again without network.
 */
export function checkinRoutes(deps: BackofficeDeps & { signer: BadgeSigner }) {
  const app = new Hono<AppEnv>();
  const checkIn = authorize('events:check-in', eventScope);
  const base = (c: Context<AppEnv>) => organiserPath(c.req.param('id') ?? '', '/emargement');

  app.get('/organisation/evenements/:id/emargement', checkIn, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return c.notFound();
    const query = (c.req.query('q') ?? '').trim().slice(0, 100);
    const [attendees, counts] = await Promise.all([
      attendeeList(deps.db, event.id),
      arrivalCounts(deps.db, event.id),
    ]);
    const folded = fold(query);
    const results = folded
      ? attendees
          .filter(
            (a) => fold(`${a.name} ${a.organisation ?? ''}`).includes(folded) || a.sortKey.includes(folded),
          )
          .slice(0, 20)
      : null;
    const checkInOnly = !can(actorOf(c), 'events:organise', eventScope(c));
    return renderPage(
      c,
      {
        title: 'Émargement',
        breadcrumb: checkInOnly ? [{ label: 'Émargement' }] : organiserCrumbs(event, 'Émargement'),
      },
      <CheckinPage
        event={event}
        checkInOnly={checkInOnly}
        csrf={await c.var.session.csrfToken()}
        counts={counts}
        query={query}
        results={results}
        press={attendees.filter((a) => a.profile === 'presse')}
        message={messageFor(
          c.req.query('etat'),
          attendees.find((a) => a.id === c.req.query('r')),
        )}
      />,
    );
  });

  app.get('/organisation/evenements/:id/emargement/donnees.json', checkIn, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return c.json({ erreur: 'Événement introuvable.' }, 404);
    const now = deps.clock.now().toISOString();
    const [attendees, counts, publicKey] = await Promise.all([
      attendeeList(deps.db, event.id),
      arrivalCounts(deps.db, event.id),
      deps.signer.publicKeyJwk(),
    ]);
    return c.json(
      {
        evenement: { id: event.id, titre: event.title },
        clePublique: publicKey,
        personnes: attendees.map(({ sortKey: _, ...a }) => a),
        profils: PROFILES,
        modes: MODES,
        compte: counts,
        heureServeur: now,
      },
      200,
      NO_STORE,
    );
  });

  app.get('/organisation/evenements/:id/emargement/arrivees.json', checkIn, async (c) => {
    const { depuis } = sinceSchema.parse(c.req.query());
    const eventId = c.req.param('id');
    const now = deps.clock.now().toISOString();
    const [arrivals, counts] = await Promise.all([
      arrivalsSince(deps.db, eventId, depuis),
      arrivalCounts(deps.db, eventId),
    ]);
    return c.json({ arrivees: arrivals, compte: counts, heureServeur: now }, 200, NO_STORE);
  });

  app.post('/organisation/evenements/:id/emargement/scans', checkIn, async (c) => {
    const body = await c.req.json().catch(() => null);
    const parsed = scanBatchSchema.safeParse(body);
    if (!parsed.success) {
      return c.json({ erreur: parsed.error.issues[0]?.message ?? 'Passages illisibles.' }, 400, NO_STORE);
    }
    const eventId = c.req.param('id');
    const now = deps.clock.now();
    const results = await recordScans(deps.db, eventId, parsed.data.scans, now);
    return c.json(
      {
        resultats: results.map((r) => ({
          id: r.id,
          inscription: r.registrationId,
          etat: r.outcome,
          premier: r.firstAt,
        })),
        compte: await arrivalCounts(deps.db, eventId),
        heureServeur: now.toISOString(),
      },
      200,
      NO_STORE,
    );
  });

  app.post('/organisation/evenements/:id/emargement/badge', checkIn, async (c) => {
    const parsed = badgeFormSchema.safeParse(await c.req.parseBody().catch(() => ({})));
    if (!parsed.success) return c.redirect(`${base(c)}?etat=vide`, 303);
    const claims = verifyBadge(parsed.data.badge, await deps.signer.publicKey());
    if (!claims) return c.redirect(`${base(c)}?etat=invalide`, 303);
    if (claims.eventId !== c.req.param('id')) return c.redirect(`${base(c)}?etat=autre-evenement`, 303);
    const result = await checkInOne(
      deps.db,
      claims.eventId,
      claims.registrationId,
      deps.clock.now(),
      'formulaire',
    );
    return c.redirect(
      `${base(c)}?etat=${result.outcome}&r=${encodeURIComponent(result.registrationId)}`,
      303,
    );
  });

  app.post('/organisation/evenements/:id/emargement/presence', checkIn, async (c) => {
    const parsed = presenceFormSchema.safeParse(await c.req.parseBody().catch(() => ({})));
    if (!parsed.success) return c.redirect(`${base(c)}?etat=inconnu`, 303);
    const result = await checkInOne(
      deps.db,
      c.req.param('id'),
      parsed.data.inscription,
      deps.clock.now(),
      'recherche',
    );
    const q = parsed.data.q ? `&q=${encodeURIComponent(parsed.data.q)}` : '';
    return c.redirect(
      `${base(c)}?etat=${result.outcome}&r=${encodeURIComponent(result.registrationId)}${q}`,
      303,
    );
  });

  // The service worker's scope is its folder and below: served beside the page, it can cover it. Public (it
  // holds no data), so that a browser's update check never meets a login redirect.
  let worker: Promise<string> | undefined;
  app.get('/organisation/evenements/:id/emargement-sw.js', async (c) => {
    worker ??= readFile(join(APP_ASSETS_DIR, 'checkin-sw.js'), 'utf8').then((s) =>
      s.replace('__APP_PREFIX__', APP_PREFIX).replace('__DSFR_PREFIX__', DSFR_PREFIX),
    );
    return c.body(await worker, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    });
  });

  return app;
}

/** The message after a check-in without JavaScript (the page was reached by a redirect). */
function messageFor(state: string | undefined, who: Attendee | undefined): CheckinMessage | undefined {
  const name = who?.name ?? 'Cette personne';
  const at = who?.checkedInAt ? formatTime(who.checkedInAt) : '';
  switch (state) {
    case 'enregistre':
      return { tone: 'success', title: `${name} : arrivée enregistrée`, text: at ? `À ${at}.` : undefined };
    case 'deja-present':
    case 'deja-recu':
      return {
        tone: 'warning',
        title: `${name} : déjà enregistré`,
        text: at ? `Premier passage à ${at}.` : undefined,
      };
    case 'non-confirmee':
      return {
        tone: 'error',
        title: 'Inscription non confirmée',
        text: 'Cette inscription est annulée, refusée ou en attente : orientez la personne vers l’accueil des organisateurs.',
      };
    case 'inconnu':
      return {
        tone: 'error',
        title: 'Personne introuvable',
        text: 'Aucune inscription confirmée ne correspond.',
      };
    case 'invalide':
      return {
        tone: 'error',
        title: 'Badge non reconnu',
        text: 'Sa signature ne correspond pas : ce badge n’a pas été émis par la plateforme.',
      };
    case 'autre-evenement':
      return { tone: 'error', title: 'Badge d’un autre événement' };
    case 'vide':
      return { tone: 'error', title: 'Collez ou scannez le contenu du badge.' };
    default:
      return undefined;
  }
}
