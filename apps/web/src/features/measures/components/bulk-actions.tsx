import { CalendarOutlined, PartitionOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { invalidateMeasureData } from '@/lib/query-keys';
import type { Measure } from '../api/get-measures';
import type { BulkResult } from './bulk-action-dialogs';
import type { UnitOption } from './edit-modals';

const BulkDialogs = lazy(async () => ({ default: (await import('./bulk-action-dialogs')).BulkDialogs }));

export function BulkActionBar({
  selected,
  unitOptions,
  onClear,
}: {
  selected: Measure[];
  unitOptions: UnitOption[];
  onClear: () => void;
}) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'assign' | 'deadline' | 'urge' | null>(null);
  const [results, setResults] = useState<{ title: string; rows: BulkResult[] } | null>(null);
  const finish = (title: string) => (rows: BulkResult[]) => {
    setDialog(null);
    setResults({ title, rows });
    // the versions the user ticked are spent: the next action starts from fresh rows
    onClear();
    void invalidateMeasureData(queryClient);
  };
  return (
    <>
      {selected.length > 0 && (
        <Flex align="center" gap={8} wrap className="zg-bulk-bar" role="toolbar" aria-label="批量办理">
          <Typography.Text>
            已选择 <Typography.Text strong>{selected.length}</Typography.Text> 项措施
          </Typography.Text>
          <Button icon={<PartitionOutlined aria-hidden />} onClick={() => setDialog('assign')}>
            批量分办
          </Button>
          <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setDialog('deadline')}>
            批量调整时限
          </Button>
          <Button icon={<SoundOutlined aria-hidden />} onClick={() => setDialog('urge')}>
            批量催办
          </Button>
          <Button type="link" onClick={onClear}>
            取消选择
          </Button>
        </Flex>
      )}
      {/* the dialogs download once a measure is ticked, so that they open at once when asked for */}
      {(selected.length > 0 || dialog || results) && (
        <Suspense fallback={null}>
          <BulkDialogs
            dialog={dialog}
            selected={selected}
            unitOptions={unitOptions}
            results={results}
            onCloseDialog={() => setDialog(null)}
            onCloseResults={() => setResults(null)}
            finish={finish}
          />
        </Suspense>
      )}
    </>
  );
}
