import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { plural } from '../../platform/i18n/format.js';
import { Pagination } from '../../platform/ui/components.js';
import { Alert, CsrfField, InputField } from '../../platform/ui/forms.js';
import { renderPage } from '../../platform/ui/render.js';
import { ROLES, type Role } from './accounts.domain.js';
import { AccountsError } from './accounts.errors.js';
import { actorOf, authorize, requestContext } from './accounts.http.js';
import type { AccountsRepository } from './accounts.repository.js';
import { adminListSchema, fieldErrors, grantSchema } from './accounts.schemas.js';
import type { AccountsService, OrganisationDirectory } from './accounts.service.js';
import { can } from './policy.js';
import { AdminHome, AuditTable, PER_PAGE, PeoplePage, PersonPage } from './views/admin-pages.js';

export interface OrganisationLister {
  list(input: { q: string; page: number; perPage: number }): Promise<{
    items: Array<{ siren: string; name: string; kind: string }>;
    total: number;
  }>;
  /** Corrects an organisation's official name; null when unknown, a French message when the name is refused. */
  rename(siren: string, name: string): Promise<{ ok: true } | { ok: false; message: string } | null>;
}

const adminCrumb = { label: 'Administration', href: '/admin' };

/** The administrators' pages: people and their roles, organisations, the audit log. */
export function adminRoutes(deps: {
  service: AccountsService;
  repo: AccountsRepository;
  organisations: OrganisationDirectory & OrganisationLister;
}) {
  const app = new Hono<AppEnv>();

  app.get('/admin', authorize('admin:access'), (c) => {
    const actor = actorOf(c);
    return renderPage(
      c,
      { title: 'Administration', breadcrumb: [{ label: 'Administration' }] },
      <AdminHome
        can={{
          people: can(actor, 'people:list'),
          audit: can(actor, 'audit:view'),
          organisations: can(actor, 'organisations:list'),
          fund: can(actor, 'fund:access'),
          events: can(actor, 'events:access'),
          catalogue: can(actor, 'catalogue:review'),
        }}
      />,
    );
  });

  app.get('/admin/personnes', authorize('people:list'), async (c) => {
    const q = adminListSchema.parse(c.req.query());
    const role = (ROLES as readonly string[]).includes(q.role ?? '') ? (q.role as Role) : undefined;
    const result = await deps.repo.listPeople({
      q: q.q,
      role,
      limit: PER_PAGE,
      offset: (q.page - 1) * PER_PAGE,
    });
    return renderPage(
      c,
      { title: 'Personnes et rôles', breadcrumb: [adminCrumb, { label: 'Personnes et rôles' }] },
      <PeoplePage items={result.items} total={result.total} page={q.page} q={q.q} role={role} />,
    );
  });

  const personPage = async (
    c: Context<AppEnv>,
    id: string,
    extra: Partial<Parameters<typeof PersonPage>[0]> = {},
    status: 200 | 400 = 200,
  ) => {
    const person = await deps.repo.personById(id);
    if (!person) return c.notFound();
    const [grants, events, organisation] = await Promise.all([
      deps.repo.liveGrants(person.id),
      deps.repo.listAudit({ targetId: person.id, limit: 50, offset: 0 }),
      person.organisationSiren ? deps.organisations.bySiren(person.organisationSiren) : null,
    ]);
    return renderPage(
      c,
      {
        title: [person.givenName, person.usualName].filter(Boolean).join(' ') || person.email,
        breadcrumb: [
          adminCrumb,
          { label: 'Personnes et rôles', href: '/admin/personnes' },
          { label: person.email },
        ],
        status,
      },
      <PersonPage
        person={person}
        organisationName={organisation?.name ?? null}
        grants={grants}
        events={events.items}
        csrf={await c.var.session.csrfToken()}
        {...extra}
      />,
    );
  };

  app.get('/admin/personnes/:id', authorize('people:view'), (c) =>
    personPage(c, c.req.param('id'), {
      notice:
        c.req.query('fait') === 'attribue'
          ? 'Rôle attribué'
          : c.req.query('fait') === 'retire'
            ? 'Rôle retiré'
            : undefined,
    }),
  );

  app.post('/admin/personnes/:id/roles', authorize('roles:grant'), async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const typed = {
      role: typeof body.role === 'string' ? body.role.slice(0, 40) : '',
      perimetre: typeof body.perimetre === 'string' ? body.perimetre.slice(0, 120) : '',
    };
    const parsed = grantSchema.safeParse(body);
    if (!parsed.success)
      return personPage(c, id, { form: { ...typed, errors: fieldErrors(parsed.error) } }, 400);
    try {
      await deps.service.grantRole(
        actorOf(c),
        { personId: id, role: parsed.data.role, scope: parsed.data.perimetre },
        requestContext(c),
      );
    } catch (err) {
      if (!(err instanceof AccountsError)) throw err;
      if (err.code === 'introuvable') return c.notFound();
      const field = err.code === 'perimetre-invalide' ? 'perimetre' : 'role';
      return personPage(c, id, { form: { ...typed, errors: { [field]: err.message } } }, 400);
    }
    return c.redirect(`/admin/personnes/${id}?fait=attribue`, 303);
  });

  app.post('/admin/personnes/:id/roles/:grant/retirer', authorize('roles:revoke'), async (c) => {
    const id = c.req.param('id');
    try {
      await deps.service.revokeRole(actorOf(c), c.req.param('grant'), requestContext(c));
    } catch (err) {
      if (!(err instanceof AccountsError)) throw err;
      return personPage(c, id, { notice: err.message }, 400);
    }
    return c.redirect(`/admin/personnes/${id}?fait=retire`, 303);
  });

  app.get('/admin/organisations', authorize('organisations:list'), async (c) => {
    const q = adminListSchema.parse(c.req.query());
    const result = await deps.organisations.list({ q: q.q, page: q.page, perPage: PER_PAGE });
    const href = (n: number) => `/admin/organisations?${new URLSearchParams({ q: q.q, page: String(n) })}`;
    return renderPage(
      c,
      { title: 'Organisations', breadcrumb: [adminCrumb, { label: 'Organisations' }] },
      <>
        <h1>Organisations</h1>
        <form method="get" action="/admin/organisations" class="fr-mb-3w">
          <InputField name="q" type="search" label="Nom ou SIREN" value={q.q} />
          <button type="submit" class="fr-btn">
            Rechercher
          </button>
        </form>
        <p role="status">{plural(result.total, 'organisation', 'organisations', 'Aucune organisation')}</p>
        <div class="fr-table">
          <table>
            <caption class="fr-sr-only">Organisations</caption>
            <thead>
              <tr>
                <th scope="col">Nom officiel</th>
                <th scope="col">SIREN</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((o) => (
                <tr>
                  <td>
                    <a href={`/admin/organisations/${o.siren}`}>{o.name}</a>
                  </td>
                  <td>{o.siren}</td>
                  <td>{o.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          page={q.page}
          pageCount={Math.max(1, Math.ceil(result.total / PER_PAGE))}
          hrefFor={href}
        />
      </>,
    );
  });

  const organisationPage = async (
    c: Context<AppEnv>,
    siren: string,
    form: { name?: string; error?: string; notice?: string } = {},
    status: 200 | 400 = 200,
  ) => {
    const organisation = /^\d{9}$/.test(siren) ? await deps.organisations.bySiren(siren) : null;
    if (!organisation) return c.notFound();
    return renderPage(
      c,
      {
        title: organisation.name,
        breadcrumb: [
          adminCrumb,
          { label: 'Organisations', href: '/admin/organisations' },
          { label: organisation.name },
        ],
        status,
      },
      <>
        <h1>{organisation.name}</h1>
        {form.notice ? <Alert type="success" title={form.notice} /> : null}
        <p>SIREN {organisation.siren}</p>
        <form method="post" action={`/admin/organisations/${organisation.siren}`} novalidate>
          <CsrfField token={await c.var.session.csrfToken()} />
          <InputField
            name="nom"
            label="Nom officiel"
            hint="Tel qu’il figure au répertoire SIRENE, par exemple « Syndicat mixte Gironde Numérique »."
            value={form.name ?? organisation.name}
            error={form.error}
          />
          <button type="submit" class="fr-btn">
            Enregistrer
          </button>
        </form>
      </>,
    );
  };

  app.get('/admin/organisations/:siren', authorize('organisations:list'), (c) =>
    organisationPage(c, c.req.param('siren'), { notice: c.req.query('fait') ? 'Nom enregistré' : undefined }),
  );

  app.post(
    '/admin/organisations/:siren',
    authorize('organisations:rename', (c) => ({ organisationSiren: c.req.param('siren') })),
    async (c) => {
      const siren = c.req.param('siren');
      const body = await c.req.parseBody();
      const name = typeof body.nom === 'string' ? body.nom.slice(0, 300) : '';
      const before = await deps.organisations.bySiren(siren);
      const result = await deps.organisations.rename(siren, name);
      if (!result) return c.notFound();
      if (!result.ok) return organisationPage(c, siren, { name, error: result.message }, 400);
      await deps.service.recordOrganisationRename(
        actorOf(c),
        { siren, before: before?.name ?? null, after: name },
        requestContext(c),
      );
      return c.redirect(`/admin/organisations/${siren}?fait=1`, 303);
    },
  );

  app.get('/admin/journal', authorize('audit:view'), async (c) => {
    const q = adminListSchema.parse(c.req.query());
    const result = await deps.repo.listAudit({
      action: q.action || undefined,
      limit: PER_PAGE,
      offset: (q.page - 1) * PER_PAGE,
    });
    const href = (n: number) =>
      `/admin/journal?${new URLSearchParams({ ...(q.action ? { action: q.action } : {}), page: String(n) })}`;
    return renderPage(
      c,
      { title: 'Journal d’audit', breadcrumb: [adminCrumb, { label: 'Journal d’audit' }] },
      <>
        <h1>Journal d’audit</h1>
        <p role="status">{plural(result.total, 'événement', 'événements', 'Aucun événement')}</p>
        <AuditTable events={result.items} caption="Journal d’audit" />
        <Pagination
          page={q.page}
          pageCount={Math.max(1, Math.ceil(result.total / PER_PAGE))}
          hrefFor={href}
        />
      </>,
    );
  });

  return app;
}
