/**
 * The organisers' pages of an event's espace de rencontres: overview and settings, locations, stands and their
 * members. Slots, meetings and sheets are in organiser-slots.routes.tsx, scheduling in scheduling.routes.tsx.
 * Every form works without JavaScript and comes back with its errors on the fields and its values kept.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import type { MeetingsDeps } from '../deps.js';
import { parisFields } from '../paris-time.js';
import { type Form, one } from '../setup/fields.js';
import { parseLocation, parseMember, parseSettings, parseStand } from '../setup/schemas.js';
import { createSetupService } from '../setup/setup.service.js';
import { overviewOf, slotsPerLocation, slotsPerMember, slotsPerStand } from '../store/organiser-reads.js';
import { locationsOf, membersOf, standById, standsOf } from '../store/reads.js';
import { LocationsPage, OverviewPage } from '../views/organiser-pages.js';
import { StandForm, StandMembers, StandsListPage } from '../views/stand-forms.js';
import { authorOf, idOf, organiseMeetings, organiserPath, readForm } from './http.js';
import { notFound, organiserEvent, organiserPage } from './organiser-http.js';
import { organiserSlotRoutes } from './organiser-slots.routes.js';
import { schedulingRoutes } from './scheduling.routes.js';

const hasErrors = (errors: Record<string, string>) => Object.keys(errors).length > 0;

export function organiserRoutes(deps: MeetingsDeps) {
  const app = new Hono<AppEnv>();
  const setup = createSetupService(deps);
  const base = '/organisation/evenements/:id/rencontres';
  app.use(`${base}/*`, organiseMeetings);
  app.use(base, organiseMeetings);

  async function overview(
    c: Context<AppEnv>,
    form: { values: Form; errors: Record<string, string> } | null = null,
  ) {
    const { eventId, event, space } = await organiserEvent(deps, c);
    const at = (iso: string | null, prefix: string) =>
      iso ? { [`${prefix}-jour`]: parisFields(iso).day, [`${prefix}-heure`]: parisFields(iso).time } : {};
    const values: Record<string, string> = form
      ? Object.fromEntries(Object.keys(form.values).map((k) => [k, one(form.values, k)]))
      : {
          mode: space.mode,
          limite: space.perPersonLimit === null ? '' : String(space.perPersonLimit),
          choix: String(space.choicesMax),
          ...at(space.bookingOpensAt, 'ouverture'),
          ...at(space.bookingClosesAt, 'cloture'),
          ...at(space.rankingDeadline, 'echeance'),
        };
    return organiserPage(
      c,
      { event, section: 'apercu', title: 'Espace de rencontres', failed: !!form && hasErrors(form.errors) },
      <OverviewPage
        eventId={eventId}
        overview={await overviewOf(deps.db, eventId)}
        csrf={await c.var.session.csrfToken()}
        values={values}
        errors={form?.errors ?? {}}
      />,
    );
  }

  app.get(base, (c) => overview(c));

  app.post(`${base}/reglages`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const form = await readForm(c);
    const parsed = parseSettings(form);
    if (!parsed.ok) return overview(c, { values: form, errors: parsed.errors });
    await setup.saveSettings(authorOf(c), eventId, parsed.value);
    return c.redirect(`${organiserPath(eventId)}?message=enregistre`, 303);
  });

  async function locations(
    c: Context<AppEnv>,
    form: { values: Record<string, string>; errors: Record<string, string> } | null = null,
  ) {
    const { eventId, event } = await organiserEvent(deps, c);
    const counts = await slotsPerLocation(deps.db, eventId);
    const list = (await locationsOf(deps.db, eventId)).map((l) => ({ ...l, slots: counts.get(l.id) ?? 0 }));
    return organiserPage(
      c,
      { event, section: 'lieux', title: 'Lieux', failed: !!form && hasErrors(form.errors) },
      <LocationsPage
        eventId={eventId}
        locations={list}
        csrf={await c.var.session.csrfToken()}
        values={form?.values ?? { nom: '', capacite: '1' }}
        errors={form?.errors ?? {}}
      />,
    );
  }

  app.get(`${base}/lieux`, (c) => locations(c));

  app.post(`${base}/lieux`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const form = await readForm(c);
    const values = { nom: one(form, 'nom'), capacite: one(form, 'capacite') };
    const parsed = parseLocation(form);
    if (!parsed.ok) return locations(c, { values, errors: parsed.errors });
    await setup.addLocation(authorOf(c), eventId, parsed.value);
    return c.redirect(`${organiserPath(eventId, 'lieux')}?message=lieu-ajoute`, 303);
  });

  app.post(`${base}/lieux/:locationId/supprimer`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const done = await setup.deleteLocation(authorOf(c), eventId, idOf(c, 'locationId'));
    if (!done.ok) return locations(c, { values: { nom: '', capacite: '1' }, errors: done.errors });
    return c.redirect(`${organiserPath(eventId, 'lieux')}?message=lieu-supprime`, 303);
  });

  app.get(`${base}/stands`, async (c) => {
    const { eventId, event } = await organiserEvent(deps, c);
    const [stands, members, slots] = await Promise.all([
      standsOf(deps.db, eventId),
      membersOf(deps.db, eventId),
      slotsPerStand(deps.db, eventId),
    ]);
    const list = stands.map((s) => ({
      ...s,
      members: members.filter((m) => m.standId === s.id).length,
      slots: slots.get(s.id) ?? 0,
    }));
    return organiserPage(
      c,
      { event, section: 'stands', title: 'Stands' },
      <StandsListPage eventId={eventId} stands={list} />,
    );
  });

  async function newStand(c: Context<AppEnv>, values: Form, errors: Record<string, string>) {
    const { eventId, event } = await organiserEvent(deps, c);
    return organiserPage(
      c,
      { event, section: 'stands', title: 'Ajouter un stand', failed: hasErrors(errors) },
      <StandForm
        action={organiserPath(eventId, 'stands/nouveau')}
        submit="Créer le stand"
        csrf={await c.var.session.csrfToken()}
        locations={await locationsOf(deps.db, eventId)}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get(`${base}/stands/nouveau`, (c) => newStand(c, { mode: 'direct' }, {}));

  app.post(`${base}/stands/nouveau`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const form = await readForm(c);
    const parsed = parseStand(form);
    if (!parsed.ok) return newStand(c, form, parsed.errors);
    const saved = await setup.saveStand(authorOf(c), eventId, null, parsed.value);
    if (!saved.ok) return newStand(c, form, saved.errors);
    return c.redirect(`${organiserPath(eventId, `stands/${saved.value}`)}?message=stand-cree`, 303);
  });

  async function standPage(
    c: Context<AppEnv>,
    form: {
      stand?: { values: Form; errors: Record<string, string> };
      member?: { values: Record<string, string>; errors: Record<string, string> };
    } = {},
  ) {
    const { eventId, event } = await organiserEvent(deps, c);
    const stand = await standById(deps.db, eventId, idOf(c, 'standId'));
    if (!stand) throw notFound();
    const [members, counts, locations] = await Promise.all([
      membersOf(deps.db, eventId),
      slotsPerMember(deps.db, eventId),
      locationsOf(deps.db, eventId),
    ]);
    const csrf = await c.var.session.csrfToken();
    const errors = { ...form.stand?.errors, ...form.member?.errors };
    return organiserPage(
      c,
      { event, section: 'stands', title: stand.name, failed: hasErrors(errors) },
      <>
        <StandForm
          action={organiserPath(eventId, `stands/${stand.id}`)}
          submit="Enregistrer le stand"
          csrf={csrf}
          locations={locations}
          values={
            form.stand?.values ?? {
              nom: stand.name,
              organisation: stand.organisation,
              description: stand.description,
              themes: stand.topics,
              publics: stand.audiences,
              mode: stand.bookingMode,
              lieu: stand.locationId ?? '',
            }
          }
          errors={form.stand?.errors ?? {}}
        />
        <StandMembers
          eventId={eventId}
          stand={stand}
          members={members
            .filter((m) => m.standId === stand.id)
            .map((m) => ({ ...m, slots: counts.get(m.id) ?? 0 }))}
          csrf={csrf}
          values={form.member?.values ?? { 'nom-membre': '', email: '', fonction: '' }}
          errors={form.member?.errors ?? {}}
        />
      </>,
    );
  }

  app.get(`${base}/stands/:standId`, (c) => standPage(c));

  app.post(`${base}/stands/:standId`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const standId = idOf(c, 'standId');
    const form = await readForm(c);
    const parsed = parseStand(form);
    const saved = parsed.ok ? await setup.saveStand(authorOf(c), eventId, standId, parsed.value) : parsed;
    if (!saved.ok) return standPage(c, { stand: { values: form, errors: saved.errors } });
    return c.redirect(`${organiserPath(eventId, `stands/${standId}`)}?message=enregistre`, 303);
  });

  app.post(`${base}/stands/:standId/supprimer`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const done = await setup.deleteStand(authorOf(c), eventId, idOf(c, 'standId'));
    if (!done.ok)
      return standPage(c, {
        member: { values: { 'nom-membre': '', email: '', fonction: '' }, errors: done.errors },
      });
    return c.redirect(`${organiserPath(eventId, 'stands')}?message=stand-supprime`, 303);
  });

  app.post(`${base}/stands/:standId/membres`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const stand = await standById(deps.db, eventId, idOf(c, 'standId'));
    if (!stand) throw notFound();
    const form = await readForm(c);
    const values = {
      'nom-membre': one(form, 'nom-membre'),
      email: one(form, 'email'),
      fonction: one(form, 'fonction'),
    };
    const parsed = parseMember(form);
    const saved = parsed.ok ? await setup.addMember(authorOf(c), eventId, stand.id, parsed.value) : parsed;
    if (!saved.ok) return standPage(c, { member: { values, errors: saved.errors } });
    return c.redirect(`${organiserPath(eventId, `stands/${stand.id}`)}?message=membre-ajoute`, 303);
  });

  app.post(`${base}/stands/:standId/membres/:memberId/retirer`, async (c) => {
    const { eventId } = await organiserEvent(deps, c);
    const standId = idOf(c, 'standId');
    const done = await setup.removeMember(authorOf(c), eventId, idOf(c, 'memberId'));
    if (!done.ok)
      return standPage(c, {
        member: { values: { 'nom-membre': '', email: '', fonction: '' }, errors: done.errors },
      });
    return c.redirect(`${organiserPath(eventId, `stands/${standId}`)}?message=membre-retire`, 303);
  });

  app.route('/', organiserSlotRoutes(deps));
  app.route('/', schedulingRoutes(deps));
  return app;
}
