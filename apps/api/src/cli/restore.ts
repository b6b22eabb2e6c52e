// npm run restore -- FILE [--force]: verifies every checksum of a backup, then restores the database and the
// evidence files into an empty database (--force: into one that holds data, replacing it). docs/operations.md.
import 'reflect-metadata';
import { createEvidenceStorage } from '../modules/attachments/index.js';
import { restoreBackup } from '../operations/backup/backup.js';
import { BackupError } from '../operations/backup/manifest.js';
import { loadCliConfig, openCliDatabase } from './context.js';
import { positionalArgs } from './args.js';

const config = loadCliConfig();
const [file] = positionalArgs();
if (!file) {
  console.error('用法：npm run restore -- <备份文件.tar.gz> [--force]');
  process.exit(2);
}
const db = await openCliDatabase(config);
let code = 0;
try {
  const result = await restoreBackup({
    url: db.url,
    storage: createEvidenceStorage(config),
    file,
    force: process.argv.includes('--force'),
    log: (line) => console.log(line),
  });
  console.log(
    `恢复完成：${result.tables} 张表、${result.rows} 行、${result.evidence} 个佐证文件（备份于 ${result.manifest.createdAt}，迁移 ${result.manifest.migration}），用时 ${(result.ms / 1000).toFixed(1)} 秒。`,
  );
  if (result.manifest.missingEvidence.length > 0) {
    console.log(`注意：备份时已缺失的 ${result.manifest.missingEvidence.length} 个佐证文件无法恢复。`);
  }
} catch (error) {
  code = 1;
  console.error(error instanceof BackupError ? `恢复失败：${error.message}` : error);
} finally {
  await db.stop();
}
process.exit(code);
