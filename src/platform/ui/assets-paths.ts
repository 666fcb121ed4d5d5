import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../shared/paths.js';

const DSFR_ROOT = join(PROJECT_ROOT, 'node_modules/@gouvfr/dsfr');
const dsfrPackage = JSON.parse(readFileSync(join(DSFR_ROOT, 'package.json'), 'utf8')) as { version: string };

/** The DSFR version served, part of its URL so that an upgrade changes every asset address. */
export const DSFR_VERSION = dsfrPackage.version;
export const DSFR_DIST = join(DSFR_ROOT, 'dist');
export const DSFR_PREFIX = `/static/dsfr/${DSFR_VERSION}/`;

/**
 * Our own assets (CSS, small scripts), under a path that carries a hash of all of them: any change gives new
 * addresses, so they can be cached for a year.
 */
export const APP_ASSETS_DIR = join(PROJECT_ROOT, 'src/platform/ui/assets');
const appAssetsHash = createHash('sha1');
for (const file of readdirSync(APP_ASSETS_DIR).sort()) {
  appAssetsHash.update(file).update(readFileSync(join(APP_ASSETS_DIR, file)));
}
export const APP_ASSETS_VERSION = appAssetsHash.digest('hex').slice(0, 10);
export const APP_PREFIX = `/static/app/${APP_ASSETS_VERSION}/`;
