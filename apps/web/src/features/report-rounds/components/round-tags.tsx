import { Tag } from 'antd';
import type { ReportRoundSummary, RoundUnitStatus } from '../api/get-report-rounds';

const UNIT_STATUS_COLORS: Record<RoundUnitStatus, string> = {
  pending: 'gold',
  submitted: 'green',
  late: 'orange',
  returned: 'red',
};

/** 报送中 blue, 已结束 grey; the label comes from the API. */
export function RoundStatusTag({ round }: { round: Pick<ReportRoundSummary, 'status' | 'statusLabel'> }) {
  return (
    <Tag color={round.status === 'open' ? 'blue' : 'default'} className="zg-status-tag">
      {round.statusLabel}
    </Tag>
  );
}

/** A unit's place in a round: 未报送 / 已报送 / 逾期报送 / 已退回 (labels from the API). */
export function RoundUnitStatusTag({ status, label }: { status: RoundUnitStatus; label: string }) {
  return (
    <Tag color={UNIT_STATUS_COLORS[status]} className="zg-status-tag">
      {label}
    </Tag>
  );
}
