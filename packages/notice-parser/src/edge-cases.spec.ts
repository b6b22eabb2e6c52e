import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { parseNotice } from './index.js';
import { readFixture, shapeErrors, toFullWidthCrlf } from './testing/fixture.js';
import type { ParsedNotice } from './types.js';

const fixture = readFixture();
const baseline = parseNotice(fixture);

function summary(r: ParsedNotice) {
  return {
    labels: r.problems.map((p) => p.label),
    titles: r.problems.map((p) => p.title),
    measureCounts: r.problems.map((p) => p.measures.length),
    enumerated: r.problems.filter((p) => p.measures.length > 1).reduce((s, p) => s + p.measures.length, 0),
  };
}

describe('characters and encoding', () => {
  it('gives the same 41 problems and 111 enumerated measures on a full-width + CRLF copy', () => {
    const r = parseNotice(toFullWidthCrlf(fixture));
    expect(r.problems).toHaveLength(41);
    expect(summary(r).enumerated).toBe(111);
    expect(summary(r)).toEqual(summary(baseline));
    expect(r.problems.map((p) => p.measures)).toEqual(baseline.problems.map((p) => p.measures));
    expect(r.inspection).toEqual(baseline.inspection);
  });

  it('ignores NBSP, U+2002, U+3000 and zero-width spaces', () => {
    const noisy = fixture
      .replace(/整改情况:/g, '\u3000\u3000整改情况\u00a0:')
      .replace(/一是/g, '\u200b一是')
      .replace(/二是/g, '\u2002二是\ufeff')
      .replace(/关于“/g, '关于\u200d“');
    const r = parseNotice(noisy);
    expect(summary(r)).toEqual(summary(baseline));
    expect(r.problems[0]!.measures[0]!.text).toBe(baseline.problems[0]!.measures[0]!.text);
  });

  it('converts a traditional-script copy and warns', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const traditional = toTraditional(fixture);
    expect(traditional).toContain('關於');
    const r = parseNotice(traditional);
    expect(r.problems).toHaveLength(41);
    expect(summary(r).measureCounts).toEqual(summary(baseline).measureCounts);
    expect(r.problems[6]!.title).toBe('‘清四乱’、退垸还湖攻坚不力');
    expect(r.inspection).toMatchObject({
      kind: 'xunshi',
      group: '省委第六巡视组',
      target: '武汉经开区',
      round: 4,
      onSiteTo: '2023-09-15',
    });
    expect(r.warnings.map((w) => w.code)).toContain('TRADITIONAL_CONVERTED');
    expect(baseline.warnings.map((w) => w.code)).not.toContain('TRADITIONAL_CONVERTED');
  });
});

describe('page chrome', () => {
  const title = '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报';
  const header = [
    `首页 > 政务公开 > 巡视巡察 > ${title}`,
    '中共武汉经开区党工委 关于十二届省委第四轮巡视整改进展情况的通报',
    '【字体：大 中 小】 分享到： 微信 微博',
    '朗读',
    '保护视力色：',
    '访问量：1024',
    '信息索引号：011043001/2024-12345',
    '发布机构：中共武汉经开区党工委',
    '成文日期：2024-07-18',
    '公开方式：主动公开',
    '',
  ].join('\n');
  const footer =
    '\n\n【打印本页】 【关闭窗口】\n上一篇：关于某某工作的通知\n网站地图 | 联系我们\n鄂ICP备2022016438号-1\n';

  it('drops breadcrumbs, widgets, portal metadata, the duplicated title and the footer', () => {
    const r = parseNotice(header + fixture + footer);
    expect(shapeErrors(r)).toEqual([]);
    expect(r.inspection).toEqual(baseline.inspection);
    expect(r.preamble).toBe(baseline.preamble);
    expect(summary(r)).toEqual(summary(baseline));
    expect(r.nextStepsText).toBe(baseline.nextStepsText);
    expect(JSON.stringify(r)).not.toMatch(/字体|分享|访问量|信息索引号|ICP|上一篇/);
  });

  it('drops the footer even when there is no signature', () => {
    const unsigned = fixture.replace(/\n中共武汉经开区党工委\n\n2024年7月18日/, '');
    const r = parseNotice(unsigned);
    expect(r.inspection.signedOn).toBeNull();
    expect(r.problems).toHaveLength(41);
    expect(JSON.stringify(r)).not.toMatch(/ICP备|主办单位/);
    expect(r.problems[40]!.truncated).toBe(false);
  });

  it('reads the publication date from a portal URL when the page has none', () => {
    const r = parseNotice(
      `http://www.example.gov.cn/xxgk/t20260123_12345.html\n${fixture.replace(/发布时间:[^\n]*\n/, '')}`,
    );
    expect(r.inspection.publishedAt).toBe('2026-01-23');
  });
});

const PREAMBLE = (dates: string, feedback: string) =>
  `某某区委关于巡视整改进展情况的通报\n根据省委统一部署,${dates},省委第六巡视组对某某区开展了常规巡视,并于${feedback}反馈了巡视意见。\n1.关于“甲”的问题\n整改情况:一是做甲。二是做乙。\n`;

