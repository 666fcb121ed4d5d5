import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, authorize } from '../../accounts/index.js';
import { actorLabel, type BackofficeDeps, eventScope, findEvent, organiserPath } from '../backoffice/deps.js';
import type { BadgeSigner } from '../checkin/badge-token.js';
import { AccreditationsPage } from '../views/accreditation/organiser-page.js';
import {
  AccreditationRequestPage,
  AccreditationSentPage,
  type AccreditationValues,
} from '../views/accreditation/request-page.js';
import { organiserCrumbs } from '../views/backoffice/organiser-nav.js';
import {
  accreditationDecisionSchema,
  accreditationRequestSchema,
  fieldErrors,
} from './accreditation.schemas.js';
import {
  accreditationAttachment,
  decideAccreditation,
  listAccreditations,
  requestAccreditation,
} from './accreditation.service.js';
import { ATTACHMENT_TYPES, checkAttachment } from './attachment.js';

const REFUSALS = {
  'evenement-inconnu': 'Cet événement n’accepte pas de demande d’accréditation.',
  terminee: 'Cet événement est terminé : les accréditations sont closes.',
  'deja-demandee':
    'Une demande d’accréditation est déjà enregistrée pour cette adresse électronique. Les organisateurs vous répondront par courriel.',
} as const;

/**
 * Press accreditation: the journalists' public form (the release's broken « Accréditation » link) and the
 * organisers' decisions.
 */
