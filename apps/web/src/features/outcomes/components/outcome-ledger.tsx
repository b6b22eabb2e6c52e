import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
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
import { useState, type ReactNode } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import { useCreateAccountabilityAction } from '../api/create-accountability-action';
import { useCreateFundRecovery } from '../api/create-fund-recovery';
import { useCreateRuleDocument } from '../api/create-rule-document';
import { useDeleteAccountabilityAction } from '../api/delete-accountability-action';
import { useDeleteFundRecovery } from '../api/delete-fund-recovery';
import { useDeleteRuleDocument } from '../api/delete-rule-document';
import {
  useProblemOutcomes,
  type AccountabilityAction,
  type FundRecovery,
  type RuleDocument,
} from '../api/get-problem-outcomes';
import { useUpdateAccountabilityAction } from '../api/update-accountability-action';
import { useUpdateFundRecovery } from '../api/update-fund-recovery';
import { useUpdateRuleDocument } from '../api/update-rule-document';

function saveFailure(error: unknown): string {
  return isVersionConflict(error) ? '该记录已被他人修改，已刷新为最新内容，请核对后重新编辑' : errorMessage(error);
}

function useEditor<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    editing,
    openNew: () => setEditing('new'),
    openEdit: (item: T) => setEditing(item),
    close: () => setEditing(null),
  };
}

