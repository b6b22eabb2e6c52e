// npm run backup [-- --out FILE]: the database and the evidence files in one .tar.gz with a manifest of checksums
// (docs/operations.md). Works beside a running `npm start` (it uses the embedded server already running) and
// against DATABASE_URL.
import 'reflect-metadata';
import path from 'node:path';
import { createEvidenceStorage } from '../modules/attachments/index.js';
import { createBackup } from '../operations/backup/backup.js';
import { BackupError } from '../operations/backup/manifest.js';
import { loadCliConfig, openCliDatabase } from './context.js';
import { argValue, formatBytes, stamp } from './args.js';

const config = loadCliConfig();
const out = argValue('--out') ?? path.join('backups', `zhenggai-${stamp(new Date())}.tar.gz`);
const db = await openCliDatabase(config);
let code = 0;
try {
  const result = await createBackup({
    url: db.url,
    storage: createEvidenceStorage(config),
    out,
    log: (line) => console.log(line),
  });
  const { manifest } = result;
  console.log(
    `备份完成：${result.file}（${formatBytes(result.bytes)}，迁移 ${manifest.migration}，PostgreSQL ${manifest.server}，用时 ${(result.ms / 1000).toFixed(1)} 秒）`,
  );
  if (manifest.missingEvidence.length > 0) {
    code = 1;
    console.error(
      `注意：${manifest.missingEvidence.length} 个佐证文件在存储中找不到，未能备份：${manifest.missingEvidence.slice(0, 10).join('、')}${manifest.missingEvidence.length > 10 ? '…' : ''}`,
    );
  }
} catch (error) {
  code = 1;
  console.error(error instanceof BackupError ? `备份失败：${error.message}` : error);
} finally {
  await db.stop();
}
process.exit(code);
