import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from '@zhenggai/domain';
import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { AuditChainCard } from '@/features/audit/components/audit-chain-card';
import { QueryError } from '@/components/errors/query-error';
import {
  auditExportUrl,
  useAuditEvents,
  type AuditEvent,
  type AuditQuery,
} from '@/features/audit/api/get-audit-events';
import { useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

// an event's changes show when its row is expanded: that part (Descriptions) loads on the first expand
const ChangeTable = lazy(() =>
  import('@/features/audit/components/audit-change-table').then((m) => ({ default: m.AuditChangeTable })),
);

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

const RESULT_LABELS: Record<string, { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'orange' },
  denied: { label: '拒绝', color: 'red' },
};

type FilterValues = {
  username?: string;
  action?: string;
  entityType?: string;
  result?: AuditQuery['result'];
  range?: [Dayjs | null, Dayjs | null] | null;
};

/** 审计日志: the audit admin's page — who did what, when, with what result; filters and a CSV export. */
export function AdminAuditRoute() {
  const session = useSessionUser();
  const allowed = Boolean(session.data?.roles.includes('audit_admin'));
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const events = useAuditEvents(query);
  const [form] = Form.useForm<FilterValues>();

  if (!allowed) return <NoAccess title="无权查看审计日志" detail="审计日志仅限审计管理员查看。" />;

  const onFinish = ({ username, action, entityType, result, range }: FilterValues) =>
    setQuery((prev) => ({
      page: 1,
      pageSize: prev.pageSize,
      username: username?.trim() || undefined,
      action: action?.trim() || undefined,
      entityType: entityType?.trim() || undefined,
      result,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    }));

  const columns: TableColumnsType<AuditEvent> = [
    { title: '时间', key: 'at', render: (_, event) => formatDateTime(event.occurredAt) },
    { title: '操作人', key: 'actor', render: (_, event) => event.actorUsername ?? '—' },
    {
      title: '操作',
      key: 'action',
      // the Chinese name, with the stable code a reviewer can search the CSV for
      render: (_, event) => <span title={event.action}>{auditActionLabel(event.action)}</span>,
    },
    { title: '对象类型', key: 'entityType', render: (_, event) => auditEntityLabel(event.entityType) ?? '—' },
    {
      title: '结果',
      key: 'result',
      render: (_, event) => {
        const result = RESULT_LABELS[event.result];
        return <Tag color={result?.color}>{result?.label ?? event.result}</Tag>;
      },
    },
  ];

  return (
    <>
      <title>审计日志 · 整改工作台</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden />} href={auditExportUrl(query)}>
          导出 CSV
        </Button>
      </Flex>
      <AuditChainCard />
      <Form
        form={form}
        layout="inline"
        aria-label="筛选审计日志"
        onFinish={onFinish}
        style={{ margin: '16px 0', rowGap: 8 }}
      >
        <Form.Item name="username" label="用户名">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            popupMatchSelectWidth={false}
            style={{ width: 180 }}
            options={ACTION_OPTIONS}
          />
        </Form.Item>
        <Form.Item name="entityType" label="对象类型">
          <Select
            allowClear
            placeholder="全部"
            popupMatchSelectWidth={false}
            style={{ width: 140 }}
            options={ENTITY_OPTIONS}
          />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={Object.entries(RESULT_LABELS).map(([value, { label }]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>
      {events.isError ? (
        <QueryError error={events.error} onRetry={() => events.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={events.data?.items ?? []}
          loading={events.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有符合条件的审计记录' }}
          expandable={{
            expandedRowRender: (event) => (
              <Suspense fallback={null}>
                <ChangeTable event={event} />
              </Suspense>
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: events.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
          }}
        />
      )}
    </>
  );
}
