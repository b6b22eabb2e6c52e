import { Alert, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Schemas } from '@zhenggai/api-client';
import { chineseNumeral, EMPTY_TEXT } from '@/lib/format';
import type { PreviewMeasure, PreviewProblem } from '../api/preview-notice-import';
import { problemFieldLabel } from '../utils/notice-errors';

type Category = Schemas['PreviewCategoryDto'];
type ProblemErrors = Record<string, string[]>;

interface Row {
  key: string;
  index: number;
  problem: PreviewProblem;
}

const RULE_ROLES: Record<string, string> = { issued: '出台', revised: '修订', studied: '学习', mentioned: '提及' };

/** A problem's own messages that have no input of their own (seq, facts …), labelled. */
function otherMessages(errors: ProblemErrors | undefined): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([path]) => path !== 'title' && path !== 'overview' && !/^measures\.\d+\.(lead|text)$/.test(path))
    .flatMap(([path, messages]) => messages.map((message) => `${problemFieldLabel(path)}：${message}`));
}

function FieldError({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>
      {messages.join('；')}
    </Typography.Text>
  );
}

function Findings({ problem }: { problem: PreviewProblem }) {
  const items = [
    ...problem.facts.map((fact) => ({ key: `f${fact.rawText}`, color: 'blue', text: fact.rawText })),
    ...problem.accountability.map((item) => ({
      key: `a${item.rawText ?? item.form}`,
      color: 'volcano',
      text: `${item.form}${item.count !== null ? ` ${item.count}${item.countUnit ?? ''}` : ''}`,
    })),
    ...problem.rules.map((rule) => ({
      key: `r${rule.title}`,
      color: 'green',
      text: `${RULE_ROLES[rule.role] ?? ''}《${rule.title}》`,
    })),
    ...problem.funds.map((fund) => ({
      key: `m${fund.rawText ?? fund.kind}`,
      color: 'gold',
      text: `${fund.kind} ${fund.amount} 万元`,
    })),
  ];
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">识别出的数字、问责、制度和资金（随问题一并导入）</Typography.Text>
      <Flex wrap gap={4} aria-label={`问题 ${problem.label} 识别结果`} role="list">
        {items.map((item, position) => (
          <Tag key={`${item.key}-${position}`} color={item.color} role="listitem" style={{ whiteSpace: 'normal' }}>
            {item.text}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

function ProblemDetail({
  row,
  errors,
  onChange,
}: {
  row: Row;
  errors: ProblemErrors | undefined;
  onChange: (next: PreviewProblem, path: string) => void;
}) {
  const { problem } = row;
  const setMeasure = (position: number, patch: Partial<PreviewMeasure>, path: string) =>
    onChange(
      {
        ...problem,
        measures: problem.measures.map((measure, index) => (index === position ? { ...measure, ...patch } : measure)),
      },
      path,
    );
  const other = otherMessages(errors);
  return (
    <Flex vertical gap={12} style={{ padding: '4px 0' }}>
      {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} />}
      <Flex vertical gap={4}>
        <Typography.Text strong>整改情况</Typography.Text>
        <Input.TextArea
          aria-label={`问题 ${problem.label} 整改情况`}
          value={problem.overview ?? ''}
          status={errors?.overview ? 'error' : undefined}
          rows={2}
          onChange={(event) => onChange({ ...problem, overview: event.target.value || null }, 'overview')}
        />
        <FieldError messages={errors?.overview} />
      </Flex>
      <Flex vertical gap={8}>
        <Typography.Text strong>整改措施（{problem.measures.length} 项）</Typography.Text>
        {problem.measures.length === 0 && (
          <Typography.Text type="secondary">通报未列出具体措施；导入后可在台账中补充。</Typography.Text>
        )}
        {problem.measures.map((measure, index) => {
          const name = `问题 ${problem.label} 措施${chineseNumeral(measure.seq)}`;
          const leadErrors = errors?.[`measures.${index}.lead`];
          const textErrors = errors?.[`measures.${index}.text`];
          return (
            <Flex key={`${measure.seq}-${index}`} gap={8} align="flex-start">
              <Typography.Text style={{ flex: '0 0 40px', paddingTop: 4 }}>
                {chineseNumeral(measure.seq)}是
              </Typography.Text>
              <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Input
                  aria-label={`${name} 要点`}
                  placeholder="措施要点（可选）"
                  value={measure.lead ?? ''}
                  status={leadErrors ? 'error' : undefined}
                  onChange={(event) =>
                    setMeasure(index, { lead: event.target.value || null }, `measures.${index}.lead`)
                  }
                />
                <FieldError messages={leadErrors} />
                <Input.TextArea
                  aria-label={`${name} 内容`}
                  value={measure.text}
                  status={textErrors ? 'error' : undefined}
                  rows={2}
                  onChange={(event) => setMeasure(index, { text: event.target.value }, `measures.${index}.text`)}
                />
                <FieldError messages={textErrors} />
              </Flex>
            </Flex>
          );
        })}
      </Flex>
      <Findings problem={problem} />
    </Flex>
  );
}

/**
 * The problems read from the notice, in official order: titles editable in the table, the overview and each
 * measure's lead and text in the expanded row. The API's messages appear next to the field they concern.
 */
export function NoticeProblemsTable({
  problems,
  categories,
  errors,
  expandedKeys,
  onExpandedKeysChange,
  onChange,
}: {
  problems: PreviewProblem[];
  categories: Category[];
  errors: Record<number, ProblemErrors>;
  expandedKeys: string[];
  onExpandedKeysChange: (keys: string[]) => void;
  onChange: (index: number, next: PreviewProblem, path: string) => void;
}) {
  const categoryBySeq = new Map(categories.map((category) => [category.seq, category]));
  const rows: Row[] = problems.map((problem, index) => ({ key: String(index), index, problem }));

  const columns: TableColumnsType<Row> = [
    {
      key: 'label',
      title: '编号',
      width: 72,
      render: (_, { problem }) => (
        <span style={{ paddingInlineStart: problem.parentSeq ? 12 : 0 }}>{problem.label}</span>
      ),
    },
    {
      key: 'title',
      title: '问题标题',
      render: (_, { index, problem }) => {
        const titleErrors = errors[index]?.title;
        return (
          <Flex vertical gap={2}>
            <Input
              aria-label={`问题 ${problem.label} 标题`}
              value={problem.title}
              status={titleErrors ? 'error' : undefined}
              onChange={(event) => onChange(index, { ...problem, title: event.target.value }, 'title')}
            />
            <FieldError messages={titleErrors} />
          </Flex>
        );
      },
    },
    ...(categories.length > 0
      ? [
          {
            key: 'category',
            title: '方面',
            width: 180,
            render: (_: unknown, { problem }: Row) => {
              const category = problem.categorySeq != null ? categoryBySeq.get(problem.categorySeq) : undefined;
              return category ? `${category.label ?? ''}${category.title}` : EMPTY_TEXT;
            },
          },
        ]
      : []),
    {
      key: 'measures',
      title: '措施',
      width: 72,
      render: (_, { problem }) => `${problem.measures.length} 项`,
    },
    {
      key: 'hints',
      title: '识别提示',
      width: 200,
      render: (_, { index, problem }) => (
        <Flex wrap gap={4}>
          {errors[index] && <Tag color="error">需修改</Tag>}
          {problem.truncated && <Tag color="warning">原文在此截断</Tag>}
          {problem.statusHint === 'completed' && <Tag>文中提示已完成</Tag>}
          {problem.statusHint === 'ongoing' && <Tag>文中提示持续整改</Tag>}
          {problem.facts.length > 0 && <Tag color="blue">数字 {problem.facts.length}</Tag>}
          {problem.accountability.length > 0 && <Tag color="volcano">问责 {problem.accountability.length}</Tag>}
          {problem.rules.length > 0 && <Tag color="green">制度 {problem.rules.length}</Tag>}
          {problem.funds.length > 0 && <Tag color="gold">资金 {problem.funds.length}</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Table<Row>
      aria-label="识别出的问题"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个问题` }}
      locale={{ emptyText: '没有识别出问题，请检查通报格式' }}
      expandable={{
        expandedRowKeys: expandedKeys,
        onExpandedRowsChange: (keys) => onExpandedKeysChange(keys.map(String)),
        expandedRowRender: (row) => (
          <ProblemDetail
            row={row}
            errors={errors[row.index]}
            onChange={(next, path) => onChange(row.index, next, path)}
          />
        ),
      }}
    />
  );
}
