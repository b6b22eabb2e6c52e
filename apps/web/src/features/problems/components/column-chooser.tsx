import { SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { OptionalColumn } from './problems-table';

// the popover (Popover, the checkbox list) loads when 列设置 is first clicked, and then stays, opened by its own trigger
const ColumnChooserPopover = lazy(() =>
  import('./column-chooser-popover').then((m) => ({ default: m.ColumnChooserPopover })),
);

/** 列设置: which optional columns of the ledger to show. */
export function ColumnChooser({
  value,
  onChange,
  available,
}: {
  value: ReadonlySet<OptionalColumn>;
  onChange: (next: OptionalColumn[]) => void;
  /** The columns that make sense for this inspection (方面 only when it has categories). */
  available?: readonly OptionalColumn[];
}) {
  const [loaded, setLoaded] = useState(false);
  const button = (
    <Button icon={<SettingOutlined aria-hidden />} onClick={loaded ? undefined : () => setLoaded(true)}>
      列设置
    </Button>
  );
  if (!loaded) return button;
  return (
    <Suspense fallback={button}>
      <ColumnChooserPopover value={value} onChange={onChange} available={available} defaultOpen>
        {button}
      </ColumnChooserPopover>
    </Suspense>
  );
}
