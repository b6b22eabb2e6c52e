import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  checkInspectionPeriods,
  DEFAULT_YELLOW_DAYS,
  YELLOW_DAYS_MAX,
  YELLOW_DAYS_MIN,
  type InspectionPeriods,
} from '@zhenggai/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useBlocker } from 'react-router';
import { conflictRows, type ConflictField } from '@/components/ui/version-conflict';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { EMPTY_TEXT, formatDateTime } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import type { Inspection } from '../api/get-inspections';
import { useUpdateInspection, type InspectionChanges } from '../api/update-inspection';

// the comparison dialog (its Table) loads when a save first meets a conflict, not with the page
const VersionConflictModal = lazy(() =>
  import('@/components/ui/version-conflict-modal').then((m) => ({ default: m.VersionConflictModal })),
);

type TextKey =
  | 'title'
  | 'issuer'
  | 'group'
  | 'target'
  | 'inspectionType'
  | 'contactPhone'
  | 'contactHours'
  | 'contactEmail'
  | 'contactAddress';
type DateKey = keyof InspectionPeriods;

interface FieldSpec {
  key: TextKey | DateKey | 'kind' | 'yellowDays';
  label: string;
  type: 'text' | 'date' | 'kind' | 'days';
  maxLength?: number;
  placeholder?: string;
  help?: string;
}

const KIND_LABELS: Record<Inspection['kind'], string> = { xunshi: '巡视', xuncha: '巡察' };

const SECTIONS: Array<{ title: string; fields: FieldSpec[] }> = [
  {
    title: '基本信息',
    fields: [
      { key: 'title', label: '名称', type: 'text', maxLength: 200 },
      { key: 'kind', label: '类别', type: 'kind' },
      { key: 'issuer', label: '整改主体', type: 'text', maxLength: 100, placeholder: '如：中共××区委' },
      { key: 'group', label: '巡视（巡察）组', type: 'text', maxLength: 100, placeholder: '如：省委第六巡视组' },
      { key: 'target', label: '被巡视（巡察）对象', type: 'text', maxLength: 200 },
      { key: 'inspectionType', label: '巡视（巡察）方式', type: 'text', maxLength: 50, placeholder: '如：常规巡视' },
    ],
  },
  {
    title: '时间节点',
    fields: [
      { key: 'onSiteFrom', label: '进驻开始日期', type: 'date' },
      { key: 'onSiteTo', label: '进驻结束日期', type: 'date' },
      { key: 'feedbackDate', label: '反馈日期', type: 'date' },
      { key: 'planDueDate', label: '整改方案报送期限', type: 'date' },
      { key: 'rectificationEnd', label: '集中整改期结束日期', type: 'date' },
      { key: 'reportDue', label: '整改报告报送期限', type: 'date' },
    ],
  },
  {
    title: '亮灯规则',
    fields: [
      {
        key: 'yellowDays',
        label: '黄灯提前天数',
        type: 'days',
        help: '未完成的措施在完成时限前这么多天亮黄灯（临期），超过时限亮红灯（逾期）。修改后所有台账、任务和工作台的亮灯随之变化。',
      },
    ],
  },
  {
    title: '公开与联系方式',
    fields: [
      { key: 'publicityFrom', label: '公示开始日期', type: 'date' },
      { key: 'publicityTo', label: '公示结束日期', type: 'date' },
      { key: 'contactPhone', label: '联系电话', type: 'text', maxLength: 50, placeholder: '如：027-84891234' },
      { key: 'contactHours', label: '受理时间', type: 'text', maxLength: 100, placeholder: '如：工作日 8:30—17:30' },
      { key: 'contactEmail', label: '电子邮箱', type: 'text', maxLength: 100 },
      { key: 'contactAddress', label: '通信地址', type: 'text', maxLength: 200 },
    ],
  },
];

const FIELDS = SECTIONS.flatMap((section) => section.fields);
const DATE_KEYS = FIELDS.filter((field) => field.type === 'date').map((field) => field.key as DateKey);
const FIELD_NAMES = FIELDS.map((field) => field.key);

