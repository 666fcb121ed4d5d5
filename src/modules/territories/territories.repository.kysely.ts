import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { TerritoryAliasTable, TerritoryTable } from '../../adapters/db/tables/territories.js';
import type { EpciType, Territory, TerritoryAlias, TerritoryKind } from './territories.domain.js';
import type { TerritoryMeta, TerritoryRepository } from './territories.repository.js';

/**
 * Rows per INSERT: a few hundred keeps every statement well under both drivers' bound-parameter limits
 * (13 columns × 500 = 6,500) while loading the 37,000 rows in under a hundred round trips.
 */
const BATCH = 500;
/** SIRENs per `IN (…)` list (5,000 bound parameters, under both drivers' limits): one indexed probe each. */
const SIRENS_PER_QUERY = 5_000;

/**
 * The reference data's repository on Kysely, the same SQL for SQLite and PostgreSQL.
 *
 * @example
 * const repo = createKyselyTerritoryRepository(db);
 * await repo.find('commune', '38185'); // Grenoble
 */
export function createKyselyTerritoryRepository(db: Kysely<Database>): TerritoryRepository {
  const territories = () => db.selectFrom('territory').selectAll();

  return {
    async edition() {
      const row = await db
        .selectFrom('territory_meta')
        .select('value')
        .where('key', '=', 'edition')
        .executeTakeFirst();
      return row?.value ? row.value : null;
    },

    async meta() {
      const rows = await db.selectFrom('territory_meta').selectAll().execute();
      const get = (key: string) => rows.find((r) => r.key === key)?.value ?? '';
      if (!get('edition')) return null;
      return {
        edition: get('edition'),
        loadedAt: get('loaded_at'),
        counts: JSON.parse(get('counts') || '{}'),
      };
    },

    async replaceAll(dataset, meta: TerritoryMeta) {
      return db.transaction().execute(async (trx) => {
        // A write first: on SQLite it takes the database's write lock before anything is read (a deferred
        // transaction that read first could not upgrade once another loader committed); on PostgreSQL it
        // locks the edition row, so a second loader waits here and then sees the first one's edition.
        await trx
          .updateTable('territory_meta')
          .set((eb) => ({ value: eb.ref('value') }))
          .where('key', '=', 'edition')
          .execute();
        const current = await trx
          .selectFrom('territory_meta')
          .select('value')
          .where('key', '=', 'edition')
          .executeTakeFirst();
        if (current?.value === meta.edition) return false;

        await trx.deleteFrom('territory_alias').execute();
        await trx.deleteFrom('territory').execute();
        for (let i = 0; i < dataset.territories.length; i += BATCH) {
          await trx
            .insertInto('territory')
            .values(dataset.territories.slice(i, i + BATCH).map(toRow))
            .execute();
        }
        for (let i = 0; i < dataset.aliases.length; i += BATCH) {
          await trx
            .insertInto('territory_alias')
            .values(
              dataset.aliases.slice(i, i + BATCH).map((a) => ({
                code: a.code,
                kind: a.kind,
                name: a.name,
                commune_code: a.communeCode,
              })),
            )
            .execute();
        }
        const facts = [
          { key: 'edition', value: meta.edition },
          { key: 'loaded_at', value: meta.loadedAt },
          { key: 'counts', value: JSON.stringify(meta.counts) },
        ];
        await trx
          .insertInto('territory_meta')
          .values(facts)
          .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
          .execute();
        return true;
      });
    },

    async find(kind, code) {
      const row = await territories().where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async findMany(refs) {
      if (refs.length === 0) return [];
      const rows = await territories()
        .where((eb) => eb.or(refs.map((r) => eb.and([eb('kind', '=', r.kind), eb('code', '=', r.code)]))))
        .execute();
      return rows.map(fromRow);
    },

    async findBySiren(siren) {
      // By SIREN alone, then the kind chosen here: with the kind in the SQL, SQLite's planner walks the
      // (kind, code) primary key instead of the SIREN index — milliseconds per lookup instead of microseconds.
      const rows = await territories().where('siren', '=', siren).execute();
      const row = rows.find((r) => r.kind === 'commune') ?? rows.find((r) => r.kind === 'epci');
      return row ? fromRow(row) : null;
    },

    async findBySirens(sirens) {
      const found = new Map<string, Territory>();
      const unique = [...new Set(sirens)];
      for (let i = 0; i < unique.length; i += SIRENS_PER_QUERY) {
        const rows = await territories()
          .where('siren', 'in', unique.slice(i, i + SIRENS_PER_QUERY))
          .execute();
        // A commune before an EPCI, as findBySiren chooses (no SIREN is both; the rule makes it certain).
        rows.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'commune' ? -1 : 1));
        for (const row of rows) {
          if ((row.kind === 'commune' || row.kind === 'epci') && row.siren && !found.has(row.siren)) {
            found.set(row.siren, fromRow(row));
          }
        }
      }
      return found;
    },

    async resolveAlias(code) {
      const row = await db
        .selectFrom('territory_alias')
        .select('commune_code')
        .where('code', '=', code)
        .orderBy('kind')
        .executeTakeFirst();
      return row?.commune_code ?? null;
    },

    async aliasesOf(communeCode) {
      const rows = await db
        .selectFrom('territory_alias')
        .selectAll()
        .where('commune_code', '=', communeCode)
        .orderBy('code')
        .orderBy('kind')
        .execute();
      return rows.map(aliasFromRow);
    },

    async members(parent, kind, page) {
      const column =
        parent.kind === 'epci'
          ? 'epci_code'
          : parent.kind === 'departement'
            ? 'departement_code'
            : parent.kind === 'region'
              ? 'region_code'
              : 'commune_code';
      const base = db.selectFrom('territory').where('kind', '=', kind).where(column, '=', parent.code);
      const [rows, total] = await Promise.all([
        base
          .selectAll()
          // NULLs sort last on SQLite and first on PostgreSQL in a descending order: make them -1 on both, and
          // end on the code (ASCII) rather than the name, whose order depends on PostgreSQL's collation.
          .orderBy(sql`coalesce(population, -1)`, 'desc')
          .orderBy('code')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(fromRow), total: Number(total.n) };
    },

    async listKind(kind) {
      const rows = await territories().where('kind', '=', kind).orderBy('code').execute();
      return rows.map(fromRow);
    },

    async searchSource() {
      const [rows, aliases] = await Promise.all([
        territories().execute(),
        db.selectFrom('territory_alias').selectAll().execute(),
      ]);
      return { territories: rows.map(fromRow), aliases: aliases.map(aliasFromRow) };
    },
  };
}

