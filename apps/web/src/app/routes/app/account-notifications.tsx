import { Alert, App, Button, Card, Form, Input, Radio, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { AccountTabs } from '@/features/account/components/account-tabs';
import {
  useNotificationSettings,
  useUpdateNotificationSettings,
  type NotificationSettings,
} from '@/features/notifications/api/settings';
import { errorMessage, isApiError, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';

type Kind = NotificationSettings['kinds'][number];
type FormValues = { email: string | null; mailDigest: boolean; mail: Record<string, boolean> };

function formValues(settings: NotificationSettings): FormValues {
  return {
    email: settings.email,
    mailDigest: settings.mailDigest,
    mail: Object.fromEntries(settings.kinds.map((k) => [k.kind, k.email])),
  };
}

/** 通知设置: the account's own email address and, per kind of notification, whether it also comes by email. */
export function AccountNotificationsRoute() {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const data = settings.data;

  useEffect(() => {
    if (data) form.setFieldsValue(formValues(data));
  }, [data, form]);

  const onFinish = (values: FormValues) => {
    if (!data) return;
    update.mutate(
      {
        version: data.version,
        email: values.email?.trim() || null,
        mailDigest: values.mailDigest ?? data.mailDigest,
        kinds: data.kinds.map((k) => ({ kind: k.kind, email: values.mail?.[k.kind] ?? k.email })),
      },
      {
        onSuccess: () => message.success('通知设置已保存'),
        onError: (error) => {
          if (isVersionConflict(error)) {
            message.warning('设置已在其他页面修改，已载入最新设置，请确认后再保存');
            return;
          }
          const unplaced = applyFieldErrors(form, error, ['email']);
          const placed = isApiError(error) && error.errors && unplaced.length === 0;
          if (!placed) message.error(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error));
        },
      },
    );
  };

  const columns: TableColumnsType<Kind> = [
    { title: '通知类型', dataIndex: 'label', key: 'label' },
    {
      title: '系统内',
      key: 'inApp',
      render: () => <Switch checked disabled size="small" aria-label="系统内通知（始终开启）" />,
    },
    {
      title: '邮件',
      key: 'email',
      render: (_, kind) => (
        <Form.Item name={['mail', kind.kind]} valuePropName="checked" noStyle>
          <Switch size="small" aria-label={`${kind.label}：邮件`} disabled={!data?.mailEnabled} />
        </Form.Item>
      ),
    },
  ];

  return (
    <>
      <title>通知设置 · 整改工作台</title>
      <Typography.Title level={3}>账户设置</Typography.Title>
      <AccountTabs />
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <Card style={{ maxWidth: 640 }} loading={settings.isPending}>
          {data && !data.mailEnabled && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="本系统未开启邮件通道，所有通知只在系统内（右上角铃铛）送达。"
            />
          )}
          <Form<FormValues>
            form={form}
            layout="vertical"
            aria-label="通知设置"
            onFinish={onFinish}
            requiredMark={false}
          >
            <Form.Item
              name="email"
              label="接收通知的邮箱"
              extra="不填则只在系统内收到通知"
              rules={[{ type: 'email', message: '请输入有效的邮箱地址' }]}
            >
              <Input maxLength={254} autoComplete="email" placeholder="name@example.gov.cn" />
            </Form.Item>
            <Form.Item
              name="mailDigest"
              label="邮件发送方式"
              extra="系统内通知始终即时送达；22:00 至次日 07:00 不发送邮件"
            >
              <Radio.Group
                disabled={!data?.mailEnabled}
                options={[
                  { value: false, label: '逐条发送' },
                  { value: true, label: '每日汇总（每天 07:30 一封）' },
                ]}
              />
            </Form.Item>
            {data && data.kinds.length === 0 ? (
              <Typography.Paragraph type="secondary">您的账号不会收到业务通知。</Typography.Paragraph>
            ) : (
              <Table<Kind>
                rowKey="kind"
                size="small"
                aria-label="各类通知的送达方式"
                columns={columns}
                dataSource={data?.kinds ?? []}
                pagination={false}
                style={{ marginBottom: 16 }}
              />
            )}
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              保存
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
