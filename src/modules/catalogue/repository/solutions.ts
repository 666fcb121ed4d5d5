import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { SolutionTable } from '../../../adapters/db/tables/catalogue.js';
import {
  type AccessibilityStatus,
  type AdoptionMode,
  type CostModel,
  type Licence,
  type MaintainerRole,
  type Maturity,
  SOLUTION_STATUSES,
  type Solution,
  type SolutionContent,
  type SolutionStatus,
} from '../catalogue.domain.js';
import type { CatalogueRepository, SolutionSummary } from '../catalogue.repository.js';

type Db = Kysely<Database>;

/** The columns of a solution's own row that its content fills. */
function contentColumns(c: SolutionContent) {
  return {
    name: c.name,
    summary: c.summary,
    description: c.description,
    licence: c.licence,
    source_url: c.sourceUrl,
    documentation_url: c.documentationUrl,
    website_url: c.websiteUrl,
    maturity: c.maturity,
    cost_model: c.costModel,
    cost_details: c.costDetails,
    accessibility_status: c.accessibilityStatus,
    accessibility_statement: c.accessibilityStatement,
    security_statement: c.securityStatement,
  };
}

/** Replaces the rows that hang from a solution (themes, adoption modes, lauréats, maintainers). */
async function writeChildren(db: Db, id: string, c: SolutionContent) {
  await db.deleteFrom('solution_theme').where('solution_id', '=', id).execute();
  await db.deleteFrom('solution_adoption').where('solution_id', '=', id).execute();
  await db.deleteFrom('solution_laureat').where('solution_id', '=', id).execute();
  await db.deleteFrom('solution_maintainer').where('solution_id', '=', id).execute();
  const themes = [...new Set(c.themes)];
  if (themes.length > 0)
    await db
      .insertInto('solution_theme')
      .values(themes.map((theme_code) => ({ solution_id: id, theme_code })))
      .execute();
  const modes = [...new Set(c.adoptionModes)];
  if (modes.length > 0)
    await db
      .insertInto('solution_adoption')
      .values(modes.map((mode) => ({ solution_id: id, mode })))
      .execute();
  const laureats = [...new Set(c.laureatIds)];
  if (laureats.length > 0)
    await db
      .insertInto('solution_laureat')
      .values(laureats.map((laureat_id) => ({ solution_id: id, laureat_id })))
      .execute();
  const seen = new Set<string>();
  const maintainers = c.maintainers.filter((m) => !seen.has(m.siren) && seen.add(m.siren));
  if (maintainers.length > 0)
    await db
      .insertInto('solution_maintainer')
      .values(
        maintainers.map((m) => ({
          solution_id: id,
          organisation_siren: m.siren,
          name: m.name,
          role: m.role,
        })),
      )
      .execute();
}

function summaryOf(r: Selectable<SolutionTable>): SolutionSummary {
  return {
    id: r.id,
    name: r.name,
    status: r.status as SolutionStatus,
    verified: Number(r.verified) === 1,
    authorId: r.author_id,
    demonstration: Number(r.demonstration) === 1,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    refusalReason: r.refusal_reason,
  };
}

/** Solutions whole, with their children, in the order of `ids`: seven queries whatever their number. */
async function solutionsByIds(db: Db, ids: string[]): Promise<Solution[]> {
  if (ids.length === 0) return [];
  const [rows, themes, modes, laureats, maintainers, shots] = await Promise.all([
    db.selectFrom('solution').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('solution_theme').selectAll().where('solution_id', 'in', ids).execute(),
    db.selectFrom('solution_adoption').selectAll().where('solution_id', 'in', ids).execute(),
    db.selectFrom('solution_laureat').selectAll().where('solution_id', 'in', ids).execute(),
    db.selectFrom('solution_maintainer').selectAll().where('solution_id', 'in', ids).execute(),
    db
      .selectFrom('solution_screenshot')
      .selectAll()
      .where('solution_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const of = <T extends { solution_id: string }>(list: T[], id: string) =>
    list.filter((x) => x.solution_id === id);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        name: r.name,
        summary: r.summary,
        description: r.description,
        themes: of(themes, id)
          .map((t) => t.theme_code)
          .sort(),
        licence: r.licence as Licence,
        sourceUrl: r.source_url,
        documentationUrl: r.documentation_url,
        websiteUrl: r.website_url,
        maturity: r.maturity as Maturity,
        adoptionModes: of(modes, id)
          .map((m) => m.mode as AdoptionMode)
          .sort(),
        costModel: r.cost_model as CostModel,
        costDetails: r.cost_details,
        accessibilityStatus: r.accessibility_status as AccessibilityStatus,
        accessibilityStatement: r.accessibility_statement,
        securityStatement: r.security_statement,
        laureatIds: of(laureats, id)
          .map((l) => l.laureat_id)
          .sort(),
        maintainers: of(maintainers, id)
          .map((m) => ({ siren: m.organisation_siren, name: m.name, role: m.role as MaintainerRole }))
          .sort((a, b) =>
            a.role === b.role ? a.name.localeCompare(b.name, 'fr') : a.role === 'porteur' ? -1 : 1,
          ),
        status: r.status as SolutionStatus,
        verified: Number(r.verified) === 1,
        verifiedAt: r.verified_at,
        verifiedBy: r.verified_by,
        authorId: r.author_id,
        authorSiren: r.author_siren,
        refusalReason: r.refusal_reason,
        demonstration: Number(r.demonstration) === 1,
        screenshots: of(shots, id).map((sh) => ({
          id: sh.id,
          storageKey: sh.storage_key,
          contentType: sh.content_type,
          altText: sh.alt_text,
          position: Number(sh.position),
        })),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        submittedAt: r.submitted_at,
        publishedAt: r.published_at,
        archivedAt: r.archived_at,
      } satisfies Solution,
    ];
  });
}

