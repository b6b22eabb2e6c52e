import type { ParsedNotice } from '@zhenggai/notice-parser';
import {
  isMonthOnly,
  type NoticePreviewDto,
  type PreviewInspectionDto,
  type PreviewWarningDto,
} from '../dto/notice-preview.dto.js';

const DATE_FIELDS = {
  onSiteFrom: '进驻开始日期',
  onSiteTo: '进驻结束日期',
  feedbackDate: '反馈日期',
  publicityFrom: '公开开始日期',
  publicityTo: '公开结束日期',
  signedOn: '落款日期',
} as const;

/** A warning for a date printed to the month only: the date is left empty for the reviewer to fill in. */
export function monthOnlyWarning(label: string, value: string): PreviewWarningDto {
  return {
    code: 'DATE_MONTH_ONLY',
    message: `${label}只精确到月（${value}），未填入日期，请核对后补充`,
    excerpt: value,
  };
}

/** The parser's result as the contract's preview: month-only dates become null (with a warning), counts added. */
export function mapNoticePreview(parsed: ParsedNotice, sourceText: string): NoticePreviewDto {
  const warnings: PreviewWarningDto[] = parsed.warnings.map((warning) => ({
    code: warning.code,
    message: warning.message,
    ...(warning.excerpt !== undefined ? { excerpt: warning.excerpt } : {}),
  }));
  const meta = parsed.inspection;
  const inspection: PreviewInspectionDto = {
    title: meta.title,
    issuer: meta.issuer,
    kind: meta.kind,
    term: meta.term,
    issuingCommittee: meta.issuingCommittee,
    round: meta.round,
    group: meta.group,
    inspectionType: meta.inspectionType,
    target: meta.target,
    onSiteFrom: meta.onSiteFrom,
    onSiteTo: meta.onSiteTo,
    feedbackDate: meta.feedbackDate,
    publishedAt: meta.publishedAt,
    publicityFrom: meta.publicityFrom,
    publicityTo: meta.publicityTo,
    contactPhone: meta.contactPhone,
    contactHours: meta.contactHours,
    contactEmail: meta.contactEmail,
    signedOn: meta.signedOn,
  };
  for (const [field, label] of Object.entries(DATE_FIELDS) as Array<[keyof typeof DATE_FIELDS, string]>) {
    const value = inspection[field];
    if (value && isMonthOnly(value)) {
      inspection[field] = null;
      warnings.push(monthOnlyWarning(label, value));
    }
  }
  if (inspection.publishedAt) {
    if (isMonthOnly(inspection.publishedAt)) {
      warnings.push(monthOnlyWarning('发布时间', inspection.publishedAt));
      inspection.publishedAt = null;
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(inspection.publishedAt)) {
      // a publication day without a time: China midnight
      inspection.publishedAt = `${inspection.publishedAt}T00:00:00+08:00`;
    }
  }
  const problems = parsed.problems.map((problem) => ({
    seq: problem.seq,
    label: problem.label,
    title: problem.title,
    categorySeq: problem.categorySeq,
    parentSeq: problem.parentSeq ?? null,
    overview: problem.overview,
    measures: problem.measures.map((measure) => ({ seq: measure.seq, lead: measure.lead, text: measure.text })),
    facts: problem.facts.map((fact) => ({ ...fact })),
    accountability: problem.accountability.map((item) => ({ ...item })),
    rules: problem.rules.map((item) => ({ ...item })),
    funds: problem.funds.map((item) => ({ ...item })),
    statusHint: problem.statusHint,
    truncated: problem.truncated,
  }));
  return {
    inspection,
    categories: parsed.categories.map((category) => ({
      seq: category.seq,
      label: category.label,
      title: category.title,
    })),
    problems,
    warnings,
    stats: { problems: problems.length, measures: problems.reduce((sum, problem) => sum + problem.measures.length, 0) },
    sourceText,
  };
}
