import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../src/adapters/db/connect.js';
import { createSearchIndex } from '../../src/adapters/search/index.js';
import type { SearchDocument, SearchHit, SearchIndex, SearchResult } from '../../src/ports/search-index.js';
import { dialects, freshDatabase } from '../helpers/database.js';

const doc = (
  id: string,
  kind: string,
  title: string,
  body: string,
  date: string | null = null,
): SearchDocument => ({
  id,
  kind,
  url: `/${id.replace(':', '/')}/`,
  title,
  body,
  date,
});

/** A sentence with none of the searched words, to pad bodies to equal lengths. */
const FILLER = 'Le programme accompagne les agents publics dans leurs démarches quotidiennes.';

const fixtures: SearchDocument[] = [
  doc(
    'news:collectivites',
    'communique',
    'Les collectivités territoriales accélèrent',
    `${FILLER} Plus de mille collectivités ont déposé un dossier auprès des préfectures.`,
    '2023-03-01T09:00:00.000Z',
  ),
  doc('news:segur', 'actualite', 'Le Ségur du numérique en santé', `${FILLER} Un volet dédié aux hôpitaux.`),
  doc('news:sans-accent', 'actualite', 'Une collectivite pionniere', `${FILLER} Texte saisi sans accents.`),
  doc('page:territoires', 'page', 'Accompagnement', `${FILLER} Les territoires ruraux sont prioritaires.`),
  doc('page:projet', 'page', 'Méthode', `${FILLER} Chaque projet est suivi par un chef de projet.`),
  doc('rank:titre', 'page', 'La subvention régionale', `${FILLER} ${FILLER}`),
  doc('rank:corps', 'page', 'Une aide régionale', `${FILLER} La subvention est versée en deux fois.`),
  doc(
    'rank:trois',
    'actualite',
    'Premier bilan',
    `Mutualisation, mutualisation et encore mutualisation. ${FILLER}`,
  ),
  doc(
    'rank:une',
    'actualite',
    'Second bilan',
    `Mutualisation des achats et des équipes informatiques. ${FILLER}`,
  ),
];

const laureats = Array.from({ length: 25 }, (_, i) =>
  doc(
    `laureat:${String(i).padStart(2, '0')}`,
    'laureat',
    `Lauréat numéro ${i}`,
    `Une commune lauréate du fonds, dossier ${i}.`,
    i % 3 === 0 ? null : `2022-0${(i % 9) + 1}-01T00:00:00.000Z`,
  ),
);

/**
 * Twelve documents in three score groups (the word in the body 0, 1 or 2 times, identical bodies within a
 * group), with dates that tie too: pages must cut through ties and still form one ranking.
 */
const permanences = Array.from({ length: 12 }, (_, i) =>
  doc(
    `tie:${String(i).padStart(2, '0')}`,
    i % 2 === 0 ? 'evenement' : 'page',
    'Permanence numérique',
    `${'Une permanence. '.repeat(i % 3)}${FILLER}`,
    i % 4 === 0 ? null : `2024-0${(i % 2) + 1}-01T00:00:00.000Z`,
  ),
);

const ids = (result: SearchResult) => result.hits.map((hit) => hit.id);

/** Whether hit a comes before hit b: score descending, then date descending (none last), then id. */
const ranksBefore = (a: SearchHit, b: SearchHit) => {
  if (a.score !== b.score) return a.score > b.score;
  if (a.date !== b.date) return b.date === null || (a.date !== null && a.date > b.date);
  return a.id < b.id;
};