/** The solutions' part of the Kysely repository. */
export function solutionsRepository(
  db: Db,
): Pick<
  CatalogueRepository,
  | 'solution'
  | 'solutionsByIds'
  | 'publishedIdsAfter'
  | 'solutionIdsLike'
  | 'insertSolution'
  | 'replaceContent'
  | 'setStatus'
  | 'setVerified'
  | 'summaries'
  | 'countByStatus'
  | 'hasDemonstration'
> {
  return {
    async solution(id) {
      return (await solutionsByIds(db, [id]))[0] ?? null;
    },

    solutionsByIds: (ids) => solutionsByIds(db, ids),

    async publishedIdsAfter(after, limit) {
      const rows = await db
        .selectFrom('solution')
        .select('id')
        .where('status', '=', 'publiee')
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async solutionIdsLike(base) {
      const rows = await db
        .selectFrom('solution')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', base), eb('id', 'like', `${base}-%`)]))
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    async insertSolution(s) {
      await db
        .insertInto('solution')
        .values({
          id: s.id,
          ...contentColumns(s),
          status: s.status,
          verified: s.verified ? 1 : 0,
          verified_at: s.verifiedAt,
          verified_by: s.verifiedBy,
          author_id: s.authorId,
          author_siren: s.authorSiren,
          refusal_reason: s.refusalReason,
          demonstration: s.demonstration ? 1 : 0,
          created_at: s.createdAt,
          updated_at: s.updatedAt,
          submitted_at: s.submittedAt,
          published_at: s.publishedAt,
          archived_at: s.archivedAt,
        })
        .execute();
      await writeChildren(db, s.id, s);
    },

    async replaceContent(id, content, at, keepVerified) {
      await db
        .updateTable('solution')
        .set({
          ...contentColumns(content),
          updated_at: at,
          ...(keepVerified ? {} : { verified: 0, verified_at: null, verified_by: null }),
        })
        .where('id', '=', id)
        .execute();
      await writeChildren(db, id, content);
    },

    async setStatus(id, from, status, at, fields) {
      const dates =
        status === 'soumise'
          ? { submitted_at: at }
          : status === 'publiee'
            ? { published_at: at, archived_at: null }
            : status === 'archivee'
              ? { archived_at: at }
              : {};
      const r = await db
        .updateTable('solution')
        .set({
          status,
          updated_at: at,
          ...dates,
          ...(fields.refusalReason !== undefined ? { refusal_reason: fields.refusalReason } : {}),
        })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async setVerified(id, verified, at, by) {
      await db
        .updateTable('solution')
        .set({
          verified: verified ? 1 : 0,
          verified_at: verified ? at : null,
          verified_by: verified ? by : null,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },

    async summaries(filter) {
      let query = db.selectFrom('solution');
      if (filter.authorId) query = query.where('author_id', '=', filter.authorId);
      if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
      if (filter.status) query = query.where('status', '=', filter.status);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(summaryOf), total: Number(count.n) };
    },

    async hasDemonstration() {
      const row = await db
        .selectFrom('solution')
        .select('id')
        .where('demonstration', '=', 1)
        .limit(1)
        .executeTakeFirst();
      return !!row;
    },

    async countByStatus() {
      const rows = await db
        .selectFrom('solution')
        .select((eb) => ['status', eb.fn.countAll().as('n')])
        .groupBy('status')
        .execute();
      const out = Object.fromEntries(Object.keys(SOLUTION_STATUSES).map((s) => [s, 0])) as Record<
        SolutionStatus,
        number
      >;
      for (const r of rows) if (r.status in out) out[r.status as SolutionStatus] = Number(r.n);
      return out;
    },
  };
}
