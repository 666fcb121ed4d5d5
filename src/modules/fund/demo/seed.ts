/**
 * The demonstration dataset in a database: what the platform's demo seeding calls once the COG is loaded.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import type { Territory, TerritoryKind } from '../../territories/index.js';
import { generateLaureats } from './generate.js';
import { ensureDispositifs, insertLaureats } from './insert.js';
import type { DemoCog } from './porteurs.js';

/** The seed of the platform's demonstration: the year of the Journée. */
export const DEMO_SEED = 2023;

export interface SeedReport {
  /** Lauréats written by this call: 0 when some were already there. */
  inserted: number;
  ms: number;
}

/**
 * Fills an empty fund with the demonstration lauréats (5,000, seed 2023), after making sure the dispositifs
 * are there. Does nothing when any lauréat exists, real or generated: demo data never mixes with an import.
 * The COG must be loaded first (`territories.ensureLoaded()`).
 *
 * @example
 * await territories.ensureLoaded();
 * const { inserted } = await seedDemoLaureats(db); // 5000 the first time, 0 afterwards
 */
export async function seedDemoLaureats(
  db: Kysely<Database>,
  options: { seed?: number; count?: number } = {},
): Promise<SeedReport> {
  const started = performance.now();
  await ensureDispositifs(db);
  const existing = await db.selectFrom('laureat').select('id').limit(1).executeTakeFirst();
  if (existing) return { inserted: 0, ms: performance.now() - started };
  const cog = await cogFromDatabase(db);
  if (cog.communes.length === 0) {
    throw new Error(
      'Le COG n’est pas chargé : chargez les territoires (territories.ensureLoaded()) avant les lauréats de démonstration.',
    );
  }
  const rows = generateLaureats({ seed: options.seed ?? DEMO_SEED, count: options.count, ...cog });
  const inserted = await insertLaureats(db, rows);
  return { inserted, ms: performance.now() - started };
}

/**
 * The collectivités of the loaded COG, read from the territories' table: the territories module's public face
 * has no "every commune" list, and the generator needs all of them once.
 *
 * @example
 * const cog = await cogFromDatabase(db); cog.communes.length // 34875
 */
export async function cogFromDatabase(db: Kysely<Database>): Promise<DemoCog> {
  const rows = await db
    .selectFrom('territory')
    .selectAll()
    .where('kind', 'in', ['commune', 'epci', 'departement', 'region'])
    .orderBy('kind')
    .orderBy('code')
    .execute();
  const of = (kind: TerritoryKind): Territory[] =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => ({
        kind,
        code: r.code,
        name: r.name,
        siren: r.siren,
        epciType: r.epci_type as Territory['epciType'],
        departementCode: r.departement_code,
        regionCode: r.region_code,
        epciCode: r.epci_code,
        communeCode: r.commune_code,
        chefLieu: r.chef_lieu,
        population: r.population,
        postcodes: r.postcodes ? r.postcodes.split(' ') : [],
        zone: r.zone as Territory['zone'],
      }));
  return {
    communes: of('commune'),
    epci: of('epci'),
    departements: of('departement'),
    regions: of('region'),
  };
}
