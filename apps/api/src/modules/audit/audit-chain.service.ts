import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AUDIT_CHAIN_GENESIS, auditChainHash } from './audit-chain.js';
import { AuditRepository, type AuditChainRow } from './audit.repository.js';
import { AuditService } from './audit.service.js';

export type AuditChainBreak = 'content_altered' | 'prev_hash_mismatch' | 'seq_gap' | 'unchained';

export interface AuditChainReport {
  intact: boolean;
  // rows checked (up to the first broken one)
  rows: number;
  firstSeq: string | null;
  lastSeq: string | null;
  lastHash: string | null;
  checkedAt: string;
  firstBroken?: { seq: string | null; id: string; at: string; reason: AuditChainBreak; detail: string };
}

const BATCH = 5000;

function occurredAt(row: AuditChainRow): string {
  // the canonical time has microseconds; an ISO time with milliseconds reads better
  return new Date(row.occurredAt).toISOString();
}

// Verifies the audit trail's hash chain (docs/architecture.md, "Tamper-evident audit"): walks it in seq order, in
// batches (memory stays flat however long the chain), recomputes every hash and stops at the first broken link.
// Shared by `npm run audit:verify` and GET /api/audit/chain.
@Injectable()
export class AuditChainService {
  constructor(
    private readonly events: AuditRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The audit admin's check (GET /api/audit/chain), itself audited after the walk. */
  async verifyAsAuditAdmin(): Promise<AuditChainReport> {
    const report = await this.verify();
    await this.audit.record({
      action: 'AUDIT_CHAIN_VERIFIED',
      entityType: 'audit_event',
      result: report.intact ? 'success' : 'failure',
      detail: { rows: report.rows, lastSeq: report.lastSeq, firstBroken: report.firstBroken ?? null },
    });
    return report;
  }

  async verify(): Promise<AuditChainReport> {
    let rows = 0;
    let firstSeq: string | null = null;
    let previous: AuditChainRow | null = null;
    const report = (firstBroken?: AuditChainReport['firstBroken']): AuditChainReport => ({
      intact: !firstBroken,
      rows,
      firstSeq,
      lastSeq: previous?.seq ?? null,
      lastHash: previous?.hash ?? null,
      checkedAt: this.clock.now().toISOString(),
      ...(firstBroken ? { firstBroken } : {}),
    });
    for (;;) {
      const batch = await this.events.chainBatch(previous?.seq ?? null, BATCH);
      for (const row of batch) {
        const broken = (reason: AuditChainBreak, detail: string) =>
          report({ seq: row.seq, id: row.id, at: occurredAt(row), reason, detail });
        if (previous === null) {
          firstSeq = row.seq;
          // a chain that starts later had its beginning purged by retention: its first prev_hash is taken as given
          if (row.seq === '1' && row.prevHash !== AUDIT_CHAIN_GENESIS)
            return broken('prev_hash_mismatch', '第一条记录的前序哈希不是起始值');
        } else if (BigInt(row.seq) !== BigInt(previous.seq) + 1n) {
          const missing = BigInt(row.seq) - BigInt(previous.seq) - 1n;
          return broken('seq_gap', `seq ${previous.seq} 之后缺少 ${missing} 条记录，疑被删除`);
        } else if (row.prevHash !== previous.hash) {
          return broken('prev_hash_mismatch', `与 seq ${previous.seq} 的哈希不符，上一条被改动或替换`);
        }
        if (auditChainHash(row) !== row.hash) return broken('content_altered', '重算的哈希与存储的哈希不符');
        previous = row;
        rows += 1;
      }
      if (batch.length < BATCH) break;
    }
    const unchained = await this.events.firstUnchained();
    if (unchained)
      return report({
        seq: null,
        id: unchained.id,
        at: unchained.occurredAt,
        reason: 'unchained',
        detail: '记录没有链位置（绕过了入链触发器）',
      });
    return report();
  }
}
