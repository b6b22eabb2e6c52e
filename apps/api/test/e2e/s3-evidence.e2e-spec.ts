import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/app-config.js';
import { LocalDiskStorage } from '../../src/modules/attachments/evidence-storage.js';
import { S3Storage } from '../../src/modules/attachments/s3-storage.js';
import { createEvidenceStorage } from '../../src/modules/attachments/storage-factory.js';
import { createBackup } from '../../src/operations/backup/backup.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { startLocalS3, type LocalS3 } from '../support/s3.js';
import { binary } from '../support/http.js';

// Evidence in an S3-compatible bucket (EVIDENCE_STORAGE=s3) against a real local S3 server (s3rver): upload, hash,
// authorised download, soft delete, and a backup that reads the bucket. Objects are written without an ACL: private
// on S3 and MinIO (s3rver itself does not enforce access, so that is not asserted here).

jest.setTimeout(60_000);

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
const pdf = (note: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${note}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
describe('evidence in S3-compatible storage', () => {
  let s3: LocalS3;
  let t: TestApp;
  let client: S3Client;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let officer: SignedIn;
  let measureId: string;
  let attachmentId: string;
  const content = pdf('整改工作会议纪要（S3）');

  const objects = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((item) => item.Key!);

  beforeAll(async () => {
    s3 = await startLocalS3();
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    t = await createTestApp({ env: { ...s3.env, S3_PREFIX: 'evidence', UPLOAD_DIR: '/nonexistent-never-used' } });
    [unitlead, unitlead2, officer] = await Promise.all(
      ['unitlead', 'unitlead2', 'officer'].map((name) => signIn(t.http, name)),
    );
    const list = await unitlead.agent.get('/api/measures?status=in_progress&pageSize=200').expect(200);
    measureId = list.body.items[0].id;
  });

  afterAll(async () => {
    await t?.close();
    client?.destroy();
    await s3?.close();
  });

  it('chooses the storage from the configuration', () => {
    expect(createEvidenceStorage(loadConfig({ ...s3.env }))).toBeInstanceOf(S3Storage);
    expect(createEvidenceStorage(loadConfig({}))).toBeInstanceOf(LocalDiskStorage);
    expect(() => loadConfig({ EVIDENCE_STORAGE: 's3' })).toThrow(/S3_BUCKET="": required when EVIDENCE_STORAGE=s3/);
    const secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-secret-')), 's3-secret');
    fs.writeFileSync(secret, 'from-a-file\n');
    expect(
      loadConfig({ ...s3.env, S3_SECRET_ACCESS_KEY: undefined, S3_SECRET_ACCESS_KEY_FILE: secret })
        .S3_SECRET_ACCESS_KEY,
    ).toBe('from-a-file');
    expect(() => loadConfig({ S3_SECRET_ACCESS_KEY_FILE: '/no/such/file' })).toThrow(/S3_SECRET_ACCESS_KEY_FILE/);
  });

  it('stores an upload as one private object under the prefix, its bytes matching the recorded sha256', async () => {
    const response = await unitlead.agent
      .post(`/api/measures/${measureId}/attachments`)
      .set('X-CSRF-Token', unitlead.csrfToken)
      .attach('file', content, { filename: '会议纪要.pdf', contentType: 'application/pdf' })
      .expect(201);
    attachmentId = response.body.id;
    expect(response.body.sha256).toBe(sha256(content));
    const [{ storage_key: key }] = await t.dataSource.query(`SELECT storage_key FROM attachment WHERE id = $1`, [
      attachmentId,
    ]);
    expect(await objects()).toEqual([`evidence/${key}`]);
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `evidence/${key}` }));
    expect(sha256(Buffer.from(await object.Body!.transformToByteArray()))).toBe(sha256(content));
    // no trace of the file on a local disk
    expect(fs.existsSync('/nonexistent-never-used')).toBe(false);
  });

  it('serves the bytes only through the authorised download route', async () => {
    const mine = await unitlead.agent
      .get(`/api/attachments/${attachmentId}/download`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(mine.body as Buffer)).toBe(sha256(content));
    const theirs = await officer.agent.get(`/api/attachments/${attachmentId}/download`).buffer(true).parse(binary);
    expect(theirs.status).toBe(200);
    await unitlead2.agent.get(`/api/attachments/${attachmentId}/download`).expect(404);
  });

  it('answers a missing object with a clean error, not a hung download', async () => {
    const [{ storage_key: key }] = await t.dataSource.query(`SELECT storage_key FROM attachment WHERE id = $1`, [
      attachmentId,
    ]);
    const storage = createEvidenceStorage(loadConfig({ ...s3.env, S3_PREFIX: 'evidence' }));
    const bytes = async (stream: NodeJS.ReadableStream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    expect(sha256(await bytes(storage.open(key)))).toBe(sha256(content));
    await expect(bytes(storage.open('00/00000000-0000-4000-8000-000000000000.bin'))).rejects.toThrow();
    await expect(bytes(storage.open('../../etc/passwd'))).rejects.toThrow('invalid storage key');
    (storage as S3Storage).onModuleDestroy();
  });

  it('backs up the evidence from the bucket', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-s3-backup-'));
    try {
      const storage = createEvidenceStorage(loadConfig({ ...s3.env, S3_PREFIX: 'evidence' }));
      const result = await createBackup({ url: t.database.url, storage, out: path.join(work, 'b.tar.gz') });
      expect(result.manifest.evidence.map((entry) => entry.sha256)).toEqual([sha256(content)]);
      expect(result.manifest.missingEvidence).toEqual([]);
      (storage as S3Storage).onModuleDestroy();
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('soft-deletes: the file is no longer served, the object stays until the purge', async () => {
    await unitlead.agent.delete(`/api/attachments/${attachmentId}`).set('X-CSRF-Token', unitlead.csrfToken).expect(204);
    await unitlead.agent.get(`/api/attachments/${attachmentId}/download`).expect(404);
    expect(await objects()).toHaveLength(1);
  });
});
