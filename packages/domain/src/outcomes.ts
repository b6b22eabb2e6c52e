// 整改成果: the closed lists of the outcome ledger (问责, 建章立制, 追缴资金) and their labels. The API validates
// against the same values; the screens offer them.

/** 问责方式 */
export const ACCOUNTABILITY_FORMS = [
  '问责',
  '诫勉',
  '政务处分',
  '党纪处分',
  '组织处理',
  '批评教育',
  '责令检查',
  '提醒谈话',
  '约谈',
  '行政处罚',
] as const;
export type AccountabilityForm = (typeof ACCOUNTABILITY_FORMS)[number];

/** 计量单位 of an accountability count: persons and person-times are counted apart. */
export const COUNT_UNITS = ['人', '人次', '家'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

/** What happened to a rule document because of the problem (印发 and 修订 count as 建章立制). */
export const RULE_ROLES = ['issued', 'revised', 'studied', 'mentioned'] as const;
export type RuleRole = (typeof RULE_ROLES)[number];

export const RULE_ROLE_LABELS: Record<RuleRole, string> = {
  issued: '印发',
  revised: '修订',
  studied: '学习',
  mentioned: '提及',
};

/** 资金处理方式 */
export const FUND_KINDS = ['追缴', '清退', '收回', '挽回'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** A rule's title shown in book-title marks, whether or not the user typed them: 《…》. */
export function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《/, '').replace(/》$/, '');
  return `《${bare}》`;
}
