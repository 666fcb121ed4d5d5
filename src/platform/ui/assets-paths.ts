import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dsfrPackage = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../node_modules/@gouvfr/dsfr/package.json', import.meta.url)),
    'utf8',
  ),
) as { version: string };

/** The DSFR version served, part of its URL so that an upgrade changes every asset address. */
export const DSFR_VERSION = dsfrPackage.version;
export const DSFR_DIST = fileURLToPath(new URL('../../../node_modules/@gouvfr/dsfr/dist', import.meta.url));
export const DSFR_PREFIX = `/static/dsfr/${DSFR_VERSION}/`;

/** Our own assets (CSS, small scripts), under a path that carries a hash of their content. */
export const APP_ASSETS_DIR = fileURLToPath(new URL('./assets', import.meta.url));
const appAssetsHash = createHash('sha1');
for (const file of ['app.css', 'picker.js']) appAssetsHash.update(readFileSync(`${APP_ASSETS_DIR}/${file}`));
export const APP_ASSETS_VERSION = appAssetsHash.digest('hex').slice(0, 10);
export const APP_PREFIX = `/static/app/${APP_ASSETS_VERSION}/`;