describe('dates', () => {
  it('takes a missing year from referenceYear and warns', () => {
    const r = parseNotice(PREAMBLE('7月18日至9月15日', '11月1日'), { referenceYear: 2023 });
    expect(r.inspection).toMatchObject({
      onSiteFrom: '2023-07-18',
      onSiteTo: '2023-09-15',
      feedbackDate: '2023-11-01',
    });
    expect(r.warnings.filter((w) => w.code === 'DATE_YEAR_INFERRED')).toHaveLength(2);
  });

  it('does not put a year-less inspection after the notice that reports on it', () => {
    const r = parseNotice(`发布时间:2024-03-01\n${PREAMBLE('7月18日至9月15日', '11月1日')}`);
    expect(r.inspection).toMatchObject({
      onSiteFrom: '2023-07-18',
      onSiteTo: '2023-09-15',
      feedbackDate: '2023-11-01',
      publishedAt: '2024-03-01',
    });
  });

  it('rolls a year-less end date and feedback date over New Year', () => {
    const r = parseNotice(PREAMBLE('2022年10月20日至1月6日', '2月10日'));
    expect(r.inspection).toMatchObject({
      onSiteFrom: '2022-10-20',
      onSiteTo: '2023-01-06',
      feedbackDate: '2023-02-10',
    });
  });

  it('reconstructs dates whose 年/月 were lost, choosing the reading that fits, and warns', () => {
    const r = parseNotice(PREAMBLE('2023516日至620日', '2023111日'));
    expect(r.inspection).toMatchObject({
      onSiteFrom: '2023-05-16',
      onSiteTo: '2023-06-20',
      feedbackDate: '2023-11-01',
    });
    const ambiguous = r.warnings.filter((w) => w.code === 'DATE_AMBIGUOUS');
    expect(ambiguous).toHaveLength(2);
    expect(ambiguous[1]!.message).toContain('2023年11月1日');
    expect(ambiguous[1]!.message).toContain('2种读法');
  });

  it('prefers a plausible inspection length when a lost-月 start date reads two ways', () => {
    const r = parseNotice(PREAMBLE('2023111日至1215日', '2024年1月20日'));
    expect(r.inspection).toMatchObject({
      onSiteFrom: '2023-11-01',
      onSiteTo: '2023-12-15',
      feedbackDate: '2024-01-20',
    });
    expect(r.warnings.map((w) => w.code)).toContain('DATE_AMBIGUOUS');
  });
});

describe('truncated input', () => {
  it('marks the last problem truncated when the text stops mid-sentence', () => {
    const at = fixture.indexOf('二是助推零部件企业');
    expect(at).toBeGreaterThan(0);
    const r = parseNotice(fixture.slice(0, at + '二是助推零部'.length));
    expect(r.problems).toHaveLength(10);
    expect(r.problems[9]!.truncated).toBe(true);
    expect(r.problems[9]!.measures.map((m) => m.text)[1]).toBe('助推零部');
    expect(r.problems.slice(0, 9).every((p) => !p.truncated)).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('PROBLEM_TRUNCATED');
    expect(r.inspection.group).toBe('省委第六巡视组');
  });

  it('keeps a problem whose heading was cut inside the quoted title', () => {
    const at = fixture.indexOf('11.关于“高新企业');
    expect(at).toBeGreaterThan(0);
    const cut = fixture.slice(0, at + '11.关于“高新企'.length);
    const r = parseNotice(cut);
    expect(r.problems).toHaveLength(11);
    expect(r.problems[10]).toMatchObject({ label: '11.', title: '高新企', truncated: true, measures: [] });
  });
});

describe('kind and numbers', () => {
  it('ignores 巡视 inside 《》 when guessing the kind', () => {
    const text =
      '根据《中国共产党巡视工作条例》《中国共产党巡视工作条例实施办法》和《关于加强巡视整改和成果运用的意见》,区委第一巡察组对某某街道党工委开展了常规巡察。\n1.关于“甲”的问题\n整改情况:一是做甲。二是做乙。\n';
    const r = parseNotice(text);
    expect(r.inspection.kind).toBe('xuncha');
    expect(r.inspection.group).toBe('区委第一巡察组');
    expect(r.inspection.inspectionType).toBe('常规巡察');
    expect(parseNotice(`中共某某区委关于十届区委第五轮巡察整改进展情况的通报\n${text}`).inspection).toMatchObject({
      kind: 'xuncha',
      term: '十届',
      round: 5,
      issuingCommittee: '区委',
    });
  });

  it('does not read 《》 titles, dates, office hours or phone numbers as facts', () => {
    const r = parseNotice(
      '1.关于“甲”的问题\n整改情况:出台《2023—2025年行动方案》,2023年5月以来开展检查12次,2024年底前完成。设立热线(工作日8:30—17:30),电话027-12345678。\n',
    );
    expect(r.problems[0]!.facts.map((f) => f.rawText)).toEqual(['12次']);
  });

  it('reads percentages, multipliers, approximations, ranks and ratios', () => {
    const r = parseNotice(
      '1.关于“甲”的问题\n整改情况:完成率达到95%以上,实现营收约3.5亿元,排名提升5位至第3位,配比1:4,培训200余人次。\n',
    );
    expect(r.problems[0]!.facts.map((f) => [f.rawText, f.kind, f.value, f.unit, f.multiplier, f.approx])).toEqual([
      ['95%以上', 'percent', 95, '%', 1, true],
      ['约3.5亿元', 'quantity', 3.5, '元', 100000000, true],
      ['5位', 'quantity', 5, '位', 1, false],
      ['第3位', 'rank', 3, '位', 1, false],
      ['1:4', 'ratio', 0.25, null, 1, false],
      ['200余人次', 'quantity', 200, '人次', 1, true],
    ]);
  });

  it('links done and remaining counts without a stated total', () => {
    const r = parseNotice('1.关于“甲”的问题\n整改情况:已完成整改8个,尚有2个正在推进。\n');
    expect(r.problems[0]!.facts[0]).toMatchObject({ rawText: '8个', total: 10, done: 8, remaining: 2 });
  });
});
