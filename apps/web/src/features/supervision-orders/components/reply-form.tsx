import { App, Button, Card, Form, Input } from 'antd';
import type { ReactElement } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useReplySupervisionOrder } from '../api/reply-supervision-order';

const REPLY_MAX = 2000;

interface ReplyValues {
  body: string;
  attachmentIds?: string[];
}

/**
 * The unit's one reply (回复督办); full width, so it works on a phone. `evidence` is the control that chooses and
 * uploads the evidence of the order's measures (a form control of attachment ids, given by the page).
 */
export function ReplyForm({
  orderId,
  onRefused,
  evidence,
}: {
  orderId: string;
  onRefused: () => void;
  evidence?: ReactElement;
}) {
  const [form] = Form.useForm<ReplyValues>();
  const reply = useReplySupervisionOrder(orderId);
  const { message } = App.useApp();

  const submit = ({ body, attachmentIds }: ReplyValues) =>
    reply.mutate(
      { body: body.trim(), attachmentIds: attachmentIds ?? [] },
      {
        onSuccess: () => message.success('已回复督办单'),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            message.error(errorMessage(error, '该督办单已回复'));
            onRefused();
            return;
          }
          if (
            applyFieldErrors(form, error, ['body', 'attachmentIds']).length > 0 ||
            !(isApiError(error) && error.errors)
          )
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
        {evidence && (
          <Form.Item name="attachmentIds" label="佐证材料" extra="可选：勾选督办事项已有的材料，或上传新材料">
            {evidence}
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={reply.isPending} block>
          提交回复
        </Button>
      </Form>
    </Card>
  );
}
