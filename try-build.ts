import { cogDataset, readCogPackage } from './src/modules/territories/cog/source.js';
import { fold, foldExpanded } from './src/modules/territories/search/fold.js';
import { WordIndex } from './src/modules/territories/search/word-index.js';
import { buildTerritoryIndex } from './src/modules/territories/search/territory-index.js';
const ds = cogDataset(await readCogPackage());
let t = performance.now();
const f = ds.territories.map((x) => fold(x.name));
console.log('fold', (performance.now() - t).toFixed(0)); t = performance.now();
const f2 = ds.territories.map((x) => foldExpanded(x.name));
console.log('foldExpanded', (performance.now() - t).toFixed(0)); t = performance.now();
const w = new WordIndex(f2.map((x, id) => ({ id, words: x.split(' ') })));
console.log('words', (performance.now() - t).toFixed(0)); t = performance.now();
const a = Int32Array.from(f2.keys()).sort((x, y) => (f2[x]! < f2[y]! ? -1 : f2[x]! > f2[y]! ? 1 : x - y));
console.log('alpha', (performance.now() - t).toFixed(0)); t = performance.now();
for (let i = 0; i < 3; i++) { t = performance.now(); buildTerritoryIndex(ds); console.log('build', (performance.now() - t).toFixed(0)); }
