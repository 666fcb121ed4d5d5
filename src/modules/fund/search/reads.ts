import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import {
  DISPOSITIF_RULES,
  DISPOSITIFS,
  type Dispositif,
  type DispositifCode,
  type DispositifRule,
  type Laureat,
  type LaureatStatus,
  type PorteurKind,
} from '../fund.domain.js';

type Db = Kysely<Database>;
type LaureatRow = Database['laureat'];

function toLaureat(
  r: LaureatRow,
  themes: string[],
  coporteurs: Array<{ siren: string; name: string }>,
): Laureat {
  return {
    id: r.id,
    dispositifCode: r.dispositif_code as DispositifCode,
    title: r.title,
    summary: r.summary,
    porteur: { siren: r.porteur_siren, name: r.porteur_name, kind: r.porteur_kind as PorteurKind },
    territoryKey: r.territory_key,
    communeCode: r.commune_code,
    departementCode: r.departement_code,
    regionCode: r.region_code,
    population: r.population === null ? null : Number(r.population),
    amountEur: Number(r.amount_eur),
    totalCostEur: r.total_cost_eur === null ? null : Number(r.total_cost_eur),
    filedOn: r.filed_on,
    decidedOn: r.decided_on,
    status: r.status as LaureatStatus,
    siteUrl: r.site_url,
    sourceUrl: r.source_url,
    outputs: r.outputs,
    themes,
    coporteurs,
    demonstration: Number(r.demonstration) === 1,
    sourceHash: r.source_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Lauréats by id, whole (themes sorted, co-porteurs by name), in the order of `ids`; unknown ids are left out.
 * Three queries whatever the count.
 *
 * @example
 * const [laureat] = await laureatsByIds(db, ['L-1']);
 */
export async function laureatsByIds(db: Db, ids: string[]): Promise<Laureat[]> {
  if (ids.length === 0) return [];
  const [rows, themes, coporteurs] = await Promise.all([
    db.selectFrom('laureat').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('laureat_theme').selectAll().where('laureat_id', 'in', ids).execute(),
    db.selectFrom('laureat_coporteur').selectAll().where('laureat_id', 'in', ids).execute(),
  ]);
  return assemble(rows, themes, coporteurs, ids);
}

function assemble(
  rows: LaureatRow[],
  themes: Array<{ laureat_id: string; theme_code: string }>,
  coporteurs: Array<{ laureat_id: string; siren: string; name: string }>,
  order: string[],
): Laureat[] {
  const themesOf = new Map<string, string[]>();
  for (const t of themes) themesOf.set(t.laureat_id, [...(themesOf.get(t.laureat_id) ?? []), t.theme_code]);
  const coOf = new Map<string, Array<{ siren: string; name: string }>>();
  for (const c of coporteurs) {
    coOf.set(c.laureat_id, [...(coOf.get(c.laureat_id) ?? []), { siren: c.siren, name: c.name }]);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return order.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const co = (coOf.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return [toLaureat(r, (themesOf.get(id) ?? []).sort(), co)];
  });
}

/**
 * Every lauréat in id order, a batch at a time (keyset pagination: each batch is one indexed range read, so
 * 100,000 lauréats stream in constant memory). For the open data files.
 *
 * @example
 * for await (const batch of laureatBatches(db)) for (const l of batch) write(l);
 */
export async function* laureatBatches(db: Db, size = 2000): AsyncGenerator<Laureat[]> {
  let last = '';
  for (;;) {
    const rows = await db
      .selectFrom('laureat')
      .selectAll()
      .where('id', '>', last)
      .orderBy('id')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    const first = rows[0]!.id;
    last = rows.at(-1)!.id;
    const between = <T extends { laureat_id: string }>(table: 'laureat_theme' | 'laureat_coporteur') =>
      db
        .selectFrom(table)
        .selectAll()
        .where('laureat_id', '>=', first)
        .where('laureat_id', '<=', last)
        .execute() as unknown as Promise<T[]>;
    const [themes, coporteurs] = await Promise.all([
      between<{ laureat_id: string; theme_code: string }>('laureat_theme'),
      between<{ laureat_id: string; siren: string; name: string }>('laureat_coporteur'),
    ]);
    yield assemble(
      rows,
      themes,
      coporteurs,
      rows.map((r) => r.id),
    );
    if (rows.length < size) return;
  }
}

/**
 * What changes whenever a lauréat is written or removed: the open data files' ETag is made from it.
 *
 * @example
 * await laureatsFingerprint(db) // '5021-2023-01-20T10:00:00.000Z-3'
 */
export async function laureatsFingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ n: number | string; at: string | null }>`
    SELECT count(*) AS n, max(updated_at) AS at FROM laureat`.execute(db);
  const version = await sql<{ version: number | string }>`
    SELECT version FROM laureat_search_meta WHERE id = 1`.execute(db);
  return `${rows[0]?.n ?? 0}-${rows[0]?.at ?? ''}-${version.rows[0]?.version ?? 0}`;
}

/**
 * The dispositifs and their dated rules as stored, or the domain's own when the table is still empty (a
 * database the fund has not been seeded into yet still shows the fund's structure).
 *
 * @example
 * const { dispositifs, rules } = await dispositifsWithRules(db); // dispositifs sorted by sortOrder
 */
export async function dispositifsWithRules(
  db: Db,
): Promise<{ dispositifs: Dispositif[]; rules: DispositifRule[] }> {
  const [rows, ruleRows] = await Promise.all([
    db.selectFrom('dispositif').selectAll().orderBy('sort_order').execute(),
    db.selectFrom('dispositif_rule').selectAll().orderBy('valid_from').execute(),
  ]);
  if (rows.length === 0) return { dispositifs: DISPOSITIFS, rules: DISPOSITIF_RULES };
  return {
    dispositifs: rows.map((r) => ({
      code: r.code as DispositifCode,
      label: r.label,
      operateur: r.operateur as Dispositif['operateur'],
      envelopeEur: Number(r.envelope_eur),
      periodStart: r.period_start,
      periodEnd: r.period_end,
      description: r.description,
      themes: parseThemes(r.themes),
      sortOrder: Number(r.sort_order),
    })),
    rules: ruleRows.map((r) => ({
      id: r.id,
      dispositifCode: r.dispositif_code as DispositifCode,
      validFrom: r.valid_from,
      minPopulation: r.min_population === null ? null : Number(r.min_population),
      departementEligible: Number(r.departement_eligible) === 1,
      maxStateShare: r.max_state_share === null ? null : Number(r.max_state_share),
      flatAmountEur: r.flat_amount_eur === null ? null : Number(r.flat_amount_eur),
      notes: r.notes,
    })),
  };
}

function parseThemes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Whether any lauréat is demonstration data (the open data page then says so).
 *
 * @example
 * await hasDemonstration(db) // true
 */
export async function hasDemonstration(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('laureat')
    .select('id')
    .where('demonstration', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
