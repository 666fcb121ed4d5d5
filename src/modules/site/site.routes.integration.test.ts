import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publicationFixture, SEED_PATH } from '../../../test/helpers/fixtures.js';
import { contentFolder, testPlatform } from '../../../test/helpers/platform.js';
import { DSFR_PREFIX } from '../../platform/ui/assets-paths.js';

describe('The site’s own pages over HTTP', () => {
  let t: Awaited<ReturnType<typeof testPlatform>>;
  before(async () => {
    t = await testPlatform('sqlite');
    await t.news.importContent(await contentFolder(publicationFixture()));
  });
  after(() => t.close());

  const get = async (path: string) => {
    const res = await t.request(path);
    return { res, html: await res.text() };
  };

  test('the home page is a DSFR page in French with header, navigation, footer and skip links', async () => {
    const { res, html } = await get('/');
    assert.equal(res.status, 200);
    assert.match(html, /^<!DOCTYPE html><html lang="fr" data-fr-scheme="system">/);
    assert.match(html, /<title>Numérique &amp; Territoires<\/title>/);
    assert.match(html, /<header class="fr-header">/);
    assert.match(html, /<p class="fr-logo">\s*République\s*<br\/?>\s*Française/);
    for (const label of ['Actualités', 'Espace presse', 'Agenda', 'Le programme TNT']) {
      assert.match(html, new RegExp(`class="fr-nav__link"[^>]*>${label}<`));
    }
    for (const href of ['/accessibilite', '/mentions-legales', '/donnees-personnelles', '/plan-du-site']) {
      assert.match(html, new RegExp(`class="fr-footer__bottom-link" href="${href}"`));
    }
    assert.match(html, /Accessibilité : non conforme/);
    assert.match(html, /class="fr-skiplinks"/);
    assert.match(html, /href="#contenu"/);
    assert.match(html, /<main id="contenu"/);
    assert.match(html, /id="fr-theme-modal"/);
    assert.match(html, /Journée Numérique &amp; Territoires : l’État/);
  });

  test('every legal page and the site map answer with one h1 and a breadcrumb', async () => {
    for (const path of ['/accessibilite', '/mentions-legales', '/donnees-personnelles', '/plan-du-site']) {
      const { res, html } = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, path);
      assert.match(html, /class="fr-breadcrumb"/, path);
    }
    assert.match((await get('/plan-du-site')).html, /href="\/programme-tnt\/presentation\/"/);
  });

  test('an unknown address gets a 404 page in the site’s design', async () => {
    const { res, html } = await get('/nulle-part/');
    assert.equal(res.status, 404);
    assert.match(html, /<h1>Page non trouvée<\/h1>/);
    assert.match(html, /<header class="fr-header">/);
    assert.match(html, /<title>Page non trouvée — Numérique &amp; Territoires<\/title>/);
  });

  test('site search ignores accents and plurals, ranks, and highlights what matched', async () => {
    const { res, html } = await get('/recherche?q=collectivite');
    assert.equal(res.status, 200);
    assert.match(html, new RegExp(`href="${SEED_PATH}"`));
    assert.match(html, /<mark>collectivités<\/mark>/i);
    const plural = await get('/recherche?q=territoire');
    assert.match(plural.html, /résultats? pour « territoire »/);
    assert.doesNotMatch(plural.html, /Aucun résultat/);
    const filtered = await get('/recherche?q=territoires&type=communique');
    assert.doesNotMatch(filtered.html, /Actualité 0/);
  });

  test('hostile search input never gives an error', async () => {
    for (const q of [
      '"',
      '*',
      'NEAR(',
      '-',
      "'); DROP TABLE content_item;--",
      '%00',
      '<script>alert(1)</script>',
      'a'.repeat(3000),
      '😀',
    ]) {
      const res = await t.request(`/recherche?q=${encodeURIComponent(q)}&page=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q);
      assert.doesNotMatch(await res.text(), /<script>alert/);
    }
  });

  test('sitemap.xml lists the published addresses and robots.txt points to it', async () => {
    const sitemap = await get('/sitemap.xml');
    assert.match(sitemap.res.headers.get('content-type') ?? '', /application\/xml/);
    assert.match(sitemap.html, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.match(sitemap.html, new RegExp(`<loc>http://localhost:3000${SEED_PATH}</loc>`));
    const robots = await get('/robots.txt');
    assert.match(robots.html, /Sitemap: http:\/\/localhost:3000\/sitemap.xml/);
  });

  test('health and readiness answer, readiness from the database', async () => {
    assert.equal((await t.request('/healthz')).status, 200);
    const ready = await t.request('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { statut: 'prêt', base: 'sqlite' });
  });

  test('DSFR assets are served under a versioned path with a one-year cache, and nothing outside it', async () => {
    const css = await t.request(`${DSFR_PREFIX}dsfr.min.css`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(css.status, 200);
    assert.match(css.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    assert.equal(css.headers.get('content-encoding'), 'br');
    assert.equal((await t.request(`${DSFR_PREFIX}..%2F..%2Fpackage.json`)).status, 404);
    assert.equal((await t.request(`${DSFR_PREFIX}nope.css`)).status, 404);
  });

  test('a POST without a CSRF token is refused in French, and changes nothing', async () => {
    const res = await t.request('/recherche', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'q=x',
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /rien n’a été enregistré/);
    const cross = await t.request('/recherche', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=x',
    });
    assert.equal(cross.status, 403);
  });
});
