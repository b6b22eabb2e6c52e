import { App, Form, Input, Typography } from 'antd';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage } from '@/lib/api-client';
import { useUrgeMeasures, type UrgeTarget } from '../api/urge-measures';

export const URGE_MESSAGE_MAX = 500;
const DEFAULT_MESSAGE = '请抓紧推进整改，按时报送整改进展和佐证材料。';

/** 催办: the officer's message to the units of these measures; every account of those units is notified. */
export function UrgeModal({
  target,
  subject,
  onClose,
}: {
  target: UrgeTarget;
  /** what is urged, e.g. "7.(1) 全面排查…" or "3 项逾期措施" */
  subject: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ message: string }>();
  const urge = useUrgeMeasures();
  const { message, modal } = App.useApp();

  return (
    <FormModal<{ message: string }>
      title="催办"
      form={form}
      okText="发送催办"
      submitting={urge.isPending}
      errorText={urge.isError ? errorMessage(urge.error) : null}
      initialValues={{ message: DEFAULT_MESSAGE }}
      onCancel={onClose}
      onFinish={(values) =>
        urge.mutate(
          { target, message: values.message.trim() },
          {
            onSuccess: (result) => {
              message.success(`已催办 ${result.measures} 项措施，已通知 ${result.recipients} 人`);
              // the task force must reach these units another way (a call, a 督办单)
              if (result.unreachedUnits.length > 0)
                modal.warning({
                  title: '以下责任单位没有可接收通知的账号',
                  content: `${result.unreachedUnits.map((unit) => unit.name).join('、')}未收到催办通知，请电话联系或为其开通账号。`,
                  okText: '知道了',
                });
              onClose();
            },
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">
        催办：{subject}。责任单位的所有账号都会收到通知，催办记入措施的办理记录。
      </Typography.Paragraph>
      <Form.Item
        name="message"
        label="催办意见"
        rules={[
          { required: true, whitespace: true, message: '请填写催办意见' },
          { max: URGE_MESSAGE_MAX, message: `催办意见不超过 ${URGE_MESSAGE_MAX} 字` },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={URGE_MESSAGE_MAX} />
      </Form.Item>
    </FormModal>
  );
}
