import { describe, expect, it } from 'vitest';
import { parseNotice } from './index.js';
import { shapeErrors } from './testing/fixture.js';

const CATEGORISED = `中共某某市文化和旅游局党组关于市委第三轮巡察整改情况的通报
根据市委巡察工作统一部署,2022年10月20日至1月6日,十二届市委第一巡察组对市文化和旅游局(以下简称“市文旅局”)党组开展了政治巡察,并于2月10日反馈了巡察意见。
一、整改工作组织情况
(一)在提高思想认识方面
局党组把巡察整改作为重要政治任务。
二、巡察反馈问题整改落实情况
(一)在“贯彻落实党中央决策部署”方面
1.关于“学习贯彻不深入”问题的整改
(1)关于“理论学习流于形式。部分支部学习不规范”
整改进展情况:修订《党组理论学习中心组学习制度》。一是制定学习计划;二是开展专题学习12次。
(2)关于“调查研究不够”
整改落实情况:
(1)班子成员开展调研20次。(2)形成调研报告8篇。
2.关于“文旅融合推进不力”问题的整改
整改措施:①出台《文旅融合三年行动方案(2023—2025年)》;②举办推介活动5场。
(二)在“全面从严治党”方面
1.关于“监督责任落实不到位”问题的整改
整改成效:第一,约谈相关负责人3人;第二,给予诫勉谈话、批评教育共7人次,政务处分0人。追缴违规发放补贴12.5万元。
2.关于“统一是非标准不够”问题的整改
坚持统一是非标准,推动制度落实。
三、下一步工作打算
(一)持续巩固整改成果。
欢迎广大干部群众监督。公开期限:2023年8月1日至8月7日。联系电话:0710-1234567;邮政信箱:某某市1001信箱。
中共某某市文化和旅游局党组
2023年8月1日
`;

describe('categories, sub-problems and heading variants', () => {
  const r = parseNotice(CATEGORISED);

  it('reads (一)在“…”方面 category lines', () => {
    expect(shapeErrors(r)).toEqual([]);
    expect(r.categories).toEqual([
      { seq: 1, label: '(一)', title: '贯彻落实党中央决策部署' },
      { seq: 2, label: '(二)', title: '全面从严治党' },
    ]);
  });

  it('nests (1)关于“…” sub-problems under N.关于“…”问题的整改 and restarts numbering per category', () => {
    expect(r.problems.map((p) => [p.seq, p.label, p.title, p.categorySeq, p.parentSeq])).toEqual([
      [1, '1.', '学习贯彻不深入', 1, null],
      [2, '(1)', '理论学习流于形式。部分支部学习不规范', 1, 1],
      [3, '(2)', '调查研究不够', 1, 1],
      [4, '2.', '文旅融合推进不力', 1, null],
      [5, '1.', '监督责任落实不到位', 2, null],
      [6, '2.', '统一是非标准不够', 2, null],
    ]);
    expect(r.problems[0]!.measures).toEqual([]);
    expect(r.problems[0]!.truncated).toBe(false);
    expect(r.warnings.filter((w) => w.code === 'SEQUENCE_GAP')).toEqual([]);
  });

  it('strips body labels and uses the fallback enumerations (1)(2), ①②, 第一/第二', () => {
    const [, p2, p3, p4, p5] = r.problems;
    expect(p2!.overview).toBe('修订《党组理论学习中心组学习制度》。');
    expect(p2!.measures.map((m) => m.text)).toEqual(['制定学习计划', '开展专题学习12次。']);
    expect(p2!.rules).toEqual([
      { title: '党组理论学习中心组学习制度', role: 'revised', rawText: '修订《党组理论学习中心组学习制度》' },
    ]);
    expect(p3!.overview).toBeNull();
    expect(p3!.measures.map((m) => m.text)).toEqual(['班子成员开展调研20次。', '形成调研报告8篇。']);
    expect(p4!.measures.map((m) => m.text)).toEqual(['出台《文旅融合三年行动方案(2023—2025年)》', '举办推介活动5场。']);
    expect(p4!.rules[0]!.role).toBe('issued');
    expect(p5!.measures.map((m) => m.seq)).toEqual([1, 2]);
    expect(p5!.measures[0]!.text).toBe('约谈相关负责人3人');
  });

  it('does not take 统一是 for an ordinal', () => {
    const p6 = r.problems[5]!;
    expect(p6.measures).toEqual([{ seq: 1, lead: null, text: '坚持统一是非标准,推动制度落实。' }]);
  });

  it('reads shared and zero accountability counts and recovered funds', () => {
    const p5 = r.problems[4]!;
    expect(p5.accountability.map((a) => [a.form, a.count, a.countUnit])).toEqual([
      ['约谈', 3, '人'],
      ['诫勉谈话、批评教育', 7, '人次'],
      ['政务处分', 0, '人'],
    ]);
    expect(p5.funds).toEqual([{ kind: '追缴', amount: 12.5, unit: '万元', rawText: '追缴违规发放补贴12.5万元' }]);
  });

  it('reads a 巡察 notice: group with term, political inspection, alias dropped, New Year period', () => {
    expect(r.inspection).toMatchObject({
      issuer: '中共某某市文化和旅游局党组',
      kind: 'xuncha',
      term: '十二届',
      issuingCommittee: '市委',
      round: 3,
      group: '十二届市委第一巡察组',
      inspectionType: '政治巡察',
      target: '市文化和旅游局党组',
      onSiteFrom: '2022-10-20',
      onSiteTo: '2023-01-06',
      feedbackDate: '2023-02-10',
      publicityFrom: '2023-08-01',
      publicityTo: '2023-08-07',
      contactPhone: '0710-1234567',
      signedOn: '2023-08-01',
    });
    expect(r.warnings.map((w) => w.code)).toEqual(['DATE_YEAR_INFERRED']);
    expect(r.organisationText).toBe('(一)在提高思想认识方面\n局党组把巡察整改作为重要政治任务。');
    expect(r.nextStepsText).toBe('(一)持续巩固整改成果。');
  });
});

