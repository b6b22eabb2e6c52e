// npm run audit:verify: walk the audit trail's hash chain in seq order, recompute every hash and say whether it is
// intact (exit 0) or name the first broken link (exit 1). The same check as GET /api/audit/chain; read-only.
import 'reflect-metadata';
import { createApp } from '../app.factory.js';
import { AUDIT_CHAIN_BREAK_LABELS } from '@zhenggai/domain';
import { AuditChainService } from '../modules/audit/index.js';
import { openCliContext } from './context.js';

const context = await openCliContext();
let code = 0;
try {
  const app = await createApp({
    config: { ...context.config, LOG_LEVEL: 'warn', SWAGGER_ENABLED: false, JOBS: 'off' },
    dataSource: context.dataSource,
  });
  await app.init();
  const report = await app.get(AuditChainService).verify();
  if (report.intact) {
    const from =
      report.firstSeq && report.firstSeq !== '1' ? `（保存期限前的记录已清理，自 seq=${report.firstSeq} 起）` : '';
    console.log(`审计链完整：${report.rows} 条记录，最后一条 seq=${report.lastSeq ?? '无'}${from}`);
  } else {
    const broken = report.firstBroken!;
    console.error(
      `审计链断裂：第一处断点 seq=${broken.seq ?? '无'}，id=${broken.id}，时间 ${broken.at}：` +
        `${AUDIT_CHAIN_BREAK_LABELS[broken.reason] ?? broken.reason}（${broken.detail}）` +
        `；此前 ${report.rows} 条记录完好`,
    );
    code = 1;
  }
  await app.close();
} finally {
  await context.close();
}
process.exit(code);
