import { describe, expect, it } from 'vitest';
import { parseNotice } from './index.js';
import { readFixture, shapeErrors } from './testing/fixture.js';

const result = parseNotice(readFixture());
const problem = (seq: number) => {
  const p = result.problems[seq - 1];
  if (!p) throw new Error(`problem ${seq} missing`);
  return p;
};

describe('the Wuhan 经开区 seed notice (domain.md §8.1)', () => {
  it('is well formed and raises no warnings', () => {
    expect(shapeErrors(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the inspection metadata', () => {
    expect(result.inspection).toEqual({
      title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
      issuer: '中共武汉经开区党工委',
      kind: 'xunshi',
      term: '十二届',
      issuingCommittee: '省委',
      round: 4,
      group: '省委第六巡视组',
      inspectionType: '常规巡视',
      target: '武汉经开区',
      onSiteFrom: '2023-07-18',
      onSiteTo: '2023-09-15',
      feedbackDate: '2023-11-01',
      publishedAt: '2024-07-18T11:16:00+08:00',
      publicityFrom: '2024-07-18',
      publicityTo: '2024-08-08',
      contactPhone: '027-84851224',
      contactHours: '工作日8:30—17:30',
      contactEmail: 'whjkqxsgzzb@163.com',
      signedOn: '2024-07-18',
    });
  });

  it('finds 41 problems numbered 1. to 41. in order, with no categories', () => {
    expect(result.problems).toHaveLength(41);
    expect(result.problems.map((p) => p.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(result.problems.map((p) => p.label)).toEqual(Array.from({ length: 41 }, (_, i) => `${i + 1}.`));
    expect(result.categories).toEqual([]);
    expect(result.problems.every((p) => p.categorySeq === null && p.parentSeq === null)).toBe(true);
  });

  it('keeps titles exactly, inner quotes and parentheses included', () => {
    expect(problem(1).title).toBe('理论宣讲安排部署结合实际不紧密');
    expect(problem(7).title).toBe('‘清四乱’、退垸还湖攻坚不力');
    expect(problem(11).title).toBe('高新企业研发投入强度(R&D)不高');
    expect(problem(35).title).toBe('党工委(区委)议事决策规则修订不及时');
    expect(result.problems.filter((p) => /‘.+’/.test(p.title)).map((p) => p.seq)).toEqual([5, 7, 8, 17, 32]);
  });

  it('splits 114 measures: 111 enumerated plus one each for #21, #30 and #41', () => {
    const counts = result.problems.map((p) => p.measures.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(114);
    const histogram: Record<number, number> = {};
    for (const c of counts) histogram[c] = (histogram[c] ?? 0) + 1;
    expect(histogram).toEqual({ 1: 3, 2: 16, 3: 11, 4: 9, 5: 2 });
    expect(result.problems.filter((p) => p.measures.length === 1).map((p) => p.seq)).toEqual([21, 30, 41]);
    for (const seq of [21, 30, 41]) {
      const p = problem(seq);
      expect(p.measures[0]).toEqual({ seq: 1, lead: null, text: p.overview });
      expect(p.measures[0]!.text).not.toMatch(/^整改情况/);
    }
  });

  it('strips the ordinal, keeps the overview apart and finds the 78 lead sentences', () => {
    const p26 = problem(26);
    expect(p26.overview).toBe('加强未批先建行为监管,促进项目管理规范化。');
    expect(p26.measures.map((m) => m.seq)).toEqual([1, 2]);
    expect(p26.measures[0]!.lead).toBe('纠正先施工后办证问题');
    expect(p26.measures[0]!.text.startsWith('纠正先施工后办证问题。涉及项目27个')).toBe(true);
    expect(problem(4).measures.map((m) => m.text)).toEqual([
      '已拆除沌南洲码头建筑设施。',
      '驻点督导涉事企业。指导企业强化内部管理,严格控制粉尘。',
      '对港口企业开展常态检查和执法,发现问题及时督促整改落实。',
    ]);
    expect(result.problems.every((p) => p.overview !== null)).toBe(true);
    const measures = result.problems.flatMap((p) => p.measures);
    expect(measures.filter((m) => m.lead !== null)).toHaveLength(78);
    expect(measures.every((m) => !/^[一二三四五六七八九十]是/.test(m.text))).toBe(true);
  });

  it('keeps the organisation section and its six ordinals out of the problems', () => {
    expect(result.preamble).toMatch(/^根据省委巡视工作统一部署,2023年7月18日至9月15日/);
    expect(result.organisationText?.split('\n')).toHaveLength(8);
    expect(result.organisationText?.match(/(?:^|\n)[一二三]是/g)).toHaveLength(6);
    expect(result.nextStepsText?.split('\n')).toHaveLength(3);
    expect(result.nextStepsText).not.toMatch(/公开期限|联系方式/);
  });

  it('records accountability with 人 and 人次 kept apart', () => {
    const numbered = (seq: number) =>
      problem(seq)
        .accountability.filter((a) => a.count !== null)
        .map((a) => [a.form, a.count, a.countUnit]);
    expect(numbered(26)).toEqual([['问责', 21, '人']]);
    expect(numbered(28)).toEqual([
      ['问责', 2, '人'],
      ['问责', 4, '人'],
    ]);
    expect(numbered(29)).toEqual([
      ['问责', 35, '人'],
      ['问责', 11, '人次'],
      ['行政处罚', 3, '家'],
      ['行政处罚', 12, '人'],
    ]);
    expect(numbered(32)).toEqual([['问责', 10, '人']]);
    expect(numbered(33)).toEqual([['问责', 2, '人']]);
    expect(numbered(38)).toEqual([['问责', 3, '人']]);
    expect(problem(30).accountability).toEqual([
      { form: '问责', count: null, countUnit: null, rawText: '对当事人给予问责处理' },
    ]);
    const problemsWithCounts = result.problems.filter((p) =>
      p.accountability.some((a) => a.form === '问责' && a.count !== null),
    );
    expect(problemsWithCounts.map((p) => p.seq)).toEqual([26, 28, 29, 32, 33, 38]);
    const total = problemsWithCounts
      .flatMap((p) => p.accountability)
      .filter((a) => a.form === '问责')
      .reduce((s, a) => s + (a.count ?? 0), 0);
    expect(total).toBe(88);
  });

  it('finds the 19 《》 titles in problem bodies with their roles', () => {
    const rules = result.problems.flatMap((p) => p.rules.map((r) => ({ seq: p.seq, ...r })));
    expect(rules).toHaveLength(19);
    expect(rules.filter((r) => r.role === 'studied').map((r) => r.seq)).toEqual([2, 2, 22]);
    expect(rules.filter((r) => r.role === 'issued')).toHaveLength(13);
    expect(problem(35).rules.map((r) => [r.title, r.role])).toEqual([
      ['中共武汉市委武汉经开区工作委员会工作规则', 'issued'],
      ['武汉经开区管委会工作规则', 'issued'],
    ]);
    expect(problem(1).rules[0]!.title).toBe('“心级服务 助力企航”党工委领导班子联系服务民营企业工作方案');
    expect(problem(9).rules[0]!.rawText).toBe('出台并实施《武汉经开区汽车核心零部件产业发展行动方案(2023—2025年)》');
  });

  it('reads completion facts: #7 41 total, 37 done, 4 remaining', () => {
    const linked = result.problems.flatMap((p) =>
      p.facts.filter((f) => f.total !== undefined).map((f) => [p.seq, f.total, f.done, f.remaining]),
    );
    expect(linked).toEqual([
      [7, 41, 37, 4],
      [26, 27, 26, 1],
      [26, 33, 32, 1],
      [27, 11, 10, 1],
      [27, 4, 4, 0],
      [29, 3, 3, 0],
      [38, 12, 12, 0],
    ]);
  });

  it('classifies figures and ignores years, dates and 《》 titles', () => {
    const facts = result.problems.flatMap((p) => p.facts);
    expect(facts.filter((f) => f.kind === 'percent')).toHaveLength(23);
    expect(facts.filter((f) => f.kind === 'rank').map((f) => f.rawText)).toEqual(['第18位', '第80位']);
    expect(facts.filter((f) => f.kind === 'ratio').map((f) => [f.rawText, f.value])).toEqual([['0.6:1', 0.6]]);
    expect(facts.some((f) => f.value === 2023 || f.value === 2025 || f.value === 2017)).toBe(false);
    expect(problem(9).facts.map((f) => f.rawText)).not.toContain('2023');
    expect(problem(17).facts.find((f) => f.rawText === '0.61万亩')).toMatchObject({
      value: 0.61,
      multiplier: 10000,
      unit: '亩',
    });
    expect(problem(1).facts.find((f) => f.rawText === '60余场')).toMatchObject({ value: 60, unit: '场', approx: true });
  });

  it('sets no status and no truncation, only low-confidence hints', () => {
    for (const p of result.problems) {
      expect(p).not.toHaveProperty('status');
      expect(p.truncated).toBe(false);
      expect([null, 'completed', 'ongoing']).toContain(p.statusHint);
    }
    expect(problem(7).statusHint).toBe('ongoing');
    expect(problem(38).statusHint).toBe('completed');
  });

  it('drops the site footer after the signature', () => {
    const everything = JSON.stringify(result);
    expect(everything).not.toMatch(/ICP备|公网安备|主办单位|网站标识码|12345/);
    expect(problem(41).sourceText.endsWith('为项目争取资金支持。')).toBe(true);
  });
});
