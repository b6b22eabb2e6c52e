import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { DOCX_LINE_PITCH_PT, MARGIN, renderDocx, renderText, typeset, type WordDocument } from './gbt9704.js';
import { rectificationText } from './notice-document.js';
import type { MeasureDocRow } from './documents.repository.js';

const measure = (seq: number, text: string, progressText: string | null = null): MeasureDocRow => ({
  id: `m${seq}`,
  problemId: 'p',
  seq,
  lead: null,
  text,
  term: 'concentrated',
  status: 'in_progress',
  deadline: null,
  leadUnitName: null,
  coUnitNames: [],
  progressText,
  progressOn: null,
});

const sample: WordDocument = {
  title: '测试',
  blocks: [
    { kind: 'title', text: '关于测试的通报' },
    { kind: 'heading1', text: '一、总体情况' },
    { kind: 'heading2', text: '（一）加强领导。', rest: '成立专班。' },
    { kind: 'heading3', text: '1.关于“学习”的问题' },
    { kind: 'paragraph', text: '整改情况:一是学习,二是整改(已完成)。时间8:30—17:30,比例0.6:1。' },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 1 },
        { title: '内容', width: 4 },
      ],
      rows: [['1', '第一行\n第二行']],
    },
    { kind: 'signature', issuer: '中共某党委', date: '2024年7月18日' },
  ],
};

describe('GB/T 9704 documents', () => {
  it('typesets half-width punctuation between Chinese text, not between digits or in addresses', () => {
    expect(typeset('整改情况:一是学习,二是(已完成);好!')).toBe('整改情况：一是学习，二是（已完成）；好！');
    expect(typeset('时间8:30—17:30,比例0.6:1,共1,000元')).toBe('时间8:30—17:30，比例0.6:1，共1,000元');
    expect(typeset('见http://a.cn/x?y=1,z')).toBe('见http://a.cn/x?y=1,z');
  });

  it('lays out A4 with the standard margins, line pitch, indent, fonts and page numbers', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sample));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(MARGIN).toEqual({ top: 2098, left: 1587, right: 1474, bottom: 1984 });
    expect(xml).toContain(`w:line="${Math.round(DOCX_LINE_PITCH_PT * 20)}" w:lineRule="exact"`);
    expect(xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    for (const font of ['黑体', '楷体_GB2312', '仿宋_GB2312']) expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('<w:jc w:val="right"/>');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('word/footer'))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(footers).toHaveLength(2);
    expect(footers.join('')).toContain('PAGE');
    expect(footers.join('')).toContain('<w:sz w:val="28"/>');
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
  });

  it('renders the same blocks as plain text', () => {
    const text = renderText(sample);
    expect(text).toContain('（一）加强领导。成立专班。');
    expect(text).toContain('整改情况：一是学习，二是整改（已完成）。时间8:30—17:30，比例0.6:1。');
    expect(text).toContain('1\t第一行；第二行');
    expect(text.trimEnd().endsWith('中共某党委\n\n2024年7月18日')).toBe(true);
  });

  it('writes a problem body as published notices do: overview, then 一是, 二是 …', () => {
    expect(rectificationText('概述。', [measure(1, '甲。'), measure(2, '乙')])).toBe('概述。一是甲。二是乙。');
    expect(rectificationText('只有一句。', [measure(1, '只有一句。')])).toBe('只有一句。');
    expect(rectificationText(null, [measure(1, '单独一项。')])).toBe('单独一项。');
    expect(rectificationText('概述。', [measure(1, '另一项。')])).toBe('概述。一是另一项。');
    expect(rectificationText('概述。', [measure(1, '计划。', '已完成。'), measure(2, '乙。', '乙。')])).toBe(
      '概述。一是计划。已完成。二是乙。',
    );
  });
});
