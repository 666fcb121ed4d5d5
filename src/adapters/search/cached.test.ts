import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchIndex, SearchQuery, SearchResult } from '../../ports/search-index.js';
import { cacheKey, createCachedSearchIndex } from './cached.js';

/** An index that answers every query with its text and counts how often it was asked. */
function fakeIndex() {
  const asked: SearchQuery[] = [];
  const writes: string[] = [];
  let failNext = false;
  let version = 1;
  const index: SearchIndex = {
    async upsert(docs) {
      writes.push(`upsert ${docs.length}`);
      version++;
    },
    async remove(ids) {
      writes.push(`remove ${ids.length}`);
      version++;
    },
    async search(query): Promise<SearchResult> {
      asked.push(query);
      await Promise.resolve();
      if (failNext) {
        failNext = false;
        throw new Error('base indisponible');
      }
      const hit = { id: query.text, kind: 'page', url: '/', title: `v${version}`, date: null, score: 1 };
      return { total: 1, hits: [{ ...hit, excerpt: [{ text: query.text, match: true }] }] };
    },
  };
  return { index, asked, writes, failOnce: () => (failNext = true) };
}

const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  limit: 10,
  offset: 0,
  ...extra,
});

const doc = { id: 'a', kind: 'page', url: '/a/', title: 'A', body: 'a', date: null };

describe('createCachedSearchIndex', () => {
  it('serves a repeated query from the cache', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    const first = await search.search(q('collectivités'));
    const second = await search.search(q('collectivités'));
    assert.equal(fake.asked.length, 1);
    assert.equal(second, first);
  });

  it('shares an entry between queries that mean the same', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    await search.search(q('Collectivités', { kinds: ['page', 'actualite'] }));
    await search.search(q('les collectivites', { kinds: ['actualite', 'page', 'page'] }));
    await search.search(q('COLLECTIVITÉS !', { kinds: ['page', 'actualite'], limit: 10.5 }));
    await search.search(q('x', { kinds: [] }));
    await search.search(q('x'));
    await search.search(q('x', { limit: Number.NaN, offset: -1 }));
    assert.deepEqual(
      fake.asked.map((asked) => asked.text),
      ['Collectivités', 'x'],
    );
  });

  it('keeps apart queries that differ', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    for (const query of [
      q('collectivite'),
      q('collectivites'), // another prefix: "collectivites*" is narrower than "collectivite*"
      q('collectivite', { kinds: ['page'] }),
      q('collectivite', { offset: 10 }),
      q('collectivite', { limit: 20 }),
      q('territoire collectivite'),
      q('collectivite territoire'),
    ]) {
      await search.search(query);
    }
    assert.equal(fake.asked.length, 7);
  });

  it('runs concurrent misses for one query once', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    const results = await Promise.all([
      search.search(q('port')),
      search.search(q('Port')),
      search.search(q('port')),
    ]);
    assert.equal(fake.asked.length, 1);
    assert.ok(results.every((result) => result === results[0]));
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index, { maxEntries: 2 });
    await search.search(q('alpha'));
    await search.search(q('beta'));
    await search.search(q('alpha')); // alpha is now the most recently used
    await search.search(q('gamma')); // evicts beta
    await search.search(q('alpha'));
    await search.search(q('gamma'));
    assert.deepEqual(
      fake.asked.map((asked) => asked.text),
      ['alpha', 'beta', 'gamma'],
    );
    await search.search(q('beta'));
    assert.equal(fake.asked.length, 4);
  });

  it('clears on upsert and on remove, and not for an empty write', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    assert.equal((await search.search(q('port'))).hits[0]?.title, 'v1');
    await search.upsert([]);
    await search.remove([]);
    assert.equal((await search.search(q('port'))).hits[0]?.title, 'v1');
    assert.equal(fake.asked.length, 1);
    await search.upsert([doc]);
    assert.equal((await search.search(q('port'))).hits[0]?.title, 'v2');
    await search.remove(['a']);
    assert.equal((await search.search(q('port'))).hits[0]?.title, 'v3');
    assert.equal(fake.asked.length, 3);
    assert.deepEqual(fake.writes, ['upsert 1', 'remove 1']);
  });

  it('drops a search that was running while a write finished', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    const running = search.search(q('port'));
    await search.upsert([doc]);
    await running;
    await search.search(q('port'));
    assert.equal(fake.asked.length, 2);
  });

  it('expires entries after ttlMs', async () => {
    const fake = fakeIndex();
    let now = 1_000;
    const search = createCachedSearchIndex(fake.index, { ttlMs: 30_000, clock: () => now });
    await search.search(q('port'));
    now += 29_999;
    await search.search(q('port'));
    assert.equal(fake.asked.length, 1);
    now += 1;
    await search.search(q('port'));
    assert.equal(fake.asked.length, 2, 'expired at ttlMs');
    now += 10_000;
    await search.search(q('port'));
    assert.equal(fake.asked.length, 2, 'the new entry lives its own ttlMs');
  });

  it('does not keep a failed search', async () => {
    const fake = fakeIndex();
    const search = createCachedSearchIndex(fake.index);
    fake.failOnce();
    await assert.rejects(search.search(q('port')), /indisponible/);
    assert.equal((await search.search(q('port'))).total, 1);
    assert.equal(fake.asked.length, 2);
  });

  it('freezes the shared results', async () => {
    const search = createCachedSearchIndex(fakeIndex().index);
    const result = await search.search(q('port'));
    assert.throws(() => result.hits.pop());
    assert.throws(() => {
      (result.hits[0]!.excerpt[0]! as { text: string }).text = 'changed';
    });
  });
});

describe('cacheKey', () => {
  it('is made of the parsed words, the prefix, the sorted kinds and the page', () => {
    assert.equal(
      cacheKey({ text: 'Les Collectivités', kinds: ['page', 'actualite', 'page'], limit: 10, offset: 0 }),
      '[["collectivites"],"collectivites",["actualite","page"],10,0]',
    );
  });
});
