import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export const BACKUP_FORMAT = 'zhenggai-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** One table of the dump: its rows in PostgreSQL's COPY text format, in `file`. */
export interface TableEntry {
  name: string;
  columns: string[];
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface SequenceEntry {
  name: string;
  lastValue: string | null;
  isCalled: boolean;
}

/** One evidence file, under its storage key. */
export interface EvidenceEntry {
  key: string;
  file: string;
  bytes: number;
  sha256: string;
}

/** manifest.json, the first thing restore reads: what the archive holds and the checksum of every file in it. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** the last migration applied to the database dumped: restore migrates an empty database to exactly this one */
  migration: string;
  server: string;
  database: string;
  tables: TableEntry[];
  sequences: SequenceEntry[];
  evidence: EvidenceEntry[];
  /** attachments whose file the storage did not have when the backup was taken */
  missingEvidence: string[];
}

/** A pass-through stream that counts bytes and newlines and hashes what flows through it. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  lines = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) this.lines += 1;
    done(null, chunk);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

/** Writes `source` to `file` (created, owner-only), returning its size, line count and sha256. */
export async function writeHashed(
  source: Readable,
  file: string,
): Promise<{ bytes: number; lines: number; sha256: string }> {
  const digest = new Digest();
  await pipeline(source, digest, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return { bytes: digest.bytes, lines: digest.lines, sha256: digest.hex() };
}

/** The sha256 and size of a file. */
export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export class BackupError extends Error {}

/** Reads and checks the manifest of an unpacked archive. */
export function readManifest(file: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError('备份文件中没有可读的 manifest.json：这不是 Zhenggai 的备份，或文件已损坏。');
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `不支持的备份格式（${String(manifest.format)} v${String(manifest.formatVersion)}）：本版本只能恢复 ${BACKUP_FORMAT} v${BACKUP_FORMAT_VERSION}。`,
    );
  }
  return manifest;
}
