/**
 * Lauréats for the public side's tests and benches: written straight into the fund's tables (with the
 * dispositifs they refer to), then indexed. Deterministic: the same calls write the same rows.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../adapters/db/connect.js';
import type { Database } from '../../../adapters/db/schema.js';
import { DISPOSITIF_RULES, DISPOSITIFS } from '../fund.domain.js';
import { indexLaureats } from '../search/text-index.js';

export interface TestLaureat {
  id: string;
  dispositifCode: string;
  title: string;
  summary: string;
  porteurSiren: string;
  porteurName: string;
  porteurKind: string;
  territoryKey: string | null;
  communeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
  amountEur: number;
  totalCostEur: number | null;
  filedOn: string | null;
  decidedOn: string;
  status: string;
  siteUrl: string | null;
  sourceUrl: string | null;
  outputs: string;
  demonstration: boolean;
  themes: string[];
  coporteurs: Array<{ siren: string; name: string }>;
}

/**
 * A lauréat with sensible defaults (a commune of Isère, axe 3, delivered), overridden by what the test says.
 *
 * @example
 * testLaureat({ id: 'L-1', title: 'Réservation de salles', amountEur: 120_000 })
 */
export function testLaureat(overrides: Partial<TestLaureat> & { id: string }): TestLaureat {
  return {
    dispositifCode: 'axe-3',
    title: `Projet ${overrides.id}`,
    summary: 'Un projet numérique local.',
    porteurSiren: '213801855',
    porteurName: 'Commune de Grenoble',
    porteurKind: 'commune',
    territoryKey: '38185',
    communeCode: '38185',
    departementCode: '38',
    regionCode: '84',
    population: 158_000,
    amountEur: 40_000,
    totalCostEur: 80_000,
    filedOn: '2021-09-01',
    decidedOn: '2021-11-15',
    status: 'livre',
    siteUrl: null,
    sourceUrl: null,
    outputs: '',
    demonstration: false,
    themes: ['relation-usagers'],
    coporteurs: [],
    ...overrides,
  };
}

/** Writes the four dispositifs and their rules when they are not there yet. */
export async function ensureTestDispositifs(db: Kysely<Database>): Promise<void> {
  const existing = await db.selectFrom('dispositif').select('code').execute();
  const have = new Set(existing.map((d) => d.code));
  const missing = DISPOSITIFS.filter((d) => !have.has(d.code));
  if (missing.length === 0) return;
  await db
    .insertInto('dispositif')
    .values(
      missing.map((d) => ({
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
    .execute();
  const rules = DISPOSITIF_RULES.filter((r) => missing.some((d) => d.code === r.dispositifCode));
  if (rules.length > 0) {
    await db
      .insertInto('dispositif_rule')
      .values(
        rules.map((r) => ({
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
      .execute();
  }
}

/**
 * Writes lauréats (with their themes and co-porteurs) and indexes them, in batches: the dispositifs are
 * written first when missing.
 *
 * @example
 * await insertTestLaureats(db, 'sqlite', [testLaureat({ id: 'L-1' }), testLaureat({ id: 'L-2' })]);
 */
export async function insertTestLaureats(
  db: Kysely<Database>,
  dialect: Dialect,
  laureats: TestLaureat[],
  options: { index?: boolean; at?: string } = {},
): Promise<void> {
  await ensureTestDispositifs(db);
  const at = options.at ?? '2023-01-20T10:00:00.000Z';
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < laureats.length; i += 500) {
      const batch = laureats.slice(i, i + 500);
      await trx
        .insertInto('laureat')
        .values(
          batch.map((l) => ({
            id: l.id,
            dispositif_code: l.dispositifCode,
            title: l.title,
            summary: l.summary,
            porteur_siren: l.porteurSiren,
            porteur_name: l.porteurName,
            porteur_kind: l.porteurKind,
            territory_key: l.territoryKey,
            commune_code: l.communeCode,
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
            source_hash: `test:${l.id}`,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      const themes = batch.flatMap((l) => l.themes.map((t) => ({ laureat_id: l.id, theme_code: t })));
      if (themes.length > 0) await trx.insertInto('laureat_theme').values(themes).execute();
      const coporteurs = batch.flatMap((l) =>
        l.coporteurs.map((c) => ({ laureat_id: l.id, siren: c.siren, name: c.name })),
      );
      if (coporteurs.length > 0) await trx.insertInto('laureat_coporteur').values(coporteurs).execute();
    }
    if (options.index !== false)
      await indexLaureats(
        trx,
        dialect,
        laureats.map((l) => l.id),
      );
  });
}
