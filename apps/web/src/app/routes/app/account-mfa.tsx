import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { QueryError } from '@/components/errors/query-error';
import { PageLoading } from '@/components/ui/page-loading';
import { useDisableMfa, type DisableMfaInput } from '@/features/account/api/disable-mfa';
import { useEnableMfa } from '@/features/account/api/enable-mfa';
import { useMfaStatus } from '@/features/account/api/get-mfa-status';
import { useSetupMfa, type MfaSetup } from '@/features/account/api/setup-mfa';
import { AccountTabs } from '@/features/account/components/account-tabs';
import { errorMessage } from '@/lib/api-client';
import { DEFAULT_HOME, useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { sessionQueryKey } from '@/lib/react-query';

/** The base32 secret in groups of four, as authenticator apps ask for it. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  );
}

const CODE_RULES = [
  { required: true, message: '请输入验证器中的 6 位动态验证码' },
  { pattern: /^\d{6}$/, message: '动态验证码为 6 位数字' },
];

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      message.success('恢复码已复制');
    } catch {
      message.error('复制失败，请手动抄写');
    }
  };
  return (
    <Card title="恢复码" style={{ maxWidth: 560 }}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="恢复码只显示这一次，请立即抄写或复制后妥善保管"
        description="手机丢失或验证器无法使用时，每个恢复码可代替动态验证码登录一次。"
      />
      <ul aria-label="恢复码" className="zg-recovery-codes" style={{ listStyle: 'none', padding: 0, columns: 2 }}>
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code>{code}</Typography.Text>
          </li>
        ))}
      </ul>
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined aria-hidden />} onClick={copy}>
          复制恢复码
        </Button>
        <Button type="primary" onClick={onDone}>
          我已妥善保管
        </Button>
      </Flex>
    </Card>
  );
}

function SetupPanel({ setup, onEnabled }: { setup: MfaSetup | null; onEnabled: (codes: string[]) => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const enable = useEnableMfa();

  return (
    <Card title="绑定验证器" style={{ maxWidth: 560 }}>
      {setup ? (
        <>
          <Typography.Paragraph>请在手机验证器（如身份验证器应用）中手动添加，输入以下密钥：</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text code copyable={{ text: setup.secret, tooltips: ['复制', '已复制'] }} aria-label="密钥">
              {groupSecret(setup.secret)}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }}>
            配置链接：{setup.otpauthUrl}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph>
          已生成密钥但尚未启用。密钥只显示一次，如未保存，请点击“重新生成密钥”。
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        aria-label="启用双因素认证"
        requiredMark={false}
        onFinish={({ code }) => enable.mutate({ code }, { onSuccess: (result) => onEnabled(result.recoveryCodes) })}
      >
        {enable.isError && (
          <Alert type="error" showIcon title={errorMessage(enable.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="code" label="动态验证码" rules={CODE_RULES}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={enable.isPending}>
          启用
        </Button>
      </Form>
    </Card>
  );
}

function DisableModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<DisableMfaInput>();
  const disable = useDisableMfa();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title="停用双因素认证"
      okText="停用"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: disable.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          disable.mutate(
            { password: values.password, code: values.code || undefined },
            {
              onSuccess: () => {
                message.success('已停用双因素认证');
                onClose();
              },
            },
          )
        }
      >
        {disable.isError && (
          <Alert type="error" showIcon title={errorMessage(disable.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="password" label="登录密码" rules={[{ required: true, message: '请输入登录密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="code" label="动态验证码" rules={CODE_RULES}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 双因素认证: the account's TOTP second factor — status, setup, enabling with the recovery codes, disabling. */
export function AccountMfaRoute() {
  const status = useMfaStatus();
  const setup = useSetupMfa();
  const session = useSessionUser();
  const [disableOpen, setDisableOpen] = useState(false);
  // shown once, right after enabling: kept here because the status then changes under the setup panel
  const [codes, setCodes] = useState<string[] | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const required = Boolean(session.data?.mfaEnrollmentRequired);

  let body;
  if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        onDone={async () => {
          await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
          setCodes(null);
          if (required) navigate(DEFAULT_HOME, { replace: true });
        }}
      />
    );
  } else if (status.isPending) body = <PageLoading />;
  else if (status.isError) body = <QueryError error={status.error} onRetry={() => status.refetch()} />;
  else {
    const mfa = status.data;
    const showSetup = !mfa.enabled && (mfa.pending || setup.data);
    body = (
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          column={1}
          style={{ maxWidth: 560 }}
          items={[
            {
              key: 'status',
              label: '状态',
              children: mfa.enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>,
            },
            ...(mfa.enabled
              ? [
                  { key: 'at', label: '启用时间', children: mfa.enabledAt ? formatDateTime(mfa.enabledAt) : '—' },
                  { key: 'left', label: '剩余恢复码', children: `${mfa.recoveryCodesLeft} 个` },
                ]
              : []),
          ]}
        />
        {setup.isError && <Alert type="error" showIcon title={errorMessage(setup.error)} />}
        {!mfa.enabled && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            type={showSetup ? 'default' : 'primary'}
            loading={setup.isPending}
            onClick={() => setup.mutate()}
          >
            {showSetup ? '重新生成密钥' : '开始设置'}
          </Button>
        )}
        {showSetup && (
          <SetupPanel key={setup.data?.secret ?? 'pending'} setup={setup.data ?? null} onEnabled={setCodes} />
        )}
        {mfa.enabled && !mfa.required && (
          <Button danger style={{ alignSelf: 'flex-start' }} onClick={() => setDisableOpen(true)}>
            停用双因素认证
          </Button>
        )}
        {mfa.enabled && mfa.required && (
          <Typography.Text type="secondary">您的角色须使用双因素认证，不能停用。</Typography.Text>
        )}
      </Flex>
    );
  }

  return (
    <>
      <title>双因素认证 · 整改工作台</title>
      <Typography.Title level={3}>账户设置</Typography.Title>
      {!required && <AccountTabs />}
      {required && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="您的账号须启用双因素认证"
          description="启用后才能使用系统的其他功能。"
        />
      )}
      {body}
      <DisableModal open={disableOpen} onClose={() => setDisableOpen(false)} />
    </>
  );
}
