import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { buildFacetTable, type FacetSourceRow, type FacetTable } from './facet-table.js';
import { indexVersion } from './text-index.js';

/**
 * How long a table is trusted without checking the lauréats themselves. The index version (bumped by
 * indexLaureats) is read before every search; this safety net also notices a write that skipped it.
 */
const FINGERPRINT_MS = 60_000;

interface Cached {
  table: FacetTable;
  version: number;
  fingerprint: string;
  checkedAt: number;
}
interface State {
  cached: Cached | null;
  pending: Promise<Cached> | null;
}

const states = new WeakMap<object, State>();

/**
 * The facet table of a database, loaded on first use and reloaded when the index version or the lauréats'
 * fingerprint changed: each app process keeps its own copy, and a change committed by any process is seen by
 * the next search of every other (the version is one indexed row, read in well under a millisecond).
 *
 * @example
 * const table = await facetTableOf(db, 'sqlite'); // then runFacetQuery(table, …)
 */
export async function facetTableOf(
  db: Kysely<Database>,
  dialect: Dialect,
  now = performance.now(),
): Promise<FacetTable> {
  let state = states.get(db);
  if (!state) {
    state = { cached: null, pending: null };
    states.set(db, state);
  }
  const version = await indexVersion(db);
  const cached = state.cached;
  if (cached && cached.version === version) {
    if (now - cached.checkedAt < FINGERPRINT_MS) return cached.table;
    const fingerprint = await fingerprintOf(db);
    if (fingerprint === cached.fingerprint) {
      cached.checkedAt = now;
      return cached.table;
    }
  }
  const current = state;
  current.pending ??= load(db, dialect, version).finally(() => {
    current.pending = null;
  });
  current.cached = await current.pending;
  return current.cached.table;
}

async function fingerprintOf(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('laureat')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}|${row?.at ?? ''}`;
}

async function load(db: Kysely<Database>, dialect: Dialect, version: number): Promise<Cached> {
  const fingerprint = await fingerprintOf(db);
  // Ids in byte order on both dialects (SQLite compares bytes; PostgreSQL's collation may not): the table
  // then takes each row's place as its rank by id, and sorts no strings for it.
  const byteOrder = dialect === 'postgres' ? sql.raw('COLLATE "C"') : sql``;
  const [{ rows }, themes] = await Promise.all([
    sql<{
      id: string;
      rid: number | null;
      title: string;
      dispositif_code: string;
      porteur_kind: string;
      porteur_siren: string;
      territory_key: string | null;
      epci_code: string | null;
      region_code: string | null;
      departement_code: string | null;
      population: number | null;
      amount_eur: number | string;
      status: string;
      decided_on: string;
    }>`
      SELECT l.id, s.rid, l.title, l.dispositif_code, l.porteur_kind, l.porteur_siren, l.territory_key,
             CASE WHEN l.porteur_kind = 'epci' THEN l.territory_key ELSE t.epci_code END AS epci_code,
             l.region_code, l.departement_code, l.population, l.amount_eur, l.status, l.decided_on
      FROM laureat l
      LEFT JOIN laureat_search s ON s.laureat_id = l.id
      LEFT JOIN territory t ON t.kind = 'commune' AND t.code = l.commune_code
      ORDER BY l.id ${byteOrder}`.execute(db),
    db.selectFrom('laureat_theme').select(['laureat_id', 'theme_code']).execute(),
  ]);
  const themesOf = new Map<string, string[]>();
  for (const t of themes) {
    const list = themesOf.get(t.laureat_id);
    if (list) list.push(t.theme_code);
    else themesOf.set(t.laureat_id, [t.theme_code]);
  }
  const source: FacetSourceRow[] = rows.map((r) => ({
    id: r.id,
    rid: r.rid === null ? null : Number(r.rid),
    title: r.title,
    dispositifCode: r.dispositif_code,
    porteurKind: r.porteur_kind,
    porteurSiren: r.porteur_siren,
    territoryKey: r.territory_key,
    epciCode: r.epci_code,
    regionCode: r.region_code,
    departementCode: r.departement_code,
    population: r.population === null ? null : Number(r.population),
    amountEur: Number(r.amount_eur),
    status: r.status,
    decidedOn: r.decided_on,
    themes: themesOf.get(r.id) ?? [],
  }));
  return { table: buildFacetTable(source), version, fingerprint, checkedAt: performance.now() };
}
