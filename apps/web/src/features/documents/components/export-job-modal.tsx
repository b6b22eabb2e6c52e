import { Alert, App, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';
import type { ExportJob } from '../api/create-ledger-export-job';
import { downloadExportJob } from '../api/download-export-job';
import { useExportJob } from '../api/get-export-job';

const STATUS_TEXT: Record<ExportJob['status'], string> = {
  queued: '排队中，即将开始导出…',
  running: '正在生成台账文件…',
  done: '导出完成，可以下载了。',
  failed: '导出失败。',
};

/** The job's progress (polled every second), then 下载 — or its error. */
export function ExportJobModal({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const job = useExportJob(jobId);
  const [downloading, setDownloading] = useState(false);
  const data = job.data;
  const download = async () => {
    if (!data) return;
    setDownloading(true);
    try {
      const { blob, name } = await downloadExportJob(data);
      saveBlob(blob, name);
    } catch (error) {
      message.error(errorMessage(error, '下载失败，请稍后重试'));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Modal
      open
      title="导出整改台账"
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button
          key="download"
          type="primary"
          disabled={data?.status !== 'done'}
          loading={downloading}
          onClick={() => void download()}
        >
          下载
        </Button>,
      ]}
    >
      {job.isError ? (
        <Alert type="error" showIcon message={errorMessage(job.error, '无法获取导出进度，请稍后重试')} />
      ) : (
        <>
          <Progress
            percent={data?.progress ?? 0}
            status={data?.status === 'failed' ? 'exception' : data?.status === 'done' ? 'success' : 'active'}
            aria-label="导出进度"
          />
          <Typography.Paragraph>
            {data ? STATUS_TEXT[data.status] : '正在查询导出进度…'}
            {data?.status !== 'done' && data?.status !== 'failed' && ' 可以关闭本窗口，导出在后台继续。'}
          </Typography.Paragraph>
          {data?.status === 'failed' && <Alert type="error" showIcon message={data.error ?? '导出失败，请重新导出'} />}
          {data?.status === 'done' && <Typography.Text type="secondary">{data.fileName}</Typography.Text>}
        </>
      )}
    </Modal>
  );
}