type FormValues = Partial<Record<TextKey, string>> &
  Partial<Record<DateKey, Dayjs | null>> & { kind?: Inspection['kind']; yellowDays?: number | null };

function toFormValues(inspection: Inspection): FormValues {
  const values: FormValues = { kind: inspection.kind, yellowDays: inspection.yellowDays };
  for (const field of FIELDS) {
    if (field.type === 'text') values[field.key as TextKey] = inspection[field.key as TextKey] ?? '';
    if (field.type === 'date') {
      const date = inspection[field.key as DateKey];
      values[field.key as DateKey] = date ? dayjs(date) : null;
    }
  }
  return values;
}

/** The API's value of a form field: trimmed text or null, YYYY-MM-DD or null. */
function apiValue(field: FieldSpec, values: FormValues): string | number | null {
  if (field.type === 'date') {
    const date = values[field.key as DateKey];
    return date ? date.format('YYYY-MM-DD') : null;
  }
  if (field.type === 'days') return values.yellowDays ?? null;
  if (field.type === 'kind') return values.kind ?? null;
  const text = (values[field.key as TextKey] ?? '').trim();
  return text === '' ? null : text;
}

function displayValue(field: FieldSpec, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY_TEXT;
  if (field.type === 'kind') return KIND_LABELS[value as Inspection['kind']] ?? String(value);
  if (field.type === 'days') return `${String(value)} 天`;
  return String(value);
}

/** What the user changed, as the PATCH body (only the changed fields). */
function changesOf(inspection: Inspection, values: FormValues): InspectionChanges {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const next = apiValue(field, values);
    const before = (inspection as unknown as Record<string, unknown>)[field.key] ?? null;
    if (next !== before) changes[field.key] = next;
  }
  return changes as InspectionChanges;
}

const CONFLICT_FIELDS: Array<ConflictField<Inspection>> = FIELDS.map((field) => ({
  key: field.key,
  label: field.label,
  text: (inspection) => displayValue(field, (inspection as unknown as Record<string, unknown>)[field.key]),
}));

// called as a function, so that Form.Item hands value, onChange and id to the control itself
function fieldInput(field: FieldSpec, disabled: boolean) {
  if (field.type === 'date') return <DatePicker style={{ width: '100%' }} disabled={disabled} />;
  if (field.type === 'kind')
    return (
      <Select
        disabled={disabled}
        options={(Object.keys(KIND_LABELS) as Array<Inspection['kind']>).map((kind) => ({
          value: kind,
          label: KIND_LABELS[kind],
        }))}
      />
    );
  if (field.type === 'days')
    return (
      <InputNumber
        min={YELLOW_DAYS_MIN}
        max={YELLOW_DAYS_MAX}
        precision={0}
        suffix="天"
        placeholder={String(DEFAULT_YELLOW_DAYS)}
        disabled={disabled}
        style={{ width: 160 }}
      />
    );
  return <Input maxLength={field.maxLength} placeholder={field.placeholder} disabled={disabled} allowClear />;
}

interface Conflict {
  current: Inspection;
  changes: InspectionChanges;
}

/**
 * The settings of one inspection (巡视/巡察轮次). Saves only what changed, against the version read; a 409 shows
 * what changed meanwhile and never overwrites; leaving with unsaved changes asks first.
 */
