/**
 * The organisers' slots (series, deletion), their meetings (the organiser may cancel one: both sides are
 * told), and the sheets per location (a page and a PDF to print).
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/format.js';
import { cancelMeeting } from '../booking/change.js';
import type { MeetingsDeps } from '../deps.js';
import { agendaPdf } from '../documents/agenda-pdf.js';
import { parisFields, timeSpan } from '../paris-time.js';
import { one } from '../setup/fields.js';
import { parseSeries } from '../setup/schemas.js';
import { createSeries, deleteSlot } from '../setup/slots.js';
import { agenda, locationsOf, membersOf, slotsOf, standsOf } from '../store/reads.js';
import { type SheetLine, SheetPage, SheetsIndex } from '../views/sheet-page.js';
import { SlotsPage } from '../views/slot-pages.js';
import { authorOf, ITEM_ID, idOf, organiserPath, readForm } from './http.js';
import { notFound, organiserEvent, organiserPage } from './organiser-http.js';

export function organiserSlotRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const base = '/organisation/evenements/:id/rencontres';

  async function slotsPage(
    c: Context<AppEnv>,
    form: { values: Record<string, string>; errors: Record<string, string> } | null = null,
  ) {
    const { eventId, event } = await organiserEvent(deps, c);
    const [stands, members, locations] = await Promise.all([
      standsOf(deps.db, eventId),
      membersOf(deps.db, eventId),
      locationsOf(deps.db, eventId),
    ]);
    const wanted = c.req.query('stand');
    const stand = stands.find((s) => s.id === wanted) ?? stands[0] ?? null;
    const mine = stand ? members.filter((m) => m.standId === stand.id) : [];
    const slots = stand ? await slotsOf(deps.db, eventId, { standId: stand.id }) : [];
    const items = stand
      ? (await agenda(deps.db, eventId, { live: true })).filter((i) => i.standId === stand.id)
      : [];
    const values = form?.values ?? {
      membre: 'tous',
      lieu: stand?.locationId ?? locations[0]?.id ?? '',
      jour: parisFields(event.startsAt).day,
      debut: '15:00',
      fin: '16:30',
      intervalle: '20',
      duree: '20',
      capacite: '1',
    };
    return organiserPage(
      c,
      {
        event,
        section: 'creneaux',
        title: 'Créneaux et rendez-vous',
        failed: !!form && Object.keys(form.errors).length > 0,
      },
      <SlotsPage
        eventId={eventId}
        stands={stands}
        stand={stand}
        members={mine}
        locations={locations}
        slots={slots}
        items={items}
        csrf={await c.var.session.csrfToken()}
        values={values}
        errors={form?.errors ?? {}}
      />,
    );
  }

  app.get(`${base}/creneaux`, (c) => slotsPage(c));

  app.post(`${base}/creneaux`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const form = await readForm(c);
    const standId = one(form, 'stand');
    const stand = (await standsOf(deps.db, eventId)).find((s) => s.id === standId);
    if (!stand) throw notFound();
    const values = Object.fromEntries(
      ['membre', 'lieu', 'jour', 'debut', 'fin', 'intervalle', 'duree', 'capacite'].map((k) => [
        k,
        one(form, k),
      ]),
    );
    const parsed = parseSeries(form);
    const made = parsed.ok ? await createSeries(deps, authorOf(c), eventId, stand.id, parsed.value) : parsed;
    if (!made.ok) return slotsPage(c, { values, errors: made.errors });
    return c.redirect(
      `${organiserPath(eventId, 'creneaux')}?stand=${encodeURIComponent(stand.id)}&message=creneaux-crees`,
      303,
    );
  });

  app.post(`${base}/creneaux/:slotId/supprimer`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const done = await deleteSlot(deps, authorOf(c), eventId, idOf(c, 'slotId'));
    if (!done.ok) return slotsPage(c, { values: {}, errors: done.errors });
    const stand = c.req.query('stand');
    const query = stand && ITEM_ID.test(stand) ? `stand=${encodeURIComponent(stand)}&` : '';
    return c.redirect(`${organiserPath(eventId, 'creneaux')}?${query}message=creneau-supprime`, 303);
  });

  app.post(`${base}/rendez-vous/:bookingId/annuler`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const form = await readForm(c);
    const outcome = await cancelMeeting(deps, {
      eventId,
      bookingId: idOf(c, 'bookingId'),
      who: { kind: 'organisateur' },
      reason: 'Annulé par l’organisateur.',
    });
    if (outcome === 'introuvable') throw notFound();
    const stand = one(form, 'stand');
    const query = ITEM_ID.test(stand) ? `stand=${encodeURIComponent(stand)}&` : '';
    return c.redirect(
      `${organiserPath(eventId, 'creneaux')}?${query}message=${outcome === 'fait' ? 'annule' : outcome === 'passe' ? 'passe' : 'deja-traite'}`,
      303,
    );
  });

  app.get(`${base}/feuilles`, async (c) => {
    const { eventId, event } = await organiserEvent(deps, c);
    return organiserPage(
      c,
      { event, section: 'feuilles', title: 'Feuilles par lieu' },
      <SheetsIndex eventId={eventId} locations={await locationsOf(deps.db, eventId)} />,
    );
  });

  async function sheet(c: Context<AppEnv>, locationId: string) {
    const { eventId, event } = await organiserEvent(deps, c);
    const location = (await locationsOf(deps.db, eventId)).find((l) => l.id === locationId);
    if (!location) throw notFound();
    const [slots, stands, members, items] = await Promise.all([
      slotsOf(deps.db, eventId, { locationId }),
      standsOf(deps.db, eventId),
      membersOf(deps.db, eventId),
      agenda(deps.db, eventId, { locationId, live: true }),
    ]);
    const standName = new Map(stands.map((s) => [s.id, s.name]));
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const lines: SheetLine[] = slots.map((s) => ({
      slotId: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      standName: standName.get(s.standId) ?? '',
      memberName: memberName.get(s.memberId) ?? '',
      capacity: s.capacity,
      meetings: items.filter((i) => i.slotId === s.id),
    }));
    return { event, eventId, location, lines };
  }

  app.get(`${base}/feuilles/:file`, async (c) => {
    const file = c.req.param('file');
    const pdf = file.endsWith('.pdf');
    const locationId = pdf ? file.slice(0, -4) : file;
    if (!ITEM_ID.test(locationId)) throw notFound();
    const { event, eventId, location, lines } = await sheet(c, locationId);
    if (!pdf) {
      return organiserPage(
        c,
        { event, section: 'feuilles', title: `Feuille du jour — ${location.name}` },
        <SheetPage eventId={eventId} location={location} lines={lines} />,
      );
    }
    const bytes = await agendaPdf({
      title: `Feuille du jour — ${location.name}`,
      subtitle: `${event.title} — ${formatDate(event.startsAt)}`,
      demonstration: event.demonstration,
      sections: [
        {
          heading: `${location.name} (${location.capacity} rendez-vous à la fois)`,
          empty: 'Aucun créneau dans ce lieu.',
          rows: lines.map((l) => ({
            time: timeSpan(l.startsAt, l.endsAt),
            place: l.standName,
            who: `${l.memberName} — ${l.meetings.length === 0 ? 'libre' : l.meetings.map((m) => m.participantName).join(', ')}`,
            detail: l.meetings.some((m) => m.status === 'demandee')
              ? 'Demande en attente'
              : `${l.meetings.length} / ${l.capacity}`,
          })),
        },
      ],
    });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `inline; filename="feuille-${location.id}.pdf"`);
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(bytes));
  });

  return app;
}
