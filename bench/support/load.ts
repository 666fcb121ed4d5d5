import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';

/** What one load run measured. */
export interface Measure {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  completed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  label: string;
  origin: string;
  /** Paths requested in turn by every connection (one or several). */
  paths: string[];
  connections: number;
  durationSeconds: number;
}

/**
 * Loads the server with autocannon from a worker thread, so that the load generator does not share the event
 * loop of the server it measures (both run in this process). Every connection loops over `paths` in order.
 */
export async function measure(options: LoadOptions): Promise<Measure> {
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.durationSeconds,
    workers: 1,
    timeout: 10,
    requests: options.paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    label: options.label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed: result.latency.totalCount,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
    ),
  };
}

/** A running HTTP server on 127.0.0.1 and how to stop it. */
export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

function running(server: Server): RunningServer {
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app served as `src/main.ts` does, on an ephemeral port of 127.0.0.1. */
export function startApp(fetch: (request: Request) => Response | Promise<Response>): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(running(server as Server)));
  });
}

/**
 * The baseline: Node's own HTTP server answering every request with the same bytes from memory. What the
 * app could serve at best on this machine, with no routing, database, rendering or middleware.
 */
export function startBaseline(page: { body: Buffer; contentType: string }): Promise<RunningServer> {
  const headers = { 'content-type': page.contentType, 'content-length': String(page.body.length) };
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(page.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(running(server))));
}

/**
 * Fetches a page once, uncompressed (autocannon asks for no compression either), and fails unless it is a 200.
 */
export async function fetchPage(url: string): Promise<{ body: Buffer; contentType: string }> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' }, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} a répondu ${res.status} au lieu de 200`);
  return { body, contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
}

/** A few rounds of every path before measuring, so that the JIT and the database caches are warm. */
export async function warmUp(origin: string, paths: string[], rounds = 20, concurrency = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      Array.from({ length: concurrency }, (_, i) =>
        fetchPage(`${origin}${paths[(round + i) % paths.length]}`),
      ),
    );
  }
}
