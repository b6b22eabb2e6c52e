import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Skeleton,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { bookTitle, RULE_ROLE_LABELS } from '@zhenggai/domain';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { errorMessage } from '@/lib/api-client';
import { EMPTY_TEXT, formatDate } from '@/lib/format';
import { useDeleteAccountabilityAction } from '../api/delete-accountability-action';
import { useDeleteFundRecovery } from '../api/delete-fund-recovery';
import { useDeleteRuleDocument } from '../api/delete-rule-document';
import {
  useProblemOutcomes,
  type AccountabilityAction,
  type FundRecovery,
  type RuleDocument,
} from '../api/get-problem-outcomes';

// the dialogs (Form, DatePicker, Select, InputNumber) load when one is first opened
const AccountabilityModal = lazy(() => import('./outcome-modals').then((m) => ({ default: m.AccountabilityModal })));
const RuleModal = lazy(() => import('./outcome-modals').then((m) => ({ default: m.RuleModal })));
const FundModal = lazy(() => import('./outcome-modals').then((m) => ({ default: m.FundModal })));
// a row's 删除这条…？ confirmation (Popconfirm, Popover) loads with the first click on its delete button
const DeleteConfirm = lazy(() => import('./delete-confirm').then((m) => ({ default: m.DeleteConfirm })));

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
  const [confirming, setConfirming] = useState(false);
  // while the confirmation loads: the same button, keeping the focus
  const deleteButton = (
    <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除${label}`} autoFocus />
  );
  return (
    <Flex gap={4}>
      <Button
        size="small"
        type="text"
        icon={<EditOutlined aria-hidden />}
        aria-label={`编辑${label}`}
        onClick={onEdit}
      />
      {confirming ? (
        <Suspense fallback={deleteButton}>
          <DeleteConfirm label={label} onConfirm={onDelete} />
        </Suspense>
      ) : (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined aria-hidden />}
          aria-label={`删除${label}`}
          onClick={() => setConfirming(true)}
        />
      )}
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
      <Suspense fallback={null}>
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
      </Suspense>
    </Card>
  );
}
