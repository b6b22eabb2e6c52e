import { describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeConnectionsWhile, drainHttpServer } from './drain.js';

async function slowServer(ms: number): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((_request, response) => {
    setTimeout(() => response.end('done'), ms).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, agent?: http.Agent): Promise<{ body: string; connection?: string } | { error: string }> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ body, connection: response.headers.connection }));
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      })
      .on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('drainHttpServer', () => {
  it('lets a request in flight finish, refuses new connections and closes idle keep-alive ones', async () => {
    const { server, port } = await slowServer(300);
    let draining = false;
    closeConnectionsWhile(server, () => draining);
    const agent = new http.Agent({ keepAlive: true });
    // an idle keep-alive connection, and a request in flight
    await get(port, agent);
    const inFlight = get(port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    draining = true;
    const drained = drainHttpServer(server, 5_000);
    expect(await get(port)).toEqual({ error: 'ECONNREFUSED' });
    expect(await inFlight).toMatchObject({ body: 'done' });
    expect(await drained).toBe(true);
    agent.destroy();
  });

  it('cuts what is still running after the timeout', async () => {
    const { server, port } = await slowServer(5_000);
    const inFlight = get(port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await drainHttpServer(server, 100)).toBe(false);
    expect(await inFlight).toHaveProperty('error');
  });
});
