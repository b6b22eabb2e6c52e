import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createDatabase, dropDatabase, freePort } from '@zhenggai/devdb';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { parse } from 'yaml';
import { AppConfig, FILE_KEYS, OPTIONAL_KEYS, loadConfig } from '../../src/config/app-config.js';
import { DEMO_PASSWORD } from '../../src/modules/seed/demo-seed.js';
import {
  REPO_ROOT,
  ensureBuiltApi,
  startApiProcess,
  startProxy,
  waitReady,
  type ApiProcess,
  type Proxy,
} from '../support/processes.js';
import { startLocalS3, type LocalS3 } from '../support/s3.js';
import { binary } from '../support/http.js';

// docker-compose.yml cannot run here (no Docker engine): this spec checks the file against the app and runs the same
// topology without containers — two real API processes on one database and one S3 bucket, behind the proxy of
// deploy/nginx.conf — started together on an empty database.

jest.setTimeout(180_000);

interface Service {
  image?: string;
  build?: string;
  restart?: string;
  command?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  volumes: Record<string, unknown>;
}

const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as Compose;
const nginx = fs.readFileSync(path.join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8');
const makeSecrets = path.join(REPO_ROOT, 'deploy/make-secrets.sh');
const apiServices = Object.keys(compose.services).filter((name) => compose.services[name].build === '.');

// the secrets made by deploy/make-secrets.sh, in a folder of the test, and the API's environment with the
// container paths (/run/secrets/…) pointing into it
function secretsDir(preset: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-secrets-'));
  for (const [name, value] of Object.entries(preset)) fs.writeFileSync(path.join(dir, name), `${value}\n`);
  execFileSync('sh', [makeSecrets], { env: { ...process.env, SECRETS_DIR: dir }, stdio: 'ignore' });
  return dir;
}
function apiEnv(service: string, dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(compose.services[service].environment ?? {})) {
    env[key] = String(value).replace(/^\/run\/secrets\//, `${dir}/`);
  }
  return env;
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, MinIO, two API replicas and a proxy, each with a health check and a restart policy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api1', 'api2', 'minio', 'minio-init', 'postgres', 'proxy']);
    expect(apiServices).toEqual(['api1', 'api2']);
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'minio-init') continue; // runs once
      expect({ name, healthcheck: Array.isArray(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
    }
    // only the proxy is published
    const published = Object.entries(compose.services).filter(([, service]) => service.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
  });

  it('starts each service after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, known: dependency in compose.services }).toEqual({ name, dependency, known: true });
        expect(['service_healthy', 'service_completed_successfully']).toContain(condition);
      }
    }
    expect(Object.keys(compose.services.api1.depends_on ?? {}).sort()).toEqual(['minio-init', 'postgres']);
    expect(Object.keys(compose.services.proxy.depends_on ?? {}).sort()).toEqual(['api1', 'api2']);
  });

  it('keeps every secret in a file that deploy/make-secrets.sh makes, and every volume declared', () => {
    const dir = secretsDir();
    try {
      for (const [name, service] of Object.entries(compose.services)) {
        for (const secret of service.secrets ?? []) {
          expect({ name, secret, declared: secret in compose.secrets }).toEqual({ name, secret, declared: true });
        }
        for (const volume of service.volumes ?? []) {
          const source = volume.split(':')[0];
          if (source.startsWith('./')) expect(fs.existsSync(path.join(REPO_ROOT, source))).toBe(true);
          else expect(Object.keys(compose.volumes)).toContain(source);
        }
        // no password, key or URL with credentials written into the file
        for (const [key, value] of Object.entries(service.environment ?? {})) {
          expect({
            key,
            secretInline:
              (!key.endsWith('_FILE') && /PASSWORD$|SECRET|_KEY$/.test(key)) || /:\/\/[^/]*:[^/]*@/.test(String(value)),
          }).toEqual({
            key,
            secretInline: false,
          });
        }
      }
      for (const [name, { file }] of Object.entries(compose.secrets)) {
        expect(file).toBe(`./deploy/secrets/${name}`);
        expect(fs.readFileSync(path.join(dir, name), 'utf8').trim().length).toBeGreaterThan(0);
      }
      const url = fs.readFileSync(path.join(dir, 'database_url'), 'utf8').trim();
      const password = fs.readFileSync(path.join(dir, 'postgres_password'), 'utf8').trim();
      expect(url).toBe(`postgres://zhenggai:${password}@postgres:5432/zhenggai`);
      expect(Buffer.from(fs.readFileSync(path.join(dir, 'secret_key'), 'utf8').trim(), 'base64')).toHaveLength(32);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the API replicas only settings the app knows, which it accepts', () => {
    const known = new Set([
      ...Object.keys(new AppConfig()),
      ...OPTIONAL_KEYS,
      ...FILE_KEYS.map((key) => `${key}_FILE`),
    ]);
    const dir = secretsDir();
    try {
      for (const service of apiServices) {
        const env = apiEnv(service, dir);
        expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
        const config = loadConfig(env);
        expect(config).toMatchObject({ NODE_ENV: 'production', EVIDENCE_STORAGE: 's3', DEMO_DATA: 'off', JOBS: 'on' });
        expect(config.DATABASE_URL).toMatch(/^postgres:\/\/zhenggai:/);
      }
      expect(apiEnv('api1', dir)).toEqual(apiEnv('api2', dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('points the proxy at both replicas on the port they listen on', () => {
    const servers = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+)/gm)].map((match) => `${match[1]}:${match[2]}`);
    expect(servers).toEqual(apiServices.map((name) => `${name}:${compose.services[name].environment?.PORT}`));
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(compose.services.api1.environment?.TRUST_PROXY_HOPS).toBe('1');
  });
});

describe('the compose topology without containers: two API processes behind the proxy', () => {
  let s3: LocalS3;
  let database: { name: string; url: string };
  let dir: string;
  let apis: ApiProcess[] = [];
  let proxy: Proxy;
  const serverUrl = () => process.env.ZG_TEST_SERVER_URL!;

  beforeAll(async () => {
    ensureBuiltApi();
    s3 = await startLocalS3('zhenggai-evidence');
    const name = `zg_topology_${process.pid}_${randomBytes(4).toString('hex')}`;
    database = { name, url: await createDatabase(serverUrl(), name) };
    dir = secretsDir({ minio_user: 'S3RVER', minio_password: 'S3RVER' });
    fs.writeFileSync(path.join(dir, 'database_url'), `${database.url}\n`);
    const ports = [await freePort(), await freePort()];
    // as composed, except: the demo data, to prove two replicas starting together on an empty database load it
    // once; the S3 endpoint on this machine; the API only (no built SPA needed); quiet logs
    apis = apiServices.map((service, index) =>
      startApiProcess(service, ports[index], {
        ...apiEnv(service, dir),
        S3_ENDPOINT: s3.endpoint,
        DEMO_DATA: 'auto',
        WEB_DIST: '',
        LOG_LEVEL: 'warn',
        TMPDIR: os.tmpdir(),
      }),
    );
    await Promise.all(apis.map((api) => waitReady(api, 120_000)));
    proxy = await startProxy(Object.fromEntries(apis.map((api) => [api.name, api.port])));
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await proxy?.close();
    await s3?.close();
    if (database) await dropDatabase(serverUrl(), database.name);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates the empty database once and loads the demo once, however the replicas race', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT (SELECT count(*)::int FROM inspection) AS inspections, (SELECT count(*)::int FROM problem) AS problems,
                (SELECT count(*)::int FROM migrations) AS migrations, (SELECT count(DISTINCT name)::int FROM migrations) AS distinct`,
      );
      expect(rows[0].inspections).toBe(1);
      expect(rows[0].problems).toBe(41);
      expect(rows[0].migrations).toBe(rows[0].distinct);
    } finally {
      await client.end();
    }
  });

  it('serves a session across both replicas and stores evidence in the bucket', async () => {
    const agent = request.agent(`http://127.0.0.1:${proxy.port}`);
    const login = await agent
      .post('/api/auth/login')
      .send({ username: 'unitlead', password: DEMO_PASSWORD })
      .expect(200);
    const csrf = login.body.csrfToken as string;
    for (let index = 0; index < 6; index += 1) await agent.get('/api/auth/me').expect(200);
    expect(proxy.hits.api1).toBeGreaterThan(1);
    expect(proxy.hits.api2).toBeGreaterThan(1);
    const list = await agent.get('/api/measures?status=in_progress&pageSize=5').expect(200);
    const content = Buffer.from('%PDF-1.4\n% 部署拓扑\ntrailer\n<< >>\n%%EOF\n');
    const upload = await agent
      .post(`/api/measures/${list.body.items[0].id}/attachments`)
      .set('X-CSRF-Token', csrf)
      .attach('file', content, { filename: '纪要.pdf', contentType: 'application/pdf' })
      .expect(201);
    for (let index = 0; index < 2; index += 1) {
      const download = await agent
        .get(`/api/attachments/${upload.body.id}/download`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(
        createHash('sha256')
          .update(download.body as Buffer)
          .digest('hex'),
      ).toBe(upload.body.sha256);
    }
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'zhenggai-evidence' }));
    client.destroy();
    expect(listed.Contents).toHaveLength(1);
  });

  it('keeps answering through the proxy when one replica stops', async () => {
    const agent = request.agent(`http://127.0.0.1:${proxy.port}`);
    await agent.post('/api/auth/login').send({ username: 'unitlead', password: DEMO_PASSWORD }).expect(200);
    expect(await apis[0].stop('SIGTERM')).toBe(0);
    for (let index = 0; index < 6; index += 1) await agent.get('/api/measures?pageSize=5').expect(200);
    expect(apis[1].child.exitCode).toBeNull();
  });
});
