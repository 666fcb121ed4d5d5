import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { dialects, freshDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../../adapters/db/connect.js';
import type { AppEnv } from '../../platform/http/context.js';
import { fixedClock } from '../../ports/clock.js';
import { loadTerritories } from '../territories/index.js';
import { standaloneDashboardApp } from './dashboard/standalone-app.js';
import { generateLaureats } from './demo/generate.js';
import { insertLaureats } from './demo/insert.js';
import { cogFromDatabase } from './demo/seed.js';
import { createFundDashboard, type FundDashboard } from './fund.dashboard.js';

const FILES = [
  'resultats-par-dispositif.csv',
  'resultats-par-region.csv',
  'resultats-par-departement.csv',
  'resultats-par-population.csv',
  'resultats-par-type-de-porteur.csv',
  'resultats-par-trimestre.csv',
];

describe('/resultats over HTTP (SQLite, the demonstration data)', () => {
  let database: DatabaseHandle;
  let dashboard: FundDashboard;
  let app: Hono<AppEnv>;
  let html: string;

  before(async () => {
    database = await freshDatabase(dialects[0]!);
    await loadTerritories(database.db);
    const clock = fixedClock('2023-01-18T08:00:00.000Z');
    dashboard = createFundDashboard({ db: database.db, dialect: database.dialect, clock });
    app = standaloneDashboardApp(dashboard, clock);
    // Before any lauréat: the page still answers, with zeros.
    const empty = await app.request('/resultats');
    assert.equal(empty.status, 200);
    assert.match(await empty.text(), /0\s*€/);
    assert.equal((await dashboard.seedDemoLaureats()).inserted, 5000);
    const res = await app.request('/resultats');
    assert.equal(res.status, 200);
    html = await res.text();
  });
  after(async () => {
    await database?.close();
  });

  test('the page: one h1, the demonstration notice, the key figures in French', () => {
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /<title>Résultats du fonds — Numérique &amp; Territoires<\/title>/);
    assert.match(html, /Données de démonstration/);
    assert.match(html, /89,1\u00a0M€/);
    assert.match(html, /5\u202f000<\/span>\s*projets financés/);
    assert.doesNotMatch(html, /style=|<script>/, 'no inline style or script: the CSP refuses them');
  });

  test('six tables with a caption, column and row headers, each with its CSV download', () => {
    assert.equal(html.match(/<table /g)?.length, 6);
    assert.equal(html.match(/<caption /g)?.length, 6);
    assert.ok((html.match(/<th scope="col"/g)?.length ?? 0) >= 6 * 4);
    assert.ok((html.match(/<th scope="row"/g)?.length ?? 0) > 101 + 18);
    for (const file of FILES) assert.ok(html.includes(`href="/resultats/donnees/${file}"`), file);
  });

  test('every figure leads to its lauréats: dispositif, région, département, type, population, year', () => {
    for (const href of [
      '/laureats?dispositif=axe-1',
      '/laureats?region=84',
      '/laureats?departement=38',
      '/laureats?departement=971',
      '/laureats?type=commune',
      '/laureats?population=100000-plus',
      '/laureats?annee=2022',
    ]) {
      assert.ok(html.includes(`href="${href.replace(/&/g, '&amp;')}"`), href);
    }
  });

  test('the map: every département a named link, overseas included, with a legend', () => {
    const map = html.slice(html.indexOf('id="carte-departements"'), html.indexOf('id="par-region"'));
    const links = [...map.matchAll(/<a href="\/laureats\?departement=([0-9AB]+)" aria-label="([^"]+)">/g)];
    assert.equal(links.length, 101);
    const isere = links.find((l) => l[1] === '38')?.[2] ?? '';
    assert.match(isere, /^Isère : [\d,]+\u00a0(M|k)€, [\d\u202f]+ projets$/);
    for (const code of ['971', '972', '973', '974', '976', '2A', '2B'])
      assert.ok(
        links.some((l) => l[1] === code),
        code,
      );
    assert.match(map, /Légende : montant accordé/);
    const regions = html.slice(html.indexOf('id="carte-regions"'));
    assert.equal([...regions.matchAll(/<a href="\/laureats\?region=(\d+)" aria-label=/g)].length, 18);
  });

  test('CSV downloads: UTF-8 with BOM, semicolons, the same totals as the page', async () => {
    for (const file of FILES) {
      const res = await app.request(`/resultats/donnees/${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${file}"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      assert.match(text, /^\uFEFFCode;/);
      assert.match(text, /\r\ntotal;Total;.*89090000;5000;/);
    }
    const regions = await (await app.request('/resultats/donnees/resultats-par-region.csv')).text();
    assert.match(regions, /\r\n84;Auvergne-Rhône-Alpes;\d+;\d+;\d+\r\n/);
    assert.equal((await app.request('/resultats/donnees/inconnu.csv')).status, 404);
    assert.equal((await app.request('/resultats/donnees/..%2F..%2Fpackage.json')).status, 404);
  });

  test('garbage in the address never makes a 500', async () => {
    for (const query of [
      '?%',
      '?%ZZ=1',
      '?dispositif=%00',
      '?dispositif[]=axe-1&dispositif[]=<script>',
      '?__proto__[x]=1&constructor=1',
      `?q=${'a'.repeat(5000)}`,
      '?annee=-1&departement=999&region=%E2%80%AE',
      '/',
    ]) {
      const res = await app.request(`/resultats${query}`);
      assert.ok(res.status === 200 || res.status === 301, `${query}: ${res.status}`);
    }
    assert.equal((await app.request('/resultats/donnees/')).status, 404);
  });

  test('invalidate(): new lauréats show at once, the page cache included', async () => {
    const cog = await cogFromDatabase(database.db);
    const more = generateLaureats({ seed: 7, count: 100, ...cog }).filter((r) =>
      r.laureat.id.startsWith('demo-0'),
    );
    for (const r of more) r.laureat.id = `extra-${r.laureat.id}`;
    await insertLaureats(database.db, more);
    const cached = await (await app.request('/resultats')).text();
    assert.equal(cached, html, 'until told, the cached figures are served');
    dashboard.invalidate();
    const fresh = await (await app.request('/resultats')).text();
    assert.match(
      fresh,
      new RegExp(`${(5000 + more.length).toLocaleString('fr-FR')}</span>\\s*projets financés`),
    );
  });
});
