// 通知渠道's test mail: one address field, sent through the mail channel (loaded lazily by the page, issue 28)
import { SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input } from 'antd';
import { errorMessage } from '@/lib/api-client';
import { useSendTestMail } from '../api/channels';

export function TestMailForm() {
  const { message } = App.useApp();
  const send = useSendTestMail();
  const [form] = Form.useForm<{ to: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 16, rowGap: 8 }}
      onFinish={({ to }) =>
        send.mutate(to.trim(), {
          onSuccess: () => {
            message.success(`测试邮件已提交，发送结果见下方投递记录`);
            form.resetFields();
          },
          onError: (error) => message.error(errorMessage(error)),
        })
      }
    >
      <Form.Item
        name="to"
        label="发送测试邮件到"
        rules={[
          { required: true, message: '请输入邮箱地址' },
          { type: 'email', message: '请输入有效的邮箱地址' },
        ]}
      >
        <Input maxLength={254} placeholder="name@example.gov.cn" style={{ width: 260 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" icon={<SendOutlined aria-hidden />} loading={send.isPending}>
          发送
        </Button>
      </Form.Item>
    </Form>
  );
}
