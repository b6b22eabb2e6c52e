import { describe, expect, it } from '@jest/globals';
import { chineseDate, chineseNumber, chinesePeriod, ordinalShi, roundName, safeFileName } from './chinese.js';

describe('Chinese numerals and dates', () => {
  it('writes numbers as documents print them', () => {
    expect([1, 4, 10, 12, 20, 41, 100, 105, 110, 999].map(chineseNumber)).toEqual([
      '一',
      '四',
      '十',
      '十二',
      '二十',
      '四十一',
      '一百',
      '一百零五',
      '一百一十',
      '九百九十九',
    ]);
    expect(chineseNumber(0)).toBe('0');
    expect(ordinalShi(3)).toBe('三是');
  });

  it('prints dates without zero padding, and a period dropping the repeated year', () => {
    expect(chineseDate('2024-07-08')).toBe('2024年7月8日');
    expect(chineseDate(null)).toBe('');
    expect(chinesePeriod('2023-07-18', '2023-09-15')).toBe('2023年7月18日至9月15日');
    expect(chinesePeriod('2022-10-20', '2023-01-06')).toBe('2022年10月20日至2023年1月6日');
    expect(chinesePeriod('2023-07-18', null)).toBe('2023年7月18日');
  });

  it('names a round and keeps file names safe', () => {
    expect(roundName({ kind: 'xunshi', term: '十二届', issuingCommittee: '省委', round: 4 })).toBe(
      '十二届省委第四轮巡视',
    );
    expect(roundName({ kind: 'xuncha', term: null, issuingCommittee: '区委', round: null })).toBe('区委巡察');
    expect(safeFileName('a/b\\c:"d"\u202e.docx')).toBe('abcd.docx');
    expect(safeFileName('  ')).toBe('导出文件');
  });
});
