import { describe, expect, it } from 'vitest';
import { checkInspectionPeriods } from './inspection.js';

describe('checkInspectionPeriods', () => {
  it('accepts dates in order, equal dates and missing ones', () => {
    expect(
      checkInspectionPeriods({
        onSiteFrom: '2023-07-18',
        onSiteTo: '2023-09-15',
        feedbackDate: '2023-11-01',
        planDueDate: '2023-12-01',
        rectificationEnd: '2024-05-01',
        reportDue: '2024-05-01',
        publicityFrom: '2024-07-18',
        publicityTo: '2024-07-24',
      }),
    ).toEqual({});
    expect(checkInspectionPeriods({ onSiteTo: '2023-09-15', feedbackDate: null })).toEqual({});
  });

  it('names the later field of each pair out of order', () => {
    expect(
      checkInspectionPeriods({
        onSiteFrom: '2023-09-15',
        onSiteTo: '2023-07-18',
        feedbackDate: '2023-01-01',
        rectificationEnd: '2022-12-31',
        reportDue: '2022-12-01',
        publicityFrom: '2024-07-24',
        publicityTo: '2024-07-18',
      }),
    ).toEqual({
      onSiteTo: ['进驻结束日期不能早于开始日期'],
      feedbackDate: ['反馈日期不能早于进驻结束日期'],
      rectificationEnd: ['集中整改期结束日期不能早于反馈日期'],
      reportDue: ['整改报告报送期限不能早于集中整改期结束日期'],
      publicityTo: ['公开结束日期不能早于开始日期'],
    });
  });
});
