import { App, Button, Card, Form, Input } from 'antd';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useReplySupervisionOrder } from '../api/reply-supervision-order';

const REPLY_MAX = 2000;

/** The unit's one reply (回复督办); full width, so it works on a phone. */
export function ReplyForm({ orderId, onRefused }: { orderId: string; onRefused: () => void }) {
  const [form] = Form.useForm<{ body: string }>();
  const reply = useReplySupervisionOrder(orderId);
  const { message } = App.useApp();

  const submit = ({ body }: { body: string }) =>
    reply.mutate(
      { body: body.trim() },
      {
        onSuccess: () => message.success('已回复督办单'),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            message.error(errorMessage(error, '该督办单已回复'));
            onRefused();
            return;
          }
          if (applyFieldErrors(form, error, ['body']).length > 0 || !(isApiError(error) && error.errors))
            message.error(errorMessage(error, '回复失败，请稍后重试'));
        },
      },
    );

  return (
    <Card variant="borderless" size="small" title="回复督办">
      <Form form={form} layout="vertical" onFinish={submit} disabled={reply.isPending}>
        <Form.Item
          name="body"
          label="回复内容"
          rules={[
            { required: true, whitespace: true, message: '请填写回复内容' },
            { max: REPLY_MAX, message: `不能超过 ${REPLY_MAX} 个字` },
          ]}
        >
          <Input.TextArea rows={5} maxLength={REPLY_MAX} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reply.isPending} block>
          提交回复
        </Button>
      </Form>
    </Card>
  );
}
