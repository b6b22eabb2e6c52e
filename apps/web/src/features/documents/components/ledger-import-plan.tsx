// The dry run's plan and the row errors of a refused import: import-ledger.tsx loads them once a check or import answers.
import { Alert, Descriptions, Flex, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { LedgerChange, LedgerImportResult, LedgerRowError } from '../api/import-ledger';

interface ChangeRow extends LedgerChange {
  key: string;
  kind: 'create' | 'update';
}

const measureName = (change: LedgerChange) => `${change.problemLabel}(${change.measureSeq})`;

export function LedgerRowErrors({ errors }: { errors: LedgerRowError[] }) {
  const columns: TableColumnsType<LedgerRowError & { key: string }> = [
    { key: 'row', title: '行号', dataIndex: 'row', width: 72, render: (row: number) => (row > 0 ? row : '—') },
    { key: 'column', title: '列', dataIndex: 'column', width: 120 },
    { key: 'message', title: '问题', dataIndex: 'message' },
  ];
  return (
    <Table
      aria-label="表格错误"
      size="small"
      columns={columns}
      dataSource={errors.map((error, index) => ({ ...error, key: String(index) }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 处错误` }}
    />
  );
}

/** What a dry run found: the sheet and columns read, the measures to create or update, and the rows in error. */
export function LedgerImportPlan({ plan }: { plan: LedgerImportResult }) {
  const changes: ChangeRow[] = [
    ...plan.creates.map((change) => ({ ...change, kind: 'create' as const, key: `c${change.row}` })),
    ...plan.updates.map((change) => ({ ...change, kind: 'update' as const, key: `u${change.row}` })),
  ].sort((a, b) => a.row - b.row);
  const columns: TableColumnsType<ChangeRow> = [
    { key: 'row', title: '行号', dataIndex: 'row', width: 72 },
    { key: 'measure', title: '措施', width: 100, render: (_, change) => measureName(change) },
    {
      key: 'kind',
      title: '操作',
      width: 80,
      render: (_, change) => (change.kind === 'create' ? <Tag color="green">新增</Tag> : <Tag color="blue">修改</Tag>),
    },
    {
      key: 'fields',
      title: '变更内容',
      render: (_, change) => (
        <Flex wrap gap={4}>
          {change.fields.map((field) => (
            <Tag key={field}>{field}</Tag>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} aria-label="读取情况">
        <Descriptions.Item label="工作表">{plan.sheet}</Descriptions.Item>
        <Descriptions.Item label="表头行">第 {plan.headerRow} 行</Descriptions.Item>
        <Descriptions.Item label="识别的列">
          <Flex wrap gap={4}>
            {Object.entries(plan.columns).map(([name, letter]) => (
              <Tag key={name}>
                {name}：{letter}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={32} wrap role="group" aria-label="导入计划">
        <Statistic title="新增措施" value={plan.creates.length} suffix="项" />
        <Statistic title="修改措施" value={plan.updates.length} suffix="项" />
        <Statistic title="无变化" value={plan.unchanged} suffix="行" />
        <Statistic
          title="错误"
          value={plan.errors.length}
          suffix="处"
          styles={{ content: plan.errors.length > 0 ? { color: '#b42318' } : undefined }}
        />
      </Flex>
      {plan.errors.length > 0 && (
        <Flex vertical gap={8}>
          <Alert
            type="error"
            showIcon
            title={`表格有 ${plan.errors.length} 处错误，请修改表格后重新上传检查；有错误时不能导入（全部成功或全部不写入）。`}
          />
          <LedgerRowErrors errors={plan.errors} />
        </Flex>
      )}
      {changes.length > 0 ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>将要写入的修改</Typography.Text>
          <Table<ChangeRow>
            aria-label="将要写入的修改"
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={changes}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
          />
        </Flex>
      ) : (
        plan.errors.length === 0 && <Alert type="info" showIcon title="表格与台账一致，没有需要导入的修改。" />
      )}
    </Flex>
  );
}
