import { cogDataset, readCogPackage } from './src/modules/territories/cog/source.js';
import { buildTerritoryIndex } from './src/modules/territories/search/territory-index.js';
const idx = buildTerritoryIndex(cogDataset(await readCogPackage()));
for (const q of process.argv.slice(2)) console.log(q.padEnd(26), idx.search(q, { limit: 4 }).map((s) => `${s.key} ${s.label} [${s.match}]`).join(' | '));
