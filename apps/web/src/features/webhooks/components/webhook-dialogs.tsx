import { ReloadOutlined } from '@ant-design/icons';
import {
  WEBHOOK_DELIVERY_STATUS_LABELS,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMAT_LABELS,
  WEBHOOK_FORMATS,
  type WebhookEvent,
  type WebhookFormat,
} from '@zhenggai/domain';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { useWebhookDeliveries, type Webhook, type WebhookDelivery } from '@/features/webhooks/api/get-webhooks';
import { useCreateWebhook, type CreateWebhookInput } from '@/features/webhooks/api/webhook-mutations';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';

// The admin webhooks page's dialogs: loaded when one opens, not with the page (issue 28, bundle budget).

export const eventLabel = (event: string) => WEBHOOK_EVENT_LABELS[event as WebhookEvent] ?? event;
export const formatLabel = (format: string) => WEBHOOK_FORMAT_LABELS[format as WebhookFormat] ?? format;

/** 32 random bytes as hex: a secret nobody has to invent. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function CreateWebhookModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateWebhookInput>();
  const create = useCreateWebhook();
  const { modal } = App.useApp();
  return (
    <Modal
      open={open}
      title="新建外部推送"
      okText="创建"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ format: 'wecom', events: ['measure.urged'] }}
        onFinish={(values) =>
          create.mutate(
            { ...values, name: values.name?.trim() || undefined },
            {
              onSuccess: (result) => {
                onClose();
                modal.info({
                  title: '已创建外部推送',
                  okText: '我已记下',
                  content: (
                    <>
                      <Typography.Paragraph>
                        签名密钥：
                        <Typography.Text code copyable={{ text: result.secret, tooltips: ['复制', '已复制'] }}>
                          {result.secret}
                        </Typography.Text>
                      </Typography.Paragraph>
                      <Typography.Paragraph type="warning">
                        密钥只显示这一次。接收方用它校验请求头 X-Zhenggai-Signature（请求体的 HMAC-SHA256）。
                      </Typography.Paragraph>
                    </>
                  ),
                });
              },
            },
          )
        }
      >
        {create.isError && (
          <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="name" label="名称">
          <Input maxLength={100} placeholder="如：整改专班群机器人" />
        </Form.Item>
        <Form.Item
          name="url"
          label="推送地址"
          extra="只支持 http:// 或 https://；不允许内网、本机或保留地址"
          rules={[
            { required: true, message: '请输入推送地址' },
            { max: 2000, message: '推送地址不能超过 2000 个字符' },
            { pattern: /^https?:\/\//i, message: '推送地址须以 http:// 或 https:// 开头' },
          ]}
        >
          <Input autoComplete="off" placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
        </Form.Item>
        <Form.Item label="密钥" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="secret"
              noStyle
              rules={[
                { required: true, message: '请输入或生成密钥' },
                { min: 16, message: '密钥至少 16 个字符' },
                { max: 200, message: '密钥不能超过 200 个字符' },
              ]}
            >
              <Input autoComplete="off" aria-label="密钥" />
            </Form.Item>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => form.setFieldValue('secret', generateSecret())}
            >
              生成
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="format" label="消息格式" rules={[{ required: true, message: '请选择消息格式' }]}>
          <Radio.Group
            options={WEBHOOK_FORMATS.map((format) => ({ value: format, label: WEBHOOK_FORMAT_LABELS[format] }))}
          />
        </Form.Item>
        <Form.Item name="events" label="推送事件" rules={[{ required: true, message: '请至少选择一个事件' }]}>
          <Checkbox.Group
            options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: WEBHOOK_EVENT_LABELS[event] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const [query, setQuery] = useState({ page: 1, pageSize: 20 });
  const deliveries = useWebhookDeliveries(webhook?.id ?? null, query);
  const columns: TableColumnsType<WebhookDelivery> = [
    { title: '时间', key: 'created', render: (_, delivery) => formatDateTime(delivery.createdAt) },
    { title: '事件', key: 'event', render: (_, delivery) => eventLabel(delivery.event) },
    { title: '第几次', key: 'attempt', render: (_, delivery) => delivery.attempt },
    {
      title: '结果',
      key: 'status',
      render: (_, delivery) => (
        <Tag color={delivery.status === 'succeeded' ? 'green' : 'red'}>
          {WEBHOOK_DELIVERY_STATUS_LABELS[delivery.status]}
        </Tag>
      ),
    },
    { title: 'HTTP 状态', key: 'httpStatus', render: (_, delivery) => delivery.httpStatus ?? '—' },
    {
      title: '错误信息',
      key: 'error',
      render: (_, delivery) =>
        delivery.error ? (
          <Typography.Text type="danger" style={{ wordBreak: 'break-all' }}>
            {delivery.error}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      size="large"
      title={`推送记录 · ${webhook?.name ?? webhook?.url ?? ''}`}
      destroyOnHidden
    >
      {deliveries.isError ? (
        <QueryError error={deliveries.error} onRetry={() => deliveries.refetch()} />
      ) : (
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          aria-label="推送记录"
          columns={columns}
          dataSource={deliveries.data?.items ?? []}
          loading={deliveries.isPending || deliveries.isPlaceholderData}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '还没有推送记录' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: deliveries.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setQuery({ page, pageSize }),
          }}
        />
      )}
    </Drawer>
  );
}
