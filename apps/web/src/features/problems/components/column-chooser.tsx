import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover } from 'antd';
import { OPTIONAL_COLUMNS, type OptionalColumn } from './problems-table';

/** 列设置: which optional columns of the ledger to show. */
export function ColumnChooser({
  value,
  onChange,
  available = OPTIONAL_COLUMNS.map((column) => column.key),
}: {
  value: ReadonlySet<OptionalColumn>;
  onChange: (next: OptionalColumn[]) => void;
  /** The columns that make sense for this inspection (方面 only when it has categories). */
  available?: readonly OptionalColumn[];
}) {
  const shown = OPTIONAL_COLUMNS.filter((column) => available.includes(column.key));
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      content={
        <Checkbox.Group<OptionalColumn>
          aria-label="显示的列"
          value={shown.map((column) => column.key).filter((key) => value.has(key))}
          // a column that is not offered here keeps its stored choice
          onChange={(next) => onChange([...next, ...[...value].filter((key) => !available.includes(key))])}
        >
          <Flex vertical gap={6}>
            {shown.map((column) => (
              <Checkbox key={column.key} value={column.key}>
                {column.label}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      }
    >
      <Button icon={<SettingOutlined aria-hidden />}>列设置</Button>
    </Popover>
  );
}