export function accreditationRoutes(deps: BackofficeDeps & { signer: BadgeSigner }) {
  const app = new Hono<AppEnv>();

  const publicEvent = async (c: Context<AppEnv>) => {
    const event = await findEvent(deps.db, c.req.param('id') ?? '');
    return event && event.status === 'publie' ? event : null;
  };

  const form = async (
    c: Context<AppEnv>,
    event: NonNullable<Awaited<ReturnType<typeof publicEvent>>>,
    state: {
      values?: AccreditationValues;
      errors?: Record<string, string>;
      key?: string;
      status?: 200 | 400 | 409;
    },
  ) => {
    const ended = event.endsAt <= deps.clock.now().toISOString();
    return renderPage(
      c,
      {
        title:
          state.errors && Object.keys(state.errors).length > 0
            ? 'Erreur — Demande d’accréditation presse'
            : 'Demande d’accréditation presse',
        breadcrumb: [
          { label: 'Événements', href: '/evenements' },
          { label: event.title, href: `/evenements/${encodeURIComponent(event.id)}` },
          { label: 'Accréditation presse' },
        ],
        status: state.status ?? 200,
      },
      <AccreditationRequestPage
        event={event}
        values={state.values ?? {}}
        errors={state.errors ?? {}}
        formKey={state.key ?? randomUUID()}
        csrf={await c.var.session.csrfToken()}
        closed={ended ? REFUSALS.terminee : undefined}
      />,
    );
  };

  app.get('/evenements/:id/accreditation', async (c) => {
    const event = await publicEvent(c);
    if (!event) return c.notFound();
    return form(c, event, {});
  });

  app.post('/evenements/:id/accreditation', async (c) => {
    const event = await publicEvent(c);
    if (!event) return c.notFound();
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const text = (name: string) =>
      typeof body[name] === 'string' ? (body[name] as string).slice(0, 300) : '';
    const values: AccreditationValues = {
      given_name: text('given_name'),
      family_name: text('family_name'),
      email: text('email'),
      media: text('media'),
      press_card: text('press_card'),
    };
    const key = /^[0-9a-f-]{36}$/i.test(text('cle')) ? text('cle') : randomUUID();
    const parsed = accreditationRequestSchema.safeParse({ ...values, cle: text('cle') });
    const attachment = await checkAttachment(body.piece);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (attachment && 'error' in attachment) errors.piece = attachment.error;
    else if (attachment && Object.keys(errors).length > 0) {
      errors.piece = 'Le fichier choisi n’a pas été conservé : joignez-le à nouveau.';
    }
    if (!parsed.success || Object.keys(errors).length > 0 || !parsed.data) {
      return form(c, event, { values, errors, key, status: 400 });
    }
    const input = parsed.data;
    const result = await requestAccreditation(deps, {
      eventId: event.id,
      key: input.cle,
      givenName: input.given_name,
      familyName: input.family_name,
      email: input.email,
      media: input.media,
      pressCard: input.press_card,
      attachment: attachment && 'kind' in attachment ? attachment : null,
    });
    if (!result.ok) {
      const field = result.reason === 'deja-demandee' ? 'email' : '_';
      return form(c, event, { values, errors: { [field]: REFUSALS[result.reason] }, key, status: 409 });
    }
    return c.redirect(`/evenements/${encodeURIComponent(event.id)}/accreditation/envoyee`, 303);
  });

  app.get('/evenements/:id/accreditation/envoyee', async (c) => {
    const event = await publicEvent(c);
    if (!event) return c.notFound();
    return renderPage(
      c,
      {
        title: 'Demande d’accréditation envoyée',
        breadcrumb: [
          { label: 'Événements', href: '/evenements' },
          { label: event.title, href: `/evenements/${encodeURIComponent(event.id)}` },
          { label: 'Accréditation presse' },
        ],
      },
      <AccreditationSentPage event={event} />,
    );
  });

  const organise = authorize('events:organise', eventScope);

  const listPage = async (
    c: Context<AppEnv>,
    state: { notice?: string; error?: { id: string; message: string }; status?: 200 | 400 | 409 } = {},
  ) => {
    const event = await findEvent(deps.db, c.req.param('id') ?? '');
    if (!event) return c.notFound();
    return renderPage(
      c,
      {
        title: 'Accréditations presse',
        breadcrumb: organiserCrumbs(event, 'Accréditations presse'),
        status: state.status,
      },
      <AccreditationsPage
        event={event}
        rows={await listAccreditations(deps.db, event.id)}
        csrf={await c.var.session.csrfToken()}
        notice={state.notice}
        error={state.error}
        publicFormUrl={`${deps.publicUrl}/evenements/${encodeURIComponent(event.id)}/accreditation`}
      />,
    );
  };

  app.get('/organisation/evenements/:id/accreditations', organise, (c) => {
    const done = c.req.query('fait');
    const notice =
      done === 'acceptee'
        ? 'Accréditation acceptée : le badge PRESSE est envoyé au journaliste.'
        : done === 'refusee'
          ? 'Accréditation refusée : le motif est envoyé au journaliste.'
          : done === 'deja'
            ? 'Cette demande avait déjà reçu une réponse : rien n’a changé.'
            : undefined;
    return listPage(c, { notice });
  });

  app.post('/organisation/evenements/:id/accreditations/:aid/decision', organise, async (c) => {
    const eventId = c.req.param('id');
    const id = c.req.param('aid');
    const body = await c.req.parseBody().catch(() => ({}));
    const parsed = accreditationDecisionSchema.safeParse(body);
    if (!parsed.success) {
      const message = fieldErrors(parsed.error).motif ?? 'Choisissez « Accepter » ou « Refuser ».';
      return listPage(c, { error: { id, message }, status: 400 });
    }
    const decision = parsed.data.decision === 'accepter' ? 'acceptee' : 'refusee';
    const result = await decideAccreditation(
      deps,
      {
        eventId,
        id,
        decision,
        reason: parsed.data.decision === 'refuser' ? parsed.data.motif : null,
        actor: actorLabel(actorOf(c)),
      },
      deps.signer,
    );
    if (!result.ok && result.reason === 'introuvable') return c.notFound();
    const done = result.ok ? result.status : 'deja';
    return c.redirect(organiserPath(eventId, `/accreditations?fait=${done}#demande-${id}`), 303);
  });

  app.get('/organisation/evenements/:id/accreditations/:aid/piece-jointe', organise, async (c) => {
    const file = await accreditationAttachment(deps, c.req.param('id'), c.req.param('aid'));
    if (!file) return c.notFound();
    // Always a download, never rendered by the browser: the file came from a stranger.
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        'content-type': ATTACHMENT_TYPES[file.kind],
        'content-length': String(file.size),
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });

  return app;
}
