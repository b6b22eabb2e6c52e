import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDatabase, freePort } from '@zhenggai/devdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openDatabase } from '../../src/database/open-database.js';
import { loadDemoData } from '../../src/modules/seed/demo-seed.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { DEMO_NOTICE, DEMO_TODAY } from '../support/database.js';
import { startOwnServer, type OwnServer } from '../support/embedded-server.js';

const unavailable = { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' };

// PostgreSQL going away and coming back under a running API. The spec starts its OWN embedded server (the shared
// test server is never stopped), stops it, and starts it again on the same port and data directory.
describe('while PostgreSQL is unreachable', () => {
  let dir: string;
  let server: OwnServer;
  let t: TestApp;
  let officer: SignedIn;
  const write = () => officer.agent.post('/api/notifications/read-all').set('X-CSRF-Token', officer.csrfToken);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-outage-'));
    // persistent: stopping keeps the data directory, so the restart finds the same database
    server = await startOwnServer(path.join(dir, 'pg'), await freePort(), true);
    const url = await createDatabase(server.url, 'zhenggai_outage');
    const setup = await openDatabase(url, { DB_POOL_SIZE: 2, DB_STATEMENT_TIMEOUT_MS: 15_000 });
    await loadDemoData(setup, DEMO_NOTICE, { today: DEMO_TODAY });
    await setup.destroy();
    t = await createTestApp({ database: { url, name: 'zhenggai_outage', drop: async () => undefined } });
    officer = await signIn(t.http, 'officer');
  }, 120_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, is not ready, and recovers by itself on restart', async () => {
    await write().expect(200);
    await request(t.http).get('/api/health/ready').expect(200);

    await server.stop();
    const refused = await write().expect(503);
    expect(refused.body).toEqual(unavailable);
    expect(refused.headers['retry-after']).toBe('5');
    const ready = await request(t.http).get('/api/health/ready').expect(503);
    expect(ready.body).toEqual(unavailable);
    expect(ready.headers['retry-after']).toBe('5');
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'officer', password: 'x' })
      .expect(503);
    expect(login.body).toEqual(unavailable);
    // the process is alive: liveness does not need the database
    await request(t.http).get('/api/health').expect(200);

    const port = server.port;
    server = await startOwnServer(path.join(dir, 'pg'), port, false);
    expect(server.port).toBe(port);
    // the same process, the same pool: the next requests connect again (a few tries while the server settles)
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await request(t.http).get('/api/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    await write().expect(200);
    // the session stored before the outage is still valid
    const me = await officer.agent.get('/api/auth/me').expect(200);
    expect(me.body.username).toBe('officer');
  }, 120_000);
});
