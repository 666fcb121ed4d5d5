import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { Alert } from '../../platform/ui/forms.js';
import { renderPage } from '../../platform/ui/render.js';
import { AccountsError } from './accounts.errors.js';
import { actorOf, authorize, requestContext } from './accounts.http.js';
import { fieldErrors, organisationSchema } from './accounts.schemas.js';
import type { AccountsService, OrganisationDirectory } from './accounts.service.js';
import { AccountPage, DeleteAccountPage } from './views/account-page.js';

/** "Mon compte": identity, organisation, roles; download or delete one's data (RGPD). */
export function accountRoutes(deps: { service: AccountsService; organisations: OrganisationDirectory }) {
  const app = new Hono<AppEnv>();
  const crumbs = [{ label: 'Mon compte' }];

  const page = async (
    c: Context<AppEnv>,
    extra: { sirenValue?: string; sirenError?: string; notice?: string } = {},
    status: 200 | 400 = 200,
  ) => {
    const actor = actorOf(c)!;
    const organisation = actor.person.organisationSiren
      ? await deps.organisations.bySiren(actor.person.organisationSiren)
      : null;
    return renderPage(
      c,
      { title: 'Mon compte', breadcrumb: crumbs, status },
      <AccountPage
        actor={actor}
        organisationName={organisation?.name ?? null}
        csrf={await c.var.session.csrfToken()}
        {...extra}
      />,
    );
  };

  app.get('/mon-compte', authorize('account:view'), async (c) =>
    page(c, { notice: c.req.query('enregistre') === '1' ? 'Modification enregistrée' : undefined }),
  );

  app.post('/mon-compte/organisation', authorize('organisation:correct-own'), async (c) => {
    const body = await c.req.parseBody();
    const parsed = organisationSchema.safeParse(body);
    const typed = typeof body.siren === 'string' ? body.siren.slice(0, 20) : '';
    if (!parsed.success)
      return page(c, { sirenValue: typed, sirenError: fieldErrors(parsed.error).siren }, 400);
    try {
      await deps.service.changeOrganisation(actorOf(c), parsed.data.siren, requestContext(c));
    } catch (err) {
      if (err instanceof AccountsError) return page(c, { sirenValue: typed, sirenError: err.message }, 400);
      throw err;
    }
    return c.redirect('/mon-compte?enregistre=1', 303);
  });

  app.get('/mon-compte/donnees.json', authorize('account:view'), async (c) => {
    const data = await deps.service.exportOwnData(actorOf(c)!);
    c.header('content-disposition', 'attachment; filename="mes-donnees.json"');
    c.header('cache-control', 'no-store');
    return c.json(data);
  });

  app.get('/mon-compte/supprimer', authorize('account:delete'), async (c) =>
    renderPage(
      c,
      {
        title: 'Supprimer mon compte',
        breadcrumb: [{ label: 'Mon compte', href: '/mon-compte' }, { label: 'Supprimer' }],
      },
      <DeleteAccountPage csrf={await c.var.session.csrfToken()} />,
    ),
  );

  app.post('/mon-compte/supprimer', authorize('account:delete'), async (c) => {
    await deps.service.deleteOwnAccount(actorOf(c)!, requestContext(c));
    await c.var.session.destroy();
    c.set('viewer', null);
    return renderPage(
      c,
      { title: 'Compte supprimé' },
      <>
        <h1>Compte supprimé</h1>
        <Alert type="success" title="Votre compte a été supprimé">
          <p>Vos données personnelles ont été effacées.</p>
        </Alert>
      </>,
    );
  });

  return app;
}