for (const dialect of dialects) {
  describe(`SearchIndex on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let search: SearchIndex;

    before(async () => {
      handle = await freshDatabase(dialect);
      search = createSearchIndex(handle);
      await search.upsert([...fixtures, ...laureats, ...permanences]);
    });
    after(async () => handle.close());

    const find = (text: string, kinds?: string[]) => search.search({ text, kinds, limit: 50, offset: 0 });

    it('ignores accents both ways', async () => {
      assert.deepEqual(ids(await find('collectivite')).sort(), ['news:collectivites', 'news:sans-accent']);
      assert.deepEqual(ids(await find('Collectivités')).sort(), ['news:collectivites', 'news:sans-accent']);
      assert.deepEqual(ids(await find('segur')), ['news:segur']);
      assert.deepEqual(ids(await find('SÉGUR')), ['news:segur']);
    });

    it('makes singular and plural meet', async () => {
      assert.deepEqual(ids(await find('territoire')), ['page:territoires']);
      assert.deepEqual(ids(await find('projets')), ['page:projet']);
    });

    it('requires every word', async () => {
      assert.deepEqual(ids(await find('collectivités préfectures')), ['news:collectivites']);
      assert.equal((await find('collectivités hôpitaux')).total, 0);
    });

    it('finds the last word by its beginning while typing', async () => {
      assert.deepEqual(ids(await find('collectiv')).sort(), ['news:collectivites', 'news:sans-accent']);
      assert.deepEqual(ids(await find('ségur numér')), ['news:segur']);
    });

    it('ranks a title match above a body-only match', async () => {
      assert.deepEqual(ids(await find('subvention')), ['rank:titre', 'rank:corps']);
    });

    it('ranks more occurrences higher', async () => {
      assert.deepEqual(ids(await find('mutualisation')), ['rank:trois', 'rank:une']);
      const [first, second] = (await find('mutualisation')).hits;
      assert.ok(first && second && first.score > second.score);
    });

    it('filters by kind', async () => {
      const result = await find('collectivite', ['actualite']);
      assert.deepEqual(ids(result), ['news:sans-accent']);
      assert.equal(result.total, 1);
      assert.equal((await find('collectivite', ['actualite', 'communique'])).total, 2);
      assert.equal((await find('collectivite', [])).total, 2, 'an empty list filters nothing');
      assert.equal((await find('collectivite', ['evenement'])).total, 0);
    });

    it('counts the total and pages consistently', async () => {
      const page = (offset: number) =>
        search.search({ text: 'lauréat', kinds: ['laureat'], limit: 10, offset });
      const pages = await Promise.all([page(0), page(10), page(20)]);
      assert.deepEqual(
        pages.map((p) => [p.total, p.hits.length]),
        [
          [25, 10],
          [25, 10],
          [25, 5],
        ],
      );
      const seen = pages.flatMap(ids);
      assert.equal(new Set(seen).size, 25, 'no hit twice across pages');
      assert.deepEqual(ids(await page(10)), ids(pages[1]!), 'the same page twice is the same');
      assert.deepEqual(await page(30), { total: 25, hits: [] });
      assert.equal((await search.search({ text: 'lauréat', limit: 0, offset: 0 })).total, 25);
    });

    it('pages through ties and mixed scores as one ranking, with or without kinds', async () => {
      for (const kinds of [undefined, ['evenement']]) {
        const all = await search.search({ text: 'permanence', kinds, limit: 50, offset: 0 });
        assert.equal(all.total, kinds ? 6 : 12);
        assert.ok(new Set(all.hits.map((hit) => hit.score)).size >= 2, 'several scores');
        all.hits.slice(1).forEach((hit, i) => {
          assert.ok(ranksBefore(all.hits[i]!, hit), `${all.hits[i]!.id} before ${hit.id}`);
        });
        for (const size of [1, 2, 5]) {
          const pages: SearchResult[] = [];
          for (let offset = 0; offset < all.total; offset += size) {
            pages.push(await search.search({ text: 'permanence', kinds, limit: size, offset }));
          }
          assert.deepEqual(pages.flatMap(ids), ids(all), `pages of ${size}`);
          assert.ok(pages.every((page) => page.total === all.total));
        }
      }
    });

    it('counts the total past the last page and for limit 0, kinds applied', async () => {
      const evenements = (limit: number, offset: number) =>
        search.search({ text: 'permanence', kinds: ['evenement'], limit, offset });
      assert.deepEqual(await evenements(10, 6), { total: 6, hits: [] });
      assert.deepEqual(await evenements(0, 0), { total: 6, hits: [] });
      assert.deepEqual(await evenements(10, Number.MAX_VALUE), { total: 6, hits: [] });
      assert.equal((await evenements(4, 4)).hits.length, 2);
      const none = { total: 0, hits: [] };
      assert.deepEqual(
        await search.search({ text: 'permanence', kinds: ['laureat'], limit: 10, offset: 0 }),
        none,
      );
      assert.deepEqual(await search.search({ text: 'introuvable', limit: 10, offset: 20 }), none);
    });

    it('replaces a document on upsert, and removes it', async () => {
      await search.upsert([doc('tmp:port', 'page', 'Le port de Dunkerque', 'Escale à Dunkerque.')]);
      assert.deepEqual(ids(await find('dunkerque')), ['tmp:port']);
      await search.upsert([doc('tmp:port', 'actualite', 'Le port de Calais', 'Escale à Calais.')]);
      assert.equal((await find('dunkerque')).total, 0, 'old words are gone');
      const calais = await find('calais');
      assert.deepEqual(ids(calais), ['tmp:port']);
      assert.equal(calais.hits[0]?.kind, 'actualite');
      await search.remove(['tmp:port', 'tmp:never-indexed']);
      assert.equal((await find('calais')).total, 0);
      await search.remove([]);
      await search.upsert([]);
    });

    it('keeps the last version when an id repeats in one upsert', async () => {
      await search.upsert([
        doc('tmp:twice', 'page', 'Version Lille', 'Lille.'),
        doc('tmp:twice', 'page', 'Version Roubaix', 'Roubaix.'),
      ]);
      assert.equal((await find('lille')).total, 0);
      assert.deepEqual(ids(await find('roubaix')), ['tmp:twice']);
      await search.remove(['tmp:twice']);
    });

    it('returns the display fields and an excerpt with the matched words highlighted', async () => {
      const [hit] = (await find('collectivite prefecture', ['communique'])).hits;
      assert.ok(hit);
      assert.equal(hit.title, 'Les collectivités territoriales accélèrent');
      assert.equal(hit.url, '/news/collectivites/');
      assert.equal(hit.date, '2023-03-01T09:00:00.000Z');
      const marked = hit.excerpt.filter((part) => part.match).map((part) => part.text);
      assert.deepEqual(marked, ['collectivités', 'préfectures']);
      assert.match(hit.excerpt.map((part) => part.text).join(''), /mille collectivités ont déposé/);
    });

    it('gives zero hits, without error, for an empty query or stop words alone', async () => {
      for (const text of ['', '   ', 'de la les', "l' d’ qu'"]) {
        assert.deepEqual(await find(text), { total: 0, hits: [] }, JSON.stringify(text));
      }
    });

    it('never throws on hostile input', async () => {
      const hostile = [
        '"',
        '*',
        'NEAR(',
        'NEAR(collectivités territoriales, 2)',
        '-',
        '-collectivités',
        'OR',
        'AND NOT',
        'collectivités OR',
        "'); DROP TABLE x;--",
        ':*',
        'title:collectivités',
        '&|!',
        '!(a & b) | c:*',
        '\\',
        'x'.repeat(5000),
        'collectivités '.repeat(400),
        '😀🇫🇷',
        '²³ ﬁ ℌ',
        '«»…!?;,.()[]{}<>',
        '\u0000\u0301',
      ];
      for (const text of hostile) {
        const result = await find(text);
        assert.equal(typeof result.total, 'number', text.slice(0, 40));
        assert.ok(Array.isArray(result.hits));
      }
      // Operators are dropped, the words kept.
      assert.equal((await find('"collectivités"* -OR')).total, 0, '"or" is a word that must match too');
      assert.equal((await find('"collectivités"*')).total, 2);
      assert.equal((await find('collectivités '.repeat(400))).total, 2);
    });

    it('sanitises paging values', async () => {
      const result = await search.search({ text: 'lauréat', limit: Number.NaN, offset: -5 });
      assert.equal(result.total, 25);
      assert.equal(result.hits.length, 10);
      assert.equal((await search.search({ text: 'lauréat', limit: 1e9, offset: 0 })).hits.length, 25);
    });
  });
}
