import { EyeInvisibleOutlined, EyeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useLogin, type LoginInput } from '@/lib/auth';

export function LoginForm() {
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const [errorText, setErrorText] = useState<string | null>(null);

  const submit = (values: LoginInput) => {
    setErrorText(null);
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
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
