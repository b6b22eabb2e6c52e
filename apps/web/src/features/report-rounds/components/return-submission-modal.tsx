// 退回报送's dialog, loaded when 退回 is first pressed (issue 28): the report page itself has no form
import { App, Form, Input, Modal } from 'antd';
import { errorMessage } from '@/lib/api-client';
import { useReturnSubmission } from '../api/return-submission';

export function ReturnSubmissionModal({
  open,
  onClose,
  roundId,
  unitId,
  unitName,
}: {
  open: boolean;
  onClose: () => void;
  roundId: string;
  unitId: string;
  unitName: string;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const back = useReturnSubmission(roundId, unitId);
  const { message } = App.useApp();
  const submit = ({ reason }: { reason: string }) =>
    back.mutate(reason.trim(), {
      onSuccess: () => {
        message.success(`已退回${unitName}的报送`);
        onClose();
      },
      onError: (error) => message.error(errorMessage(error, '退回失败，请稍后重试')),
    });
  return (
    <Modal
      open={open}
      title="退回报送"
      okText="退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={back.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={back.isPending}>
        <Form.Item
          name="reason"
          label="退回原因"
          rules={[
            { required: true, whitespace: true, message: '请填写退回原因' },
            { max: 500, message: '不能超过 500 个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
