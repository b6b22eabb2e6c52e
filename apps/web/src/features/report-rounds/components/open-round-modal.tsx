import { DatePicker, Form, Input, Select } from 'antd';
import { chinaDate, defaultRoundTitle } from '@zhenggai/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useOpenReportRound } from '../api/open-report-round';
import type { ReportRound } from '../api/get-report-rounds';

export type Option = { value: string; label: string };

interface Values {
  title: string;
  periodEnd: Dayjs;
  dueDate: Dayjs;
  unitIds?: string[];
}

const FIELDS = ['title', 'periodEnd', 'dueDate', 'unitIds'] as const;
const TITLE_MAX = 100;
const DAY = 'YYYY-MM-DD';

interface OpenRoundModalProps {
  inspectionId: string;
  unitOptions: Option[];
  unitsLoading: boolean;
  onClose: () => void;
  onOpened: (round: ReportRound) => void;
}

/**
 * 发起报送: progress up to a day (统计截至), reported by a due day not before today, by the chosen units — none
 * chosen: every unit with an open measure of the inspection. The title follows the period until the user edits it.
 */
export function OpenRoundModal({ inspectionId, unitOptions, unitsLoading, onClose, onOpened }: OpenRoundModalProps) {
  const [form] = Form.useForm<Values>();
  const open = useOpenReportRound(inspectionId);
  const [errorText, setErrorText] = useState<string | null>(null);
  // the day in China, whatever the browser's time zone
  const today = dayjs(chinaDate(new Date()));
  const todayText = today.format(DAY);
  const [initialValues] = useState<Values>(() => ({
    title: defaultRoundTitle(todayText),
    periodEnd: today,
    dueDate: today.add(5, 'day'),
    unitIds: [],
  }));
  // the last title set from the period: replaced when the period changes, unless the user wrote their own
  const autoTitle = useRef(initialValues.title);

  const submit = (values: Values) => {
    setErrorText(null);
    const periodEnd = values.periodEnd.format(DAY);
    open.mutate(
      {
        title: values.title?.trim() || defaultRoundTitle(periodEnd),
        periodEnd,
        dueDate: values.dueDate.format(DAY),
        ...(values.unitIds && values.unitIds.length > 0 ? { unitIds: values.unitIds } : {}),
      },
      {
        onSuccess: onOpened,
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, FIELDS);
          const placed = isApiError(error) && Boolean(error.errors);
          if (unplaced.length > 0) setErrorText(unplaced.join('；'));
          else if (!placed) setErrorText(errorMessage(error, '发起报送失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="发起报送"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={open.isPending}
      okText="发起"
      errorText={errorText}
      initialValues={initialValues}
      width={600}
    >
      <Form.Item
        name="periodEnd"
        label="统计截至"
        extra="报送截至该日的整改进展"
        rules={[{ required: true, message: '请选择统计截至日期' }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          onChange={(value: Dayjs | null) => {
            // the title follows the period while it is still a default one
            const title = form.getFieldValue('title') as string | undefined;
            if (!value || (title && title !== autoTitle.current)) return;
            autoTitle.current = defaultRoundTitle(value.format(DAY));
            form.setFieldValue('title', autoTitle.current);
          }}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label="标题"
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: TITLE_MAX, message: `不能超过 ${TITLE_MAX} 个字` },
        ]}
      >
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      <Form.Item name="dueDate" label="截止报送" rules={[{ required: true, message: '请选择截止报送日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.format(DAY) < todayText} />
      </Form.Item>
      <Form.Item name="unitIds" label="报送单位" extra="不选则为所有尚有未完成整改措施的单位">
        <Select
          mode="multiple"
          allowClear
          placeholder="所有有未完成措施的单位"
          loading={unitsLoading}
          options={unitOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
    </FormModal>
  );
}
