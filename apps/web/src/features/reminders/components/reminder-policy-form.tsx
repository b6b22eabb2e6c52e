import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import {
  checkReminderRules,
  describeReminderRules,
  ESCALATION_TARGET_LABELS,
  ESCALATION_TARGETS,
  REMINDER_CHANNEL_LABELS,
  REMINDER_CHANNELS,
  type EscalationTarget,
  type ReminderChannel,
  type ReminderRules,
} from '@zhenggai/domain';
import { useEffect, useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useReminderPolicy, useUpdateReminderPolicy, type ReminderPolicy } from '../api/reminder-policy';

type FormValues = {
  dueSoonDays: number[];
  escalation: Array<{ afterOverdueDays: number | null; notify: EscalationTarget }>;
  channels: ReminderChannel[];
};

const DUE_SOON_OPTIONS = [30, 14, 10, 7, 5, 3, 2, 1].map((days) => ({ value: days, label: `到期前 ${days} 天` }));

function toValues(policy: ReminderPolicy): FormValues {
  return { dueSoonDays: policy.dueSoonDays, escalation: policy.escalation, channels: policy.channels };
}

function toRules(values: FormValues): ReminderRules {
  return {
    dueSoonDays: [...(values.dueSoonDays ?? [])].sort((a, b) => b - a),
    escalation: (values.escalation ?? []).map((step) => ({
      afterOverdueDays: step.afterOverdueDays ?? -1,
      notify: step.notify,
    })),
    channels: values.channels ?? [],
  };
}

/** 催办提醒规则 of an inspection: when the daily sweep reminds units and whom an overdue measure escalates to. */
export function ReminderPolicyForm({ inspectionId, readOnly }: { inspectionId: string; readOnly: boolean }) {
  const policy = useReminderPolicy(inspectionId);
  const update = useUpdateReminderPolicy(inspectionId);
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<string[]>([]);
  const values = Form.useWatch([], form) as FormValues | undefined;
  const data = policy.data;

  useEffect(() => {
    if (data) form.setFieldsValue(toValues(data));
  }, [data, form]);

  if (policy.isError) return <QueryError error={policy.error} onRetry={() => policy.refetch()} />;

  const onFinish = (input: FormValues) => {
    if (!data) return;
    const rules = toRules(input);
    const errors = checkReminderRules(rules);
    setProblems(Object.values(errors).flat());
    if (Object.keys(errors).length > 0) return;
    update.mutate(
      { version: data.version, ...rules },
      {
        onSuccess: () => message.success('催办提醒规则已保存'),
        onError: (error) =>
          isVersionConflict(error)
            ? message.warning('规则已被其他人修改，已载入最新规则，请确认后再保存')
            : setProblems([errorMessage(error)]),
      },
    );
  };

  const preview = values && values.escalation ? describeReminderRules(toRules(values)) : data?.text;

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          催办提醒规则
          {data?.isDefault && <Tag>默认规则</Tag>}
        </Flex>
      }
      loading={policy.isPending}
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">
        系统每天 08:30 按此规则提醒：到期前提醒责任单位；逾期后逐级提醒，直至整改完成。
      </Typography.Paragraph>
      {preview && <Alert type="info" showIcon title={preview} style={{ marginBottom: 16 }} aria-label="规则说明" />}
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} layout="vertical" aria-label="催办提醒规则" onFinish={onFinish} disabled={readOnly}>
        <Form.Item name="dueSoonDays" label="到期前提醒（责任单位）" extra="不选则到期前不提醒">
          <Select mode="multiple" options={DUE_SOON_OPTIONS} placeholder="到期前不提醒" style={{ maxWidth: 480 }} />
        </Form.Item>
        <Typography.Text strong>逾期升级</Typography.Text>
        <Form.List name="escalation">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ margin: '8px 0 16px' }} role="list" aria-label="逾期升级">
              {fields.map((field, index) => (
                <Space key={field.key} wrap role="listitem">
                  <span>逾期</span>
                  <Form.Item name={[field.name, 'afterOverdueDays']} noStyle>
                    <InputNumber min={0} max={365} precision={0} aria-label={`第 ${index + 1} 级逾期天数`} />
                  </Form.Item>
                  <span>天，提醒</span>
                  <Form.Item name={[field.name, 'notify']} noStyle>
                    <Select
                      style={{ width: 180 }}
                      aria-label={`第 ${index + 1} 级提醒对象`}
                      options={ESCALATION_TARGETS.map((target) => ({
                        value: target,
                        label: ESCALATION_TARGET_LABELS[target],
                      }))}
                    />
                  </Form.Item>
                  {!readOnly && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`删除第 ${index + 1} 级`}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              {!readOnly && fields.length < 8 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined aria-hidden />}
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => {
                    const last = (form.getFieldValue('escalation') as FormValues['escalation'])?.at(-1);
                    add({ afterOverdueDays: (last?.afterOverdueDays ?? -1) + 1, notify: 'task_force' });
                  }}
                >
                  添加一级
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Form.Item name="channels" label="提醒渠道" extra="系统内通知始终开启；邮件按各用户的通知设置发送">
          <Checkbox.Group
            options={REMINDER_CHANNELS.map((channel) => ({
              value: channel,
              label: REMINDER_CHANNEL_LABELS[channel],
              disabled: channel === 'in_app',
            }))}
          />
        </Form.Item>
        {!readOnly && (
          <Flex gap={12} align="center" wrap>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              保存规则
            </Button>
            {data?.updatedBy && (
              <Typography.Text type="secondary">
                {data.updatedBy.name} 于 {formatDateTime(data.updatedAt)} 修改
              </Typography.Text>
            )}
          </Flex>
        )}
      </Form>
    </Card>
  );
}
