/**
 * The operators’ pages: their dispositifs, the import (dry run, then confirmation of the same file kept
 * server-side), the list of their lauréats and the edit form of one. Every page asks the policy what this
 * person manages; a line or a lauréat outside it is refused with its reason.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.js';
import { renderPage } from '../../platform/ui/render.js';
import { actorOf, authorize, displayName, requestContext } from '../accounts/index.js';
import type { FundActor } from './admin/audit.js';
import { dispositifsIn, type FundScope, fundScopeOf } from './admin/permissions.js';
import { fieldErrors, laureatFormSchema, managedListSchema } from './admin/schemas.js';
import type { FundService } from './fund.service.js';
import { IMPORT_LIMITS } from './import/columns.js';
import { importTemplateCsv, issuesCsv } from './import/csv-out.js';
import { FundAdminHome } from './views/admin/home.js';
import { ImportPage, type ImportPageProps } from './views/admin/import-page.js';
import { SHOWN_ISSUES } from './views/admin/import-report.js';
import { FIELD_LABELS, formValuesOf, LaureatFormPage } from './views/admin/laureat-form.js';
import { LAUREATS_PER_PAGE, LaureatListPage } from './views/admin/laureat-list.js';

const DONE_KEY = 'fonds-import-termine';
const FORBIDDEN =
  'Vous n’avez pas accès à cette page. Si vous pensez que c’est une erreur, contactez un administrateur.';
const adminCrumb = { label: 'Administration', href: '/admin' };
const fundCrumb = { label: 'Données du fonds', href: '/admin/fonds' };

/**
 * @example
 * app.route('/', fundAdminRoutes({ service, departementCodes }));
 */
