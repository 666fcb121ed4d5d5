import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { bootstrap, seedDemoIfEmpty } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/platform/logger.js';

/** A free port on 127.0.0.1, to know the public address (and the local ProConnect's issuer) before listening. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('aucun port libre');
  return address.port;
}

/**
 * The real server on 127.0.0.1, on a fresh SQLite file with the demonstration content and the local
 * ProConnect: what `npm start` runs, for browser and login tests. `env` adds or overrides configuration.
 */
export async function startServer(options: { env?: Record<string, string>; territories?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'nt-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
    UPLOADS_DIR: join(dir, 'uploads'),
    MAILS_DIR: join(dir, 'mails'),
    PORT: String(port),
    PUBLIC_URL: url,
    ...options.env,
  });
  const platform = await bootstrap(config, { logger: createLogger('silent') });
  if (options.territories) await platform.territories.ensureLoaded();
  await seedDemoIfEmpty(platform, { laureats: options.territories });
  const server = serve({ fetch: platform.app.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    platform,
    url,
    dir,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