function toRow(t: Territory): TerritoryTable {
  return {
    kind: t.kind,
    code: t.code,
    name: t.name,
    siren: t.siren,
    epci_type: t.epciType,
    departement_code: t.departementCode,
    region_code: t.regionCode,
    epci_code: t.epciCode,
    commune_code: t.communeCode,
    chef_lieu: t.chefLieu,
    population: t.population,
    postcodes: t.postcodes.join(' '),
    zone: t.zone,
  };
}

function fromRow(row: Selectable<TerritoryTable>): Territory {
  return {
    kind: row.kind as TerritoryKind,
    code: row.code,
    name: row.name,
    siren: row.siren,
    epciType: row.epci_type as EpciType | null,
    departementCode: row.departement_code,
    regionCode: row.region_code,
    epciCode: row.epci_code,
    communeCode: row.commune_code,
    chefLieu: row.chef_lieu,
    population: row.population === null ? null : Number(row.population),
    postcodes: row.postcodes ? row.postcodes.split(' ') : [],
    zone: row.zone as Territory['zone'],
  };
}

function aliasFromRow(row: Selectable<TerritoryAliasTable>): TerritoryAlias {
  return {
    code: row.code,
    kind: row.kind as TerritoryAlias['kind'],
    name: row.name,
    communeCode: row.commune_code,
  };
}
