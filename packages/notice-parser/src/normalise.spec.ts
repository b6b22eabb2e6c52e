import { describe, expect, it } from 'vitest';
import { chineseToNumber, numberToChinese } from './chinese-numerals.js';
import { normaliseText } from './index.js';
import { looksTraditional } from './normalise.js';

describe('normaliseText', () => {
  it('turns full-width ASCII (punctuation and digits) into half-width and keeps Chinese punctuation', () => {
    expect(normaliseText('整改情况：一是完成１２项（约８０％）；二是…。“清四乱”、《条例》')).toBe(
      '整改情况:一是完成12项(约80%);二是…。“清四乱”、《条例》',
    );
  });

  it('turns CRLF and CR into LF and collapses runs of blank lines', () => {
    expect(normaliseText('甲\r\n乙\r丙\r\n\r\n\r\n丁\r\n')).toBe('甲\n乙\n丙\n\n丁');
  });

  it('turns NBSP, U+2002 and U+3000 into spaces, removes zero-width characters and trims lines', () => {
    expect(normaliseText('\u3000\u3000心级服务\u2002\u00a0助力\u200b企航\ufeff\u200d  ')).toBe('心级服务 助力企航');
  });

  it('converts traditional script only when the text looks traditional', () => {
    expect(looksTraditional('關於巡視整改進展情況的通報')).toBe(true);
    expect(looksTraditional('关于巡视整改进展情况的通报')).toBe(false);
    expect(normaliseText('關於「清四亂」問題的整改進展情況')).toBe('关于“清四乱”问题的整改进展情况');
    // Already simplified text with a stray traditional character stays untouched.
    expect(normaliseText('关于巡视整改进展情况的通报,見關')).toBe('关于巡视整改进展情况的通报,見關');
  });

  it('drops pinyin annotations after a character and replaces lone surrogates', () => {
    expect(normaliseText('卫(wèi)生院')).toBe('卫生院');
    expect(normaliseText('研发投入(R&D)')).toBe('研发投入(R&D)');
    expect(normaliseText('a\ud800b')).toBe('a\ufffdb');
  });

  it('treats non-string input as empty', () => {
    expect(normaliseText(undefined as unknown as string)).toBe('');
    expect(normaliseText(42 as unknown as string)).toBe('');
  });
});

describe('Chinese numerals', () => {
  it('round-trips 1–199', () => {
    for (let n = 1; n < 200; n++) expect(chineseToNumber(numberToChinese(n))).toBe(n);
  });

  it('reads common forms', () => {
    expect(chineseToNumber('十二')).toBe(12);
    expect(chineseToNumber('二十')).toBe(20);
    expect(chineseToNumber('二〇二四')).toBe(2024);
    expect(chineseToNumber('甲')).toBeNull();
    expect(numberToChinese(11)).toBe('十一');
  });
});