const TOP_LEVEL = `某某县委关于巡察反馈意见整改情况的通报
县委第二巡察组于2023年3月至4月对县水利局开展了巡察。现将整改情况通报如下。
一、关于“河道管护不到位”的问题
　　整改情况:一是开展河道
清理;二是建立河长巡河制度。
二、关于“项目资金管理不规范”的问题
一是收回违规资金50万元;二是问责2人。
三、关于“干部作风不实”的问题
(1)开展作风整顿;(2)通报批评3人。
`;

describe('一、关于“…” problems at the top level', () => {
  const r = parseNotice(TOP_LEVEL);

  it('tells 一、关于“…” problem headings from section headings', () => {
    expect(r.problems.map((p) => [p.label, p.title])).toEqual([
      ['一、', '河道管护不到位'],
      ['二、', '项目资金管理不规范'],
      ['三、', '干部作风不实'],
    ]);
    expect(r.organisationText).toBeNull();
    expect(r.preamble).toBe('县委第二巡察组于2023年3月至4月对县水利局开展了巡察。现将整改情况通报如下。');
  });

  it('joins paragraphs broken mid-sentence and indented with U+3000', () => {
    expect(r.problems[0]!.measures.map((m) => m.text)).toEqual(['开展河道清理', '建立河长巡河制度。']);
    expect(r.problems[2]!.measures.map((m) => m.text)).toEqual(['开展作风整顿', '通报批评3人。']);
    expect(r.problems[1]!.funds[0]).toMatchObject({ kind: '收回', amount: 50 });
  });

  it('keeps month-only dates at month precision and says so', () => {
    expect(r.inspection).toMatchObject({
      kind: 'xuncha',
      group: '县委第二巡察组',
      target: '县水利局',
      onSiteFrom: '2023-03',
      onSiteTo: '2023-04',
      inspectionType: null,
    });
    expect(r.warnings.filter((w) => w.code === 'DATE_IMPRECISE')).toHaveLength(2);
    expect(r.problems.some((p) => p.truncated)).toBe(false);
  });
});

describe('opening paragraph variants', () => {
  it('reads the group before the period and a special-topic type in the verb phrase', () => {
    const r = parseNotice(
      '省委第六巡视组于2023年7月18日至9月15日对武汉经开区党工委开展了营造“三个环境”专项巡视,2023年11月1日,巡视组向党工委反馈了巡视意见。\n1.关于“甲”的问题\n整改情况:一是做甲。二是做乙。\n',
    );
    expect(r.inspection).toMatchObject({
      group: '省委第六巡视组',
      issuingCommittee: '省委',
      inspectionType: '营造“三个环境”专项巡视',
      target: '武汉经开区党工委',
      onSiteFrom: '2023-07-18',
      onSiteTo: '2023-09-15',
      feedbackDate: '2023-11-01',
      kind: 'xunshi',
    });
  });
});

describe('warnings for structure', () => {
  it('reports NO_PROBLEMS_FOUND for text without problem headings', () => {
    const r = parseNotice('这是一段与整改无关的文字。');
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('NO_PROBLEMS_FOUND');
  });

  it('reports SEQUENCE_GAP for a missing problem number and a missing ordinal', () => {
    const r = parseNotice(
      '1.关于“甲”的问题\n整改情况:一是做甲。二是做乙。\n3.关于“丙”的问题\n整改情况:概述。一是做丙;三是做丁。\n',
    );
    expect(r.problems.map((p) => p.label)).toEqual(['1.', '3.']);
    const gaps = r.warnings.filter((w) => w.code === 'SEQUENCE_GAP').map((w) => w.message);
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toContain('1.之后是3.');
    expect(gaps[1]).toContain('缺少“二是”');
    expect(r.problems[1]!.measures.map((m) => m.text)).toEqual(['做丙', '做丁。']);
  });

  it('reads enumerations preceded by commas and at paragraph start', () => {
    const r = parseNotice('1.关于“甲”的问题\n整改情况:加强领导,一是建立机制,二是压实责任。\n三是开展督查。\n');
    expect(r.problems[0]!.overview).toBe('加强领导');
    expect(r.problems[0]!.measures.map((m) => m.text)).toEqual(['建立机制', '压实责任。', '开展督查。']);
  });
});
