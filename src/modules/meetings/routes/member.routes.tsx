/**
 * The stand members' pages: their agenda, answering requests, cancelling, unavailability, and the agenda as
 * .ics and PDF. A member is known by their account's address or by the link they received.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { renderPage } from '../../../platform/ui/render.js';
import { answerRequest, cancelMeeting } from '../booking/change.js';
import { releaseLapsed } from '../booking/lapsed.js';
import { markUnavailable, removeUnavailability } from '../booking/unavailability.js';
import type { MeetingsDeps } from '../deps.js';
import { agendaIcs } from '../documents/agenda-ics.js';
import { agendaPdf } from '../documents/agenda-pdf.js';
import { parisFields, timeSpan } from '../paris-time.js';
import { one } from '../setup/fields.js';
import { parseUnavailability } from '../setup/schemas.js';
import { agenda, slotsOf, standsOf, unavailabilityOf } from '../store/reads.js';
import { MemberAgendaPage } from '../views/member-pages.js';
import { EVENT_ID, idOf, membersOf, messageOf, publicSpace, readForm, spacePath } from './http.js';

export function memberRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const base = '/evenements/:id/rencontres/equipe';

  async function me(c: Context<AppEnv>) {
    const eventId = idOf(c, 'id', EVENT_ID);
    const { event } = await publicSpace(deps, eventId);
    const members = await membersOf(c, deps, eventId);
    await releaseLapsed(deps, eventId, { memberIds: members.map((m) => m.id) });
    return { eventId, event, members, ids: members.map((m) => m.id) };
  }

  async function page(
    c: Context<AppEnv>,
    form: { values: Record<string, string>; errors: Record<string, string> } | null = null,
  ) {
    const { eventId, event, members, ids } = await me(c);
    if (members.length === 0) return c.redirect(spacePath(eventId), 303);
    const [items, slots, away, stands] = await Promise.all([
      agenda(deps.db, eventId, { memberIds: ids }),
      slotsOf(deps.db, eventId, { memberIds: ids }),
      unavailabilityOf(deps.db, eventId, ids),
      standsOf(deps.db, eventId),
    ]);
    const standName = new Map(stands.map((s) => [s.id, s.name]));
    const day = parisFields(slots[0]?.startsAt ?? event.startsAt).day;
    return renderPage(
      c,
      {
        title: `Agenda de mon stand — ${event.title}`,
        breadcrumb: [
          { label: 'Espace de rencontres', href: spacePath(eventId) },
          { label: 'Agenda de mon stand' },
        ],
        status: form && Object.keys(form.errors).length > 0 ? 422 : 200,
      },
      <MemberAgendaPage
        event={event}
        members={members.map((m) => ({ ...m, standName: standName.get(m.standId) ?? '' }))}
        items={items}
        slots={slots}
        away={away}
        csrf={await c.var.session.csrfToken()}
        values={form?.values ?? { membre: ids[0] ?? '', jour: day, debut: '', fin: '', motif: '' }}
        errors={form?.errors ?? {}}
        message={messageOf(c)}
      />,
    );
  }

  app.get(base, (c) => page(c));

  const done = (c: Context<AppEnv>, eventId: string, message: string) =>
    c.redirect(`${spacePath(eventId, 'equipe')}?message=${message}`, 303);

  for (const accept of [true, false]) {
    app.post(`${base}/demandes/:bookingId/${accept ? 'accepter' : 'refuser'}`, async (c) => {
      const { eventId, ids } = await me(c);
      if (ids.length === 0) return c.redirect(spacePath(eventId), 303);
      const reason = one(await readForm(c), 'motif')
        .trim()
        .slice(0, 300);
      const outcome = await answerRequest(deps, {
        eventId,
        bookingId: idOf(c, 'bookingId'),
        who: { kind: 'membre', memberIds: ids },
        accept,
        reason,
      });
      if (outcome === 'fait') return done(c, eventId, accept ? 'accepte' : 'refuse');
      if (outcome === 'passe') {
        return page(c, {
          values: {},
          errors: { _form: 'Ce créneau est passé : la demande ne peut plus être acceptée.' },
        });
      }
      return done(c, eventId, 'deja-traite');
    });
  }

  app.post(`${base}/rendez-vous/:bookingId/annuler`, async (c) => {
    const { eventId, ids } = await me(c);
    if (ids.length === 0) return c.redirect(spacePath(eventId), 303);
    const outcome = await cancelMeeting(deps, {
      eventId,
      bookingId: idOf(c, 'bookingId'),
      who: { kind: 'membre', memberIds: ids },
      reason: '',
    });
    return done(c, eventId, outcome === 'fait' ? 'annule' : outcome === 'passe' ? 'passe' : 'deja-traite');
  });

  app.post(`${base}/indisponibilites`, async (c) => {
    const { eventId, ids } = await me(c);
    if (ids.length === 0) return c.redirect(spacePath(eventId), 303);
    const form = await readForm(c);
    const values = Object.fromEntries(
      ['membre', 'jour', 'debut', 'fin', 'motif'].map((k) => [k, one(form, k)]),
    );
    if (!ids.includes(values.membre ?? ''))
      return page(c, { values, errors: { membre: 'Choisissez l’un de vos stands.' } });
    const parsed = parseUnavailability(form);
    if (!parsed.ok) return page(c, { values, errors: parsed.errors });
    const saved = await markUnavailable(deps, { eventId, memberId: values.membre!, ...parsed.value });
    if (!saved.ok) return page(c, { values, errors: saved.errors });
    return done(c, eventId, 'indisponible');
  });

  app.post(`${base}/indisponibilites/:uid/supprimer`, async (c) => {
    const { eventId, ids } = await me(c);
    await removeUnavailability(deps, { eventId, id: idOf(c, 'uid'), memberIds: ids });
    return done(c, eventId, 'indisponibilite-retiree');
  });

  app.get(`${base}/agenda.ics`, async (c) => {
    const { eventId, event, ids } = await me(c);
    if (ids.length === 0) return c.redirect(spacePath(eventId), 303);
    const items = await agenda(deps.db, eventId, { memberIds: ids, live: true });
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="rendez-vous-du-stand.ics"');
    c.header('cache-control', 'private, no-store');
    return c.body(
      agendaIcs(event.title, items, 'membre', `${deps.publicUrl}${spacePath(eventId, 'equipe')}`),
    );
  });

  app.get(`${base}/agenda.pdf`, async (c) => {
    const { eventId, event, members, ids } = await me(c);
    if (ids.length === 0) return c.redirect(spacePath(eventId), 303);
    const items = await agenda(deps.db, eventId, { memberIds: ids, live: true });
    const pdf = await agendaPdf({
      title: `Rendez-vous de ${members
        .map((m) => m.name)
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(', ')}`,
      subtitle: `${event.title} — ${formatDate(event.startsAt)}`,
      demonstration: event.demonstration,
      sections: members.map((m) => ({
        heading: `${m.name}${m.role ? `, ${m.role}` : ''}`,
        empty: 'Aucun rendez-vous.',
        rows: items
          .filter((i) => i.memberId === m.id)
          .map((i) => ({
            time: timeSpan(i.startsAt, i.endsAt),
            place: i.locationName,
            who: `${i.participantName}${i.participantOrganisation ? ` (${i.participantOrganisation})` : ''}`,
            detail: i.status === 'demandee' ? `Demande à traiter${i.note ? ` — ${i.note}` : ''}` : i.note,
          })),
      })),
    });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', 'inline; filename="rendez-vous-du-stand.pdf"');
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(pdf));
  });

  return app;
}
