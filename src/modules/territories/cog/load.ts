import type { Kysely } from 'kysely';
import type { Database } from '../../../adapters/db/schema.js';
import { type Clock, systemClock } from '../../../ports/clock.js';
import {
  type CoordinateRepository,
  createKyselyCoordinateRepository,
} from '../geo/coordinates.repository.kysely.js';
import { type CoordinatesReport, ensureCoordinates } from '../geo/load.js';
import type { TerritoryCounts, TerritoryRepository } from '../territories.repository.js';
import { createKyselyTerritoryRepository } from '../territories.repository.kysely.js';
import { COG_EDITION, type CogDataset, cogDataset, readCogPackage } from './source.js';

export interface LoadReport {
  /** True when this call wrote the data; false when the edition was already there. */
  loaded: boolean;
  edition: string;
  counts: TerritoryCounts;
  /** The communes' points (see geo/load.ts), when a coordinates repository was given. */
  coordinates: CoordinatesReport | null;
  ms: number;
}

/**
 * Loads the pinned COG edition into the database unless it is already there: one indexed read when it is
 * (every start after the first), else the whole reference data replaced in one transaction, in multi-row
 * batches; then the communes' points likewise (geo/load.ts). Safe to call from several processes at once.
 *
 * @example
 * const report = await loadTerritories(db); // { loaded: true, edition: 'cog-2026/…', counts: {…}, ms: 1400 }
 */
export async function loadTerritories(
  db: Kysely<Database>,
  options: { clock?: Clock } = {},
): Promise<LoadReport> {
  return loadInto(
    createKyselyTerritoryRepository(db),
    options.clock ?? systemClock,
    createKyselyCoordinateRepository(db),
  );
}

/**
 * `loadTerritories` on a repository: what the module's `ensureLoaded` runs.
 *
 * @example
 * await loadInto(createKyselyTerritoryRepository(db), systemClock, createKyselyCoordinateRepository(db));
 */
export async function loadInto(
  repo: TerritoryRepository,
  clock: Clock,
  coordinates?: CoordinateRepository,
): Promise<LoadReport> {
  const started = performance.now();
  let dataset: Promise<CogDataset> | null = null;
  const readDataset = () => {
    dataset ??= readCogPackage().then(cogDataset);
    return dataset;
  };
  let loaded = false;
  let counts: TerritoryCounts;
  if ((await repo.edition()) === COG_EDITION.id) {
    counts = (await repo.meta())!.counts;
  } else {
    const cog = await readDataset();
    counts = countsOf(cog);
    loaded = await repo.replaceAll(cog, {
      edition: COG_EDITION.id,
      loadedAt: clock.now().toISOString(),
      counts,
    });
  }
  const points = coordinates ? await ensureCoordinates(coordinates, readDataset) : null;
  return { loaded, edition: COG_EDITION.id, counts, coordinates: points, ms: performance.now() - started };
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
