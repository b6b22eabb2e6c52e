import { describe, expect, it } from '@jest/globals';
import {
  cellString,
  columnIndex,
  columnLetter,
  headerName,
  neutraliseFormula,
  normaliseLabel,
  parseDeadline,
  restoreFormulaText,
  splitNames,
} from './ledger-columns.js';

describe('ledger cells', () => {
  it('quotes every text a spreadsheet would run as a formula, and the import takes the quote off again', () => {
    for (const text of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=1"]) {
      expect(neutraliseFormula(text).startsWith("'")).toBe(true);
      expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula('整改措施')).toBe('整改措施');
    expect(neutraliseFormula("it's")).toBe("it's");
    expect(cellString("'=1+1")).toBe('=1+1');
  });

  it('reads rich text, hyperlinks, formula results and dates as text', () => {
    expect(cellString({ richText: [{ text: '区水务' }, { text: '和湖泊局' }] })).toBe('区水务和湖泊局');
    expect(cellString({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellString({ formula: 'A1', result: 3 })).toBe('3');
    expect(cellString(new Date('2024-06-30T00:00:00Z'))).toBe('2024-06-30');
    expect(cellString(' a\r\nb ')).toBe('a\nb');
    expect(cellString(undefined)).toBe('');
  });

  it('finds headers by their usual names', () => {
    expect(headerName('问题类别（方面）')).toBe('问题类别');
    expect(headerName(' 整改\n措施 ')).toBe('整改措施');
    expect(headerName('整改时限')).toBe('完成时限');
    expect(headerName('牵头部门')).toBe('牵头单位');
    expect(headerName('责任单位')).toBe('责任单位');
    expect(headerName('合计')).toBeNull();
  });

  it('reads deadlines in the ways people type them', () => {
    expect(parseDeadline(new Date('2024-06-30T00:00:00Z'))).toEqual({ kind: 'date', date: '2024-06-30' });
    for (const text of ['2024-06-30', '2024/6/30', '2024.6.30', '2024年6月30日'])
      expect(parseDeadline(text)).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(parseDeadline('长期坚持')).toEqual({ kind: 'long_term' });
    expect(parseDeadline('')).toEqual({ kind: 'none' });
    expect(parseDeadline('2024-02-30')).toEqual({ kind: 'invalid' });
    expect(parseDeadline('年底前')).toEqual({ kind: 'invalid' });
  });

  it('compares problem numbers and splits unit lists', () => {
    expect(['7', '7.', '7、', '７．', ' 7 '].map(normaliseLabel)).toEqual(['7', '7', '7', '7', '7']);
    expect(normaliseLabel('(一)')).toBe('一');
    expect(splitNames('区水务和湖泊局、区财政局,区财政局；\n区审计局')).toEqual([
      '区水务和湖泊局',
      '区财政局',
      '区审计局',
    ]);
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'aaa'].map(columnIndex)).toEqual([1, 26, 27, 703]);
  });
});
