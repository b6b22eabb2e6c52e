import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Flex, Pagination, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import {
  useNotifications,
  type Notification,
  type NotificationsQuery,
} from '@/features/notifications/api/get-notifications';
import { useReadAllNotifications, useReadNotification } from '@/features/notifications/api/read-notifications';
import { errorMessage } from '@/lib/api-client';
import { ACCOUNT_NOTIFICATIONS_PATH } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

/** 通知中心: every account's own notifications — unread first to the eye, a click opens what it is about. */
export function NotificationsRoute() {
  const [query, setQuery] = useState<NotificationsQuery>({ page: 1, pageSize: 20, unread: true });
  const notifications = useNotifications(query);
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const open = (item: Notification) => {
    if (!item.readAt) read.mutate(item.id, { onError: (error) => message.error(errorMessage(error)) });
    if (item.link) navigate(item.link);
  };
  const unread = notifications.data?.unread ?? 0;

  return (
    <>
      <title>通知中心 · 整改工作台</title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          通知中心
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Segmented
            aria-label="筛选通知"
            value={query.unread ? 'unread' : 'all'}
            options={[
              { value: 'unread', label: `未读（${unread}）` },
              { value: 'all', label: '全部' },
            ]}
            onChange={(value) => setQuery((prev) => ({ ...prev, page: 1, unread: value === 'unread' }))}
          />
          <Button
            icon={<CheckOutlined aria-hidden />}
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() =>
              readAll.mutate(undefined, {
                onSuccess: ({ updated }) => message.success(`已将 ${updated} 条通知标为已读`),
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            全部标为已读
          </Button>
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => navigate(ACCOUNT_NOTIFICATIONS_PATH)}>
            通知设置
          </Button>
        </Flex>
      </Flex>
      {notifications.isError ? (
        <QueryError error={notifications.error} onRetry={() => notifications.refetch()} />
      ) : notifications.isPending ? (
        <Spin />
      ) : notifications.data.items.length === 0 ? (
        <Empty description={query.unread ? '没有未读通知' : '暂无通知'} />
      ) : (
        <Flex vertical gap={12}>
          <Flex vertical gap={8} role="list" aria-label="通知">
            {notifications.data.items.map((item) => (
              <Card
                key={item.id}
                size="small"
                role="listitem"
                hoverable={Boolean(item.link)}
                onClick={() => open(item)}
                style={{ cursor: item.link ? 'pointer' : 'default' }}
              >
                <Flex justify="space-between" gap={12} wrap>
                  <Flex gap={8} align="center">
                    {!item.readAt && <Badge status="processing" aria-label="未读" />}
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {item.body}
                </Typography.Paragraph>
                {!item.readAt && !item.link && (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={(event) => {
                      event.stopPropagation();
                      open(item);
                    }}
                  >
                    标为已读
                  </Button>
                )}
              </Card>
            ))}
          </Flex>
          <Pagination
            align="end"
            current={query.page}
            pageSize={query.pageSize}
            total={notifications.data.total}
            showTotal={(total) => `共 ${total} 条`}
            onChange={(page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize }))}
          />
        </Flex>
      )}
    </>
  );
}
