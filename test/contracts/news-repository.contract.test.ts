import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import type { ContentItem } from '../../src/modules/news/news.domain.js';
import type { NewsRepository } from '../../src/modules/news/news.repository.js';
import { createKyselyNewsRepository } from '../../src/modules/news/news.repository.kysely.js';
import { dialects, freshDatabase } from '../helpers/database.js';

/** A content item with sensible defaults; tests say only what matters to them. */
function item(over: Partial<ContentItem> & { slug: string }): ContentItem {
  const collection = over.collection ?? 'actualites';
  return {
    id: `${collection}/${over.slug}`,
    collection,
    path: `/actualites/${over.slug}/`,
    title: `Titre ${over.slug}`,
    date: '2022-01-01T09:00:00.000Z',
    published: true,
    chapeau: null,
    bodyMd: 'corps',
    bodyHtml: '<p>corps</p>',
    bodyText: 'corps',
    sourceFile: `_actualites/${over.slug}.md`,
    sourceHash: 'h1',
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-01T00:00:00.000Z',
    ...over,
    data: {
      categories: [],
      tags: [],
      images: [],
      files: [],
      contact: null,
      event: null,
      menu: null,
      demonstration: false,
      ...over.data,
    },
  };
}

for (const dialect of dialects) {
  describe(`NewsRepository on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let repo: NewsRepository;
    before(async () => {
      handle = await freshDatabase(dialect);
      repo = createKyselyNewsRepository(handle.db);
      await repo.save(
        item({
          slug: 'a',
          date: '2022-01-03T00:00:00.000Z',
          data: { tags: ['Données', 'Cloud'], categories: ['Actualité'] } as never,
        }),
      );
      await repo.save(
        item({
          slug: 'b',
          date: '2022-01-02T00:00:00.000Z',
          data: { tags: ['Données'], categories: ['Événement'] } as never,
        }),
      );
      await repo.save(
        item({ slug: 'c', date: '2022-01-01T00:00:00.000Z', data: { tags: ['Cloud'] } as never }),
      );
      await repo.save(item({ slug: 'draft', published: false, data: { tags: ['Données'] } as never }));
      await repo.save(
        item({
          slug: 'p',
          collection: 'tnt',
          path: '/programme-tnt/p/',
          data: { menu: { title: 'P', weight: 2 } } as never,
        }),
      );
      await repo.save(
        item({
          slug: 'q',
          collection: 'tnt',
          path: '/programme-tnt/q/',
          data: { menu: { title: 'Q', weight: 1 } } as never,
        }),
      );
    });
    after(() => handle.close());

    test('finds a published item by its address, with its data intact, and never a draft', async () => {
      const a = await repo.findPublishedByPath('/actualites/a/');
      assert.equal(a?.title, 'Titre a');
      assert.deepEqual(a?.data.tags, ['Données', 'Cloud']);
      assert.equal(a?.published, true);
      assert.equal(await repo.findPublishedByPath('/actualites/draft/'), null);
      assert.equal(await repo.findPublishedByPath('/actualites/absent/'), null);
    });

    test('lists published items newest first, with a total, and pages without overlap', async () => {
      const page1 = await repo.listPublished({
        collection: 'actualites',
        sort: 'recent',
        limit: 2,
        offset: 0,
      });
      const page2 = await repo.listPublished({
        collection: 'actualites',
        sort: 'recent',
        limit: 2,
        offset: 2,
      });
      assert.equal(page1.total, 3);
      assert.deepEqual(
        [...page1.items, ...page2.items].map((i) => i.slug),
        ['a', 'b', 'c'],
      );
      const oldest = await repo.listPublished({
        collection: 'actualites',
        sort: 'ancien',
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(
        oldest.items.map((i) => i.slug),
        ['c', 'b', 'a'],
      );
    });

    test('filters by tag slug and category slug, accents folded', async () => {
      const donnees = await repo.listPublished({
        collection: 'actualites',
        tag: 'donnees',
        sort: 'recent',
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(
        donnees.items.map((i) => i.slug),
        ['a', 'b'],
      );
      const evt = await repo.listPublished({
        collection: 'actualites',
        categorie: 'evenement',
        sort: 'recent',
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(
        evt.items.map((i) => i.slug),
        ['b'],
      );
      assert.equal(evt.total, 1);
    });

    test('counts the terms of published items only', async () => {
      const terms = await repo.terms('actualites');
      const donnees = terms.find((t) => t.kind === 'tag' && t.slug === 'donnees');
      assert.deepEqual(donnees, { kind: 'tag', slug: 'donnees', label: 'Données', count: 2 });
      assert.equal(terms.find((t) => t.slug === 'cloud')?.count, 2);
    });

    test('saving again replaces the item and its terms', async () => {
      await repo.save(
        item({
          slug: 'c',
          title: 'Nouveau titre',
          date: '2022-01-01T00:00:00.000Z',
          sourceHash: 'h2',
          data: { tags: ['Autre'] } as never,
        }),
      );
      const c = await repo.findPublishedByPath('/actualites/c/');
      assert.equal(c?.title, 'Nouveau titre');
      const terms = await repo.terms('actualites');
      assert.equal(terms.find((t) => t.slug === 'cloud')?.count, 1);
      assert.equal(terms.find((t) => t.slug === 'autre')?.count, 1);
      assert.deepEqual(await repo.fingerprints(['actualites/c', 'actualites/zz']), [
        { id: 'actualites/c', sourceHash: 'h2' },
      ]);
    });

    test('gives the latest items, the sitemap addresses and the programme pages in menu order', async () => {
      const latest = await repo.latestPublished({ collections: ['actualites'], limit: 1 });
      assert.deepEqual(
        latest.map((i) => i.slug),
        ['a'],
      );
      const paths = await repo.allPublishedPaths();
      assert.ok(paths.some((p) => p.path === '/programme-tnt/q/'));
      assert.ok(!paths.some((p) => p.path.includes('draft')));
      assert.deepEqual(
        (await repo.programmePages()).map((p) => p.slug),
        ['q', 'p'],
      );
      assert.equal(await repo.count(), 6);
    });
  });
}