export function fundAdminRoutes(deps: { service: FundService; departementCodes: () => Promise<string[]> }) {
  const { service } = deps;
  const app = new Hono<AppEnv>();
  const scopeFor = async (c: Context<AppEnv>): Promise<FundScope> =>
    fundScopeOf(actorOf(c), await deps.departementCodes());
  const actorFor = (c: Context<AppEnv>): FundActor => {
    const actor = actorOf(c)!;
    return { id: actor.person.id, label: displayName(actor.person), ip: requestContext(c).ip };
  };
  // A visitor is sent to log in; a person who manages nothing of the fund gets a 403.
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ((await scopeFor(c)).empty) throw new HTTPException(403, { message: FORBIDDEN });
    await next();
  };
  app.use('/admin/fonds', authorize('admin:access'), guard);
  app.use('/admin/fonds/*', authorize('admin:access'), guard);

  app.get('/admin/fonds', async (c) => {
    const scope = await scopeFor(c);
    const codes = dispositifsIn(scope);
    const dispositifs = (await service.dispositifs()).filter((d) => codes.includes(d.code));
    return renderPage(
      c,
      { title: 'Données du fonds', breadcrumb: [adminCrumb, { label: 'Données du fonds' }] },
      <FundAdminHome dispositifs={dispositifs} scopeDescription={scope.description} />,
    );
  });

  app.get('/admin/fonds/laureats', async (c) => {
    const scope = await scopeFor(c);
    const query = managedListSchema.parse(c.req.query());
    const codes = dispositifsIn(scope);
    const dispositif = codes.find((code) => code === query.dispositif);
    const result = await service.listManaged({
      scope: scope.managed,
      dispositif,
      idOrSiren: query.q,
      limit: LAUREATS_PER_PAGE,
      offset: (query.page - 1) * LAUREATS_PER_PAGE,
    });
    return renderPage(
      c,
      { title: 'Lauréats', breadcrumb: [adminCrumb, fundCrumb, { label: 'Lauréats' }] },
      <LaureatListPage
        {...result}
        page={query.page}
        dispositifs={codes}
        dispositif={dispositif}
        q={query.q}
      />,
    );
  });

  const formPage = async (
    c: Context<AppEnv>,
    props: Omit<Parameters<typeof LaureatFormPage>[0], 'csrf' | 'dispositifs' | 'warnings'> & {
      warnings?: Parameters<typeof LaureatFormPage>[0]['warnings'];
    },
    status: 200 | 400 = 200,
  ) => {
    const scope = await scopeFor(c);
    return renderPage(
      c,
      {
        title: `Modifier « ${props.laureat.title} »`,
        breadcrumb: [
          adminCrumb,
          fundCrumb,
          { label: 'Lauréats', href: '/admin/fonds/laureats' },
          { label: props.laureat.title },
        ],
        status,
      },
      <LaureatFormPage
        {...props}
        warnings={props.warnings ?? (await service.warningsFor(props.laureat))}
        dispositifs={dispositifsIn(scope)}
        csrf={await c.var.session.csrfToken()}
      />,
    );
  };

  /** The lauréat of the address, if this person may manage it (404 / 403 otherwise). */
  const managedLaureat = async (c: Context<AppEnv>) => {
    const laureat = await service.laureat(c.req.param('id') ?? '');
    if (!laureat) throw new HTTPException(404);
    if (!(await scopeFor(c)).allows(laureat)) throw new HTTPException(403, { message: FORBIDDEN });
    return laureat;
  };

  app.get('/admin/fonds/laureats/:id', async (c) => {
    const laureat = await managedLaureat(c);
    const { values, themes } = formValuesOf(laureat);
    return formPage(c, { laureat, values, themes, errors: {}, saved: c.req.query('fait') === 'enregistre' });
  });

  app.post('/admin/fonds/laureats/:id', async (c) => {
    const laureat = await managedLaureat(c);
    const body = await c.req.parseBody({ all: true });
    const values: Record<string, string> = {};
    for (const field of [...Object.keys(FIELD_LABELS), 'version']) {
      const v = body[field];
      values[field] = typeof v === 'string' ? v.slice(0, 10_000) : '';
    }
    const rawThemes = body.themes;
    const themes = (Array.isArray(rawThemes) ? rawThemes : [rawThemes]).filter((t) => typeof t === 'string');
    const parsed = laureatFormSchema.safeParse(body);
    if (!parsed.success)
      return formPage(c, { laureat, values, themes, errors: fieldErrors(parsed.error) }, 400);
    const f = parsed.data;
    const result = await service.updateLaureat(
      laureat.id,
      {
        dispositifCode: f.dispositif as FundScope['dispositifs'][number],
        siren: f.idBeneficiaire,
        nomBeneficiaire: f.nomBeneficiaire || null,
        title: f.objet,
        summary: f.resume,
        themes: f.themes,
        amountEur: f.montant,
        totalCostEur: f.coutTotal,
        filedOn: f.dateDepot,
        decidedOn: f.dateConvention,
        status: f.statut,
        coporteurs: f.coporteurs,
        siteUrl: f.site,
        sourceUrl: f.codeSource,
        outputs: f.realisations,
      },
      { scope: await scopeFor(c), by: actorFor(c), expectedVersion: f.version || null },
    );
    if (!result) throw new HTTPException(404);
    if (!result.ok) return formPage(c, { laureat, values, themes, errors: result.errors }, 400);
    return c.redirect(`/admin/fonds/laureats/${encodeURIComponent(laureat.id)}?fait=enregistre`, 303);
  });

  const importPage = async (
    c: Context<AppEnv>,
    props: Partial<ImportPageProps>,
    status: 200 | 400 | 413 = 200,
  ) =>
    renderPage(
      c,
      {
        title: 'Importer des lauréats',
        breadcrumb: [adminCrumb, fundCrumb, { label: 'Importer des lauréats' }],
        status,
      },
      <ImportPage
        {...props}
        csrf={await c.var.session.csrfToken()}
        scopeDescription={(await scopeFor(c)).description}
      />,
    );

  app.get('/admin/fonds/import', async (c) => {
    const done = await c.var.session.get<ImportPageProps['done']>(DONE_KEY);
    if (done) await c.var.session.set(DONE_KEY, null);
    return importPage(c, { done: done ?? undefined });
  });

  const tooLarge = `Le fichier dépasse ${IMPORT_LIMITS.maxBytes / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.`;
  app.post(
    '/admin/fonds/import',
    // The app’s CSRF check has read the body by now: the limit that spares the memory is the app’s (see
    // index.ts); this one gives the operator the reason in words.
    async (c, next) => {
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > IMPORT_LIMITS.maxBytes + 256 * 1024) return importPage(c, { error: tooLarge }, 413);
      await next();
    },
    async (c) => {
      const body = await c.req.parseBody();
      const file = body.fichier;
      if (!(file instanceof File) || (file.size === 0 && !file.name)) {
        return importPage(c, { error: 'Choisissez un fichier CSV ou XLSX à envoyer.' }, 400);
      }
      if (file.size > IMPORT_LIMITS.maxBytes) return importPage(c, { error: tooLarge }, 413);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const plan = await service.planImport(bytes, cleanFileName(file.name), await scopeFor(c));
      const { report } = plan;
      // Kept server-side for the confirmation, or for the download of a list too long to show.
      const keep =
        report.rejected.length > SHOWN_ISSUES || (report.rejected.length === 0 && plan.writes.length > 0);
      const key = keep ? await service.stashImport(plan, bytes, actorFor(c).id) : '';
      return importPage(c, { dryRun: { report, key } });
    },
  );

  app.post('/admin/fonds/import/confirmer', async (c) => {
    const body = await c.req.parseBody();
    const key = typeof body.cle === 'string' ? body.cle.slice(0, 100) : '';
    const result = await service.confirmImport(key, await scopeFor(c), actorFor(c));
    if (result.status === 'expired') return importPage(c, { expired: true }, 400);
    if (result.status === 'changed') {
      return importPage(c, { dryRun: { report: result.plan.report, key: result.key, changed: true } });
    }
    const { report } = result;
    await c.var.session.set(DONE_KEY, {
      fileName: report.fileName,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
    });
    return c.redirect('/admin/fonds/import', 303);
  });

  app.get('/admin/fonds/import/modele.csv', (c) =>
    csvResponse(c, 'modele-laureats.csv', importTemplateCsv()),
  );

  app.get('/admin/fonds/import/:key/rejets.csv', async (c) => {
    const plan = await service.replanImport(c.req.param('key'), actorFor(c).id, await scopeFor(c));
    if (!plan) throw new HTTPException(404);
    return csvResponse(c, 'rejets-import-laureats.csv', issuesCsv(plan.report.rejected));
  });

  return app;
}

function csvResponse(c: Context<AppEnv>, name: string, body: string) {
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${name}"`);
  return c.body(body);
}

/** A file name as shown and audited: its last part, without control characters, 200 characters at most. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'fichier sans nom';
}
