import { COG_EDITION, type CogDataset } from '../cog/source.js';
import { type CoordinateCounts, communeCoordinates } from './coordinates.js';
import type { CoordinateRepository } from './coordinates.repository.kysely.js';
import { COORDINATES_SOURCE, readGeoNamesPackage } from './geonames.js';

/**
 * The coordinates edition: the GeoNames package's version and the COG's (the estimates are means over the
 * COG's postcodes, intercommunalités and départements, so a new COG edition recomputes them).
 */
export const COORDINATES_EDITION = `geonames/${COORDINATES_SOURCE.packageName}-${COORDINATES_SOURCE.packageVersion}/${COG_EDITION.id}`;

export interface CoordinatesReport {
  /** True when this call wrote the points; false when the edition was already there. */
  loaded: boolean;
  edition: string;
  counts: CoordinateCounts | null;
}

/** The points computed for an edition, kept for the process. */
let computed: { edition: string; result: Promise<ReturnType<typeof communeCoordinates>> } | null = null;

/**
 * Loads the communes' points unless the pinned edition is there. `dataset` (the pinned COG's) is read only
 * when they must be (lazily: a start with everything loaded reads no package).
 *
 * @example
 * await ensureCoordinates(coordinates, async () => cogDataset(await readCogPackage()));
 */
export async function ensureCoordinates(
  repo: CoordinateRepository,
  dataset: () => Promise<CogDataset>,
): Promise<CoordinatesReport> {
  if ((await repo.edition()) === COORDINATES_EDITION) {
    const summary = await repo.summary();
    return { loaded: false, edition: COORDINATES_EDITION, counts: summary?.counts ?? null };
  }
  // Computed once per process (the tests load many databases): the edition names both inputs.
  if (computed?.edition !== COORDINATES_EDITION) {
    const result = Promise.all([dataset(), readGeoNamesPackage()]).then(([cog, places]) =>
      communeCoordinates({ ...cog, places }),
    );
    computed = { edition: COORDINATES_EDITION, result };
    result.catch(() => {
      computed = null;
    });
  }
  const { rows, counts } = await computed.result;
  const loaded = await repo.replaceAll(rows, { edition: COORDINATES_EDITION, counts });
  return { loaded, edition: COORDINATES_EDITION, counts };
}
