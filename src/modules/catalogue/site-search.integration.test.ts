import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dialects, freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../adapters/db/connect.js';
import { createSearchIndex } from '../../adapters/search/index.js';
import type { SearchIndex } from '../../ports/search-index.js';
import { indexSolutionsForSite, SOLUTION_KIND } from './site-search.js';
import { insertTestCatalogue, testSolution } from './testing/factory.js';

for (const dialect of dialects) {
  describe(`the catalogue in the site's search, on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let search: SearchIndex;
    const found = async (words: string) =>
      (await search.search({ text: words, kinds: [SOLUTION_KIND], limit: 20, offset: 0 })).hits.map(
        (h) => h.url,
      );

    before(async () => {
      handle = await freshDatabase(dialect);
      search = createSearchIndex(handle);
      await insertTestCatalogue(handle.db, dialect, {
        solutions: [
          testSolution({
            id: 'salles',
            name: 'Réservation de salles',
            summary: 'Les associations réservent.',
          }),
          testSolution({
            id: 'brouillon',
            name: 'Salles en brouillon',
            status: 'brouillon',
            publishedAt: null,
          }),
          ...Array.from({ length: 250 }, (_, i) =>
            testSolution({ id: `outil-${String(i).padStart(3, '0')}`, name: `Outil numéro ${i}` }),
          ),
        ],
      });
    });
    after(() => handle.close());

    test('a full pass indexes every published solution, in batches, and no draft', async () => {
      assert.equal(await indexSolutionsForSite(handle.db, search), 251);
      assert.deepEqual(await found('salles'), ['/catalogue/solutions/salles']);
      assert.deepEqual(await found('numéro 249'), ['/catalogue/solutions/outil-249']);
    });

    test('a pass over some ids takes out those no longer published, and those deleted', async () => {
      await handle.db
        .updateTable('solution')
        .set({ status: 'archivee' })
        .where('id', '=', 'salles')
        .execute();
      await handle.db.deleteFrom('solution').where('id', '=', 'outil-249').execute();
      assert.equal(await indexSolutionsForSite(handle.db, search, ['salles', 'outil-249', 'outil-000']), 1);
      assert.deepEqual(await found('salles'), []);
      assert.deepEqual(await found('numéro 249'), []);
      assert.deepEqual(await found('numéro 0'), ['/catalogue/solutions/outil-000']);
    });
  });
}
