import { Button, Flex, Input, Select } from 'antd';
import {
  LIGHTS,
  LIGHT_LABELS,
  LIGHT_NAMES,
  MEASURE_TERMS,
  MEASURE_TERM_LABELS,
  PROBLEM_STATUSES,
  PROBLEM_STATUS_LABELS,
  type Light,
  type MeasureTerm,
  type ProblemStatus,
} from '@zhenggai/domain';

export interface ProblemFilterValues {
  categoryId?: string;
  status?: ProblemStatus;
  unitId?: string;
  leaderId?: string;
  light?: Light;
  term?: MeasureTerm;
  q?: string;
}

export interface FilterOption {
  value: string;
  label: string;
}

const ALL = 'all';

const STATUS_OPTIONS = [
  { value: ALL, label: '全部状态' },
  ...PROBLEM_STATUSES.map((status) => ({ value: status, label: PROBLEM_STATUS_LABELS[status] })),
];

const LIGHT_OPTIONS = [
  { value: ALL, label: '全部亮灯' },
  ...LIGHTS.map((light) => ({ value: light, label: `${LIGHT_NAMES[light]}（${LIGHT_LABELS[light]}）` })),
];

const TERM_OPTIONS = [
  { value: ALL, label: '全部类型' },
  ...MEASURE_TERMS.map((term) => ({ value: term, label: MEASURE_TERM_LABELS[term] })),
];

function pick<T extends string>(value: string): T | undefined {
  return value === ALL ? undefined : (value as T);
}

export function hasActiveFilters(value: ProblemFilterValues): boolean {
  return Object.values(value).some((entry) => entry !== undefined && entry !== '');
}

/**
 * The ledger's filters; the page keeps them in the URL. Each control reports only its own change (null: clear all),
 * so two quick changes never undo each other. Unit users see no unit filter: the API shows them only theirs.
 */
export function ProblemsFilters({
  value,
  onChange,
  categoryOptions,
  unitOptions,
  leaderOptions,
}: {
  value: ProblemFilterValues;
  onChange: (change: ProblemFilterValues | null) => void;
  categoryOptions: FilterOption[];
  /** null hides the unit filter. */
  unitOptions: FilterOption[] | null;
  /** null hides the leader filter. */
  leaderOptions: FilterOption[] | null;
}) {
  return (
    <Flex gap={8} wrap className="zg-filters" role="search" style={{ flex: '1 1 0', minWidth: 0 }}>
      <Select
        aria-label="按方面筛选"
        value={value.categoryId ?? ALL}
        options={[
          { value: ALL, label: categoryOptions.length > 0 ? '全部方面' : '全部方面（未分类）' },
          ...categoryOptions,
        ]}
        disabled={categoryOptions.length === 0}
        onChange={(categoryId: string) => onChange({ categoryId: pick(categoryId) })}
        popupMatchSelectWidth={false}
        style={{ width: 168 }}
      />
      <Select
        aria-label="按状态筛选"
        value={value.status ?? ALL}
        options={STATUS_OPTIONS}
        onChange={(status: string) => onChange({ status: pick<ProblemStatus>(status) })}
        style={{ width: 120 }}
      />
      {unitOptions && (
        <Select
          aria-label="按责任单位筛选"
          value={value.unitId ?? ALL}
          options={[{ value: ALL, label: '全部责任单位' }, ...unitOptions]}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(unitId: string) => onChange({ unitId: pick(unitId) })}
          popupMatchSelectWidth={false}
          style={{ width: 176 }}
        />
      )}
      {leaderOptions && (
        <Select
          aria-label="按责任领导筛选"
          value={value.leaderId ?? ALL}
          options={[{ value: ALL, label: '全部责任领导' }, ...leaderOptions]}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(leaderId: string) => onChange({ leaderId: pick(leaderId) })}
          popupMatchSelectWidth={false}
          style={{ width: 150 }}
        />
      )}
      <Select
        aria-label="按亮灯筛选"
        value={value.light ?? ALL}
        options={LIGHT_OPTIONS}
        onChange={(light: string) => onChange({ light: pick<Light>(light) })}
        popupMatchSelectWidth={false}
        style={{ width: 128 }}
      />
      <Select
        aria-label="按整改类型筛选"
        value={value.term ?? ALL}
        options={TERM_OPTIONS}
        onChange={(term: string) => onChange({ term: pick<MeasureTerm>(term) })}
        style={{ width: 120 }}
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
        onSearch={(text) => onChange({ q: text.trim() || undefined })}
        style={{ flex: '1 1 220px', maxWidth: 320 }}
      />
      {hasActiveFilters(value) && (
        <Button type="link" onClick={() => onChange(null)}>
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
