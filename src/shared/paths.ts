import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (the one holding its package.json), found from this file whether it runs from
 * `src/` with tsx or from `dist/src/` after `tsc`: assets, demonstration content and node_modules are
 * addressed from it, never from a compiled file's own place.
 *
 * @example
 * join(PROJECT_ROOT, 'content/demo')
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === 'numerique-et-territoires'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error('Racine du projet introuvable (package.json).');
  }
}
