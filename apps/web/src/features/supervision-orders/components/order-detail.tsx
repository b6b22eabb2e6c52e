import { FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '@/components/ui/download-button';
import { errorMessage } from '@/lib/api-client';
import { downloadAttachment } from '@/lib/attachments';
import { saveBlob } from '@/lib/download';
import { formatDate, formatDateTime, formatFileSize, EMPTY_TEXT } from '@/lib/format';
import { exportOrder, exportOrderUrl } from '../api/export-order';
import type { SupervisionOrder } from '../api/get-supervision-orders';
import { OrderStatusTag } from './order-status-tag';

/** One 督办单: what was required of which unit by when, the measures it is about, and the unit's reply. */
export function OrderDetail({ order }: { order: SupervisionOrder }) {
  const { message } = App.useApp();
  const [fetchingId, setFetchingId] = useState<string | null>(null);
  const saveEvidence = async (file: SupervisionOrder['replyAttachments'][number]) => {
    setFetchingId(file.id);
    try {
      saveBlob(await downloadAttachment(file), file.name);
    } catch (error) {
      message.error(errorMessage(error, '文件读取失败，请稍后重试'));
    } finally {
      setFetchingId(null);
    }
  };
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          {order.number}
        </Typography.Title>
        <OrderStatusTag status={order.status} label={order.statusLabel} />
        <DownloadButton
          size="small"
          icon={<FileWordOutlined aria-hidden />}
          href={exportOrderUrl(order.id)}
          fetchFile={() => exportOrder(order.id)}
        >
          下载督办单（Word）
        </DownloadButton>
      </Flex>
      <Card variant="borderless" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="督办单位">{order.unit.name}</Descriptions.Item>
          <Descriptions.Item label="回复期限">{formatDate(order.replyBy)}</Descriptions.Item>
          <Descriptions.Item label="下发人">{order.issuedBy?.name ?? EMPTY_TEXT}</Descriptions.Item>
          <Descriptions.Item label="下发时间">{formatDateTime(order.issuedAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>督办要求</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{order.body}</Typography.Paragraph>
      </Card>
      <Card variant="borderless" size="small" title="督办事项">
        <Flex vertical gap={12} role="list" aria-label="督办事项">
          {order.measures.map((measure) => (
            <Flex key={measure.id} vertical gap={2} role="listitem">
              <Link to={`/problems/${measure.problemId}#measure-${measure.id}`}>
                {measure.label} {measure.text}
              </Link>
              <Typography.Text type="secondary">时限 {formatDate(measure.deadline)}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      </Card>
      {order.repliedAt && (
        <Card variant="borderless" size="small" title="单位回复">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{order.replyBody}</Typography.Paragraph>
          {order.replyAttachments.length > 0 && (
            <Flex vertical gap={4} role="list" aria-label="回复佐证材料" style={{ marginBottom: 8 }}>
              {order.replyAttachments.map((file) => (
                <Flex key={file.id} role="listitem" align="center" gap={4} wrap>
                  <Button
                    type="link"
                    size="small"
                    icon={<PaperClipOutlined aria-hidden />}
                    loading={fetchingId === file.id}
                    onClick={() => void saveEvidence(file)}
                    style={{ paddingInline: 0 }}
                  >
                    {file.name}
                  </Button>
                  <Typography.Text type="secondary">（{formatFileSize(file.size)}）</Typography.Text>
                </Flex>
              ))}
            </Flex>
          )}
          <Typography.Text type="secondary">
            {order.repliedBy?.name ?? EMPTY_TEXT} · {formatDateTime(order.repliedAt)}
          </Typography.Text>
        </Card>
      )}
    </Flex>
  );
}