export function InspectionSettingsForm({ inspection, readOnly }: { inspection: Inspection; readOnly: boolean }) {
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateInspection();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [conflictError, setConflictError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  // the version the user started from: a background refresh must not move it under unsaved edits, or a save
  // would silently overwrite what someone else changed meanwhile
  const [base, setBase] = useState(inspection);
  if (!dirty && base !== inspection) setBase(inspection);
  const initialValues = useMemo(() => toFormValues(base), [base]);
  useEffect(() => {
    form.resetFields();
  }, [form, initialValues]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '有尚未保存的修改',
      content: '离开此页面将丢弃本页的修改，是否离开？',
      okText: '离开',
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);

  const save = async (changes: InspectionChanges, version: number) => {
    setErrorText(null);
    try {
      await update.mutateAsync({ id: base.id, version, changes });
      setConflict(null);
      setDirty(false);
      message.success('设置已保存');
    } catch (error) {
      if (isVersionConflict(error) && error.current) {
        const current = error.current as Inspection;
        if (conflict) setConflictError(null);
        setConflict({ current, changes });
        return;
      }
      if (conflict) {
        setConflictError(errorMessage(error));
        return;
      }
      const unplaced = applyFieldErrors(form, error, FIELD_NAMES);
      setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error, '保存失败，请稍后重试'));
    }
  };

  const onFinish = (values: FormValues) => {
    const periods = Object.fromEntries(
      DATE_KEYS.map((key) => [
        key,
        apiValue(
          FIELDS.find((field) => field.key === key)!,
          values,
        ),
      ]),
    ) as InspectionPeriods;
    const errors = checkInspectionPeriods(periods);
    if (Object.keys(errors).length > 0) {
      form.setFields(Object.entries(errors).map(([name, messages]) => ({ name: name as DateKey, errors: messages })));
      return;
    }
    const changes = changesOf(base, values);
    if (Object.keys(changes).length === 0) {
      message.info('没有需要保存的修改');
      return;
    }
    void save(changes, base.version);
  };

  const reload = async () => {
    setConflict(null);
    setConflictError(null);
    setDirty(false);
    await queryClient.invalidateQueries({ queryKey: queryKeys.inspections });
  };

  const mine = conflict
    ? Object.fromEntries(
        Object.entries(conflict.changes).map(([key, value]) => {
          const field = FIELDS.find((each) => each.key === key)!;
          return [key, displayValue(field, value)];
        }),
      )
    : {};

  return (
    <>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(_changed, values) => setDirty(Object.keys(changesOf(base, values)).length > 0)}
        disabled={readOnly}
        requiredMark={!readOnly}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          {readOnly && <Alert type="info" showIcon title="您可以查看本轮次的设置；如需修改，请联系整改专班。" />}
          {SECTIONS.map((section) => (
            <Card key={section.title} title={section.title} variant="borderless">
              <Row gutter={16}>
                {section.fields.map((field) => (
                  <Col key={field.key} xs={24} md={field.type === 'days' ? 24 : 12} xl={field.type === 'days' ? 24 : 8}>
                    <Form.Item
                      name={field.key}
                      label={field.label}
                      extra={field.help}
                      rules={
                        field.key === 'title'
                          ? [{ required: true, whitespace: true, message: '请输入名称' }]
                          : field.type === 'days'
                            ? [{ required: true, message: '请输入黄灯提前天数' }]
                            : undefined
                      }
                    >
                      {fieldInput(field, readOnly)}
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          {!readOnly && (
            <Card variant="borderless" className="zg-sticky-actions">
              <Flex justify="space-between" align="center" gap={12} wrap>
                <Typography.Text type="secondary">
                  最后修改于 {formatDateTime(base.updatedAt)}
                  {dirty && <Typography.Text type="warning">（有尚未保存的修改）</Typography.Text>}
                </Typography.Text>
                <Flex gap={8}>
                  <Button
                    disabled={!dirty || update.isPending}
                    onClick={() => {
                      form.resetFields();
                      setDirty(false);
                      setErrorText(null);
                    }}
                  >
                    撤销修改
                  </Button>
                  <Button type="primary" htmlType="submit" loading={update.isPending && !conflict}>
                    保存设置
                  </Button>
                </Flex>
              </Flex>
              {errorText && <Alert type="error" showIcon role="alert" title={errorText} style={{ marginTop: 12 }} />}
            </Card>
          )}
        </Flex>
      </Form>
      {conflict && (
        <Suspense fallback={null}>
          <VersionConflictModal
            title="本轮次的设置在您编辑期间已被他人修改，本次未保存，以免覆盖他人的修改。"
            lastChange={`最近一次修改时间：${formatDateTime(conflict.current.updatedAt)}`}
            rows={conflictRows(CONFLICT_FIELDS, base, conflict.current, mine)}
            saving={update.isPending}
            errorText={conflictError}
            onReload={() => void reload()}
            onReapply={() => void save(conflict.changes, conflict.current.version)}
          />
        </Suspense>
      )}
    </>
  );
}
