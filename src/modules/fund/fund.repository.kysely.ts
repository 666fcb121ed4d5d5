import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { compactIdentifier } from '../../shared/siren.js';
import type { DispositifCode, Laureat } from './fund.domain.js';
import type { FundRepository, LaureatPage, ManagedScope, TerritoryRef } from './fund.repository.js';
import {
  dispositifRow,
  fromDispositifRow,
  fromLaureatRow,
  fromRuleRow,
  fromUploadRow,
  type LaureatRow,
  ruleRow,
} from './fund.rows.js';
import { writeLaureats } from './fund.writes.js';

/** Identifiers per `IN (…)` list: 5,000 bound parameters, under both drivers' limits; 20 reads per 100,000. */
const IDS_PER_STATEMENT = 5_000;

type Db = Kysely<Database>;

/**
 * The fund’s repository on Kysely: the same SQL on SQLite and PostgreSQL (`ON CONFLICT … DO UPDATE` and
 * `DELETE … RETURNING` exist in both), but for the bulk writes of lauréats (fund.writes.ts).
 *
 * @example
 * const repo = createKyselyFundRepository(db);
 * await repo.applyImport(laureats); // one transaction, all or nothing
 */
export function createKyselyFundRepository(
  db: Db,
  options: {
    /**
     * Runs in the transaction that writes these lauréats (the search's index), from the start of the write:
     * it may prepare while `written` is pending, and writes once it resolved. A failure undoes the write.
     */
    alongWrite?: (trx: Db, laureats: Laureat[], written: Promise<void>) => Promise<void>;
  } = {},
): FundRepository {
  /** Writes lauréats, then what must change with them, in one transaction: all or nothing. */
  async function write(batch: Laureat[]) {
    await db.transaction().execute(async (trx) => {
      const written = writeLaureats(trx, batch);
      // Both awaited together: a failed write fails the follower too, and no rejection is left unhandled.
      await Promise.all([written, options.alongWrite?.(trx, batch, written)]);
    });
  }

  /** Rows with their themes and co-porteurs, read in two queries per page rather than two per lauréat. */
  async function hydrate(rows: LaureatRow[]): Promise<Laureat[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [themes, coporteurs] = await Promise.all([
      db
        .selectFrom('laureat_theme')
        .selectAll()
        .where('laureat_id', 'in', ids)
        .orderBy('theme_code')
        .execute(),
      db
        .selectFrom('laureat_coporteur')
        .selectAll()
        .where('laureat_id', 'in', ids)
        .orderBy('siren')
        .execute(),
    ]);
    return rows.map((row) =>
      fromLaureatRow(
        row,
        themes.filter((t) => t.laureat_id === row.id).map((t) => t.theme_code),
        coporteurs.filter((c) => c.laureat_id === row.id).map((c) => ({ siren: c.siren, name: c.name })),
      ),
    );
  }

  async function page(
    where: (eb: ExpressionBuilder<Database, 'laureat'>) => Expression<SqlBool>,
    p: { limit: number; offset: number },
  ): Promise<LaureatPage> {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('laureat')
        .selectAll()
        .where(where)
        .orderBy('decided_on', 'desc')
        .orderBy('id')
        .limit(p.limit)
        .offset(p.offset)
        .execute(),
      db
        .selectFrom('laureat')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(where)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: await hydrate(rows), total: Number(count.n) };
  }

  return {
    async upsertDispositifs(dispositifs, rules) {
      await db.transaction().execute(async (trx) => {
        for (const d of dispositifs) {
          const row = dispositifRow(d);
          await trx
            .insertInto('dispositif')
            .values(row)
            .onConflict((oc) => oc.column('code').doUpdateSet(row))
            .execute();
        }
        for (const r of rules) {
          const row = ruleRow(r);
          await trx
            .insertInto('dispositif_rule')
            .values(row)
            .onConflict((oc) => oc.column('id').doUpdateSet(row))
            .execute();
        }
      });
    },

    async listDispositifs() {
      const rows = await db.selectFrom('dispositif').selectAll().orderBy('sort_order').execute();
      return rows.map(fromDispositifRow);
    },

    async listRules() {
      const rows = await db
        .selectFrom('dispositif_rule')
        .selectAll()
        .orderBy('dispositif_code')
        .orderBy('valid_from')
        .execute();
      return rows.map(fromRuleRow);
    },

    async saveLaureat(laureat) {
      await write([laureat]);
    },

    async findLaureat(id) {
      const row = await db.selectFrom('laureat').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? ((await hydrate([row]))[0] ?? null) : null;
    },

    listByPorteur: (siren, p) => page((eb) => eb('porteur_siren', '=', compactIdentifier(siren)), p),

    listByTerritory(territory: TerritoryRef, p) {
      const column = (
        {
          commune: 'commune_code',
          epci: 'epci_code',
          departement: 'departement_code',
          region: 'region_code',
        } as const
      )[territory.kind];
      return page((eb) => eb(column, '=', territory.code), p);
    },

    listManaged(query) {
      return page((eb) => {
        const conditions: Expression<SqlBool>[] = [scopeCondition(eb, query.scope)];
        if (query.dispositif) conditions.push(eb('dispositif_code', '=', query.dispositif));
        const key = query.idOrSiren?.trim();
        if (key) {
          conditions.push(eb.or([eb('id', '=', key), eb('porteur_siren', '=', compactIdentifier(key))]));
        }
        return eb.and(conditions);
      }, query);
    },

    async fingerprints(ids) {
      const out = [];
      for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
        const rows = await db
          .selectFrom('laureat')
          .select(['id', 'source_hash', 'dispositif_code', 'departement_code'])
          .where('id', 'in', ids.slice(i, i + IDS_PER_STATEMENT))
          .execute();
        for (const r of rows) {
          out.push({
            id: r.id,
            sourceHash: r.source_hash,
            dispositifCode: r.dispositif_code as DispositifCode,
            departementCode: r.departement_code,
          });
        }
      }
      return out;
    },

    async applyImport(batch) {
      if (batch.length === 0) return;
      await write(batch);
    },

    async countLaureats() {
      const row = await db
        .selectFrom('laureat')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async stashUpload(u) {
      await db
        .insertInto('fund_import_upload')
        .values({
          key: u.key,
          actor_id: u.actorId,
          file_name: u.fileName,
          content: u.content,
          plan_digest: u.planDigest,
          created_at: u.createdAt,
        })
        .execute();
    },

    async peekUpload(key, actorId) {
      const row = await db
        .selectFrom('fund_import_upload')
        .selectAll()
        .where('key', '=', key)
        .where('actor_id', actorId === null ? 'is' : '=', actorId)
        .executeTakeFirst();
      return row ? fromUploadRow(row) : null;
    },

    async takeUpload(key, actorId) {
      const row = await db
        .deleteFrom('fund_import_upload')
        .where('key', '=', key)
        .where('actor_id', actorId === null ? 'is' : '=', actorId)
        .returningAll()
        .executeTakeFirst();
      return row ? fromUploadRow(row) : null;
    },

    async purgeUploads(before) {
      const result = await db
        .deleteFrom('fund_import_upload')
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** The lauréats a scope covers: whole dispositifs, or axe 3 in some départements; null covers everything. */
function scopeCondition(
  eb: ExpressionBuilder<Database, 'laureat'>,
  scope: ManagedScope,
): Expression<SqlBool> {
  if (scope === null) return sql<SqlBool>`1 = 1`;
  const parts: Expression<SqlBool>[] = [];
  if (scope.dispositifs.length > 0) parts.push(eb('dispositif_code', 'in', scope.dispositifs));
  if (scope.axe3Departements.length > 0) {
    parts.push(
      eb.and([eb('dispositif_code', '=', 'axe-3'), eb('departement_code', 'in', scope.axe3Departements)]),
    );
  }
  return parts.length > 0 ? eb.or(parts) : sql<SqlBool>`1 = 0`;
}
