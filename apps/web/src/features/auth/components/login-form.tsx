import { EyeInvisibleOutlined, EyeOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useLogin, useLoginMfa, type LoginInput } from '@/lib/auth';

interface MfaValues {
  code: string;
}

/** The second step for an account with 双因素认证: a 6-digit code, or one of its recovery codes. */
function MfaStep({ mfaToken, onRestart }: { mfaToken: string; onRestart: () => void }) {
  const [form] = Form.useForm<MfaValues>();
  const loginMfa = useLoginMfa();
  const [useRecovery, setUseRecovery] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const submit = ({ code }: MfaValues) => {
    setErrorText(null);
    const value = code.trim();
    loginMfa.mutate(useRecovery ? { mfaToken, recoveryCode: value } : { mfaToken, code: value }, {
      onError: (error) => setErrorText(isApiError(error) ? error.message : '验证失败，请稍后重试'),
    });
  };
  return (
    <Form<MfaValues> form={form} layout="vertical" requiredMark={false} onFinish={submit} className="zg-login-form">
      {errorText && <Alert type="error" showIcon title={errorText} className="zg-login-error" role="alert" />}
      <Form.Item
        label={useRecovery ? '恢复码' : '动态验证码'}
        name="code"
        extra={useRecovery ? '每个恢复码只能使用一次' : '请输入身份验证器中显示的 6 位数字'}
        rules={
          useRecovery
            ? [{ required: true, whitespace: true, message: '请输入恢复码' }]
            : [
                { required: true, message: '请输入动态验证码' },
                { pattern: /^\d{6}$/, message: '动态验证码为 6 位数字' },
              ]
        }
      >
        <Input
          prefix={<SafetyOutlined aria-hidden />}
          autoComplete="one-time-code"
          inputMode={useRecovery ? 'text' : 'numeric'}
          maxLength={useRecovery ? 32 : 6}
          size="large"
          autoFocus
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={loginMfa.isPending}>
          验证并登录
        </Button>
      </Form.Item>
      <Button type="link" size="small" onClick={() => setUseRecovery((value) => !value)} style={{ paddingInline: 0 }}>
        {useRecovery ? '使用动态验证码' : '无法使用身份验证器？使用恢复码'}
      </Button>
      <Button type="link" size="small" onClick={onRestart} style={{ float: 'right', paddingInline: 0 }}>
        返回重新登录
      </Button>
    </Form>
  );
}

export function LoginForm() {
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const [errorText, setErrorText] = useState<string | null>(null);
  const [mfaToken, setMfaToken] = useState<string | null>(null);

  const submit = (values: LoginInput) => {
    setErrorText(null);
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (result) => {
          if (result.kind === 'mfa-required') setMfaToken(result.mfaToken);
        },
        onError: (error) => {
          if (isApiError(error) && error.errors) {
            form.setFields(
              Object.entries(error.errors)
                .filter(([name]) => name === 'username' || name === 'password')
                .map(([name, errors]) => ({ name: name as keyof LoginInput, errors })),
            );
          }
          setErrorText(isApiError(error) ? error.message : '登录失败，请稍后重试');
        },
      },
    );
  };

  if (mfaToken) return <MfaStep mfaToken={mfaToken} onRestart={() => setMfaToken(null)} />;

  return (
    <Form<LoginInput>
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      onValuesChange={() => setErrorText(null)}
      className="zg-login-form"
    >
      {errorText && <Alert type="error" showIcon title={errorText} className="zg-login-error" role="alert" />}
      <Form.Item
        label="用户名"
        name="username"
        rules={[
          { required: true, whitespace: true, message: '请输入用户名' },
          { max: 64, message: '用户名不能超过 64 个字符' },
        ]}
      >
        <Input
          prefix={<UserOutlined aria-hidden />}
          placeholder="请输入用户名"
          autoComplete="username"
          maxLength={64}
          size="large"
        />
      </Form.Item>
      <Form.Item
        label="密码"
        name="password"
        rules={[
          { required: true, message: '请输入密码' },
          { max: 128, message: '密码不能超过 128 个字符' },
        ]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          placeholder="请输入密码"
          autoComplete="current-password"
          iconRender={(visible) =>
            visible ? <EyeOutlined aria-label="隐藏密码" /> : <EyeInvisibleOutlined aria-label="显示密码" />
          }
          maxLength={128}
          size="large"
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          登录
        </Button>
      </Form.Item>
    </Form>
  );
}
