import { Flex, Input, Select } from 'antd';
import { PROBLEM_STATUSES, PROBLEM_STATUS_LABELS, type ProblemStatus } from '@zhenggai/domain';

export interface ProblemFilterValues {
  status?: ProblemStatus;
  q?: string;
}

const ALL = 'all';

const STATUS_OPTIONS = [
  { value: ALL, label: '全部状态' },
  ...PROBLEM_STATUSES.map((status) => ({ value: status, label: PROBLEM_STATUS_LABELS[status] })),
];

export function ProblemsFilters({
  value,
  onChange,
}: {
  value: ProblemFilterValues;
  onChange: (next: ProblemFilterValues) => void;
}) {
  return (
    <Flex gap={12} wrap className="zg-filters" role="search">
      <Select
        aria-label="按状态筛选"
        value={value.status ?? ALL}
        options={STATUS_OPTIONS}
        onChange={(status: string) =>
          onChange({ ...value, status: status === ALL ? undefined : (status as ProblemStatus) })
        }
        style={{ width: 140 }}
      />
      <Input.Search
        // remounts when the URL changes from outside (back button), so the box always shows the active search
        key={value.q ?? ''}
        aria-label="搜索问题"
        placeholder="搜索序号、问题标题或描述"
        defaultValue={value.q}
        allowClear
        enterButton="搜索"
        maxLength={100}
        onSearch={(text) => onChange({ ...value, q: text.trim() || undefined })}
        style={{ flex: '1 1 240px', maxWidth: 420 }}
      />
    </Flex>
  );
}
