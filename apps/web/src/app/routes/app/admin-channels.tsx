import { MailOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { notificationKindLabel } from '@zhenggai/domain';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import {
  useDeliveries,
  useNotificationChannels,
  type DeliveriesQuery,
  type Delivery,
  type NotificationChannels,
} from '@/features/notifications/api/channels';
import { useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

// the test-mail form (Form and its validator) loads after the page: it is the only form here, under the mail settings
const TestMailForm = lazy(() =>
  import('@/features/notifications/components/test-mail-form').then((m) => ({ default: m.TestMailForm })),
);

const STATUS_OPTIONS: { value: 'sent' | 'failed'; label: string }[] = [
  { value: 'failed', label: '失败' },
  { value: 'sent', label: '已发送' },
];

function EmailChannel({ email }: { email: NotificationChannels['email'] }) {
  if (!email.enabled) {
    return (
      <Alert
        type="info"
        showIcon
        title="邮件通道未开启：通知只在系统内（右上角铃铛）送达"
        description={
          <>
            在服务器上设置 <Typography.Text code>SMTP_URL</Typography.Text>（如
            <Typography.Text code>smtps://用户名:密码@smtp.example.gov.cn:465</Typography.Text>）和
            <Typography.Text code>MAIL_FROM</Typography.Text>（发件人）后重启服务，即可按各用户的通知设置发送邮件。
          </>
        }
      />
    );
  }
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'state', label: '状态', children: <Tag color="green">已开启</Tag> },
          {
            key: 'server',
            label: '发信服务器',
            children: `${email.host}:${email.port}（${email.secure ? 'SSL/TLS' : 'STARTTLS（如服务器支持）'}）`,
          },
          { key: 'from', label: '发件人', children: email.from },
          { key: 'url', label: '邮件中的链接', children: email.publicUrl },
          {
            key: 'reach',
            label: '可收邮件的账号',
            children: `${email.usersWithEmail} / ${email.activeUsers}（其余账号未填写邮箱，只在系统内收到通知）`,
          },
        ]}
      />
      <Suspense fallback={null}>
        <TestMailForm />
      </Suspense>
    </>
  );
}

/** 通知渠道: the system admin's page — whether mail is on, a test mail, and the log of every mail. */
export function AdminChannelsRoute() {
  const session = useSessionUser();
  const allowed = Boolean(session.data?.roles.includes('system_admin'));
  const channels = useNotificationChannels();
  const [query, setQuery] = useState<DeliveriesQuery>({ page: 1, pageSize: 20, channel: 'email' });
  const deliveries = useDeliveries(query);

  if (!allowed) return <NoAccess title="无权查看通知渠道" detail="通知渠道仅限系统管理员查看。" />;

  const columns: TableColumnsType<Delivery> = [
    { title: '时间', key: 'created', render: (_, row) => formatDateTime(row.createdAt) },
    {
      title: '收件人',
      key: 'recipient',
      render: (_, row) => (row.userName ? `${row.userName}（${row.recipient}）` : row.recipient),
    },
    {
      title: '内容',
      key: 'subject',
      render: (_, row) => (
        <Flex vertical>
          <span>{row.subject}</span>
          <Typography.Text type="secondary">{row.kind ? notificationKindLabel(row.kind) : '测试邮件'}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '结果',
      key: 'status',
      render: (_, row) => (row.status === 'sent' ? <Tag color="green">已发送</Tag> : <Tag color="red">失败</Tag>),
    },
    { title: '第几次', key: 'attempt', render: (_, row) => `第 ${row.attempt} 次` },
    {
      title: '错误信息',
      key: 'error',
      render: (_, row) =>
        row.error ? (
          <Typography.Text type="danger">{row.error}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <title>通知渠道 · 整改工作台</title>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        通知渠道
      </Typography.Title>
      <Card
        title={
          <Flex gap={8} align="center">
            <MailOutlined aria-hidden />
            邮件
          </Flex>
        }
        size="small"
      >
        {channels.isError ? (
          <QueryError error={channels.error} onRetry={() => channels.refetch()} />
        ) : channels.data ? (
          <EmailChannel email={channels.data.email} />
        ) : (
          <Typography.Text type="secondary">加载中…</Typography.Text>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          系统内通知（铃铛）始终送达；邮件由后台任务发送，失败时自动重试 5 次（间隔逐次加倍）。每位用户可在“账户设置 ›
          通知设置”中选择哪些消息发到邮箱。
        </Typography.Paragraph>
      </Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '24px 0 12px' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          投递记录
        </Typography.Title>
        <Select
          allowClear
          aria-label="按结果筛选"
          placeholder="全部结果"
          style={{ width: 120 }}
          value={query.status}
          options={STATUS_OPTIONS}
          onChange={(status) => setQuery((prev) => ({ ...prev, page: 1, status }))}
        />
      </Flex>
      {deliveries.isError ? (
        <QueryError error={deliveries.error} onRetry={() => deliveries.refetch()} />
      ) : (
        <Table<Delivery>
          rowKey="id"
          size="small"
          aria-label="投递记录"
          columns={columns}
          dataSource={deliveries.data?.items ?? []}
          loading={deliveries.isPending || deliveries.isPlaceholderData}
          locale={{ emptyText: '暂无投递记录' }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: deliveries.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setQuery((prev) => ({ ...prev, page })),
          }}
        />
      )}
    </>
  );
}
