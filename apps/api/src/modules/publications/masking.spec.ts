import { describe, expect, it } from '@jest/globals';
import { looksLikePersonName, maskText, maskedName, parseTerm, withoutOriginals } from './masking.js';

describe('masking of a notice text', () => {
  it('keeps the surname and writes 某 for the given name', () => {
    expect(maskedName('张某某')).toBe('张某');
    expect(maskedName('郑建国')).toBe('郑某');
    expect(maskedName('王平')).toBe('王某');
    expect(maskedName('欧阳娜娜')).toBe('欧阳某');
    expect(maskedName('阿依·买买提')).toBe('阿某');
  });

  it('takes 2–4 Chinese characters (or a dotted name) as a name, not role descriptions or Latin text', () => {
    expect(looksLikePersonName('郑建国')).toBe(true);
    expect(looksLikePersonName('阿依古丽·买买提')).toBe(true);
    expect(looksLikePersonName('王')).toBe(false);
    expect(looksLikePersonName('水湖局负责人')).toBe(false);
    expect(looksLikePersonName('admin')).toBe(false);
  });

  it('reads term and term=>replacement', () => {
    expect(parseTerm('13800138000')).toEqual({ original: '13800138000', replacement: '＊＊＊' });
    expect(parseTerm(' 某公司 => 一家企业 ')).toEqual({ original: '某公司', replacement: '一家企业' });
    expect(parseTerm('某公司=>')).toEqual({ original: '某公司', replacement: '＊＊＊' });
    expect(parseTerm('  ')).toBeNull();
  });

  it('replaces in one pass, longest first, terms before names, and counts each rule', () => {
    const result = maskText('张某某与张某、郑建国谈话。郑建国联系13800138000。欧阳娜娜在场。', {
      names: ['张某某', '张某', '郑建国', '欧阳娜娜', '欧阳娜', '系统管理员'],
      terms: ['13800138000', '谈话=>约谈'],
    });
    expect(result.text).toBe('张某与张某、郑某约谈。郑某联系＊＊＊。欧阳某在场。');
    expect(result.replacements).toEqual([
      { kind: 'name', original: '张某某', replacement: '张某', count: 1 },
      { kind: 'name', original: '郑建国', replacement: '郑某', count: 2 },
      { kind: 'term', original: '谈话', replacement: '约谈', count: 1 },
      { kind: 'term', original: '13800138000', replacement: '＊＊＊', count: 1 },
      { kind: 'name', original: '欧阳娜娜', replacement: '欧阳某', count: 1 },
    ]);
    expect(result.maskedCount).toBe(6);
  });

  it('leaves a text without matches as it is, astral characters included', () => {
    const text = '𠀀字与“整改”。';
    expect(maskText(text, { names: ['𠀀字甲'], terms: [] })).toEqual({ text, replacements: [], maskedCount: 0 });
  });

  it('drops the originals', () => {
    expect(withoutOriginals([{ kind: 'name', original: '郑建国', replacement: '郑某', count: 2 }])).toEqual([
      { kind: 'name', replacement: '郑某', count: 2 },
    ]);
  });
});
