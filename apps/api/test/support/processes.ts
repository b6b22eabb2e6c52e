import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');

/** Builds the API when its dist is older than its sources (a no-op when `npm test` has just built it). */
export function ensureBuiltApi(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--only-api'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !fs.existsSync(MAIN)) {
    throw new Error(`could not build the API: ${result.stderr || result.stdout}`);
  }
}

export interface ApiProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `node apps/api/dist/main.js` as a real process with `env` (on top of PATH only). */
export function startApiProcess(name: string, port: number, env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    port,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until GET url answers 200 (or throws after `ms`, with what the process printed). */
export async function waitReady(api: ApiProcess, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`${api.name} exited (${api.child.exitCode}):\n${api.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${api.port}/api/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${api.name} not ready after ${ms} ms:\n${api.output()}`);
}

export interface Proxy {
  port: number;
  hits: Record<string, number>;
  close(): Promise<void>;
}

/**
 * The reverse proxy of deploy/nginx.conf without nginx: round robin over the upstreams; a request whose upstream
 * refuses the connection goes to the next one (nginx's `proxy_next_upstream error`), as do GET/HEAD answered 502/503;
 * X-Forwarded-For is overwritten with the client's address.
 */
export async function startProxy(upstreams: Record<string, number>): Promise<Proxy> {
  const names = Object.keys(upstreams);
  const hits: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  let next = 0;
  const forward = (
    name: string,
    request: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null> =>
    new Promise((resolve) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: upstreams[name],
          method: request.method,
          path: request.url,
          headers: { ...request.headers, 'x-forwarded-for': request.socket.remoteAddress ?? '', connection: 'close' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
          );
          response.on('error', () => resolve(null));
        },
      );
      upstream.on('error', () => resolve(null));
      upstream.end(body);
    });
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const idempotent = request.method === 'GET' || request.method === 'HEAD';
    for (let attempt = 0; attempt < names.length; attempt += 1) {
      const name = names[next % names.length];
      next += 1;
      const answer = await forward(name, request, body);
      if (!answer || (idempotent && (answer.status === 502 || answer.status === 503) && attempt < names.length - 1)) {
        continue;
      }
      hits[name] += 1;
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('bad gateway');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
