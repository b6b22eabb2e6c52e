import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { lazy, Suspense, useState, type MouseEvent } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useCreateLedgerExportJob } from '../api/create-ledger-export-job';
import type { LedgerExportQuery } from '../api/export-ledger';

// the dialog (antd Modal, Progress) loads on first use: the ledger page's first paint does not need it
const ExportJobModal = lazy(() => import('./export-job-modal').then((module) => ({ default: module.ExportJobModal })));

/**
 * 导出台账 as a background job (issue 28: up to 600,000 rows): a click starts the job and shows its progress. The
 * link itself stays the direct download (copyable, opens in a new tab), which suits small ledgers.
 */
export function LedgerExportJobButton({
  inspectionId,
  query,
  href,
}: {
  inspectionId: string;
  query?: LedgerExportQuery;
  href: string;
}) {
  const { message } = App.useApp();
  const create = useCreateLedgerExportJob();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = (event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    create.mutate(
      { inspectionId, query },
      {
        onSuccess: (job) => setJobId(job.id),
        onError: (error) =>
          message.error(
            isApiError(error) && error.status === 404 && error.code === 'ROUTE_NOT_FOUND'
              ? '导出功能暂不可用'
              : errorMessage(error, '导出失败，请稍后重试'),
          ),
      },
    );
  };
  return (
    <>
      <Button href={href} icon={<FileExcelOutlined aria-hidden />} loading={create.isPending} onClick={start}>
        导出台账
      </Button>
      {jobId && (
        <Suspense fallback={null}>
          <ExportJobModal jobId={jobId} onClose={() => setJobId(null)} />
        </Suspense>
      )}
    </>
  );
}
