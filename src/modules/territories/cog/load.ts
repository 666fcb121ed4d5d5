import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { type Clock, systemClock } from '../../../ports/clock.js';
import type { TerritoryCounts, TerritoryRepository } from '../territories.repository.js';
import { createKyselyTerritoryRepository } from '../territories.repository.kysely.js';
import { COG_EDITION, type CogDataset, cogDataset, readCogPackage } from './source.js';

export interface LoadReport {
  /** True when this call wrote the data; false when the edition was already there. */
  loaded: boolean;
  edition: string;
  counts: TerritoryCounts;
  ms: number;
}

/**
 * Loads the pinned COG edition into the database unless it is already there: one indexed read when it is
 * (every start after the first), else the whole reference data replaced in one transaction, in multi-row
 * batches. Safe to call from several processes at once.
 *
 * @example
 * const report = await loadTerritories(db); // { loaded: true, edition: 'cog-2026/…', counts: {…}, ms: 1400 }
 */
export async function loadTerritories(
  db: Kysely<Database>,
  options: { clock?: Clock } = {},
): Promise<LoadReport> {
  return loadInto(createKyselyTerritoryRepository(db), options.clock ?? systemClock);
}

/**
 * `loadTerritories` on a repository: what the module's `ensureLoaded` runs.
 *
 * @example
 * await loadInto(createKyselyTerritoryRepository(db), systemClock);
 */
export async function loadInto(repo: TerritoryRepository, clock: Clock): Promise<LoadReport> {
  const started = performance.now();
  if ((await repo.edition()) === COG_EDITION.id) {
    const meta = await repo.meta();
    return { loaded: false, edition: COG_EDITION.id, counts: meta!.counts, ms: performance.now() - started };
  }
  const dataset = cogDataset(await readCogPackage());
  const counts = countsOf(dataset);
  const loaded = await repo.replaceAll(dataset, {
    edition: COG_EDITION.id,
    loadedAt: clock.now().toISOString(),
    counts,
  });
  return { loaded, edition: COG_EDITION.id, counts, ms: performance.now() - started };
}

/**
 * What a dataset holds, per kind: shown on the « À propos des données » page.
 *
 * @example
 * countsOf(dataset).communes // 34875
 */
export function countsOf(dataset: CogDataset): TerritoryCounts {
  const counts: TerritoryCounts = {
    communes: 0,
    arrondissements: 0,
    epci: 0,
    epciByType: {},
    departements: 0,
    regions: 0,
    communesDeleguees: 0,
    communesAssociees: 0,
    anciensCodes: 0,
  };
  for (const t of dataset.territories) {
    if (t.kind === 'commune') counts.communes++;
    else if (t.kind === 'arrondissement') counts.arrondissements++;
    else if (t.kind === 'departement') counts.departements++;
    else if (t.kind === 'region') counts.regions++;
    else {
      counts.epci++;
      const type = t.epciType ?? '?';
      counts.epciByType[type] = (counts.epciByType[type] ?? 0) + 1;
    }
  }
  for (const a of dataset.aliases) {
    if (a.kind === 'commune-deleguee') counts.communesDeleguees++;
    else if (a.kind === 'commune-associee') counts.communesAssociees++;
    else counts.anciensCodes++;
  }
  return counts;
}
