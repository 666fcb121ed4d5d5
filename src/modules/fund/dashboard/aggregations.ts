/**
 * The dashboard's figures, computed by the database: a handful of GROUP BY queries over `laureat`, written
 * once for SQLite and PostgreSQL (PostgreSQL returns sums and counts as strings: every figure goes through
 * `Number`). Costly on 100,000 lauréats compared with a page view: cache.ts keeps the result.
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import {
  type DispositifCode,
  POPULATION_BANDS,
  PORTEUR_KIND_LABELS,
  type PorteurKind,
} from '../fund.domain.js';
import {
  type AreaFigures,
  type CategoryFigures,
  type DashboardFigures,
  type QuarterFigures,
  shareOf,
  type Totals,
  UNKNOWN_POPULATION,
} from './figures.js';

type Db = Kysely<Database>;
type Aggregated = { amount: unknown; projects: unknown; collectivites: unknown };

/** Sum, count and distinct porteurs: the three columns every query adds to its grouping. */
function totals(eb: ExpressionBuilder<Database, 'laureat'>) {
  return [
    eb.fn.sum<string | number | null>('amount_eur').as('amount'),
    eb.fn.countAll<string | number>().as('projects'),
    eb.fn.count<string | number>('porteur_siren').distinct().as('collectivites'),
  ] as const;
}

function toTotals(row: Aggregated | undefined): Totals {
  return {
    amountEur: Number(row?.amount ?? 0),
    projects: Number(row?.projects ?? 0),
    collectivites: Number(row?.collectivites ?? 0),
  };
}

/** The band of a population, as SQL: literals only, so that the grouping expression is the same text. */
const populationBand = sql<string>`case when population is null then ${sql.lit(UNKNOWN_POPULATION)} ${sql.join(
  POPULATION_BANDS.slice(0, -1).map((b) => sql`when population <= ${sql.lit(b.max)} then ${sql.lit(b.code)}`),
  sql` `,
)} else ${sql.lit(POPULATION_BANDS[POPULATION_BANDS.length - 1]!.code)} end`;

/**
 * Every figure of the dashboard, from the lauréats and the dispositifs, with names from the loaded COG.
 *
 * @example
 * const figures = await computeDashboard(db, new Date());
 * figures.overall.amountEur // 89090000 for the demonstration data
 */
