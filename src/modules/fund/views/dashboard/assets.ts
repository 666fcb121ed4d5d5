/**
 * The dashboard's stylesheet, served with the app's assets; its address carries a hash of its content, since
 * the assets' versioned prefix is computed from the files the platform knew before this one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { APP_ASSETS_DIR, APP_PREFIX } from '../../../../platform/ui/assets-paths.js';

const version = createHash('sha1')
  .update(readFileSync(`${APP_ASSETS_DIR}/charts.css`))
  .digest('hex')
  .slice(0, 10);

/** `<link rel="stylesheet">` of the charts, for `renderPage`'s `headLinks`. */
export const CHARTS_STYLESHEET = { rel: 'stylesheet', href: `${APP_PREFIX}charts.css?v=${version}` };
