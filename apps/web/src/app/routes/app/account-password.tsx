import { PASSWORD_RULES_TEXT, validatePassword } from '@zhenggai/domain';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useChangePassword, type ChangePasswordInput } from '@/features/account/api/change-password';
import { AccountTabs } from '@/features/account/components/account-tabs';
import { errorMessage, isApiError } from '@/lib/api-client';
import { accountGate, DEFAULT_HOME, useSessionUser } from '@/lib/auth';
import { applyFieldErrors } from '@/lib/form-errors';

type FormValues = ChangePasswordInput & { confirmPassword: string };

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** 修改密码: every account's own page, and the forced one after the first login or when the password expired. */
export function AccountPasswordRoute() {
  const session = useSessionUser();
  const user = session.data;
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);

  const forced = user?.mustChangePassword ? 'first' : user?.passwordExpired ? 'expired' : null;

  const onFinish = ({ currentPassword, newPassword }: FormValues) => {
    setFormError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (next) => {
          form.resetFields();
          message.success('密码已修改');
          // the next step (a second factor) or the home page after a forced change; otherwise stay here
          if (forced) navigate(accountGate(next) ?? DEFAULT_HOME, { replace: true });
        },
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, FIELDS);
          const placedOnFields = isApiError(error) && error.errors && unplaced.length === 0;
          if (!placedOnFields) {
            setFormError(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error, '修改密码失败，请稍后重试'));
          }
        },
      },
    );
  };

  return (
    <>
      <title>修改密码 · 整改工作台</title>
      <Typography.Title level={3}>账户设置</Typography.Title>
      {!forced && <AccountTabs />}
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={forced === 'first' ? '初次登录请修改密码' : '密码已过期，请修改后继续'}
          description="修改密码后才能使用系统的其他功能。"
        />
      )}
      <Card style={{ maxWidth: 480 }}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          aria-label="修改密码"
          name="change-password"
          onFinish={onFinish}
          requiredMark={false}
        >
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra={PASSWORD_RULES_TEXT}
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const problems = validatePassword(value, user?.username);
                  return problems.length > 0 ? Promise.reject(new Error(problems.join('；'))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} block>
            修改密码
          </Button>
        </Form>
      </Card>
    </>
  );
}
