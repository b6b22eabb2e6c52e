import { describe, expect, it } from '@jest/globals';
import { withPublicityPeriod } from './publicity-sentence.js';

describe('the 公开期限 sentence of a notice', () => {
  it('states the given period, in the notice style', () => {
    const text = '欢迎监督。公开期限：2024年7月18日至8月8日。联系方式：电话027-84851224。';
    expect(withPublicityPeriod(text, '2024-12-20', '2025-01-10')).toBe(
      '欢迎监督。公开期限：2024年12月20日至2025年1月10日。联系方式：电话027-84851224。',
    );
    expect(withPublicityPeriod('公开期限:7月18日至8月8日。', '2024-03-01', '2024-03-31')).toBe(
      '公开期限：2024年3月1日至3月31日。',
    );
  });

  it('leaves a text without the sentence alone', () => {
    expect(withPublicityPeriod('第一段。\n\n第二段。', '2024-03-01', '2024-03-31')).toBe('第一段。\n\n第二段。');
  });
});
