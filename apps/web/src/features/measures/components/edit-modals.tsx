import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import { MEASURE_TERMS, MEASURE_TERM_LABELS, type MeasureTerm } from '@zhenggai/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { EMPTY_TEXT, formatDate, measureRef } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { useSetMeasureUnits } from '../api/set-measure-units';
import { useUpdateMeasure, type UpdateMeasureInput } from '../api/update-measure';
import { handleSaveError } from '../utils/save-errors';
import type { AttemptedChange, ConflictState } from './conflict-dialog';

export interface UnitOption {
  value: string;
  label: string;
}

interface EditValues {
  lead?: string;
  text?: string;
  term?: MeasureTerm;
  deadline?: Dayjs | null;
  remarks?: string;
}

const TERM_OPTIONS = MEASURE_TERMS.map((term) => ({ value: term, label: MEASURE_TERM_LABELS[term] }));

/** Officers edit the content, term and deadline; a unit only adds remarks (the API refuses the rest). */
export function EditMeasureModal({
  measure,
  officer,
  onClose,
  onConflict,
}: {
  measure: Measure;
  officer: boolean;
  onClose: () => void;
  onConflict: (state: ConflictState) => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const update = useUpdateMeasure();
  const [errorText, setErrorText] = useState<string | null>(null);

  const onFinish = (values: EditValues) => {
    setErrorText(null);
    const body: Omit<UpdateMeasureInput, 'measureId' | 'version'> = {};
    const changes: AttemptedChange[] = [];
    const remarks = values.remarks?.trim() || null;
    if (remarks !== (measure.remarks ?? null)) {
      body.remarks = remarks;
      changes.push({ label: '备注', value: remarks ?? EMPTY_TEXT });
    }
    if (officer) {
      const lead = values.lead?.trim() || null;
      if (lead !== (measure.lead ?? null)) {
        body.lead = lead;
        changes.push({ label: '措施要点', value: lead ?? EMPTY_TEXT });
      }
      const text = values.text?.trim() ?? '';
      if (text !== measure.text) {
        body.text = text;
        changes.push({ label: '措施内容', value: text });
      }
      if (values.term && values.term !== measure.term) {
        body.term = values.term;
        changes.push({ label: '整改类型', value: MEASURE_TERM_LABELS[values.term] });
      }
      const deadline = values.deadline ? values.deadline.format('YYYY-MM-DD') : null;
      if (deadline !== measure.deadline) {
        body.deadline = deadline;
        changes.push({ label: '完成时限', value: formatDate(deadline) });
      }
    }
    if (changes.length === 0) {
      onClose();
      return;
    }
    const conflict = {
      open: onConflict,
      state: {
        seen: measure,
        actionLabel: '修改措施',
        changes,
        reapply: (version: number) => update.mutateAsync({ measureId: measure.id, version, ...body }),
      },
    };
    update.mutate(
      { measureId: measure.id, version: measure.version, ...body },
      {
        onSuccess: () => {
          message.success('已保存');
          onClose();
        },
        onError: (error) =>
          handleSaveError({
            error,
            form,
            fieldNames: ['lead', 'text', 'term', 'deadline', 'remarks'],
            setErrorText,
            conflict,
            closeForm: onClose,
          }),
      },
    );
  };

  return (
    <FormModal<EditValues>
      title={officer ? `修改措施 ${measureRef(measure.problemLabel, measure.seq)}` : '填写备注'}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={update.isPending}
      okText="保存"
      errorText={errorText}
      width={640}
      initialValues={{
        lead: measure.lead ?? '',
        text: measure.text,
        term: measure.term,
        deadline: measure.deadline ? dayjs(measure.deadline) : null,
        remarks: measure.remarks ?? '',
      }}
    >
      {officer ? (
        <>
          <Form.Item label="措施要点" name="lead" rules={[{ max: 200, message: '措施要点不能超过 200 字' }]}>
            <Input maxLength={200} placeholder="选填，如“强化主动监督”" />
          </Form.Item>
          <Form.Item
            label="措施内容"
            name="text"
            rules={[
              { required: true, whitespace: true, message: '请填写措施内容' },
              { max: 5000, message: '措施内容不能超过 5000 字' },
            ]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item label="整改类型" name="term">
            <Select options={TERM_OPTIONS} />
          </Form.Item>
          <Form.Item label="完成时限" name="deadline" extra="长期坚持的措施可不设时限">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {measure.text}
        </Typography.Paragraph>
      )}
      <Form.Item label="备注" name="remarks" rules={[{ max: 2000, message: '备注不能超过 2000 字' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

export interface AssignValues {
  leadUnitId: string;
  coUnitIds: string[];
}

/** The two fields of 分办, shared by the single and the bulk form. */
export function AssignUnitsFields({ unitOptions }: { unitOptions: UnitOption[] }) {
  return (
    <>
      <Form.Item label="牵头单位" name="leadUnitId" rules={[{ required: true, message: '请选择牵头单位' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选择牵头单位" />
      </Form.Item>
      <Form.Item
        label="配合单位"
        name="coUnitIds"
        dependencies={['leadUnitId']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string[] | undefined) =>
              value?.includes(getFieldValue('leadUnitId'))
                ? Promise.reject(new Error('牵头单位不能同时作为配合单位'))
                : Promise.resolve(),
          }),
          { type: 'array', max: 20, message: '配合单位不能超过 20 个' },
        ]}
      >
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="选填" />
      </Form.Item>
    </>
  );
}

export function AssignUnitsModal({
  measure,
  unitOptions,
  onClose,
  onConflict,
}: {
  measure: Measure;
  unitOptions: UnitOption[];
  onClose: () => void;
  onConflict: (state: ConflictState) => void;
}) {
  const [form] = Form.useForm<AssignValues>();
  const { message } = App.useApp();
  const assign = useSetMeasureUnits();
  const [errorText, setErrorText] = useState<string | null>(null);
  const names = new Map(unitOptions.map((option) => [option.value, option.label]));

  const onFinish = (values: AssignValues) => {
    setErrorText(null);
    const body = { leadUnitId: values.leadUnitId, coUnitIds: values.coUnitIds ?? [] };
    const conflict = {
      open: onConflict,
      state: {
        seen: measure,
        actionLabel: '分办',
        changes: [
          { label: '牵头单位', value: names.get(body.leadUnitId) ?? EMPTY_TEXT },
          { label: '配合单位', value: body.coUnitIds.map((id) => names.get(id) ?? id).join('、') || EMPTY_TEXT },
        ],
        reapply: (version: number) => assign.mutateAsync({ measureId: measure.id, version, ...body }),
      },
    };
    assign.mutate(
      { measureId: measure.id, version: measure.version, ...body },
      {
        onSuccess: () => {
          message.success('已分办');
          onClose();
        },
        onError: (error) =>
          handleSaveError({
            error,
            form,
            fieldNames: ['leadUnitId', 'coUnitIds'],
            setErrorText,
            conflict,
            closeForm: onClose,
          }),
      },
    );
  };

  return (
    <FormModal<AssignValues>
      title={`分办措施 ${measureRef(measure.problemLabel, measure.seq)}`}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={assign.isPending}
      okText="保存"
      errorText={errorText}
      initialValues={{ leadUnitId: measure.leadUnit?.id, coUnitIds: measure.coUnits.map((unit) => unit.id) }}
    >
      <AssignUnitsFields unitOptions={unitOptions} />
      <Typography.Text type="secondary">调整后，新增单位的状态为“未启动”，须重新报送进展。</Typography.Text>
    </FormModal>
  );
}
