// The API as the bench runs it: the built server in a child process, and a signed-in session.
import { freePort } from '@zhenggai/devdb';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

async function waitForReady(url, child, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not become ready in time');
}

const BENCH_SECRET_KEY = randomBytes(32).toString('base64');

/**
 * The node flags the API runs with in production: those of the root package.json's `start` script between `node` and
 * `apps/api/dist/main.js` (the Dockerfile's CMD has the same, checked by apps/api/src/config/node-flags.spec.ts);
 * BENCH_API_NODE_FLAGS (space-separated, may be empty) replaces them to measure others.
 */
export function apiNodeFlags(root) {
  if (process.env.BENCH_API_NODE_FLAGS !== undefined)
    return process.env.BENCH_API_NODE_FLAGS.split(' ').filter(Boolean);
  const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const match = /(?:^|&& )node ((?:--\S+ )*)apps\/api\/dist\/main\.js/.exec(start);
  if (!match) throw new Error(`package.json's start script does not run node … apps/api/dist/main.js: ${start}`);
  return match[1].split(' ').filter(Boolean);
}

/** The built API as a child process on a free port, ready to answer; `env` adds settings. */
export async function startApi(root, databaseUrl, { pool = 10, env = {} } = {}) {
  const port = await freePort(0);
  const output = [];
  const child = spawn(process.execPath, [...apiNodeFlags(root), path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'off',
      DB_POOL_SIZE: String(pool),
      // the demo officer has no second factor; MFA is a sign-in step, not part of the measured requests
      MFA_REQUIRED: 'false',
      // production refuses to start without the key sealing secrets at rest; one per bench run
      SECRET_KEY: BENCH_SECRET_KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitForReady(url, child);
  } catch (error) {
    await stop();
    process.stderr.write(Buffer.concat(output));
    throw error;
  }
  return { port, url, pid: child.pid, stop };
}

/** Signs in as the demo officer: the session cookie and the CSRF token for writes. */
export async function login(apiUrl, username = 'officer', password = 'Demo@2024zg') {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .find((cookie) => cookie.startsWith('zg_session='));
  if (!session) throw new Error('login answered without a session cookie');
  const { csrfToken } = await response.json();
  return { cookie: session, csrfToken };
}
