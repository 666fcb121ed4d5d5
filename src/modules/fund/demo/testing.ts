/**
 * The COG straight from the pinned package, shaped as the generator wants it, for tests and benchmarks that
 * need the demonstration rows without a database.
 */
import { cogDataset, readCogPackage } from '../../territories/index.js';
import type { DemoCog } from './porteurs.js';

let cached: Promise<DemoCog> | null = null;

/**
 * @example
 * const rows = generateLaureats({ seed: 2023, ...(await packageCog()) });
 */
export function packageCog(): Promise<DemoCog> {
  cached ??= readCogPackage().then((raw) => {
    const { territories } = cogDataset(raw);
    return {
      communes: territories.filter((t) => t.kind === 'commune'),
      epci: territories.filter((t) => t.kind === 'epci'),
      departements: territories.filter((t) => t.kind === 'departement'),
      regions: territories.filter((t) => t.kind === 'region'),
    };
  });
  return cached;
}
