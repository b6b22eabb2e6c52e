import { Tag } from 'antd';
import type { MeasureStatus, ProblemStatus } from '@zhenggai/domain';

const PROBLEM_STATUS_COLORS: Record<ProblemStatus, string> = {
  completed: 'green',
  deemed_completed: 'blue',
  in_progress: 'orange',
};

const MEASURE_STATUS_COLORS: Record<MeasureStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  pending_review: 'gold',
  completed: 'green',
  deemed_completed: 'blue',
};

/** The label comes from the API (已完成 / 视同完成 / 未完成), the colour from the status code. */
export function ProblemStatusTag({ status, label }: { status: ProblemStatus; label: string }) {
  return (
    <Tag color={PROBLEM_STATUS_COLORS[status]} className="zg-status-tag">
      {label}
    </Tag>
  );
}

export function MeasureStatusTag({ status, label }: { status: MeasureStatus; label: string }) {
  return (
    <Tag color={MEASURE_STATUS_COLORS[status]} className="zg-status-tag">
      {label}
    </Tag>
  );
}
