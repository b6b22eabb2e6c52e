import { isApiError } from '@/lib/api-client';

/** The API's field messages of a refused commit, sorted to where the reviewer can fix them. */
export interface PlacedNoticeErrors {
  /** inspection field (issuer, kind, onSiteTo …, and defaultLeadUnitId) → messages */
  inspection: Record<string, string[]>;
  /** problem index → field path inside the problem (title, overview, measures.0.text …) → messages */
  problems: Record<number, Record<string, string[]>>;
  /** messages that belong to no item shown, already labelled */
  other: string[];
}

export const EMPTY_NOTICE_ERRORS: PlacedNoticeErrors = { inspection: {}, problems: {}, other: [] };

// class-validator writes problems.3.title; the service's own checks write problems[3].seq
const normalisePath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

const PROBLEM_FIELDS: Record<string, string> = {
  seq: '序号',
  label: '编号',
  title: '问题标题',
  overview: '整改情况',
  categorySeq: '所属类别',
  parentSeq: '上级问题',
  measures: '整改措施',
  facts: '数字事实',
  accountability: '问责情况',
  rules: '建章立制',
  funds: '资金追缴',
  statusHint: '状态提示',
  truncated: '截断标记',
};

/** A field path inside a problem in words: measures.1.text → 措施二 内容. */
export function problemFieldLabel(path: string): string {
  const measure = /^measures\.(\d+)\.(\w+)$/.exec(path);
  if (measure) {
    const part = measure[2] === 'lead' ? '要点' : measure[2] === 'text' ? '内容' : '序号';
    return `第 ${Number(measure[1]) + 1} 项措施${part}`;
  }
  const head = path.split('.')[0];
  return PROBLEM_FIELDS[head] ?? '内容';
}

export function placeNoticeErrors(error: unknown): PlacedNoticeErrors | null {
  if (!isApiError(error) || !error.errors) return null;
  const placed: PlacedNoticeErrors = { inspection: {}, problems: {}, other: [] };
  for (const [rawPath, messages] of Object.entries(error.errors)) {
    const path = normalisePath(rawPath);
    const inspection = /^inspection\.(\w+)$/.exec(path);
    const problem = /^problems\.(\d+)\.(.+)$/.exec(path);
    const category = /^categories\.(\d+)\./.exec(path);
    if (inspection) placed.inspection[inspection[1]] = messages;
    else if (problem) {
      const index = Number(problem[1]);
      (placed.problems[index] ??= {})[problem[2]] = messages;
    } else if (category) placed.other.push(...messages.map((text) => `第 ${Number(category[1]) + 1} 个类别：${text}`));
    else if (path === 'defaultLeadUnitId') placed.inspection.defaultLeadUnitId = messages;
    else placed.other.push(...messages);
  }
  return placed;
}

/** What the commit would refuse in the edited problems, found before sending: blank or too long texts. */
export function checkProblems(
  problems: ReadonlyArray<{
    title: string;
    overview: string | null;
    measures: ReadonlyArray<{ lead: string | null; text: string }>;
  }>,
): Record<number, Record<string, string[]>> {
  const errors: Record<number, Record<string, string[]>> = {};
  const add = (index: number, path: string, message: string) => ((errors[index] ??= {})[path] = [message]);
  problems.forEach((problem, index) => {
    if (problem.title.trim() === '') add(index, 'title', '请填写问题标题');
    else if (problem.title.length > 500) add(index, 'title', '不能超过 500 个字');
    if ((problem.overview?.length ?? 0) > 20000) add(index, 'overview', '不能超过 20000 个字');
    problem.measures.forEach((measure, position) => {
      if ((measure.lead?.length ?? 0) > 200) add(index, `measures.${position}.lead`, '不能超过 200 个字');
      if (measure.text.trim() === '') add(index, `measures.${position}.text`, '请填写措施内容');
      else if (measure.text.length > 20000) add(index, `measures.${position}.text`, '不能超过 20000 个字');
    });
  });
  return errors;
}
