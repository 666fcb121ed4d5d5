import { type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { OrganisationTable } from '../../adapters/db/tables/territories.js';
import type { Organisation, OrganisationKind } from './organisations.domain.js';
import { fold } from './search/fold.js';
import type { TerritoryKind } from './territories.domain.js';
import type { OrganisationRepository } from './territories.repository.js';

/**
 * The organisations' repository on Kysely, the same SQL for SQLite and PostgreSQL.
 *
 * @example
 * const repo = createKyselyOrganisationRepository(db);
 * await repo.find('213801855');
 */
export function createKyselyOrganisationRepository(db: Kysely<Database>): OrganisationRepository {
  // Byte order on both: SQLite's default, and PostgreSQL's only under "C" (a database created with a
  // linguistic collation would otherwise skip spaces when sorting, and page the list differently).
  const byText =
    db.getExecutor().adapter instanceof PostgresAdapter ? sql`search_text collate "C"` : sql`search_text`;
  const find = async (siren: string) => {
    const row = await db.selectFrom('organisation').selectAll().where('siren', '=', siren).executeTakeFirst();
    return row ? fromRow(row) : null;
  };

  return {
    find,

    async insertIfAbsent(o) {
      // ON CONFLICT DO NOTHING: two first logins of one organisation at once both end with the same row.
      const inserted = await db
        .insertInto('organisation')
        .values({
          siren: o.siren,
          name: o.name,
          kind: o.kind,
          territory_kind: o.territory?.kind ?? null,
          territory_code: o.territory?.code ?? null,
          search_text: searchText(o.siren, o.name),
          created_at: o.createdAt,
          updated_at: o.updatedAt,
        })
        .onConflict((oc) => oc.column('siren').doNothing())
        .executeTakeFirst();
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      const stored = await find(o.siren);
      if (!stored) throw new Error(`L’organisation ${o.siren} n’a pu être ni lue ni créée.`);
      return { organisation: stored, created };
    },

    async rename(siren, name, at) {
      await db
        .updateTable('organisation')
        .set({ name, search_text: searchText(siren, name), updated_at: at })
        .where('siren', '=', siren)
        .execute();
      return find(siren);
    },

    async list({ q, kind, limit, offset }) {
      let base = db.selectFrom('organisation');
      // Every word must appear, in any order. LIKE on text folded the same way on both sides: SQLite's LIKE
      // ignores ASCII case and PostgreSQL's does not, so neither side may carry case or accents. Folded words
      // hold no LIKE wildcard.
      for (const word of fold(q).split(' ').filter(Boolean).slice(0, 8)) {
        base = base.where(sql<boolean>`search_text like ${`%${word}%`}`);
      }
      if (kind) base = base.where('kind', '=', kind);
      const [rows, total] = await Promise.all([
        base.selectAll().orderBy(byText).orderBy('siren').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(fromRow), total: Number(total.n) };
    },
  };
}

/** The folded name then the SIREN: the list sorts by name, and a SIREN typed in the filter finds its row. */
function searchText(siren: string, name: string | null): string {
  return `${fold(name ?? '')} ${siren}`.trim();
}

function fromRow(row: Selectable<OrganisationTable>): Organisation {
  return {
    siren: row.siren,
    name: row.name,
    kind: row.kind as OrganisationKind,
    territory:
      row.territory_kind && row.territory_code
        ? { kind: row.territory_kind as TerritoryKind, code: row.territory_code }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
