import type http from 'node:http';

/**
 * Stops an HTTP server gracefully: no new connection is accepted, requests in flight finish, idle keep-alive
 * connections are closed as they become idle (and a request still arriving on one is answered with
 * `Connection: close`, see main.ts). Resolves true once every connection is gone, or false after `timeoutMs`, when
 * the connections left are cut.
 */
export function drainHttpServer(server: http.Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (drained: boolean) => {
      if (done) return;
      done = true;
      clearInterval(idle);
      clearTimeout(timer);
      if (!drained) server.closeAllConnections();
      resolve(drained);
    };
    // a keep-alive connection whose last response has just been sent is closed at once, not after keepAliveTimeout
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => finish(false), timeoutMs);
    server.close(() => finish(true));
    server.closeIdleConnections();
  });
}

/** Marks every answer given while `draining()` with `Connection: close`, so its keep-alive connection ends. */
export function closeConnectionsWhile(server: http.Server, draining: () => boolean): void {
  server.prependListener('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    if (draining()) response.setHeader('Connection', 'close');
  });
}
