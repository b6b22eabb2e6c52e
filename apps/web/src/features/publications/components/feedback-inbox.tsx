import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Pagination,
  Segmented,
  Skeleton,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { usePublicationFeedback, type Feedback } from '../api/get-publication-feedback';
import { useMarkFeedbackRead } from '../api/mark-feedback-read';

const PAGE_SIZE = 20;

function HandleModal({ feedback, onClose }: { feedback: Feedback; onClose: () => void }) {
  const [form] = Form.useForm<{ replyNote?: string }>();
  const mark = useMarkFeedbackRead();
  const { message } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);
  return (
    <FormModal<{ replyNote?: string }>
      title="标记为已处理"
      form={form}
      okText="标记已处理"
      submitting={mark.isPending}
      errorText={errorText}
      onCancel={onClose}
      onFinish={({ replyNote }) => {
        setErrorText(null);
        const note = replyNote?.trim();
        mark.mutate(
          { id: feedback.id, version: feedback.version, ...(note ? { replyNote: note } : {}) },
          {
            onSuccess: () => {
              message.success('已标记为已处理');
              onClose();
            },
            onError: (error) => {
              // someone else handled it first: the inbox reloads and shows who
              if (isApiError(error) && error.status === 409) {
                message.warning('该意见建议已被他人处理，已刷新');
                onClose();
                return;
              }
              const unplaced = applyFieldErrors(form, error, ['replyNote']);
              setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error, '操作失败，请稍后重试'));
            },
          },
        );
      }}
    >
      <Typography.Paragraph
        style={{
          background: '#fafafa',
          padding: 8,
          borderRadius: 6,
          maxHeight: 160,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
        }}
      >
        {feedback.content}
      </Typography.Paragraph>
      <Form.Item name="replyNote" label="处理说明（可选）" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
        <Input.TextArea rows={3} placeholder="如：已转区水务和湖泊局核实办理" />
      </Form.Item>
    </FormModal>
  );
}

function FeedbackItem({ feedback, onHandle }: { feedback: Feedback; onHandle: () => void }) {
  return (
    <li className="zg-feedback-item" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex gap={12} align="flex-start">
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={8} wrap align="center">
            {feedback.handled ? <Tag color="green">已处理</Tag> : <Tag color="orange">未处理</Tag>}
            <Typography.Text type="secondary">{formatDateTime(feedback.receivedAt)}</Typography.Text>
            <Typography.Text type="secondary">{feedback.name ?? '匿名'}</Typography.Text>
            {feedback.contact && <Typography.Text type="secondary">联系方式：{feedback.contact}</Typography.Text>}
          </Flex>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {feedback.content}
          </Typography.Paragraph>
          {feedback.handled && (
            <Typography.Text type="secondary">
              {feedback.handledBy?.name ?? '—'}于 {formatDateTime(feedback.handledAt)} 处理
              {feedback.replyNote && `：${feedback.replyNote}`}
            </Typography.Text>
          )}
        </Flex>
        {!feedback.handled && (
          <Button size="small" onClick={onHandle}>
            标记已处理
          </Button>
        )}
      </Flex>
    </li>
  );
}

/** The opinions the public sent about one notice: all or only the unhandled, each marked handled with a note. */
export function FeedbackInbox({ publicationId }: { publicationId: string }) {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const [handling, setHandling] = useState<Feedback | null>(null);
  const feedback = usePublicationFeedback(publicationId, {
    ...(onlyUnread ? { unread: true } : {}),
    page,
    pageSize: PAGE_SIZE,
  });

  if (feedback.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (feedback.isError) return <QueryError error={feedback.error} onRetry={() => feedback.refetch()} />;
  const data = feedback.data;

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Segmented<'all' | 'unread'>
          aria-label="意见建议筛选"
          value={onlyUnread ? 'unread' : 'all'}
          onChange={(value) => {
            setOnlyUnread(value === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未处理（${data.unread}）` },
          ]}
        />
        {data.unread > 0 && <Alert type="warning" showIcon title={`有 ${data.unread} 条意见建议尚未处理`} />}
      </Flex>
      <Spin spinning={feedback.isFetching && !feedback.isPending}>
        {data.items.length === 0 ? (
          <Empty description={onlyUnread ? '没有未处理的意见建议' : '尚未收到意见建议'} />
        ) : (
          <ul aria-label="意见建议" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {data.items.map((item) => (
              <FeedbackItem key={item.id} feedback={item} onHandle={() => setHandling(item)} />
            ))}
          </ul>
        )}
      </Spin>
      {data.total > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          onChange={setPage}
          showSizeChanger={false}
          showTotal={(total) => `共 ${total} 条`}
        />
      )}
      {handling && <HandleModal feedback={handling} onClose={() => setHandling(null)} />}
    </Flex>
  );
}
