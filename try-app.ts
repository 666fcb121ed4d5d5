import { freshDatabase } from './test/helpers/database.js';
import { createTerritoriesModule } from './src/modules/territories/index.js';
import { standaloneTerritoriesApp } from './src/modules/territories/testing/standalone-app.js';
import { fixedClock } from './src/ports/clock.js';
const h = await freshDatabase('sqlite');
const m = createTerritoriesModule({ db: h.db, clock: fixedClock('2026-01-20T10:00:00Z') });
console.log(await m.ensureLoaded());
const app = standaloneTerritoriesApp(m);
for (const p of ['/territoires', '/territoires/38185', '/territoires/200040715', '/territoires/departement-38?page=2', '/territoires/region-84', '/territoires/01340', '/territoires/2a004', '/territoires/213801855', '/territoires/75056', '/territoires/75101', '/territoires/99999', '/territoires/recherche?q=saint+martin', '/territoires/suggestions?q=grenob&types=commune', '/territoires/a-propos-des-donnees', '/territoires/aller?territoire=&territoire_libelle=Grenoble', '/territoires/aller?territoire=&territoire_libelle=Saint-Martin', '/territoires/suggestions?q=%25_%5C&types[]=x&limite=abc']) {
  const res = await app.request(p);
  const body = await res.text();
  console.log(res.status, p, res.headers.get('location') ?? '', body.length, p.includes('suggestions') ? body.slice(0, 300) : (body.match(/<h1>(.*?)<\/h1>/)?.[1] ?? ''));
}
const html = await (await app.request('/territoires/38185')).text();
console.log(html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/></g, '>\n<').slice(0, 5000));
await h.close();
