import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { dialects, freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../adapters/db/connect.js';
import type { AppEnv } from '../../platform/http/context.js';
import { fixedClock } from '../../ports/clock.js';
import { createTerritoriesModule } from './index.js';
import { standaloneTerritoriesApp } from './testing/standalone-app.js';
import { PICKER_SCRIPT } from './views/collectivite-picker.js';

const NNBSP = '\u202f'; // what Intl puts between thousands in French

for (const dialect of dialects) {
  describe(`territories’ routes on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let app: Hono<AppEnv>;
    const get = (path: string, init?: RequestInit) => app.request(path, init);
    const page = async (path: string) => {
      const res = await get(path);
      return { res, html: await res.text() };
    };

    before(async () => {
      handle = await freshDatabase(dialect);
      const module = createTerritoriesModule({
        db: handle.db,
        clock: fixedClock('2026-01-20T10:00:00.000Z'),
      });
      await module.ensureLoaded();
      module.addSections(async (t) =>
        t.code === '38185' ? [html`<p>Salle sur demande, financée par l’axe 1.</p>`] : [],
      );
      app = standaloneTerritoriesApp(module);
    });
    after(() => handle.close());

    test('a commune’s page: name, kind, codes, population, postcodes, parents as links, one h1', async () => {
      const { res, html } = await page('/territoires/38185');
      assert.equal(res.status, 200);
      assert.match(html, /<title>Grenoble \(commune\) — Numérique &amp; Territoires<\/title>/);
      assert.equal(html.match(/<h1/g)?.length, 1);
      assert.match(html, /<h1>Grenoble<\/h1>/);
      assert.match(html, /fr-badge[^>]*>Commune</);
      assert.ok(html.includes(`156${NNBSP}140 habitants`));
      assert.ok(html.includes('213&nbsp;801&nbsp;855') || html.includes('213\u00a0801\u00a0855'));
      assert.ok(html.includes('38000, 38100'));
      for (const href of [
        '/territoires/200040715',
        '/territoires/departement-38',
        '/territoires/region-84',
      ]) {
        assert.ok(html.includes(`href="${href}"`), href);
      }
      assert.match(html, /class="fr-breadcrumb"/);
      assert.match(html, /Ce qui a été financé ici/);
      assert.match(html, /Salle sur demande, financée par l’axe 1\./);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    });

    test('an EPCI’s page lists its member communes; a département’s pages its communes', async () => {
      const epci = await page('/territoires/200040715');
      assert.equal(epci.res.status, 200);
      assert.match(epci.html, /Métropole/);
      assert.match(epci.html, /Communes membres/);
      assert.ok(epci.html.includes('href="/territoires/38185"'));
      assert.match(epci.html, /Aucun financement n’est encore publié/);

      const isere = await page('/territoires/departement-38');
      assert.match(isere.html, /<h1>Isère<\/h1>/);
      assert.match(isere.html, /fr-pagination/);
      assert.ok(isere.html.includes('href="/territoires/38185"'), 'Grenoble on the first page');
      const second = await page('/territoires/departement-38?page=2');
      assert.match(second.html, /page 2 sur \d+/);
      assert.ok(
        !second.html.includes('>Grenoble</a> <span') && !second.html.includes('href="/territoires/38185"'),
      );
      const far = await page('/territoires/departement-38?page=9999');
      assert.equal(far.res.status, 200);
      assert.match(far.html, /page (\d+) sur \1\./);
      for (const bad of ['?page=-3', '?page=abc', '?page=1e99', '?page[]=2']) {
        assert.equal((await get(`/territoires/departement-38${bad}`)).status, 200, bad);
      }
    });

    test('"84" is a département and a région, each at its own address', async () => {
      const dep = await page('/territoires/departement-84');
      assert.match(dep.html, /<h1>Vaucluse<\/h1>/);
      assert.ok(dep.html.includes('href="/territoires/region-93"'));
      const region = await page('/territoires/region-84');
      assert.match(region.html, /<h1>Auvergne-Rhône-Alpes<\/h1>/);
      assert.ok(region.html.includes('href="/territoires/departement-38"'));
    });

    test('former codes, SIRENs and lower-case keys are redirected to the current address', async () => {
      const moves: Array<[string, string]> = [
        ['/territoires/01340', '/territoires/01015'],
        ['/territoires/74011', '/territoires/74010'],
        ['/territoires/2a004', '/territoires/2A004'],
        ['/territoires/213801855', '/territoires/38185'],
        ['/territoires/departement-2a', '/territoires/departement-2A'],
        ['/territoires/', '/territoires'],
      ];
      for (const [from, to] of moves) {
        const res = await get(from);
        assert.equal(res.status, 301, from);
        assert.equal(res.headers.get('location'), to, from);
      }
    });

    test('an unknown territory is a 404 in the site’s design', async () => {
      for (const path of [
        '/territoires/99999',
        '/territoires/region-99',
        '/territoires/departement-00',
        '/territoires/000000000',
        '/territoires/grenoble',
        `/territoires/${'9'.repeat(500)}`,
        '/territoires/%E0%A4%A',
      ]) {
        const res = await get(path);
        assert.equal(res.status, 404, path);
        assert.match(await res.text(), /Page non trouvée/);
      }
    });

    test('the search page: a form without a query, ranked results with one', async () => {
      const empty = await page('/territoires/recherche');
      assert.equal(empty.res.status, 200);
      assert.match(empty.html, /<h1>Rechercher un territoire<\/h1>/);
      assert.match(empty.html, /name="q"/);
      const { html } = await page('/territoires/recherche?q=saint+martin');
      assert.match(html, /territoires trouvés pour « saint martin »/);
      const first = html.indexOf('Saint-Martin (65 – Hautes-Pyrénées)');
      assert.ok(first > 0 && first < html.indexOf('Saint-Martin-d’Hères'));
      const epciOnly = await page('/territoires/recherche?q=grenoble&types=epci');
      assert.ok(epciOnly.html.includes('href="/territoires/200040715"'));
      assert.ok(!epciOnly.html.includes('href="/territoires/38185"'));
      assert.match(epciOnly.html, /id="territoires-type-epci" name="types" value="epci" checked/);
      const none = await page('/territoires/recherche?q=zzqqzz');
      assert.match(none.html, /Aucun territoire trouvé/);
    });

    test('suggestions are JSON: key, kind, name, label, detail and address, ten at most', async () => {
      const res = await get('/territoires/suggestions?q=grenob');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.match(res.headers.get('cache-control') ?? '', /max-age/);
      const body = (await res.json()) as { requete: string; resultats: Array<Record<string, unknown>> };
      assert.equal(body.requete, 'grenob');
      assert.deepEqual(body.resultats[0], {
        code: '38185',
        type: 'commune',
        nom: 'Grenoble',
        libelle: 'Grenoble (38 – Isère)',
        precision: null,
        url: '/territoires/38185',
      });
      const saint = (await (await get('/territoires/suggestions?q=saint')).json()) as {
        resultats: unknown[];
      };
      assert.equal(saint.resultats.length, 10);
      const three = (await (await get('/territoires/suggestions?q=saint&limite=3')).json()) as {
        resultats: unknown[];
      };
      assert.equal(three.resultats.length, 3);
      const kinds = (await (
        await get('/territoires/suggestions?q=grenoble&types=epci,departement')
      ).json()) as {
        resultats: Array<{ type: string }>;
      };
      assert.deepEqual([...new Set(kinds.resultats.map((r) => r.type))], ['epci']);
    });

    test('garbage query strings never give a 500', async () => {
      const nasty = [
        'q=',
        'q=%00%01',
        `q=${'a'.repeat(5000)}`,
        'q=%25_%5C',
        "q=';DROP TABLE territory;--",
        'q=%F0%9F%98%80',
        'q=%E0%A4%A',
        'q[]=x&q[]=y',
        'types=nonsense',
        'types=',
        'types[]=commune',
        'limite=-1',
        'limite=abc',
        'limite=1e309',
        'page=NaN',
      ];
      for (const base of [
        '/territoires/suggestions',
        '/territoires/recherche',
        '/territoires/aller',
        '/territoires',
      ]) {
        for (const qs of nasty) {
          const res = await get(`${base}?${qs}`);
          assert.ok(res.status < 500, `${base}?${qs.slice(0, 40)} → ${res.status}`);
        }
      }
      const json = (await (await get('/territoires/suggestions?q=%00%01')).json()) as {
        resultats: unknown[];
      };
      assert.deepEqual(json.resultats, []);
    });

    test('the home page holds the picker, its script from the app’s assets, and the régions', async () => {
      const { res, html } = await page('/territoires');
      assert.equal(res.status, 200);
      assert.match(html, /<h1>Territoires<\/h1>/);
      assert.match(html, /data-nt-picker/);
      assert.match(html, /<input type="hidden" name="territoire" value=""/);
      assert.match(html, /name="territoire_libelle"/);
      assert.ok(html.includes(`<script type="module" src="${PICKER_SCRIPT}"></script>`));
      assert.ok(html.includes('href="/territoires/region-53"'));
      assert.ok(!/style=/.test(html), 'no inline style: the CSP forbids them');
      const script = await get(PICKER_SCRIPT);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /text\/javascript/);
      assert.match(await script.text(), /role', 'combobox'/);
    });

    test('the picker’s form goes to the chosen territory, or to the search when the text is not enough', async () => {
      const go = async (qs: string) => {
        const res = await get(`/territoires/aller?${qs}`);
        assert.equal(res.status, 303, qs);
        return res.headers.get('location');
      };
      assert.equal(
        await go('territoire=38185&territoire_libelle=Grenoble+(38+–+Isère)'),
        '/territoires/38185',
      );
      assert.equal(await go('territoire=&territoire_libelle=grenoble'), '/territoires/38185');
      assert.equal(
        await go('territoire=&territoire_libelle=Saint-Martin'),
        '/territoires/recherche?q=Saint-Martin',
      );
      assert.equal(
        await go('territoire=&territoire_libelle=grenoble&territoire_rechercher=1'),
        '/territoires/recherche?q=grenoble',
      );
      assert.equal(await go('territoire=&territoire_libelle='), '/territoires');
    });

    test('« À propos des données » names the source, the package, the edition and the counts', async () => {
      const { res, html } = await page('/territoires/a-propos-des-donnees');
      assert.equal(res.status, 200);
      assert.match(html, /Code officiel géographique/);
      assert.match(html, /@etalab\/decoupage-administratif 6\.0\.0/);
      assert.match(html, /COG\) 2026/);
      assert.ok(html.includes(`34${NNBSP}875`));
      assert.match(html, /<caption>Nombre de territoires par type<\/caption>/);
      assert.match(html, /20 janvier 2026/);
    });
  });
}
