import { Descriptions, Flex, Table, Typography } from 'antd';
import type { AuditEvent } from '../api/get-audit-events';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** before/after (and detail) as key/value rows: one row per key that either side holds. */
export function AuditChangeTable({ event }: { event: AuditEvent }) {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <Flex vertical gap={8}>
      {keys.length > 0 ? (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 'max-content' }}
          aria-label="变更内容"
          dataSource={keys.map((key) => ({ key, before: show(before[key]), after: show(after[key]) }))}
          columns={[
            { title: '字段', dataIndex: 'key', key: 'key' },
            { title: '变更前', dataIndex: 'before', key: 'before' },
            { title: '变更后', dataIndex: 'after', key: 'after' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">无变更内容</Typography.Text>
      )}
      {event.detail && (
        <Descriptions
          size="small"
          column={1}
          title="附加信息"
          items={Object.entries(event.detail).map(([key, value]) => ({ key, label: key, children: show(value) }))}
        />
      )}
      <Typography.Text type="secondary">
        IP：{event.ip ?? '—'} · 请求编号：{event.requestId ?? '—'} · 对象编号：{event.entityId ?? '—'}
      </Typography.Text>
    </Flex>
  );
}