function RowActions({
  onEdit,
  onDelete,
  label,
}: {
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  label: string;
}) {
  return (
    <Flex gap={4}>
      <Button
        size="small"
        type="text"
        icon={<EditOutlined aria-hidden />}
        aria-label={`编辑${label}`}
        onClick={onEdit}
      />
      <Popconfirm
        title={`删除这条${label}？`}
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={onDelete}
      >
        <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除${label}`} />
      </Popconfirm>
    </Flex>
  );
}

function Section({
  title,
  total,
  canEdit,
  onAdd,
  children,
}: {
  title: string;
  total: ReactNode;
  canEdit: boolean;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <section className="zg-outcome-section" aria-label={title}>
      <Flex justify="space-between" align="center" gap={8} wrap className="zg-subheading">
        <Flex align="baseline" gap={8}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary">{total}</Typography.Text>
        </Flex>
        {canEdit && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
            新增
          </Button>
        )}
      </Flex>
      {children}
    </section>
  );
}

interface AccountabilityValues {
  form: AccountabilityForm;
  count?: number | null;
  countUnit: CountUnit;
  note?: string;
}

function AccountabilityModal({
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

function RuleModal({
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

function FundModal({
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

/** 整改成果台账 of a problem: 问责 (人/人次 kept apart), 建章立制 《》, 追缴资金 (万元). Officers maintain it. */
export function OutcomeLedger({ problemId, canEdit }: { problemId: string; canEdit: boolean }) {
  const outcomes = useProblemOutcomes(problemId);
  const { message } = App.useApp();
  const accountabilityEditor = useEditor<AccountabilityAction>();
  const ruleEditor = useEditor<RuleDocument>();
  const fundEditor = useEditor<FundRecovery>();
  const deleteAccountability = useDeleteAccountabilityAction();
  const deleteRule = useDeleteRuleDocument();
  const deleteFund = useDeleteFundRecovery();
  const deleted = (promise: Promise<unknown>) =>
    promise.then(
      () => void message.success('已删除'),
      (error: unknown) => void message.error(errorMessage(error, '删除失败，请稍后重试')),
    );

  if (outcomes.isPending) {
    return (
      <Card variant="borderless" title="整改成果">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (outcomes.isError) {
    return (
      <Card variant="borderless" title="整改成果">
        <QueryError error={outcomes.error} onRetry={() => outcomes.refetch()} />
      </Card>
    );
  }
  const { accountability, rules, funds, totals } = outcomes.data;
  const empty = (text: string) => ({ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} /> });

  const accountabilityColumns: TableColumnsType<AccountabilityAction> = [
    { key: 'form', title: '方式', dataIndex: 'form', width: 110 },
    {
      key: 'count',
      title: '数量',
      width: 96,
      render: (_, item) => (item.count === null ? EMPTY_TEXT : `${item.count} ${item.countUnit}`),
    },
    { key: 'note', title: '说明', render: (_, item) => item.note ?? EMPTY_TEXT },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: '操作',
            width: 88,
            render: (_: unknown, item: AccountabilityAction) => (
              <RowActions
                label="问责情况"
                onEdit={() => accountabilityEditor.openEdit(item)}
                onDelete={() => deleted(deleteAccountability.mutateAsync({ id: item.id, problemId }))}
              />
            ),
          },
        ]
      : []),
  ];
  const ruleColumns: TableColumnsType<RuleDocument> = [
    { key: 'title', title: '制度名称', render: (_, item) => bookTitle(item.title) },
    { key: 'role', title: '类型', width: 72, render: (_, item) => RULE_ROLE_LABELS[item.role] },
    { key: 'issuedOn', title: '印发日期', width: 112, render: (_, item) => formatDate(item.issuedOn) },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: '操作',
            width: 88,
            render: (_: unknown, item: RuleDocument) => (
              <RowActions
                label="制度"
                onEdit={() => ruleEditor.openEdit(item)}
                onDelete={() => deleted(deleteRule.mutateAsync({ id: item.id, problemId }))}
              />
            ),
          },
        ]
      : []),
  ];
  const fundColumns: TableColumnsType<FundRecovery> = [
    { key: 'kind', title: '方式', dataIndex: 'kind', width: 80 },
    { key: 'amount', title: '金额', width: 120, render: (_, item) => `${item.amount} 万元` },
    { key: 'rawText', title: '说明', render: (_, item) => item.rawText ?? EMPTY_TEXT },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: '操作',
            width: 88,
            render: (_: unknown, item: FundRecovery) => (
              <RowActions
                label="资金追缴"
                onEdit={() => fundEditor.openEdit(item)}
                onDelete={() => deleted(deleteFund.mutateAsync({ id: item.id, problemId }))}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card variant="borderless" title="整改成果" className="zg-outcomes">
      <Flex gap={24} wrap className="zg-outcome-totals">
        <Statistic title="问责" value={totals.people} suffix="人" />
        <Statistic title="问责" value={totals.personTimes} suffix="人次" />
        <Statistic title="建章立制" value={totals.rules} suffix="项" />
        <Statistic title="追缴挽回资金" value={totals.funds} suffix="万元" />
      </Flex>
      <Flex vertical gap={20}>
        <Section
          title="问责情况"
          total={`${totals.people} 人、${totals.personTimes} 人次`}
          canEdit={canEdit}
          onAdd={accountabilityEditor.openNew}
        >
          <Table<AccountabilityAction>
            aria-label="问责情况"
            rowKey="id"
            size="small"
            pagination={false}
            columns={accountabilityColumns}
            dataSource={accountability}
            locale={empty('暂无问责记录')}
            scroll={{ x: 480 }}
          />
        </Section>
        <Section title="建章立制" total={`${totals.rules} 项`} canEdit={canEdit} onAdd={ruleEditor.openNew}>
          <Table<RuleDocument>
            aria-label="建章立制"
            rowKey="id"
            size="small"
            pagination={false}
            columns={ruleColumns}
            dataSource={rules}
            locale={empty('暂无制度记录')}
            scroll={{ x: 480 }}
          />
        </Section>
        <Section title="资金追缴" total={`${totals.funds} 万元`} canEdit={canEdit} onAdd={fundEditor.openNew}>
          <Table<FundRecovery>
            aria-label="资金追缴"
            rowKey="id"
            size="small"
            pagination={false}
            columns={fundColumns}
            dataSource={funds}
            locale={empty('暂无资金追缴记录')}
            scroll={{ x: 480 }}
          />
        </Section>
      </Flex>
      {accountabilityEditor.editing && (
        <AccountabilityModal
          problemId={problemId}
          item={accountabilityEditor.editing === 'new' ? null : accountabilityEditor.editing}
          onClose={accountabilityEditor.close}
        />
      )}
      {ruleEditor.editing && (
        <RuleModal
          problemId={problemId}
          item={ruleEditor.editing === 'new' ? null : ruleEditor.editing}
          onClose={ruleEditor.close}
        />
      )}
      {fundEditor.editing && (
        <FundModal
          problemId={problemId}
          item={fundEditor.editing === 'new' ? null : fundEditor.editing}
          onClose={fundEditor.close}
        />
      )}
    </Card>
  );
}
