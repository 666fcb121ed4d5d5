import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { SolutionUseTable } from '../../../adapters/db/tables/catalogue.js';
import type { SolutionUse, UseStatus } from '../catalogue.domain.js';
import type { CatalogueRepository } from '../catalogue.repository.js';

type Db = Kysely<Database>;

function useOf(r: Selectable<SolutionUseTable>): SolutionUse {
  return {
    id: r.id,
    solutionId: r.solution_id,
    organisationSiren: r.organisation_siren,
    status: r.status as UseStatus,
    since: r.since,
    useCase: r.use_case,
    instanceUrl: r.instance_url,
    declaredBy: r.declared_by,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind,
    communeCode: r.commune_code,
    epciCode: r.epci_code,
    departementCode: r.departement_code,
    regionCode: r.region_code,
    demonstration: Number(r.demonstration) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function rowOf(u: SolutionUse): Selectable<SolutionUseTable> {
  return {
    id: u.id,
    solution_id: u.solutionId,
    organisation_siren: u.organisationSiren,
    status: u.status,
    since: u.since,
    use_case: u.useCase,
    instance_url: u.instanceUrl,
    declared_by: u.declaredBy,
    organisation_name: u.organisationName,
    organisation_kind: u.organisationKind,
    commune_code: u.communeCode,
    epci_code: u.epciCode,
    departement_code: u.departementCode,
    region_code: u.regionCode,
    demonstration: u.demonstration ? 1 : 0,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
  };
}

/** Reuse declarations, screenshots and the editorial history: the rest of a solution's rows. */
export function usesRepository(
  db: Db,
): Pick<
  CatalogueRepository,
  | 'use'
  | 'insertUse'
  | 'updateUse'
  | 'deleteUse'
  | 'usesOfSolution'
  | 'usesOfSolutions'
  | 'usesOfOrganisation'
  | 'maintainedBy'
  | 'addScreenshot'
  | 'removeScreenshot'
  | 'addHistory'
  | 'history'
> {
  return {
    async use(solutionId, siren) {
      const r = await db
        .selectFrom('solution_use')
        .selectAll()
        .where('solution_id', '=', solutionId)
        .where('organisation_siren', '=', siren)
        .executeTakeFirst();
      return r ? useOf(r) : null;
    },
    async insertUse(u) {
      await db.insertInto('solution_use').values(rowOf(u)).execute();
    },
    async updateUse(u) {
      const { id: _id, solution_id: _s, organisation_siren: _o, created_at: _c, ...rest } = rowOf(u);
      await db.updateTable('solution_use').set(rest).where('id', '=', u.id).execute();
    },
    async deleteUse(solutionId, siren) {
      const r = await db
        .deleteFrom('solution_use')
        .where('solution_id', '=', solutionId)
        .where('organisation_siren', '=', siren)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async usesOfSolution(solutionId) {
      const rows = await db
        .selectFrom('solution_use')
        .selectAll()
        .where('solution_id', '=', solutionId)
        .orderBy('region_code')
        .orderBy('departement_code')
        .orderBy('organisation_name')
        .orderBy('id')
        .execute();
      return rows.map(useOf);
    },
    async usesOfSolutions(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('solution_use')
        .selectAll()
        .where('solution_id', 'in', ids)
        .orderBy('solution_id')
        .orderBy('organisation_siren')
        .execute();
      return rows.map(useOf);
    },
    async usesOfOrganisation(siren) {
      const rows = await db
        .selectFrom('solution_use as u')
        .innerJoin('solution as s', 's.id', 'u.solution_id')
        .selectAll('u')
        .select('s.name as solution_name')
        .where('u.organisation_siren', '=', siren)
        .where('s.status', '=', 'publiee')
        .orderBy('u.status', 'desc')
        .orderBy('s.name')
        .execute();
      return rows.map((r) => ({ ...useOf(r), solutionName: r.solution_name }));
    },

    async maintainedBy(siren) {
      const rows = await db
        .selectFrom('solution_maintainer as m')
        .innerJoin('solution as s', 's.id', 'm.solution_id')
        .select(['s.id', 's.name', 'm.name as organisation_name', 'm.role'])
        .where('m.organisation_siren', '=', siren)
        .where('s.status', '=', 'publiee')
        .orderBy('s.name')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        organisationName: r.organisation_name,
      }));
    },

    async addScreenshot(solutionId, s, at) {
      await db
        .insertInto('solution_screenshot')
        .values({
          id: s.id,
          solution_id: solutionId,
          storage_key: s.storageKey,
          content_type: s.contentType,
          alt_text: s.altText,
          position: s.position,
          created_at: at,
        })
        .execute();
    },
    async removeScreenshot(solutionId, screenshotId) {
      const r = await db
        .deleteFrom('solution_screenshot')
        .where('solution_id', '=', solutionId)
        .where('id', '=', screenshotId)
        .returningAll()
        .executeTakeFirst();
      return r
        ? {
            id: r.id,
            storageKey: r.storage_key,
            contentType: r.content_type,
            altText: r.alt_text,
            position: Number(r.position),
          }
        : null;
    },

    async addHistory(e) {
      await db
        .insertInto('solution_event')
        .values({
          id: randomUUID(),
          solution_id: e.solutionId,
          at: e.at,
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          action: e.action,
          from_status: e.fromStatus,
          to_status: e.toStatus,
          reason: e.reason,
        })
        .execute();
    },
    async history(id) {
      const rows = await db
        .selectFrom('solution_event')
        .selectAll()
        .where('solution_id', '=', id)
        .orderBy('at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorLabel: r.actor_label,
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        reason: r.reason,
      }));
    },
  };
}
