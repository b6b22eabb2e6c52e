import { Descriptions } from 'antd';
import type { NoticePreview, PreviewProblem } from '../api/preview-notice-import';

/** 识别结果 of a notice: what was read, counted. */
export function NoticeReviewSummary({
  sourceName,
  preview,
  problems,
}: {
  sourceName: string;
  preview: NoticePreview;
  problems: PreviewProblem[];
}) {
  const count = (pick: (problem: PreviewProblem) => number) =>
    problems.reduce((sum, problem) => sum + pick(problem), 0);
  return (
    <Descriptions size="small" column={{ xs: 2, md: 4 }} aria-label="识别结果">
      <Descriptions.Item label="来源">{sourceName}</Descriptions.Item>
      <Descriptions.Item label="问题">{problems.length} 个</Descriptions.Item>
      <Descriptions.Item label="整改措施">{count((problem) => problem.measures.length)} 项</Descriptions.Item>
      <Descriptions.Item label="问题类别">{preview.categories.length} 个</Descriptions.Item>
      <Descriptions.Item label="数字事实">{count((problem) => problem.facts.length)} 处</Descriptions.Item>
      <Descriptions.Item label="问责">{count((problem) => problem.accountability.length)} 处</Descriptions.Item>
      <Descriptions.Item label="建章立制">{count((problem) => problem.rules.length)} 项</Descriptions.Item>
      <Descriptions.Item label="资金">{count((problem) => problem.funds.length)} 处</Descriptions.Item>
    </Descriptions>
  );
}
