import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { CatalogueRepository, Report } from '../catalogue.repository.js';

type Db = Kysely<Database>;

/**
 * Messages, consents, référents and reports. `recipients`, `referentScopesOf` and `moderators` read the accounts module's
 * grants and people (read only): its public face has no « référents of a scope » question, and asking it per
 * person would cost one query each.
 */
export function contactsRepository(
  db: Db,
): Pick<
  CatalogueRepository,
  | 'insertContact'
  | 'countContactsSince'
  | 'purgeContactsBefore'
  | 'contact'
  | 'setOptin'
  | 'optinsOf'
  | 'recipients'
  | 'reachableScopes'
  | 'referentScopesOf'
  | 'insertReport'
  | 'moderators'
  | 'countReportsSince'
  | 'reports'
  | 'report'
  | 'resolveReport'
> {
  const reportQuery = () =>
    db
      .selectFrom('catalogue_report as r')
      .innerJoin('solution as s', 's.id', 'r.solution_id')
      .selectAll('r')
      .select('s.name as solution_name');
  const reportOf = (r: Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>) =>
    ({
      id: r.id,
      solutionId: r.solution_id,
      solutionName: r.solution_name,
      contactId: r.contact_id,
      reporterId: r.reporter_id,
      reporterLabel: r.reporter_label,
      reason: r.reason,
      status: r.status as Report['status'],
      resolution: r.resolution,
      handledBy: r.handled_by,
      handledAt: r.handled_at,
      createdAt: r.created_at,
    }) satisfies Report;

  return {
    async insertContact(log, recipientIds) {
      await db
        .insertInto('catalogue_contact')
        .values({
          id: log.id,
          solution_id: log.solutionId,
          kind: log.kind,
          target_siren: log.targetSiren,
          sender_id: log.senderId,
          sender_label: log.senderLabel,
          subject: log.subject,
          body: log.body,
          recipient_count: log.recipientCount,
          created_at: log.createdAt,
        })
        .execute();
      const ids = [...new Set(recipientIds)];
      if (ids.length > 0)
        await db
          .insertInto('catalogue_contact_recipient')
          .values(ids.map((person_id) => ({ contact_id: log.id, person_id })))
          .execute();
    },
    async countContactsSince(senderId, since) {
      const r = await db
        .selectFrom('catalogue_contact')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sender_id', '=', senderId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async purgeContactsBefore(before) {
      const r = await db.deleteFrom('catalogue_contact').where('created_at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async contact(id) {
      const r = await db.selectFrom('catalogue_contact').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const recipients = await db
        .selectFrom('catalogue_contact_recipient')
        .select('person_id')
        .where('contact_id', '=', id)
        .execute();
      return {
        id: r.id,
        solutionId: r.solution_id,
        kind: r.kind as 'equipe' | 'utilisateur',
        targetSiren: r.target_siren,
        senderId: r.sender_id,
        senderLabel: r.sender_label,
        subject: r.subject,
        body: r.body,
        recipientCount: Number(r.recipient_count),
        createdAt: r.created_at,
        recipientIds: recipients.map((p) => p.person_id),
      };
    },

    async setOptin(personId, scope, on, at) {
      if (on)
        await db
          .insertInto('catalogue_contact_optin')
          .values({ person_id: personId, scope, created_at: at })
          .onConflict((oc) => oc.columns(['person_id', 'scope']).doNothing())
          .execute();
      else
        await db
          .deleteFrom('catalogue_contact_optin')
          .where('person_id', '=', personId)
          .where('scope', '=', scope)
          .execute();
    },
    async optinsOf(personId) {
      const rows = await db
        .selectFrom('catalogue_contact_optin')
        .select('scope')
        .where('person_id', '=', personId)
        .orderBy('scope')
        .execute();
      return rows.map((r) => r.scope);
    },
    async recipients(scope) {
      const rows = await db
        .selectFrom('role_grant as g')
        .innerJoin('person as p', 'p.id', 'g.person_id')
        .innerJoin('catalogue_contact_optin as o', (j) =>
          j.onRef('o.person_id', '=', 'g.person_id').onRef('o.scope', '=', 'g.scope'),
        )
        .select(['p.id', 'p.email', 'p.given_name', 'p.usual_name'])
        .where('g.role', '=', 'referent')
        .where('g.scope', '=', scope)
        .where('g.revoked_at', 'is', null)
        .distinct()
        .orderBy('p.id')
        .execute();
      return rows.map((r) => ({
        personId: r.id,
        email: r.email,
        name: [r.given_name, r.usual_name].filter(Boolean).join(' ').trim() || 'Référent',
      }));
    },
    async reachableScopes(scopes) {
      const out = new Set<string>();
      for (let i = 0; i < scopes.length; i += 500) {
        const chunk = scopes.slice(i, i + 500);
        const rows = await db
          .selectFrom('role_grant as g')
          .innerJoin('catalogue_contact_optin as o', (j) =>
            j.onRef('o.person_id', '=', 'g.person_id').onRef('o.scope', '=', 'g.scope'),
          )
          .select('g.scope')
          .where('g.role', '=', 'referent')
          .where('g.scope', 'in', chunk)
          .where('g.revoked_at', 'is', null)
          .distinct()
          .execute();
        for (const r of rows) out.add(r.scope);
      }
      return out;
    },
    async referentScopesOf(personId) {
      const rows = await db
        .selectFrom('role_grant')
        .select('scope')
        .where('person_id', '=', personId)
        .where('role', '=', 'referent')
        .where('revoked_at', 'is', null)
        .distinct()
        .orderBy('scope')
        .execute();
      return rows.map((r) => r.scope);
    },

    async moderators() {
      const rows = await db
        .selectFrom('role_grant as g')
        .innerJoin('person as p', 'p.id', 'g.person_id')
        .select(['p.id', 'p.email'])
        .where('g.role', 'in', ['operateur', 'administrateur'])
        .where('g.revoked_at', 'is', null)
        .distinct()
        .orderBy('p.id')
        .execute();
      return rows.map((r) => ({ personId: r.id, email: r.email }));
    },
    async insertReport(r) {
      await db
        .insertInto('catalogue_report')
        .values({
          id: r.id,
          solution_id: r.solutionId,
          contact_id: r.contactId,
          reporter_id: r.reporterId,
          reporter_label: r.reporterLabel,
          reason: r.reason,
          status: r.status,
          resolution: r.resolution,
          handled_by: r.handledBy,
          handled_at: r.handledAt,
          created_at: r.createdAt,
        })
        .execute();
    },
    async countReportsSince(reporterId, since) {
      const r = await db
        .selectFrom('catalogue_report')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('reporter_id', '=', reporterId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async reports(filter) {
      let query = reportQuery();
      let count = db.selectFrom('catalogue_report').select((eb) => eb.fn.countAll().as('n'));
      if (filter.status) {
        query = query.where('r.status', '=', filter.status);
        count = count.where('status', '=', filter.status);
      }
      const [rows, n] = await Promise.all([
        query
          .orderBy('r.created_at', 'desc')
          .orderBy('r.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        count.executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(reportOf), total: Number(n.n) };
    },
    async report(id) {
      const r = await reportQuery().where('r.id', '=', id).executeTakeFirst();
      return r ? reportOf(r) : null;
    },
    async resolveReport(id, status, resolution, by, at) {
      const r = await db
        .updateTable('catalogue_report')
        .set({ status, resolution, handled_by: by, handled_at: at })
        .where('id', '=', id)
        .where('status', '=', 'ouvert')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
