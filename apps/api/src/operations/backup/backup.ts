import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { migrations } from '@zhenggai/migrations';
import pg from 'pg';
import * as tar from 'tar';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source.js';
import type { EvidenceStorage } from '../../modules/attachments/index.js';
import { dumpSequences, dumpTables, holdsData, loadTables } from './database-dump.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  MANIFEST_FILE,
  hashFile,
  readManifest,
  writeHashed,
  type BackupManifest,
  type EvidenceEntry,
} from './manifest.js';

// Backup and restore (docs/operations.md): one .tar.gz holding manifest.json, the database (db/*.copy, one file per
// table, from one REPEATABLE READ snapshot) and the evidence files the snapshot's attachments point to
// (evidence/<storage key>), each with its sha256 in the manifest.

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
  ms: number;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'zhenggai-backup' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Writes a backup of the database at `url` and of the evidence in `storage` to `out`. */
export async function createBackup(options: {
  url: string;
  storage: EvidenceStorage;
  out: string;
  log?: (line: string) => void;
}): Promise<BackupResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const out = path.resolve(options.out);
  if (fs.existsSync(out)) throw new BackupError(`${out} 已存在：请换一个文件名（备份不会覆盖已有文件）。`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // staged next to the archive: the same disk, and nothing left in /tmp
  const stage = fs.mkdtempSync(path.join(path.dirname(out), '.backup-'));
  fs.chmodSync(stage, 0o700);
  const client = await connect(options.url);
  try {
    fs.mkdirSync(path.join(stage, 'db'));
    fs.mkdirSync(path.join(stage, 'evidence'));
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const {
      rows: [head],
    } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
    if (!head) throw new BackupError('数据库尚未迁移：没有可备份的内容。');
    const {
      rows: [server],
    } = await client.query<{ version: string; database: string }>(
      `SELECT current_setting('server_version') AS version, current_database() AS database`,
    );
    const tables = await dumpTables(client, stage);
    const sequences = await dumpSequences(client);
    const { rows: files } = await client.query<{ key: string; sha256: string }>(
      'SELECT storage_key AS key, sha256 FROM attachment ORDER BY storage_key',
    );
    await client.query('COMMIT');
    log(`数据库：${tables.length} 张表，${tables.reduce((sum, table) => sum + table.rows, 0)} 行`);

    const evidence: EvidenceEntry[] = [];
    const missingEvidence: string[] = [];
    for (const { key, sha256 } of files) {
      const file = path.posix.join('evidence', key);
      fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      try {
        const written = await writeHashed(options.storage.open(key), path.join(stage, file));
        if (written.sha256 !== sha256) log(`警告：佐证文件 ${key} 的内容与登记的 sha256 不符（已按现状备份）`);
        evidence.push({ key, file, bytes: written.bytes, sha256: written.sha256 });
      } catch {
        fs.rmSync(path.join(stage, file), { force: true });
        missingEvidence.push(key);
      }
    }
    log(`佐证材料：${evidence.length} 个文件${missingEvidence.length ? `，缺失 ${missingEvidence.length} 个` : ''}`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migration: head.name,
      server: server.version,
      database: server.database,
      tables,
      sequences,
      evidence,
      missingEvidence,
    };
    fs.writeFileSync(path.join(stage, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const partial = `${out}.partial`;
    await tar.create({ gzip: true, file: partial, cwd: stage, portable: true }, [MANIFEST_FILE, 'db', 'evidence']);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, out);
    return { file: out, manifest, bytes: fs.statSync(out).size, ms: Date.now() - started };
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  evidence: number;
  ms: number;
}

/** Unpacks `file` into a fresh folder and checks every checksum; throws BackupError naming the first mismatch. */
export async function unpackAndVerify(file: string, into: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 ${file}。`);
  try {
    await tar.extract({ file, cwd: into, strict: true });
  } catch (error) {
    throw new BackupError(`备份文件无法解开（${(error as Error).message}）：文件不完整或已损坏。`);
  }
  const manifest = readManifest(path.join(into, MANIFEST_FILE));
  for (const entry of [...manifest.tables, ...manifest.evidence]) {
    const target = path.resolve(into, entry.file);
    if (!target.startsWith(path.resolve(into) + path.sep) || !fs.existsSync(target)) {
      throw new BackupError(`备份中缺少 ${entry.file}。`);
    }
    const actual = await hashFile(target);
    if (actual.sha256 !== entry.sha256 || actual.bytes !== entry.bytes) {
      throw new BackupError(`校验失败：${entry.file} 的 sha256 与清单不符，备份已损坏，未恢复任何内容。`);
    }
  }
  return manifest;
}

async function migrateTo(url: string, count: number): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions({ url, poolSize: 1 }),
    migrations: migrations.slice(0, count),
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Restores `file` into the database at `url` and the evidence into `storage`. Refuses a database that holds data
 * unless `force` (which then drops everything first). Every checksum is verified before anything is written.
 */
export async function restoreBackup(options: {
  url: string;
  storage: EvidenceStorage;
  file: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'zhenggai-restore-'));
  let client: pg.Client | undefined;
  try {
    const manifest = await unpackAndVerify(path.resolve(options.file), stage);
    log(
      `校验通过：${manifest.tables.length} 张表、${manifest.evidence.length} 个佐证文件（备份于 ${manifest.createdAt}）`,
    );
    const head = migrations.findIndex((migration) => migration.name === manifest.migration);
    if (head < 0) {
      throw new BackupError(`备份来自更新的版本（迁移 ${manifest.migration} 本版本没有）：请先升级 Zhenggai 再恢复。`);
    }
    client = await connect(options.url);
    const { rows: hasSchema } = await client.query(
      `SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'migrations'`,
    );
    if (hasSchema.length > 0 && (await holdsData(client))) {
      if (!options.force) {
        throw new BackupError('目标数据库已有数据，未恢复任何内容。确认要用备份覆盖它时加 --force。');
      }
      log('目标数据库已有数据：按 --force 清空后恢复');
    }
    // an empty schema at the backup's migration, the rows, then whatever migrations came since
    await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
    await migrateTo(options.url, head + 1);
    await loadTables(client, stage, manifest.tables, manifest.sequences);
    await migrateTo(options.url, migrations.length);
    for (const entry of manifest.evidence) {
      await options.storage.put(entry.key, fs.readFileSync(path.join(stage, entry.file)));
      const stored = await hashStream(options.storage.open(entry.key));
      if (stored !== entry.sha256) throw new BackupError(`佐证文件 ${entry.key} 写入后校验不符。`);
    }
    return {
      manifest,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      evidence: manifest.evidence.length,
      ms: Date.now() - started,
    };
  } finally {
    await client?.end().catch(() => undefined);
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

async function hashStream(source: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
