import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PIXEL_PNG, publicationFixture, SEED_PATH } from '../../../test/helpers/fixtures.js';
import { contentFolder, testPlatform } from '../../../test/helpers/platform.js';

type T = Awaited<ReturnType<typeof testPlatform>>;

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('Publication over HTTP', () => {
  let t: T;
  before(async () => {
    t = await testPlatform('sqlite');
    await t.news.importContent(await contentFolder(publicationFixture()));
  });
  after(() => t.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await t.request(path, { headers });
    return { res, html: await res.text() };
  };

  test('the seed release is published at its old address, with all it holds', async () => {
    const { res, html } = await get(SEED_PATH);
    assert.equal(res.status, 200);
    assert.match(
      html,
      /<title>Journée Numérique &amp; Territoires : l’État présente les projets numériques menés en\s+partenariat/,
    );
    assert.equal(count(html, /<h1[\s>]/g), 1);
    assert.match(html, /13 janvier 2023/);
    assert.match(html, /Communiqué de presse/);
    assert.match(html, /href="\/espace-presse\/\?tag=france-relance"/);
    assert.match(html, /href="\/espace-presse\/\?tag=transformation-numerique-des-territoires"/);
    assert.match(html, /Pour soutenir tous les territoires dans leur transformation numérique/);
    assert.match(html, /href="mailto:floriane\.beaudron@modernisation\.gouv\.fr"/);
    // The file entry has no file: shown as unavailable, not as a dead link.
    assert.match(
      html,
      /Télécharger le communiqué de presse\s*<span class="fr-badge fr-badge--sm">Document indisponible/,
    );
    // The image was not in the folder: no broken image.
    assert.doesNotMatch(html, /2023_01_05_JNT_AGENDA/);
  });

  test('an item shows its imported image with its alternative text, its file and its press contact', async () => {
    const { html } = await get('/espace-presse/avec-image/');
    assert.match(html, /<img class="fr-responsive-img" src="\/uploads\/pixel.png" alt="Un point bleu"/);
    assert.match(html, /<a href="\/uploads\/dossier.pdf" download="" class="fr-link fr-link--download">/);
    assert.match(html, /Service presse/);
    assert.match(html, /href="tel:0123456789"/);
    const img = await t.request('/uploads/pixel.png');
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), PIXEL_PNG);
    assert.equal((await t.request('/uploads/absent.png')).status, 404);
    assert.equal((await t.request('/uploads/..%2F..%2Fetc%2Fpasswd')).status, 404);
  });

  test('an address without its trailing slash is redirected to it', async () => {
    const res = await t.request(SEED_PATH.slice(0, -1));
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), SEED_PATH);
  });

  test('lists paginate by ten, newest first, and a page out of range shows the last one', async () => {
    const first = await get('/actualites/');
    assert.equal(first.res.status, 200);
    assert.match(first.html, /25 publications/);
    assert.equal(count(first.html, /class="fr-card /g), 10);
    assert.ok(first.html.indexOf('Actualité 25') < first.html.indexOf('Actualité 24'));
    assert.match(first.html, /class="fr-pagination"/);
    const third = await get('/actualites/?page=3');
    assert.equal(count(third.html, /class="fr-card /g), 5);
    assert.match(third.html, /Actualité 01/);
    const beyond = await get('/actualites/?page=999');
    assert.equal(beyond.res.status, 200);
    assert.match(beyond.html, /Actualité 01/);
  });

  test('lists filter by tag and by category, and sort by date both ways', async () => {
    const byTag = await get('/actualites/?tag=donnees');
    assert.match(byTag.html, /12 publications pour les filtres choisis/);
    assert.doesNotMatch(byTag.html, /Actualité 01</);
    const byCategory = await get('/actualites/?categorie=evenement');
    assert.match(byCategory.html, /5 publications/);
    const both = await get('/actualites/?categorie=evenement&tag=donnees');
    assert.match(both.html, /2 publications/); // 10 and 20
    const oldest = await get('/actualites/?tri=ancien');
    assert.ok(oldest.html.indexOf('Actualité 01') < oldest.html.indexOf('Actualité 02'));
  });

  test('query strings full of garbage still give a page, never an error', async () => {
    for (const qs of [
      '?page=-4',
      '?page=abc',
      '?page=1e309',
      '?tag=%00%FF',
      '?tag=<script>',
      '?categorie[]=x&tag[$ne]=1',
      '?tri=DROP%20TABLE',
      '?page=1&page=2&tag=a&tag=b',
      `?tag=${'x'.repeat(5000)}`,
    ]) {
      const res = await t.request(`/actualites/${qs}`);
      assert.equal(res.status, 200, qs);
      assert.doesNotMatch(await res.text(), /<script>/);
    }
  });

  test('drafts are never public: not listed, no page, not in feeds, sitemap or search', async () => {
    assert.doesNotMatch((await get('/actualites/?tri=ancien&page=1')).html, /Brouillon secret/);
    assert.equal((await t.request('/actualites/brouillon/')).status, 404);
    assert.doesNotMatch((await get('/actualites/rss.xml')).html, /Brouillon secret/);
    assert.doesNotMatch((await get('/sitemap.xml')).html, /brouillon/);
    assert.match((await get('/recherche?q=zygomorphe')).html, /Aucun résultat/);
  });

  test('an event page shows its start, end, place, address and information fields', async () => {
    const { res, html } = await get('/agenda/journee/');
    assert.equal(res.status, 200);
    assert.match(html, /18 janvier 2023 à 09 h/);
    assert.match(html, /18 janvier 2023 à 16 h 30/);
    assert.match(html, /DINUM/);
    assert.match(html, /20 avenue de Ségur, 75007 Paris/);
    assert.match(html, /Inscription/);
    assert.match(html, /Obligatoire/);
  });

  test('a page of the programme lives at its permalink and is listed on the programme page', async () => {
    const page = await get('/programme-tnt/presentation/');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /Le programme en bref/);
    const index = await get('/programme-tnt/');
    assert.match(index.html, /href="\/programme-tnt\/presentation\/"/);
  });

  test('each collection has an RSS 2.0 and an Atom feed with absolute links', async () => {
    const rss = await get('/espace-presse/rss.xml');
    assert.equal(rss.res.status, 200);
    assert.match(rss.res.headers.get('content-type') ?? '', /application\/rss\+xml/);
    assert.match(rss.html, /<rss version="2.0"/);
    assert.equal(count(rss.html, /<item>/g), 2);
    assert.match(
      rss.html,
      /<link>http:\/\/localhost:3000\/espace-presse\/journee-numerique-et-territoires-france-relance\/<\/link>/,
    );
    const atom = await get('/actualites/atom.xml');
    assert.match(atom.res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    assert.match(atom.html, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.equal(count(atom.html, /<entry>/g), 25);
  });

  test('pages carry the security headers; scripts are same-origin files, no inline script', async () => {
    const { res, html } = await get('/actualites/');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length > 0);
    for (const tag of scripts) assert.match(tag, /src="\/static\//);
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.ok(res.headers.get('x-request-id'));
  });

  test('pages have an ETag (a match gives 304) and are compressed when the browser accepts it', async () => {
    const first = await t.request('/actualites/');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await t.request('/actualites/', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const br = await t.request('/actualites/', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    const gz = await t.request('/actualites/', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
  });
});
