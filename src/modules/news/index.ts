/**
 * Publication: communiqués, actualités, événements and pages of the programme, imported from the programme
 * site's Markdown collections unchanged, published at the addresses they had there.
 *
 * Glossary:
 * - communiqué: a press release (`_communiques/`, `/espace-presse/<slug>/`).
 * - actualité: a news item (`_actualites/`, `/actualites/<slug>/`).
 * - chapeau: the lead paragraph under the title (`chapeau-text`).
 * - une: the lead image (`une-ou-diaporama`, `une`).
 */

import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStorage } from '../../ports/file-storage.js';
import type { SearchIndex } from '../../ports/search-index.js';
import { COLLECTIONS } from './news.domain.js';
import { importContent } from './news.import.js';
import { createKyselyNewsRepository } from './news.repository.kysely.js';
import { newsItemRoute, newsRoutes } from './news.routes.js';
import { createNewsQueries } from './news.service.js';

export type { ContentItem } from './news.domain.js';
export { COLLECTIONS } from './news.domain.js';
export type { ImportReport, Rejection } from './news.import.js';

/** Builds the Publication module from its adapters. */
export function createNewsModule(deps: {
  db: Kysely<Database>;
  search: SearchIndex;
  storage: FileStorage;
  clock: Clock;
  publicUrl: string;
}) {
  const repo = createKyselyNewsRepository(deps.db);
  const queries = createNewsQueries(repo);
  const listeners: Array<() => void> = [];
  const changed = () => {
    queries.invalidate();
    for (const listener of listeners) listener();
  };
  return {
    queries,
    routes: newsRoutes({ queries, publicUrl: deps.publicUrl }),
    itemRoute: newsItemRoute({ queries }),
    navigation: [
      { label: COLLECTIONS.actualites.label, href: COLLECTIONS.actualites.basePath },
      { label: COLLECTIONS.communiques.label, href: COLLECTIONS.communiques.basePath },
      { label: COLLECTIONS.evenements.label, href: COLLECTIONS.evenements.basePath },
      { label: COLLECTIONS.tnt.label, href: COLLECTIONS.tnt.basePath },
    ],
    importContent: (dir: string, options?: Parameters<typeof importContent>[2]) =>
      importContent(
        { repo, search: deps.search, storage: deps.storage, clock: deps.clock, onChange: changed },
        dir,
        options,
      ),
    /** Registers a listener told when published content changed (page caches). */
    onChange(listener: () => void) {
      listeners.push(listener);
    },
  };
}

export type NewsModule = ReturnType<typeof createNewsModule>;
export { ItemCard } from './views/item-card.js';
