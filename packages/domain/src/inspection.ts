// Rules of an inspection's own settings (巡视/巡察轮次), shared by the API and the settings form.

export const YELLOW_DAYS_MIN = 0;
export const YELLOW_DAYS_MAX = 90;

export interface InspectionPeriods {
  onSiteFrom?: string | null;
  onSiteTo?: string | null;
  feedbackDate?: string | null;
  planDueDate?: string | null;
  rectificationEnd?: string | null;
  reportDue?: string | null;
  publicityFrom?: string | null;
  publicityTo?: string | null;
}

/**
 * The order of an inspection's dates (YYYY-MM-DD): on site from ≤ to ≤ feedback ≤ plan due, feedback ≤ end of the
 * concentrated period ≤ report due, publicity from ≤ to. Returns the field errors in Chinese; empty when all hold.
 * A missing date is not checked.
 */
export function checkInspectionPeriods(dates: InspectionPeriods): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const before = (earlier: keyof InspectionPeriods, later: keyof InspectionPeriods, message: string) => {
    const from = dates[earlier];
    const to = dates[later];
    if (from && to && to < from && !errors[later]) errors[later] = [message];
  };
  before('onSiteFrom', 'onSiteTo', '进驻结束日期不能早于开始日期');
  before('onSiteTo', 'feedbackDate', '反馈日期不能早于进驻结束日期');
  before('feedbackDate', 'planDueDate', '整改方案报送期限不能早于反馈日期');
  before('feedbackDate', 'rectificationEnd', '集中整改期结束日期不能早于反馈日期');
  before('rectificationEnd', 'reportDue', '整改报告报送期限不能早于集中整改期结束日期');
  before('publicityFrom', 'publicityTo', '公开结束日期不能早于开始日期');
  return errors;
}
