import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { bootstrap, seedDemoIfEmpty } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/platform/logger.js';

/**
 * The real server on 127.0.0.1 and an ephemeral port, on a fresh SQLite file with the demonstration content:
 * what `npm start` runs, for browser tests.
 */
export async function startServer() {
  const dir = await mkdtemp(join(tmpdir(), 'nt-e2e-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
    UPLOADS_DIR: join(dir, 'uploads'),
    PORT: '0',
  });
  const platform = await bootstrap(config, { logger: createLogger('silent') });
  await seedDemoIfEmpty(platform);
  const server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    platform,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
