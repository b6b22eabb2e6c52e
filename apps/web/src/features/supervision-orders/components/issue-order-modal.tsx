import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCreateSupervisionOrder } from '../api/create-supervision-order';
import type { SupervisionOrder } from '../api/get-supervision-orders';

export type Option = { value: string; label: string };

interface Values {
  unitId: string;
  measureIds: string[];
  replyBy: Dayjs;
  body: string;
}

const FIELDS = ['unitId', 'measureIds', 'replyBy', 'body'] as const;
export const ORDER_BODY_MAX = 2000;

interface IssueOrderModalProps {
  unitOptions: Option[];
  unitsLoading: boolean;
  /** The chosen unit's unfinished measures (the route asks the measures feature for them). */
  measureOptions: Option[];
  measuresLoading: boolean;
  onUnitChange: (unitId: string | null) => void;
  onClose: () => void;
  onIssued: (order: SupervisionOrder) => void;
}

/** 下发督办单: to one unit, about some of its unfinished measures, to be answered by a day not before today. */
export function IssueOrderModal({
  unitOptions,
  unitsLoading,
  measureOptions,
  measuresLoading,
  onUnitChange,
  onClose,
  onIssued,
}: IssueOrderModalProps) {
  const [form] = Form.useForm<Values>();
  const create = useCreateSupervisionOrder();
  const [errorText, setErrorText] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');

  const submit = (values: Values) => {
    setErrorText(null);
    create.mutate(
      {
        unitId: values.unitId,
        measureIds: values.measureIds,
        replyBy: values.replyBy.format('YYYY-MM-DD'),
        body: values.body.trim(),
      },
      {
        onSuccess: onIssued,
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, FIELDS);
          const placed = isApiError(error) && Boolean(error.errors);
          if (unplaced.length > 0) setErrorText(unplaced.join('；'));
          else if (!placed) setErrorText(errorMessage(error, '下发失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="下发督办单"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={create.isPending}
      okText="下发"
      errorText={errorText}
      width={640}
    >
      <Form.Item name="unitId" label="督办单位" rules={[{ required: true, message: '请选择督办单位' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择单位"
          loading={unitsLoading}
          options={unitOptions}
          onChange={(unitId: string) => {
            form.setFieldValue('measureIds', []);
            onUnitChange(unitId);
          }}
        />
      </Form.Item>
      <Form.Item
        name="measureIds"
        label="督办事项"
        extra="该单位尚未完成的整改措施"
        rules={[{ required: true, message: '请选择至少一项整改措施' }]}
      >
        <Select
          mode="multiple"
          placeholder="选择整改措施"
          loading={measuresLoading}
          options={measureOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="replyBy" label="回复期限" rules={[{ required: true, message: '请选择回复期限' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.format('YYYY-MM-DD') < today} />
      </Form.Item>
      <Form.Item
        name="body"
        label="督办要求"
        rules={[
          { required: true, whitespace: true, message: '请填写督办要求' },
          { max: ORDER_BODY_MAX, message: `不能超过 ${ORDER_BODY_MAX} 个字` },
        ]}
      >
        <Input.TextArea rows={5} maxLength={ORDER_BODY_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}
