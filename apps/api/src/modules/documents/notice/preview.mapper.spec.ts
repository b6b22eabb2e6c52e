import { describe, expect, it } from '@jest/globals';
import { parseNotice } from '@zhenggai/notice-parser';
import { mapNoticePreview } from './preview.mapper.js';

describe('notice preview', () => {
  it('keeps month-only dates out of date fields, with a warning for the reviewer', () => {
    const text = [
      '中共某区委关于十届区委第二轮巡察整改进展情况的通报',
      '根据区委巡察工作统一部署,2023年3月至4月,区委第一巡察组对区文旅局开展了常规巡察,并于2023年6月反馈了巡察意见。',
      '一、巡察整改组织领导情况',
      '局党组高度重视。',
      '二、巡察整改任务落实情况',
      '1.关于“学习不深入”的问题',
      '整改情况:一是制定学习计划。二是开展专题学习。',
    ].join('\n');
    const parsed = parseNotice(text);
    const preview = mapNoticePreview(parsed, text);
    for (const field of ['onSiteFrom', 'onSiteTo', 'feedbackDate', 'publicityFrom', 'publicityTo'] as const) {
      expect(preview.inspection[field] === null || /^\d{4}-\d{2}-\d{2}$/.test(preview.inspection[field]!)).toBe(true);
    }
    const monthOnly = Object.values(parsed.inspection).filter(
      (value) => typeof value === 'string' && /^\d{4}-\d{2}$/.test(value),
    );
    expect(
      preview.warnings.filter((warning) => warning.code === 'DATE_MONTH_ONLY').map((warning) => warning.excerpt),
    ).toEqual(monthOnly);
    expect(monthOnly.length).toBeGreaterThan(0);
    expect(preview.stats).toEqual({ problems: 1, measures: 2 });
    expect(preview.problems[0]).toMatchObject({ seq: 1, label: '1.', title: '学习不深入' });
    expect(preview.problems[0]).not.toHaveProperty('sourceText');
  });
});
