// The outcome ledger's 问责情况 / 建章立制 / 资金追缴 dialogs: outcome-ledger.tsx loads them when one is first opened.
import { App, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { Schemas } from '@zhenggai/api-client';
import {
  ACCOUNTABILITY_FORMS,
  bookTitle,
  COUNT_UNITS,
  FUND_KINDS,
  RULE_ROLE_LABELS,
  type AccountabilityForm,
  type CountUnit,
  type FundKind,
  type RuleRole,
} from '@zhenggai/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCreateAccountabilityAction } from '../api/create-accountability-action';
import { useCreateFundRecovery } from '../api/create-fund-recovery';
import { useCreateRuleDocument } from '../api/create-rule-document';
import type { AccountabilityAction, FundRecovery, RuleDocument } from '../api/get-problem-outcomes';
import { useUpdateAccountabilityAction } from '../api/update-accountability-action';
import { useUpdateFundRecovery } from '../api/update-fund-recovery';
import { useUpdateRuleDocument } from '../api/update-rule-document';

function saveFailure(error: unknown): string {
  return isVersionConflict(error) ? '该记录已被他人修改，已刷新为最新内容，请核对后重新编辑' : errorMessage(error);
}

interface AccountabilityValues {
  form: AccountabilityForm;
  count?: number | null;
  countUnit: CountUnit;
  note?: string;
}

export function AccountabilityModal({
  problemId,
  item,
  onClose,
}: {
  problemId: string;
  item: AccountabilityAction | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<AccountabilityValues>();
  const { message } = App.useApp();
  const create = useCreateAccountabilityAction();
  const update = useUpdateAccountabilityAction();
  const [errorText, setErrorText] = useState<string | null>(null);
  const onFinish = (values: AccountabilityValues) => {
    setErrorText(null);
    const body = {
      form: values.form,
      countUnit: values.countUnit ?? undefined,
      note: values.note?.trim() || undefined,
    };
    const done = {
      onSuccess: () => {
        message.success('已保存');
        onClose();
      },
      onError: fail,
    };
    if (item) {
      // count is nullable: the generated type cannot say "number or null" (see the API's DTO)
      const count = (values.count ?? null) as unknown as Schemas['UpdateAccountabilityDto']['count'];
      update.mutate({ id: item.id, problemId, version: item.version, ...body, count }, done);
    } else {
      create.mutate({ problemId, ...body, count: values.count ?? undefined }, done);
    }
  };
  function fail(error: unknown) {
    const unplaced = applyFieldErrors(form, error, ['form', 'count', 'countUnit', 'note']);
    setErrorText(unplaced.length > 0 ? unplaced.join('；') : saveFailure(error));
  }
  return (
    <FormModal<AccountabilityValues>
      title={item ? '编辑问责情况' : '新增问责情况'}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={create.isPending || update.isPending}
      okText="保存"
      errorText={errorText}
      initialValues={
        item
          ? { form: item.form, count: item.count, countUnit: item.countUnit ?? '人', note: item.note ?? '' }
          : { form: '问责', countUnit: '人' }
      }
    >
      <Form.Item label="问责方式" name="form" rules={[{ required: true, message: '请选择问责方式' }]}>
        <Select options={ACCOUNTABILITY_FORMS.map((value) => ({ value, label: value }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item
          label="数量"
          name="count"
          style={{ flex: 1 }}
          rules={[{ type: 'integer', min: 0, max: 100000, message: '数量应为 0 到 100000 之间的整数' }]}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} placeholder="选填" />
        </Form.Item>
        <Form.Item label="计量单位" name="countUnit" style={{ width: 120 }} extra="人与人次分别统计">
          <Select options={COUNT_UNITS.map((value) => ({ value, label: value }))} />
        </Form.Item>
      </Flex>
      <Form.Item label="说明" name="note" rules={[{ max: 2000, message: '说明不能超过 2000 字' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface RuleValues {
  title: string;
  role: RuleRole;
  issuedOn?: Dayjs | null;
}

export function RuleModal({
  problemId,
  item,
  onClose,
}: {
  problemId: string;
  item: RuleDocument | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RuleValues>();
  const { message } = App.useApp();
  const create = useCreateRuleDocument();
  const update = useUpdateRuleDocument();
  const [errorText, setErrorText] = useState<string | null>(null);
  const onFinish = (values: RuleValues) => {
    setErrorText(null);
    const body = {
      title: bookTitle(values.title),
      role: values.role,
      issuedOn: values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : undefined,
    };
    const fail = (error: unknown) => {
      const unplaced = applyFieldErrors(form, error, ['title', 'role', 'issuedOn']);
      setErrorText(unplaced.length > 0 ? unplaced.join('；') : saveFailure(error));
    };
    const done = {
      onSuccess: () => {
        message.success('已保存');
        onClose();
      },
      onError: fail,
    };
    if (item) update.mutate({ id: item.id, problemId, version: item.version, ...body }, done);
    else create.mutate({ problemId, ...body }, done);
  };
  return (
    <FormModal<RuleValues>
      title={item ? '编辑建章立制' : '新增建章立制'}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={create.isPending || update.isPending}
      okText="保存"
      errorText={errorText}
      initialValues={
        item
          ? { title: item.title, role: item.role, issuedOn: item.issuedOn ? dayjs(item.issuedOn) : null }
          : { role: 'issued' }
      }
    >
      <Form.Item
        label="制度名称"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写制度名称' },
          { max: 298, message: '制度名称不能超过 298 字' },
        ]}
        extra="书名号《》可省略，保存时自动加上"
      >
        <Input maxLength={300} placeholder="如：《关于进一步加强河湖长制工作的实施意见》" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item label="类型" name="role" style={{ width: 140 }}>
          <Select options={Object.entries(RULE_ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="印发日期" name="issuedOn" style={{ flex: 1 }}>
          <DatePicker style={{ width: '100%' }} placeholder="选填" />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}

interface FundValues {
  kind: FundKind;
  amount: number;
  rawText?: string;
}

export function FundModal({
  problemId,
  item,
  onClose,
}: {
  problemId: string;
  item: FundRecovery | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FundValues>();
  const { message } = App.useApp();
  const create = useCreateFundRecovery();
  const update = useUpdateFundRecovery();
  const [errorText, setErrorText] = useState<string | null>(null);
  const onFinish = (values: FundValues) => {
    setErrorText(null);
    const body = { kind: values.kind, amount: values.amount, rawText: values.rawText?.trim() || undefined };
    const fail = (error: unknown) => {
      const unplaced = applyFieldErrors(form, error, ['kind', 'amount', 'rawText']);
      setErrorText(unplaced.length > 0 ? unplaced.join('；') : saveFailure(error));
    };
    const done = {
      onSuccess: () => {
        message.success('已保存');
        onClose();
      },
      onError: fail,
    };
    if (item) update.mutate({ id: item.id, problemId, version: item.version, ...body }, done);
    else create.mutate({ problemId, ...body }, done);
  };
  return (
    <FormModal<FundValues>
      title={item ? '编辑资金追缴' : '新增资金追缴'}
      form={form}
      onFinish={onFinish}
      onCancel={onClose}
      submitting={create.isPending || update.isPending}
      okText="保存"
      errorText={errorText}
      initialValues={item ? { kind: item.kind, amount: item.amount, rawText: item.rawText ?? '' } : { kind: '追缴' }}
    >
      <Flex gap={12}>
        <Form.Item label="方式" name="kind" style={{ width: 120 }}>
          <Select options={FUND_KINDS.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item
          label="金额（万元）"
          name="amount"
          style={{ flex: 1 }}
          rules={[
            { required: true, message: '请填写金额' },
            { type: 'number', min: 0, max: 1e10, message: '金额应为不小于 0 的数' },
          ]}
        >
          <InputNumber min={0} max={1e10} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item label="说明" name="rawText" rules={[{ max: 2000, message: '说明不能超过 2000 字' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
