import type { Child } from 'hono/jsx';
import type { Territory } from '../../territories/index.js';
import type { PublicSearch } from '../search/public-service.js';
import { UsedHere } from './organisation-page.js';

/**
 * The section the catalogue adds to every territory's page (`territories.addSections`).
 *
 * @example
 * territories.addSections(territorySection(search));
 */
export function territorySection(search: PublicSearch) {
  return async (t: Territory): Promise<Child[]> => {
    const found = await search.inTerritory(t);
    return [<UsedHere total={found.total} items={found.items} href={found.href} />];
  };
}