export async function computeDashboard(db: Db, now: Date): Promise<DashboardFigures> {
  const [
    overallRow,
    dispositifRows,
    byDispositif,
    byRegion,
    byDepartement,
    byKind,
    byBand,
    byQuarter,
    areas,
    demo,
  ] = await Promise.all([
    db.selectFrom('laureat').select(totals).executeTakeFirst(),
    db.selectFrom('dispositif').selectAll().orderBy('sort_order').execute(),
    db
      .selectFrom('laureat')
      .select((eb) => ['dispositif_code', ...totals(eb)])
      .groupBy('dispositif_code')
      .execute(),
    db
      .selectFrom('laureat')
      .select((eb) => ['region_code', ...totals(eb)])
      .groupBy('region_code')
      .execute(),
    db
      .selectFrom('laureat')
      .select((eb) => ['departement_code', ...totals(eb)])
      .groupBy('departement_code')
      .execute(),
    db
      .selectFrom('laureat')
      .select((eb) => ['porteur_kind', ...totals(eb)])
      .groupBy('porteur_kind')
      .execute(),
    db
      .selectFrom(
        db
          .selectFrom('laureat')
          .select([populationBand.as('band'), 'amount_eur', 'porteur_siren'])
          .as('banded'),
      )
      .select((eb) => [
        'band',
        eb.fn.sum<string | number | null>('amount_eur').as('amount'),
        eb.fn.countAll<string | number>().as('projects'),
        eb.fn.count<string | number>('porteur_siren').distinct().as('collectivites'),
      ])
      .groupBy('band')
      .execute(),
    quarterRows(db),
    db
      .selectFrom('territory')
      .select(['kind', 'code', 'name', 'region_code'])
      .where('kind', 'in', ['departement', 'region'])
      .orderBy('code')
      .execute(),
    db.selectFrom('laureat').select('id').where('demonstration', '=', 1).limit(1).executeTakeFirst(),
  ]);

  const overall = toTotals(overallRow);
  const envelopeEur = dispositifRows.reduce((sum, d) => sum + Number(d.envelope_eur), 0);
  const grantedBy = new Map(byDispositif.map((r) => [r.dispositif_code, toTotals(r)]));
  const dispositifs = dispositifRows.map((d) => {
    const t = grantedBy.get(d.code) ?? toTotals(undefined);
    return {
      ...t,
      code: d.code as DispositifCode,
      label: d.label,
      operateur: d.operateur,
      envelopeEur: Number(d.envelope_eur),
      shareUsed: shareOf(t.amountEur, Number(d.envelope_eur)),
    };
  });

  const areaFigures = (kind: 'region' | 'departement', rows: Array<Aggregated & { code: string | null }>) => {
    const byCode = new Map(rows.map((r) => [r.code, toTotals(r)]));
    const list: AreaFigures[] = areas
      .filter((a) => a.kind === kind)
      .map((a) => ({
        ...(byCode.get(a.code) ?? toTotals(undefined)),
        code: a.code,
        name: a.name.replace(/'/g, '’'),
        regionCode: kind === 'departement' ? a.region_code : null,
      }));
    const known = new Set(list.map((a) => a.code));
    // Codes the COG does not know (an import from another edition) still count, under their code.
    for (const [code, t] of byCode) {
      if (code !== null && !known.has(code)) list.push({ ...t, code, name: code, regionCode: null });
    }
    return { list, outside: byCode.get(null) ?? toTotals(undefined) };
  };
  const regions = areaFigures(
    'region',
    byRegion.map((r) => ({ ...r, code: r.region_code })),
  );
  const departements = areaFigures(
    'departement',
    byDepartement.map((r) => ({ ...r, code: r.departement_code })),
  );

  const kindTotals = new Map(byKind.map((r) => [r.porteur_kind, toTotals(r)]));
  const porteurKinds: CategoryFigures[] = [
    ...Object.entries(PORTEUR_KIND_LABELS).map(([code, label]) => ({
      ...(kindTotals.get(code) ?? toTotals(undefined)),
      code,
      label,
    })),
    ...[...kindTotals]
      .filter(([code]) => !Object.hasOwn(PORTEUR_KIND_LABELS, code as PorteurKind))
      .map(([code, t]) => ({ ...t, code, label: code })),
  ];
  const bandTotals = new Map(byBand.map((r) => [r.band, toTotals(r)]));
  const populationBands: CategoryFigures[] = POPULATION_BANDS.map((b) => ({
    ...(bandTotals.get(b.code) ?? toTotals(undefined)),
    code: b.code,
    label: b.label,
  }));
  const unknown = bandTotals.get(UNKNOWN_POPULATION);
  if (unknown) populationBands.push({ ...unknown, code: UNKNOWN_POPULATION, label: 'Population inconnue' });

  return {
    computedAt: now.toISOString(),
    demonstration: demo !== undefined,
    overall: { ...overall, envelopeEur, shareUsed: shareOf(overall.amountEur, envelopeEur) },
    dispositifs,
    regions: regions.list,
    departements: departements.list,
    outsideRegions: regions.outside,
    outsideDepartements: departements.outside,
    populationBands,
    porteurKinds,
    quarters: byQuarter,
  };
}

/** Lauréats per quarter of decision and dispositif (the decision date is `YYYY-MM-DD` text on both). */
async function quarterRows(db: Db): Promise<QuarterFigures[]> {
  const dated = db
    .selectFrom('laureat')
    .select([
      sql<string>`substr(decided_on, 1, 4)`.as('year'),
      sql<number>`(cast(substr(decided_on, 6, 2) as integer) + 2) / 3`.as('quarter'),
      'dispositif_code',
      'amount_eur',
      'porteur_siren',
    ])
    .as('dated');
  const [perDispositif, perQuarter] = await Promise.all([
    db
      .selectFrom(dated)
      .select((eb) => [
        'year',
        'quarter',
        'dispositif_code',
        eb.fn.sum<string | number | null>('amount_eur').as('amount'),
        eb.fn.countAll<string | number>().as('projects'),
      ])
      .groupBy(['year', 'quarter', 'dispositif_code'])
      .execute(),
    db
      .selectFrom(dated)
      .select((eb) => [
        'year',
        'quarter',
        eb.fn.sum<string | number | null>('amount_eur').as('amount'),
        eb.fn.countAll<string | number>().as('projects'),
        eb.fn.count<string | number>('porteur_siren').distinct().as('collectivites'),
      ])
      .groupBy(['year', 'quarter'])
      .execute(),
  ]);
  const quarters = perQuarter
    .map(
      (q): QuarterFigures => ({
        ...toTotals(q),
        year: Number(q.year),
        quarter: Number(q.quarter) as QuarterFigures['quarter'],
        byDispositif: {},
      }),
    )
    .filter((q) => Number.isInteger(q.year) && q.quarter >= 1 && q.quarter <= 4)
    .sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  for (const row of perDispositif) {
    const q = quarters.find((x) => x.year === Number(row.year) && x.quarter === Number(row.quarter));
    if (q) {
      q.byDispositif[row.dispositif_code as DispositifCode] = {
        amountEur: Number(row.amount ?? 0),
        projects: Number(row.projects),
      };
    }
  }
  return quarters;
}
