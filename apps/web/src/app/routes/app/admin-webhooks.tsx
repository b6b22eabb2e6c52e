import { DeleteOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import {
  WEBHOOK_DELIVERY_STATUS_LABELS,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_FORMAT_LABELS,
  type WebhookEvent,
  type WebhookFormat,
} from '@zhenggai/domain';
import { App, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useWebhooks, type Webhook } from '@/features/webhooks/api/get-webhooks';
import { useDeleteWebhook } from '@/features/webhooks/api/webhook-mutations';
import { errorMessage } from '@/lib/api-client';
import { useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

// the create dialog and the delivery log (Form, Radio, Checkbox, Drawer) load when opened, not with the page
const CreateWebhookModal = lazy(() =>
  import('@/features/webhooks/components/webhook-dialogs').then((m) => ({ default: m.CreateWebhookModal })),
);
const DeliveriesDrawer = lazy(() =>
  import('@/features/webhooks/components/webhook-dialogs').then((m) => ({ default: m.DeliveriesDrawer })),
);

const eventLabel = (event: string) => WEBHOOK_EVENT_LABELS[event as WebhookEvent] ?? event;
const formatLabel = (format: string) => WEBHOOK_FORMAT_LABELS[format as WebhookFormat] ?? format;

/** 外部推送: the system admin's outbound webhooks (企业微信/钉钉 robots or JSON) and their delivery log. */
export function AdminWebhooksRoute() {
  const session = useSessionUser();
  const allowed = Boolean(session.data?.roles.includes('system_admin'));
  const { message, modal } = App.useApp();
  const webhooks = useWebhooks({ enabled: allowed });
  const remove = useDeleteWebhook();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Webhook | null>(null);
  // mounted from the first open on, so that they can animate closed
  const [creatingOpened, setCreatingOpened] = useState(false);
  const [shownOpened, setShownOpened] = useState(false);

  if (!allowed) return <NoAccess title="无权查看外部推送" detail="外部推送仅限系统管理员管理。" />;

  const confirmDelete = (webhook: Webhook) =>
    modal.confirm({
      title: `删除外部推送 ${webhook.name ?? webhook.url}？`,
      content: '删除后不再推送；已有的推送记录仍保留。',
      okText: '删除',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(webhook.id)
          .then(() => message.success('已删除'))
          .catch((error: unknown) => message.error(errorMessage(error))),
    });

  const columns: TableColumnsType<Webhook> = [
    {
      title: '名称',
      key: 'name',
      render: (_, webhook) => webhook.name ?? <Typography.Text type="secondary">未命名</Typography.Text>,
    },
    {
      title: '推送地址',
      key: 'url',
      render: (_, webhook) => (
        <Typography.Text style={{ maxWidth: 320, wordBreak: 'break-all' }}>{webhook.url}</Typography.Text>
      ),
    },
    { title: '格式', key: 'format', render: (_, webhook) => <Tag>{formatLabel(webhook.format)}</Tag> },
    {
      title: '推送事件',
      key: 'events',
      render: (_, webhook) => (
        <Flex gap={4} wrap>
          {webhook.events.map((event) => (
            <Tag key={event} title={event}>
              {eventLabel(event)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '最近推送',
      key: 'last',
      render: (_, webhook) =>
        webhook.lastDeliveryStatus ? (
          <Flex gap={8} align="center" wrap>
            <Tag color={webhook.lastDeliveryStatus === 'succeeded' ? 'green' : 'red'}>
              {WEBHOOK_DELIVERY_STATUS_LABELS[webhook.lastDeliveryStatus]}
            </Tag>
            <span>{formatDateTime(webhook.lastDeliveryAt)}</span>
          </Flex>
        ) : (
          <Typography.Text type="secondary">尚未推送</Typography.Text>
        ),
    },
    { title: '创建时间', key: 'created', render: (_, webhook) => formatDateTime(webhook.createdAt) },
    {
      title: '操作',
      key: 'actions',
      render: (_, webhook) => {
        const name = webhook.name ?? webhook.url;
        return (
          <Flex gap={8}>
            <Button
              size="small"
              icon={<HistoryOutlined aria-hidden />}
              aria-label={`推送记录 ${name}`}
              onClick={() => {
                setShownOpened(true);
                setShown(webhook);
              }}
            >
              推送记录
            </Button>
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={`删除 ${name}`}
              onClick={() => confirmDelete(webhook)}
            >
              删除
            </Button>
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <title>外部推送 · 整改工作台</title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          外部推送
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => {
            setCreatingOpened(true);
            setCreating(true);
          }}
        >
          新建外部推送
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">
        催办、销号申请退回等事件发生时，推送到企业微信或钉钉群机器人，或以 JSON 推送到其他系统。每次推送带
        X-Zhenggai-Signature 签名，失败后自动重试，每次尝试都有记录。
      </Typography.Paragraph>
      {webhooks.isError ? (
        <QueryError error={webhooks.error} onRetry={() => webhooks.refetch()} />
      ) : (
        <Table<Webhook>
          rowKey="id"
          size="small"
          aria-label="外部推送"
          columns={columns}
          dataSource={webhooks.data?.items ?? []}
          loading={webhooks.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '还没有外部推送' }}
        />
      )}
      <Suspense fallback={null}>
        {creatingOpened && <CreateWebhookModal open={creating} onClose={() => setCreating(false)} />}
        {shownOpened && <DeliveriesDrawer webhook={shown} onClose={() => setShown(null)} />}
      </Suspense>
    </>
  );
}
