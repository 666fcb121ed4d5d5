/**
 * The platform as production runs it, in child processes: `src/main.ts` (the whole app, its middleware and
 * rate limit included) over a database the test prepared, and HTTP requests sent from a chosen loopback
 * address, so that many people can be told apart as the app tells them apart (by their socket's address).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('aucun port libre');
  return address.port;
}

export interface AppProcess {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `src/main.ts` on 127.0.0.1 over `databaseUrl` (already migrated, the territories already loaded: two
 * processes starting together would both load them), without demonstration content nor outbox worker (the
 * test reads the outbox); resolves once `/readyz` answers.
 *
 * @example
 * const one = await startAppProcess({ databaseUrl, dir }); … await one.stop();
 */
export async function startAppProcess(options: {
  databaseUrl: string;
  dir: string;
  /** More environment, over the defaults above (`LOG_LEVEL`, `TRUSTED_PROXIES`…). */
  env?: Record<string, string>;
  /** Options for node itself (`--cpu-prof`…). */
  nodeArgs?: string[];
}): Promise<AppProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', MAIN],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: origin,
        UPLOADS_DIR: `${options.dir}/uploads-${port}`,
        MAILS_DIR: `${options.dir}/mails-${port}`,
        SEED_DEMO: 'never',
        OUTBOX_WORKER: 'off',
        LOG_LEVEL: 'error',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    const gone = await Promise.race([exited, new Promise((r) => setTimeout(() => r('running'), 100))]);
    if (gone !== 'running' || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`le serveur n’a pas démarré (${String(gone)}) : ${stderr.slice(-2000)}`);
    }
  }
  return {
    origin,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      const kill = setTimeout(() => child.kill('SIGKILL'), 8_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request on its own connection from `localAddress` (any 127.x.y.z: Linux routes the whole /8 to the
 * loopback), as a separate person's browser would come from its own address.
 */
export function httpFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`délai dépassé : ${url}`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The loopback address of the n-th person (n < 65,000): 127.1.x.y, never 127.0.0.1. */
export const addressOf = (n: number) => `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
