/**
 * Writing the demonstration lauréats: multi-row inserts in one transaction (all or nothing), in batches that
 * stay under SQLite's limit of 32,766 bound parameters per statement (PostgreSQL's is 65,535), with the
 * search's text index written in the same transaction, as every writer of lauréats must.
 */
import { type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { DISPOSITIF_RULES, DISPOSITIFS } from '../fund.domain.js';
import { indexLaureats } from '../search/text-index.js';
import type { DemoLaureat } from './generate.js';

/** Parameters per statement we allow ourselves: well under both databases' limits. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts lauréats with their themes and co-porteurs, and indexes them for the search, in one transaction;
 * returns how many lauréats.
 *
 * @example
 * await insertLaureats(db, generateLaureats({ seed: 2023, ...cog })); // 5000
 */
export async function insertLaureats(db: Kysely<Database>, rows: DemoLaureat[]): Promise<number> {
  if (rows.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const chunk of chunks(rows.map((r) => r.laureat))) {
      await trx.insertInto('laureat').values(chunk).execute();
    }
    const themes = rows.flatMap((r) =>
      r.themes.map((theme_code) => ({ laureat_id: r.laureat.id, theme_code })),
    );
    for (const chunk of chunks(themes)) await trx.insertInto('laureat_theme').values(chunk).execute();
    const coporteurs = rows.flatMap((r) =>
      r.coporteurs.map((c) => ({ laureat_id: r.laureat.id, siren: c.siren, name: c.name })),
    );
    for (const chunk of chunks(coporteurs)) await trx.insertInto('laureat_coporteur').values(chunk).execute();
    await indexLaureats(
      trx,
      dialectOf(db),
      rows.map((r) => r.laureat.id),
    );
  });
  return rows.length;
}

/**
 * Which database a Kysely instance talks to, from its adapter (the text index writes differently on each).
 *
 * @example
 * dialectOf(db) // 'sqlite'
 */
export function dialectOf(db: Kysely<Database>): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  throw new Error('base de données inconnue : SQLite ou PostgreSQL attendu');
}

/** Rows cut into statements of at most MAX_PARAMETERS bound values. */
function chunks<T extends object>(values: T[]): T[][] {
  const first = values[0];
  if (!first) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * Inserts the fund's dispositifs and rule versions that are not there yet (never changes one that is: an
 * operator may have edited it).
 *
 * @example
 * await ensureDispositifs(db);
 */
export async function ensureDispositifs(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dispositif')
      .values(
        DISPOSITIFS.map((d) => ({
          code: d.code,
          label: d.label,
          operateur: d.operateur,
          envelope_eur: d.envelopeEur,
          period_start: d.periodStart,
          period_end: d.periodEnd,
          description: d.description,
          themes: JSON.stringify(d.themes),
          sort_order: d.sortOrder,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('dispositif_rule')
      .values(
        DISPOSITIF_RULES.map((r) => ({
          id: r.id,
          dispositif_code: r.dispositifCode,
          valid_from: r.validFrom,
          min_population: r.minPopulation,
          departement_eligible: r.departementEligible ? 1 : 0,
          max_state_share: r.maxStateShare,
          flat_amount_eur: r.flatAmountEur,
          notes: r.notes,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}
