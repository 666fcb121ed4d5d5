/**
 * The participants' pages: the espace de rencontres of an event, a stand and its booking form, the agenda
 * (page, .ics, PDF) with cancellation, and the link to one's space sent by e-mail.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { actorOf, can } from '../../accounts/index.js';
import { bookSlot, REFUSALS } from '../booking/book.js';
import { releaseLapsed } from '../booking/lapsed.js';
import { issueToken } from '../booking/links.js';
import { accessMail } from '../booking/mails.js';
import type { MeetingsDeps } from '../deps.js';
import { bookingWindow, isBookable } from '../meetings.domain.js';
import { timeSpan } from '../paris-time.js';
import { one } from '../setup/fields.js';
import { projectThemes } from '../store/fund-reads.js';
import {
  agenda,
  locationsOf,
  membersByEmail,
  slotsOf,
  standById,
  membersOf as standMembers,
  standsOf,
  unavailabilityOf,
} from '../store/reads.js';
import { suggestStands } from '../suggestions.js';
import { SpacePage } from '../views/space-pages.js';
import { type SlotView, StandPage } from '../views/stand-page.js';
import { agendaRoutes } from './agenda.routes.js';
import {
  EVENT_ID,
  idOf,
  membersOf,
  messageOf,
  organiserPath,
  participantOf,
  publicSpace,
  readForm,
  spacePath,
} from './http.js';
import { rankingRoutes } from './ranking.routes.js';

const notFound = () => new HTTPException(404, { message: 'Page introuvable.' });

export function participantRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const base = '/evenements/:id/rencontres';
  const now = () => deps.clock.now().toISOString();

  async function spacePage(
    c: Context<AppEnv>,
    form: { email: string; errors: Record<string, string> },
    status: 200 | 422 = 200,
  ) {
    const eventId = idOf(c, 'id', EVENT_ID);
    const { event, space } = await publicSpace(deps, eventId);
    await releaseLapsed(deps, eventId);
    const [stands, members, slots, away, participant, mine] = await Promise.all([
      standsOf(deps.db, eventId),
      standMembers(deps.db, eventId),
      slotsOf(deps.db, eventId),
      unavailabilityOf(deps.db, eventId),
      participantOf(c, deps, eventId),
      membersOf(c, deps, eventId),
    ]);
    const at = now();
    const topics = [...new Set(stands.flatMap((s) => s.topics))];
    const topic = c.req.query('theme') ?? '';
    const shown = topics.includes(topic) ? stands.filter((s) => s.topics.includes(topic)) : stands;
    const cards = shown.map((stand) => ({
      stand,
      members: members.filter((m) => m.standId === stand.id),
      freeSlots: slots.filter((s) => s.standId === stand.id && isBookable(s, away, at)).length,
    }));
    let suggestions: ReturnType<typeof suggestStands> = [];
    if (participant) {
      const met = new Set(
        (await agenda(deps.db, eventId, { registrationId: participant.registrationId, live: true })).map(
          (i) => i.standId,
        ),
      );
      const themes = await projectThemes(deps.db, {
        siren: participant.organisationSiren,
        territoryKey: participant.collectiviteKey,
      });
      suggestions = suggestStands(stands, { profile: participant.profile, themes, met });
    }
    const standName = new Map(stands.map((s) => [s.id, s.name]));
    return renderPage(
      c,
      {
        title: `Espace de rencontres — ${event.title}`,
        breadcrumb: [
          { label: 'Événements', href: '/evenements' },
          { label: event.title, href: `/evenements/${eventId}` },
          { label: 'Espace de rencontres' },
        ],
        status,
      },
      <SpacePage
        event={event}
        space={space}
        cards={cards}
        topics={topics}
        topic={topics.includes(topic) ? topic : ''}
        viewer={{
          participantName: participant ? `${participant.givenName} ${participant.familyName}` : null,
          memberStands: [...new Set(mine.map((m) => standName.get(m.standId) ?? ''))].filter(Boolean),
        }}
        suggestions={suggestions}
        csrf={await c.var.session.csrfToken()}
        email={form.email}
        errors={form.errors}
        message={messageOf(c)}
        manageHref={
          can(actorOf(c), 'meetings:organise', { scope: `evenement:${eventId}` })
            ? organiserPath(eventId)
            : null
        }
      />,
    );
  }

  app.get(base, (c) => spacePage(c, { email: '', errors: {} }));

  app.post(`${base}/acces`, async (c) => {
    const eventId = idOf(c, 'id', EVENT_ID);
    const { event } = await publicSpace(deps, eventId);
    const email = one(await readForm(c), 'email')
      .trim()
      .toLowerCase();
    if (!z.email().safeParse(email).success) {
      return spacePage(
        c,
        {
          email,
          errors: { email: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.' },
        },
        422,
      );
    }
    const at = now();
    const ctx = { eventId, eventTitle: event.title, publicUrl: deps.publicUrl };
    await deps.db.transaction().execute(async (trx) => {
      const reg = await trx
        .selectFrom('registration')
        .select('id')
        .where('event_id', '=', eventId)
        .where('email', '=', email)
        .where('status', '=', 'confirmee')
        .executeTakeFirst();
      if (reg) {
        const token = await issueToken(
          trx,
          { eventId, purpose: 'acces-participant', registrationId: reg.id, memberId: null, bookingId: null },
          at,
        );
        await deps.outbox.enqueue(trx, accessMail(ctx, email, 'participant', token, randomUUID()));
      }
      for (const m of await membersByEmail(trx, eventId, email)) {
        const token = await issueToken(
          trx,
          { eventId, purpose: 'acces-membre', registrationId: null, memberId: m.id, bookingId: null },
          at,
        );
        await deps.outbox.enqueue(trx, accessMail(ctx, email, 'membre', token, randomUUID()));
      }
    });
    // The same answer whether the address is known or not: the page tells no one who registered.
    return c.redirect(`${spacePath(eventId)}?message=lien-envoye`, 303);
  });

  async function standPage(
    c: Context<AppEnv>,
    form: { values: { creneau: string; sujet: string }; errors: Record<string, string> },
    status: 200 | 422 = 200,
  ) {
    const eventId = idOf(c, 'id', EVENT_ID);
    const standId = idOf(c, 'standId');
    const { event, space } = await publicSpace(deps, eventId);
    const stand = await standById(deps.db, eventId, standId);
    if (!stand) throw notFound();
    await releaseLapsed(deps, eventId, { standId });
    const [members, slots, away, locations, participant] = await Promise.all([
      standMembers(deps.db, eventId),
      slotsOf(deps.db, eventId, { standId }),
      unavailabilityOf(deps.db, eventId),
      locationsOf(deps.db, eventId),
      participantOf(c, deps, eventId),
    ]);
    const at = now();
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const locationName = new Map(locations.map((l) => [l.id, l.name]));
    const views: SlotView[] = slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      memberName: memberName.get(s.memberId) ?? '',
      locationName: locationName.get(s.locationId) ?? '',
      capacity: s.capacity,
      left: Math.max(0, s.capacity - s.booked),
      bookable: isBookable(s, away, at),
    }));
    let block: string | null = null;
    if (space.mode === 'planifie') block = REFUSALS.planifie;
    else if (!participant) {
      block =
        'Pour réserver, accédez à votre espace : connectez-vous ou demandez votre lien personnel depuis la page de l’espace de rencontres.';
    } else if (participant.mode !== 'presentiel') block = REFUSALS.distance;
    else {
      const window = bookingWindow(space, at);
      if (window !== 'ouverte') block = REFUSALS[window];
      const mine = await agenda(deps.db, eventId, { registrationId: participant.registrationId, live: true });
      const here = mine.find((i) => i.standId === standId);
      if (here)
        block = `Vous avez déjà un rendez-vous avec ce stand, à ${timeSpan(here.startsAt, here.endsAt)} : retrouvez-le dans votre agenda.`;
      else if (space.perPersonLimit !== null && mine.length >= space.perPersonLimit) block = REFUSALS.limite;
    }
    return renderPage(
      c,
      {
        title: `${stand.name} — Espace de rencontres`,
        breadcrumb: [
          { label: 'Événements', href: '/evenements' },
          { label: event.title, href: `/evenements/${eventId}` },
          { label: 'Espace de rencontres', href: spacePath(eventId) },
          { label: stand.name },
        ],
        status,
      },
      <StandPage
        event={event}
        stand={stand}
        members={members.filter((m) => m.standId === standId)}
        slots={views}
        block={block}
        csrf={await c.var.session.csrfToken()}
        values={form.values}
        errors={form.errors}
        message={messageOf(c)}
      />,
    );
  }

  app.get(`${base}/stands/:standId`, (c) => standPage(c, { values: { creneau: '', sujet: '' }, errors: {} }));

  app.post(`${base}/stands/:standId/reserver`, async (c) => {
    const eventId = idOf(c, 'id', EVENT_ID);
    const standId = idOf(c, 'standId');
    await publicSpace(deps, eventId);
    const form = await readForm(c);
    const values = { creneau: one(form, 'creneau'), sujet: one(form, 'sujet').trim() };
    const participant = await participantOf(c, deps, eventId);
    if (!participant) return standPage(c, { values, errors: {} }, 422);
    if (!values.creneau) return standPage(c, { values, errors: { creneau: 'Choisissez un créneau.' } }, 422);
    if (values.sujet.length > 500) {
      return standPage(
        c,
        { values, errors: { sujet: 'Ce texte est trop long (500 caractères au plus).' } },
        422,
      );
    }
    const slot = (await slotsOf(deps.db, eventId, { standId })).find((s) => s.id === values.creneau);
    if (!slot) return standPage(c, { values, errors: { creneau: REFUSALS.creneau } }, 422);
    const outcome = await bookSlot(deps, {
      eventId,
      registrationId: participant.registrationId,
      slotId: slot.id,
      note: values.sujet,
    });
    if (outcome.status === 'refus')
      return standPage(c, { values, errors: { creneau: outcome.message } }, 422);
    return c.redirect(
      `${spacePath(eventId, 'mon-agenda')}?message=${outcome.status === 'confirmee' ? 'confirme' : outcome.status === 'demandee' ? 'demande' : 'deja'}`,
      303,
    );
  });

  app.route('/', agendaRoutes(deps));
  app.route('/', rankingRoutes(deps));
  return app;
}
