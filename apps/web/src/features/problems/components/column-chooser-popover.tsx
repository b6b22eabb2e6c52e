import { Checkbox, Flex, Popover } from 'antd';
import { useState, type ReactElement } from 'react';
import { OPTIONAL_COLUMNS, type OptionalColumn } from './problems-table';

/** The 列设置 popover around its button: column-chooser.tsx loads it on the button's first click, already open. */
export function ColumnChooserPopover({
  value,
  onChange,
  available = OPTIONAL_COLUMNS.map((column) => column.key),
  defaultOpen,
  children,
}: {
  value: ReadonlySet<OptionalColumn>;
  onChange: (next: OptionalColumn[]) => void;
  available?: readonly OptionalColumn[];
  defaultOpen?: boolean;
  children: ReactElement;
}) {
  const [open, setOpen] = useState(Boolean(defaultOpen));
  const shown = OPTIONAL_COLUMNS.filter((column) => available.includes(column.key));
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      open={open}
      onOpenChange={setOpen}
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
      {children}
    </Popover>
  );
}
