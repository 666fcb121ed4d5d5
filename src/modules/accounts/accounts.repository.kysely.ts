import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { PersonTable, RoleGrantTable } from '../../adapters/db/tables/accounts.js';
import type { Grant, Person, PersonKind, Role } from './accounts.domain.js';
import type { AccountsRepository } from './accounts.repository.js';

/**
 * Accounts on Kysely, the same SQL for SQLite and PostgreSQL.
 *
 * @example
 * const repo = createKyselyAccountsRepository(db);
 */
export function createKyselyAccountsRepository(db: Kysely<Database>): AccountsRepository {
  const repo: AccountsRepository = {
    transaction: (fn) => db.transaction().execute((trx) => fn(createKyselyAccountsRepository(trx), trx)),

    async personById(id) {
      const row = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async personByEmail(email) {
      const row = await db.selectFrom('person').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async personBySub(sub) {
      const row = await db
        .selectFrom('person')
        .selectAll()
        .where('proconnect_sub', '=', sub)
        .executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async insertPerson(p) {
      await db.insertInto('person').values(fromPerson(p)).execute();
    },
    async updatePerson(id, changes) {
      const row = fromPerson({ ...(changes as Person) });
      const set = Object.fromEntries(
        Object.entries(row).filter(([k, v]) => v !== undefined && k !== 'id' && k !== 'created_at'),
      );
      if (Object.keys(set).length > 0) await db.updateTable('person').set(set).where('id', '=', id).execute();
    },
    async deletePerson(id) {
      await db.deleteFrom('person').where('id', '=', id).execute();
    },
    async listPeople({ q, role, limit, offset }) {
      let base = db.selectFrom('person');
      if (q) {
        // Wildcards typed by the person are dropped rather than escaped: SQLite's LIKE has no default escape.
        const like = `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`;
        base = base.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['email']), 'like', eb.val(like)),
            eb(eb.fn('lower', ['given_name']), 'like', eb.val(like)),
            eb(eb.fn('lower', ['usual_name']), 'like', eb.val(like)),
          ]),
        );
      }
      if (role) {
        base = base.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('role_grant')
              .select('role_grant.id')
              .whereRef('role_grant.person_id', '=', 'person.id')
              .where('role_grant.role', '=', role)
              .where('role_grant.revoked_at', 'is', null),
          ),
        );
      }
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('usual_name').orderBy('email').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const ids = rows.map((r) => r.id);
      const grants = ids.length
        ? await db
            .selectFrom('role_grant')
            .select(['person_id', 'role'])
            .where('person_id', 'in', ids)
            .where('revoked_at', 'is', null)
            .execute()
        : [];
      return {
        items: rows.map((r) => ({
          ...toPerson(r),
          roles: [...new Set(grants.filter((g) => g.person_id === r.id).map((g) => g.role as Role))],
        })),
        total: Number(count.n),
      };
    },
    async countPeople(kind?: PersonKind) {
      let q = db.selectFrom('person').select((eb) => eb.fn.countAll<number | string>().as('n'));
      if (kind) q = q.where('kind', '=', kind);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },

    async liveGrants(personId) {
      const rows = await db
        .selectFrom('role_grant')
        .selectAll()
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null)
        .orderBy('granted_at')
        .execute();
      return rows.map(toGrant);
    },
    async insertGrant(g) {
      const existing = await db
        .selectFrom('role_grant')
        .select('id')
        .where('person_id', '=', g.personId)
        .where('role', '=', g.role)
        .where('scope', '=', g.scope)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (existing) return false;
      try {
        await db
          .insertInto('role_grant')
          .values({
            id: g.id,
            person_id: g.personId,
            role: g.role,
            scope: g.scope,
            granted_by: g.grantedBy,
            granted_at: g.grantedAt,
            revoked_at: null,
            revoked_by: null,
          })
          .execute();
        return true;
      } catch (err) {
        // Two administrators granting at once: the partial unique index keeps one.
        if (/unique|duplicate/i.test(String(err))) return false;
        throw err;
      }
    },
    async revokeGrant(id, by, at) {
      const row = await db.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || row.revoked_at) return null;
      const r = await db
        .updateTable('role_grant')
        .set({ revoked_at: at, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? toGrant(row) : null;
    },

    async insertMagicLink(link) {
      await db
        .insertInto('magic_link')
        .values({
          token_hash: link.tokenHash,
          email: link.email,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .execute();
    },
    async consumeMagicLink(tokenHash, now) {
      const r = await db
        .updateTable('magic_link')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return null;
      const row = await db
        .selectFrom('magic_link')
        .select('email')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row?.email ?? null;
    },
    async peekMagicLink(tokenHash, now) {
      const row = await db
        .selectFrom('magic_link')
        .select(['used_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return 'inconnu';
      if (row.used_at) return 'utilise';
      return row.expires_at > now ? 'valide' : 'expire';
    },
    async purgeMagicLinks(before) {
      const r = await db.deleteFrom('magic_link').where('expires_at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async audit(e) {
      await db
        .insertInto('audit_event')
        .values({
          id: randomUUID(),
          at: e.at,
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          action: e.action,
          target_type: e.targetType,
          target_id: e.targetId,
          details: JSON.stringify(e.details),
          ip: e.ip,
        })
        .execute();
    },
    async anonymizeAuditActor(personId) {
      await db
        .updateTable('audit_event')
        .set({ actor_label: 'compte supprimé' })
        .where('actor_id', '=', personId)
        .execute();
    },
    async listAudit({ actorId, targetId, action, limit, offset }) {
      let base = db.selectFrom('audit_event');
      if (actorId) base = base.where('actor_id', '=', actorId);
      if (targetId) base = base.where('target_id', '=', targetId);
      if (action) base = base.where('action', '=', action);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          details: JSON.parse(r.details) as Record<string, unknown>,
          ip: r.ip,
        })),
        total: Number(count.n),
      };
    },
  };
  return repo;
}

function toPerson(r: Selectable<PersonTable>): Person {
  return {
    id: r.id,
    kind: r.kind as PersonKind,
    email: r.email,
    givenName: r.given_name,
    usualName: r.usual_name,
    proconnectSub: r.proconnect_sub,
    uid: r.uid,
    siret: r.siret,
    idpId: r.idp_id,
    organisationSiren: r.organisation_siren,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastLoginAt: r.last_login_at,
  };
}

function fromPerson(p: Partial<Person>) {
  return {
    id: p.id,
    kind: p.kind,
    email: p.email,
    given_name: p.givenName,
    usual_name: p.usualName,
    proconnect_sub: p.proconnectSub,
    uid: p.uid,
    siret: p.siret,
    idp_id: p.idpId,
    organisation_siren: p.organisationSiren,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    last_login_at: p.lastLoginAt,
  } as PersonTable;
}

function toGrant(r: Selectable<RoleGrantTable>): Grant {
  return {
    id: r.id,
    personId: r.person_id,
    role: r.role as Role,
    scope: r.scope,
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
  };
}
