import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createDatabase, dropDatabase } from '@zhenggai/devdb';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import { LocalDiskStorage } from '../../src/modules/attachments/evidence-storage.js';
import { createBackup, restoreBackup } from '../../src/operations/backup/backup.js';
import { holdsData, tableChecksums } from '../../src/operations/backup/database-dump.js';
import { BackupError, type BackupManifest } from '../../src/operations/backup/manifest.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { recordFigures } from './figures.js';
import { binary } from '../support/http.js';

// Drill R6 (docs/operations.md): backup of a database in use → restore into an empty database → every table and
// every evidence file checksum-equal, and the restored copy serves the app.

jest.setTimeout(120_000);

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
const pdf = (note: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${note}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

function filesUnder(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true }) as string[]) {
    const file = path.join(root, entry);
    if (fs.statSync(file).isFile()) result[entry.split(path.sep).join('/')] = sha256(fs.readFileSync(file));
  }
  return result;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('backup and restore (drill R6)', () => {
  let t: TestApp;
  let work: string;
  let uploadDir: string;
  let unitlead: SignedIn;
  let archive: string;
  let manifest: BackupManifest;
  let target: { name: string; url: string };
  let backupMs = 0;
  const serverUrl = () => process.env.ZG_TEST_SERVER_URL!;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-backup-'));
    uploadDir = path.join(work, 'uploads');
    t = await createTestApp({ env: { UPLOAD_DIR: uploadDir } });
    unitlead = await signIn(t.http, 'unitlead');
    const list = await unitlead.agent.get('/api/measures?status=in_progress&pageSize=200').expect(200);
    const measureId = list.body.items[0].id as string;
    const ids: string[] = [];
    for (const note of ['会议纪要', '整改台账', '现场照片']) {
      const response = await unitlead.agent
        .post(`/api/measures/${measureId}/attachments`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .attach('file', pdf(note), { filename: `${note}.pdf`, contentType: 'application/pdf' })
        .expect(201);
      ids.push(response.body.id as string);
    }
    // a soft-deleted attachment keeps its file until the purge: the backup keeps both
    await unitlead.agent.delete(`/api/attachments/${ids[2]}`).set('X-CSRF-Token', unitlead.csrfToken).expect(204);
    const name = `zg_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
    target = { name, url: await createDatabase(serverUrl(), name) };
  });

  afterAll(async () => {
    await t?.close();
    if (target) await dropDatabase(serverUrl(), target.name);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up the database in use and its evidence files into one archive with checksums', async () => {
    archive = path.join(work, 'backups', 'zhenggai.tar.gz');
    const result = await createBackup({ url: t.database.url, storage: new LocalDiskStorage(uploadDir), out: archive });
    manifest = result.manifest;
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(manifest.migration).toMatch(/^[A-Za-z]+\d{13}$/);
    expect(manifest.missingEvidence).toEqual([]);
    expect(manifest.evidence).toHaveLength(3);
    const measures = manifest.tables.find((table) => table.name === 'measure')!;
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM measure`);
    expect(measures.rows).toBe(count);
    // parents before children: a unit before the measures that name it, measures before their history
    const order = manifest.tables.map((table) => table.name);
    expect(order.indexOf('unit')).toBeLessThan(order.indexOf('measure_unit'));
    expect(order.indexOf('measure')).toBeLessThan(order.indexOf('measure_event'));
    expect(order).toContain('audit_event');
    expect(order).not.toContain('migrations');
    // a second backup never overwrites the first
    await expect(
      createBackup({ url: t.database.url, storage: new LocalDiskStorage(uploadDir), out: archive }),
    ).rejects.toThrow(BackupError);
    backupMs = result.ms;
  });

  it('refuses an archive whose contents do not match its checksums, writing nothing', async () => {
    const unpacked = path.join(work, 'tampered');
    fs.mkdirSync(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const measureFile = manifest.tables.find((table) => table.name === 'measure')!.file;
    const text = fs.readFileSync(path.join(unpacked, measureFile), 'utf8');
    expect(text).toContain('in_progress');
    fs.writeFileSync(path.join(unpacked, measureFile), text.replace('in_progress', 'completed'));
    const tampered = path.join(work, 'tampered.tar.gz');
    await tar.create({ gzip: true, file: tampered, cwd: unpacked }, ['manifest.json', 'db', 'evidence']);
    const restoredUploads = path.join(work, 'restored-uploads');
    await expect(
      restoreBackup({ url: target.url, storage: new LocalDiskStorage(restoredUploads), file: tampered }),
    ).rejects.toThrow(/校验失败：db\/\d{3}-measure\.copy/);
    const [{ tables }] = await withClient(target.url, (client) =>
      client
        .query<{ tables: number }>(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`)
        .then((result) => result.rows),
    );
    expect(tables).toBe(0);
    expect(fs.existsSync(restoredUploads)).toBe(false);
  });

  it('restores into an empty database: every table and every evidence file checksum-equal', async () => {
    const restoredUploads = path.join(work, 'restored-uploads');
    const started = Date.now();
    const result = await restoreBackup({
      url: target.url,
      storage: new LocalDiskStorage(restoredUploads),
      file: archive,
    });
    const rto = Date.now() - started;
    expect(result.tables).toBe(manifest.tables.length);
    const before = await withClient(t.database.url, tableChecksums);
    const after = await withClient(target.url, tableChecksums);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const unequal = Object.keys(before).filter((name) => before[name].md5 !== after[name].md5);
    expect(unequal).toEqual([]);
    expect(filesUnder(restoredUploads)).toEqual(filesUnder(uploadDir));
    // the sequences go on where they were (a new row never collides with a restored one)
    const sequences = await withClient(target.url, (client) =>
      client.query(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'`),
    );
    for (const sequence of manifest.sequences) {
      const restored = sequences.rows.find((row) => row.sequencename === sequence.name);
      expect(restored?.last_value ?? null).toBe(sequence.lastValue);
    }
    recordFigures('R6', 'restore', {
      'tables checksum-equal': `${Object.keys(before).length - unequal.length}/${Object.keys(before).length}`,
      'evidence files hash-equal': `${Object.keys(filesUnder(restoredUploads)).length}/${manifest.evidence.length}`,
      rows: result.rows,
      'backup ms': backupMs,
      'RTO ms': rto,
      RPO: 'last backup (the archive is one snapshot)',
    });
  });

  it('serves the restored copy: sign-in, the ledger and an evidence download', async () => {
    const restored = await createTestApp({
      database: { url: target.url, name: target.name, drop: async () => undefined },
      env: { UPLOAD_DIR: path.join(work, 'restored-uploads') },
    });
    try {
      const user = await signIn(restored.http, 'unitlead');
      const list = await user.agent.get('/api/measures?pageSize=5').expect(200);
      expect(list.body.total).toBeGreaterThan(0);
      const [{ id, sha256: stored }] = await restored.dataSource.query(
        `SELECT id, sha256 FROM attachment WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`,
      );
      const download = await user.agent.get(`/api/attachments/${id}/download`).buffer(true).parse(binary).expect(200);
      expect(sha256(download.body as Buffer)).toBe(stored);
      // the audit trail comes back as it was: its hash chain intact
      const auditor = await signIn(restored.http, 'auditadmin');
      const chain = await auditor.agent.get('/api/audit/chain').expect(200);
      expect(chain.body).toMatchObject({ intact: true });
      expect(chain.body.rows).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  });

  it('refuses a database that holds data unless forced', async () => {
    const storage = new LocalDiskStorage(path.join(work, 'restored-uploads'));
    expect(await withClient(target.url, holdsData)).toBe(true);
    await expect(restoreBackup({ url: target.url, storage, file: archive })).rejects.toThrow(/已有数据/);
    const result = await restoreBackup({ url: target.url, storage, file: archive, force: true });
    expect(result.rows).toBe(manifest.tables.reduce((sum, table) => sum + table.rows, 0));
    expect(await withClient(target.url, holdsData)).toBe(true);
  });
});
