import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { isMeasureDone, type MeasureStatus, type MeasureActor } from '@zhenggai/domain';
import { lazy, Suspense, useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { downloadAttachment } from '@/lib/attachments';
import { saveBlob } from '@/lib/download';
import { formatDateTime, formatFileSize } from '@/lib/format';
import { useDeleteAttachment } from '../api/delete-attachment';
import type { Attachment } from '../api/get-measure-attachments';
import { ATTACHMENT_KIND_LABELS } from '../utils/attachment-kinds';

// antd's image preview loads when an image is first previewed
const ImagePreview = lazy(() => import('./attachment-image-preview').then((m) => ({ default: m.ImagePreview })));

function FileIcon({ mimeType }: { mimeType: string }) {
  if (mimeType === 'application/pdf') return <FilePdfOutlined style={{ color: '#d92d20' }} aria-hidden />;
  if (mimeType.startsWith('image/')) return <FileImageOutlined style={{ color: '#16a34a' }} aria-hidden />;
  if (/word/.test(mimeType)) return <FileWordOutlined style={{ color: '#2563eb' }} aria-hidden />;
  if (/sheet|excel/.test(mimeType)) return <FileExcelOutlined style={{ color: '#15803d' }} aria-hidden />;
  if (/presentation|powerpoint/.test(mimeType)) return <FilePptOutlined style={{ color: '#ea580c' }} aria-hidden />;
  return <FileOutlined aria-hidden />;
}

const isImage = (attachment: Attachment) => attachment.mimeType.startsWith('image/');
const isPdf = (attachment: Attachment) => attachment.mimeType === 'application/pdf';

/** The evidence of a measure: preview images in place, PDFs in a new tab, download anything. */
export function AttachmentList({
  attachments,
  actor,
  measureStatus,
  emptyText = '暂无佐证材料',
}: {
  attachments: Attachment[];
  actor?: MeasureActor;
  measureStatus?: MeasureStatus;
  emptyText?: string;
}) {
  const { message } = App.useApp();
  const remove = useDeleteAttachment();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);

  useEffect(() => () => void (imageUrl && URL.revokeObjectURL(imageUrl)), [imageUrl]);

  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  const officer = actor?.roles.includes('task_force_officer') ?? false;
  const canDelete = (attachment: Attachment) =>
    actor !== undefined &&
    (officer ||
      (attachment.unit !== null &&
        actor.unitIds.includes(attachment.unit.id) &&
        measureStatus !== undefined &&
        !isMeasureDone(measureStatus)));

  const withBlob = async (attachment: Attachment, handle: (blob: Blob) => void, onFailure?: () => void) => {
    setBusyId(attachment.id);
    try {
      handle(await downloadAttachment(attachment));
    } catch (error) {
      onFailure?.();
      message.error(errorMessage(error, '文件读取失败，请稍后重试'));
    } finally {
      setBusyId(null);
    }
  };

  const preview = (attachment: Attachment) => {
    if (isImage(attachment)) {
      void withBlob(attachment, (blob) => setImageUrl(URL.createObjectURL(blob)));
      return;
    }
    // opened before the download so that the browser treats it as the user's own click, not a pop-up
    const tab = window.open('', '_blank');
    void withBlob(
      attachment,
      (blob) => {
        const url = URL.createObjectURL(blob);
        if (tab) tab.location.href = url;
        else saveBlob(blob, attachment.name);
        setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
      },
      () => tab?.close(),
    );
  };

  return (
    <>
      <ul className="zg-attachments" aria-label="佐证材料">
        {attachments.map((attachment) => (
          <li key={attachment.id} className="zg-attachment">
            <FileIcon mimeType={attachment.mimeType} />
            <div className="zg-attachment-main">
              <Typography.Text className="zg-attachment-name" ellipsis={{ tooltip: attachment.name }}>
                {attachment.name}
              </Typography.Text>
              <Typography.Text type="secondary" className="zg-attachment-meta">
                {ATTACHMENT_KIND_LABELS[attachment.kind]} · {formatFileSize(attachment.size)}
                {attachment.unit && ` · ${attachment.unit.name}`}
                {attachment.uploadedBy && ` · ${attachment.uploadedBy.name}`} · {formatDateTime(attachment.createdAt)}
              </Typography.Text>
            </div>
            <Flex gap={4} className="zg-attachment-actions">
              {(isImage(attachment) || isPdf(attachment)) && (
                <Tooltip title="预览">
                  <Button
                    size="small"
                    type="text"
                    icon={<EyeOutlined aria-hidden />}
                    aria-label={`预览 ${attachment.name}`}
                    loading={busyId === attachment.id}
                    onClick={() => preview(attachment)}
                  />
                </Tooltip>
              )}
              <Tooltip title="下载">
                <Button
                  size="small"
                  type="text"
                  icon={<DownloadOutlined aria-hidden />}
                  aria-label={`下载 ${attachment.name}`}
                  onClick={() => void withBlob(attachment, (blob) => saveBlob(blob, attachment.name))}
                />
              </Tooltip>
              {canDelete(attachment) && (
                <Popconfirm
                  title="删除这份佐证材料？"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutateAsync({ attachmentId: attachment.id, measureId: attachment.measureId }).then(
                      () => void message.success('已删除'),
                      (error: unknown) => void message.error(errorMessage(error, '删除失败，请稍后重试')),
                    )
                  }
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`删除 ${attachment.name}`}
                  />
                </Popconfirm>
              )}
            </Flex>
          </li>
        ))}
      </ul>
      {imageUrl && (
        <Suspense fallback={null}>
          <ImagePreview src={imageUrl} onClose={() => setImageUrl(null)} />
        </Suspense>
      )}
    </>
  );
}
