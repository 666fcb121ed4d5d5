/**
 * The fund’s records as rows and back: the one place that knows both shapes, for every reader of the tables
 * (this module’s repository, and the search and open data built beside it).
 */
import type { Selectable } from 'kysely';
import type { DispositifRuleTable, DispositifTable, LaureatTable } from '../../adapters/db/tables/fund.js';
import type {
  Dispositif,
  DispositifCode,
  DispositifRule,
  Laureat,
  LaureatStatus,
  PorteurKind,
} from './fund.domain.js';
import type { StashedUpload } from './fund.repository.js';

export type LaureatRow = Selectable<LaureatTable>;

/** Every column of `laureat`, in the order the table declares them. */
export const LAUREAT_COLUMNS = [
  'id',
  'dispositif_code',
  'title',
  'summary',
  'porteur_siren',
  'porteur_name',
  'porteur_kind',
  'territory_key',
  'commune_code',
  'epci_code',
  'departement_code',
  'region_code',
  'population',
  'amount_eur',
  'total_cost_eur',
  'filed_on',
  'decided_on',
  'status',
  'site_url',
  'source_url',
  'outputs',
  'demonstration',
  'source_hash',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof LaureatTable>;

/**
 * The row of a lauréat (its themes and co-porteurs go to their own tables).
 *
 * @example
 * await db.insertInto('laureat').values(toLaureatRow(laureat)).execute();
 */
export function toLaureatRow(l: Laureat): LaureatRow {
  return {
    id: l.id,
    dispositif_code: l.dispositifCode,
    title: l.title,
    summary: l.summary,
    porteur_siren: l.porteur.siren,
    porteur_name: l.porteur.name,
    porteur_kind: l.porteur.kind,
    territory_key: l.territoryKey,
    commune_code: l.communeCode,
    epci_code: l.epciCode ?? null,
    departement_code: l.departementCode,
    region_code: l.regionCode,
    population: l.population,
    amount_eur: l.amountEur,
    total_cost_eur: l.totalCostEur,
    filed_on: l.filedOn,
    decided_on: l.decidedOn,
    status: l.status,
    site_url: l.siteUrl,
    source_url: l.sourceUrl,
    outputs: l.outputs,
    demonstration: l.demonstration ? 1 : 0,
    source_hash: l.sourceHash,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
  };
}

/**
 * A lauréat from its row, themes and co-porteurs. PostgreSQL gives integers as numbers and SQLite too, but a
 * count or a sum may come back as a string: numbers are coerced.
 *
 * @example
 * fromLaureatRow(row, ['relation-usagers'], [])
 */
export function fromLaureatRow(
  r: LaureatRow,
  themes: string[],
  coporteurs: Array<{ siren: string; name: string }>,
): Laureat {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    dispositifCode: r.dispositif_code as DispositifCode,
    title: r.title,
    summary: r.summary,
    porteur: { siren: r.porteur_siren, name: r.porteur_name, kind: r.porteur_kind as PorteurKind },
    territoryKey: r.territory_key,
    communeCode: r.commune_code,
    epciCode: r.epci_code,
    departementCode: r.departement_code,
    regionCode: r.region_code,
    population: num(r.population),
    amountEur: Number(r.amount_eur),
    totalCostEur: num(r.total_cost_eur),
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
 * A dispositif as its row (themes as JSON), and back.
 *
 * @example
 * fromDispositifRow(dispositifRow(d)) // equal to d
 */
export function dispositifRow(d: Dispositif): DispositifTable {
  return {
    code: d.code,
    label: d.label,
    operateur: d.operateur,
    envelope_eur: d.envelopeEur,
    period_start: d.periodStart,
    period_end: d.periodEnd,
    description: d.description,
    themes: JSON.stringify(d.themes),
    sort_order: d.sortOrder,
  };
}

/** @see dispositifRow */
export function fromDispositifRow(r: DispositifTable): Dispositif {
  return {
    code: r.code as DispositifCode,
    label: r.label,
    operateur: r.operateur as Dispositif['operateur'],
    envelopeEur: Number(r.envelope_eur),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    description: r.description,
    themes: JSON.parse(r.themes) as string[],
    sortOrder: Number(r.sort_order),
  };
}

/**
 * A rule version as its row (booleans as 0/1), and back.
 *
 * @example
 * fromRuleRow(ruleRow(r)) // equal to r
 */
export function ruleRow(r: DispositifRule): DispositifRuleTable {
  return {
    id: r.id,
    dispositif_code: r.dispositifCode,
    valid_from: r.validFrom,
    min_population: r.minPopulation,
    departement_eligible: r.departementEligible ? 1 : 0,
    max_state_share: r.maxStateShare,
    flat_amount_eur: r.flatAmountEur,
    notes: r.notes,
  };
}

/** @see ruleRow */
export function fromRuleRow(r: DispositifRuleTable): DispositifRule {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    dispositifCode: r.dispositif_code as DispositifCode,
    validFrom: r.valid_from,
    minPopulation: num(r.min_population),
    departementEligible: Number(r.departement_eligible) === 1,
    maxStateShare: num(r.max_state_share),
    flatAmountEur: num(r.flat_amount_eur),
    notes: r.notes,
  };
}

/**
 * A kept upload from its row (a Buffer from either driver).
 *
 * @example
 * fromUploadRow(await db.selectFrom('fund_import_upload').selectAll().executeTakeFirstOrThrow())
 */
export function fromUploadRow(r: {
  key: string;
  actor_id: string | null;
  file_name: string;
  content: Buffer;
  plan_digest: string;
  created_at: string;
}): StashedUpload {
  return {
    key: r.key,
    actorId: r.actor_id,
    fileName: r.file_name,
    content: Buffer.from(r.content),
    planDigest: r.plan_digest,
    createdAt: r.created_at,
  };
}
