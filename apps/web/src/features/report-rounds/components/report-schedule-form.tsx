import { Alert, App, Button, Card, Flex, Form, InputNumber, Switch, Typography } from 'antd';
import { checkRoundSchedule, describeRoundSchedule, type RoundSchedule } from '@zhenggai/domain';
import { useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useReportSchedule, useUpdateReportSchedule, type ReportSchedule } from '../api/report-schedule';

const toValues = ({ enabled, dayOfMonth, dueAfterDays }: ReportSchedule): RoundSchedule => ({
  enabled,
  dayOfMonth,
  dueAfterDays,
});

/**
 * 定期报送计划 of an inspection: whether a round opens by itself each month, on which day, and how many days the
 * units have. The form keeps the version it started from; a 409 loads what another officer saved.
 */
export function ReportScheduleForm({ inspectionId, readOnly }: { inspectionId: string; readOnly: boolean }) {
  const schedule = useReportSchedule(inspectionId);
  if (schedule.isError) return <QueryError error={schedule.error} onRetry={() => schedule.refetch()} />;
  if (!schedule.data) return <Card title="定期报送计划" loading style={{ marginTop: 16 }} />;
  return (
    <ScheduleEditor
      inspectionId={inspectionId}
      readOnly={readOnly}
      initial={schedule.data}
      reload={async () => (await schedule.refetch()).data}
    />
  );
}

function ScheduleEditor({
  inspectionId,
  readOnly,
  initial,
  reload,
}: {
  inspectionId: string;
  readOnly: boolean;
  /** the plan as first read: a background refetch must not move the version the user started from */
  initial: ReportSchedule;
  reload: () => Promise<ReportSchedule | undefined>;
}) {
  const update = useUpdateReportSchedule(inspectionId);
  const [form] = Form.useForm<RoundSchedule>();
  const { message } = App.useApp();
  const [base, setBase] = useState<ReportSchedule>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const values = Form.useWatch([], form) as RoundSchedule | undefined;

  const load = (data: ReportSchedule) => {
    setBase(data);
    form.setFieldsValue(toValues(data));
  };

  const onFinish = (input: RoundSchedule) => {
    const errors = checkRoundSchedule(input);
    setProblems(Object.values(errors));
    if (Object.keys(errors).length > 0) return;
    update.mutate(
      { version: base.version, ...input },
      {
        onSuccess: (saved) => {
          load(saved);
          message.success('定期报送计划已保存');
        },
        onError: async (error) => {
          if (!isVersionConflict(error)) return setProblems([errorMessage(error)]);
          message.warning('计划已被其他人修改，已载入最新计划，请确认后再保存');
          const fresh = await reload();
          if (fresh) load(fresh);
        },
      },
    );
  };

  const preview = values && typeof values.enabled === 'boolean' ? describeRoundSchedule(values) : base.text;

  return (
    <Card title="定期报送计划" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        启用后，系统每月在报送日自动开启报送轮次，统计截至当日，各责任单位须在期限内报送整改进展。
      </Typography.Paragraph>
      <Alert type="info" showIcon title={preview} style={{ marginBottom: 16 }} aria-label="计划说明" />
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 16 }} />}
      <Form<RoundSchedule>
        form={form}
        layout="vertical"
        aria-label="定期报送计划"
        initialValues={toValues(initial)}
        onFinish={onFinish}
        disabled={readOnly}
      >
        <Form.Item name="enabled" label="自动开启报送轮次" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="dayOfMonth" label="每月报送日" extra="1 至 28 日">
            <InputNumber min={1} max={28} precision={0} suffix="日" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="dueAfterDays" label="报送期限" extra="开启后 1 至 31 天内报送">
            <InputNumber min={1} max={31} precision={0} suffix="天" style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        {!readOnly && (
          <Flex gap={12} align="center" wrap>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              保存计划
            </Button>
            {base.updatedBy && (
              <Typography.Text type="secondary">
                {base.updatedBy.name} 于 {formatDateTime(base.updatedAt)} 修改
              </Typography.Text>
            )}
          </Flex>
        )}
      </Form>
    </Card>
  );
}
