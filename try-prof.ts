import { cogDataset, readCogPackage } from './src/modules/territories/cog/source.js';
import { buildTerritoryIndex } from './src/modules/territories/search/territory-index.js';
let t = performance.now();
const raw = await readCogPackage();
console.log('read', (performance.now() - t).toFixed(0)); t = performance.now();
const ds = cogDataset(raw);
console.log('dataset', (performance.now() - t).toFixed(0)); t = performance.now();
const idx = buildTerritoryIndex(ds);
console.log('build', (performance.now() - t).toFixed(0)); t = performance.now();
buildTerritoryIndex(ds);
console.log('build2', (performance.now() - t).toFixed(0));
const qs = ['grenob','saint mar','st etienne','a','pays de gex','saint martin savoie','38000','75','lyon','b','mar','e'];
for (let r = 0; r < 3; r++) for (const q of qs) { t = performance.now(); for (let i = 0; i < 100; i++) idx.search(q); if (r === 2) console.log(q.padEnd(20), ((performance.now() - t) / 100).toFixed(3)); }
