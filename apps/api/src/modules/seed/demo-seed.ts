import { addDays, deriveProblemStatus, type MeasureStatus, type MeasureTerm, type Role } from '@zhenggai/domain';
import { parseNotice, type ParsedNotice } from '@zhenggai/notice-parser';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { hashPassword } from '../auth/passwords.js';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { MeasureWritesRepository } from '../measures/measure-writes.repository.js';
import { insertDemoCheckpoints } from './demo-checkpoints.js';
import { insertDemoLookback } from './demo-lookbacks.js';
import { insertDemoRounds } from './demo-rounds.js';
import { AccountabilityActionEntity } from '../outcomes/accountability-action.entity.js';
import { FundRecoveryEntity } from '../outcomes/fund-recovery.entity.js';
import { RuleDocumentEntity } from '../outcomes/rule-document.entity.js';
import { ProblemEntity } from '../problems/problem.entity.js';
import { PersonEntity } from '../units/person.entity.js';
import {
  SupervisionOrderCounterEntity,
  SupervisionOrderEntity,
  SupervisionOrderMeasureEntity,
} from '../supervision-orders/supervision-order.entity.js';
import { UnitEntity } from '../units/unit.entity.js';
import {
  DEMO_UNITS,
  SUPERVISION_UNIT_NAME,
  TASK_FORCE_UNIT,
  pickUnit,
  unitScore,
  type DemoUnit,
} from './demo-units.js';

export const DEMO_PASSWORD = 'Demo@2024zg';
export const DEMO_UNIT_LEADER_UNIT = '区水务和湖泊局';
export const DEMO_UNIT_LEADER2_UNIT = '区经济和信息化局';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  unitName: string | null;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'officer',
    displayName: '专班干部',
    roles: ['task_force_officer'],
    unitName: TASK_FORCE_UNIT.name,
    description: '整改专班：分办、审核销号',
  },
  {
    username: 'supervisor',
    displayName: '监督人员',
    roles: ['supervisor'],
    unitName: SUPERVISION_UNIT_NAME,
    description: '纪委监督：只读、导出',
  },
  {
    username: 'unitlead',
    displayName: '水湖局负责人',
    roles: ['unit_leader'],
    unitName: DEMO_UNIT_LEADER_UNIT,
    description: `单位负责人（${DEMO_UNIT_LEADER_UNIT}）`,
  },
  {
    username: 'unitlead2',
    displayName: '经信局负责人',
    roles: ['unit_leader'],
    unitName: DEMO_UNIT_LEADER2_UNIT,
    description: `单位负责人（${DEMO_UNIT_LEADER2_UNIT}）`,
  },
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    roles: ['system_admin'],
    unitName: null,
    description: '系统管理员：用户、单位、设置',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    roles: ['security_admin'],
    unitName: null,
    description: '安全管理员：角色、策略、解锁',
  },
  {
    username: 'auditadmin',
    displayName: '审计管理员',
    roles: ['audit_admin'],
    unitName: null,
    description: '审计管理员：查询、导出审计日志',
  },
];

// Leaders of the leadership team, named the way public documents mask names.
const LEADERS = [
  { name: '张某', title: '党工委书记' },
  { name: '李某', title: '党工委副书记、管委会主任' },
  { name: '王某', title: '党工委委员、管委会副主任' },
  { name: '刘某', title: '党工委委员、纪工委书记' },
  { name: '陈某', title: '党工委委员、组织部部长' },
  { name: '杨某', title: '管委会副主任' },
];
const SURNAMES = [
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
];

type ProblemClass = 'completed' | 'deemed' | 'open';

// A deterministic mix: the parser's hint where it has one, else a fixed pattern over the official order. The demo
// unit leaders' units keep more open work, so that signing in as them shows something to do.
function classify(seq: number, hint: 'completed' | 'ongoing' | null, unitName: string): ProblemClass {
  if (hint === 'completed') return 'completed';
  if (unitName === DEMO_UNIT_LEADER_UNIT || unitName === DEMO_UNIT_LEADER2_UNIT)
    return seq % 4 === 0 ? 'deemed' : 'open';
  if (hint === 'ongoing') return seq % 3 === 0 ? 'deemed' : 'open';
  if (seq % 4 === 0) return 'deemed';
  if (seq % 5 === 2) return 'open';
  return 'completed';
}

const OPEN_CYCLE: MeasureStatus[] = ['in_progress', 'pending_review', 'not_started', 'completed', 'in_progress'];

function measureStatus(kind: ProblemClass, problemSeq: number, measureSeq: number, count: number): MeasureStatus {
  if (kind === 'completed') return 'completed';
  if (kind === 'deemed') return measureSeq === count ? 'deemed_completed' : 'completed';
  return OPEN_CYCLE[(problemSeq + measureSeq) % OPEN_CYCLE.length];
}

export interface DemoSeedResult {
  inspectionId: string;
  problems: number;
  measures: number;
  units: number;
  accounts: number;
}

/** True when the database holds neither an inspection nor an account: a first start. */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  const [inspections, users] = await Promise.all([
    dataSource.getRepository(InspectionEntity).count({ withDeleted: true }),
    dataSource.getRepository(UserAccountEntity).count(),
  ]);
  return inspections === 0 && users === 0;
}

/**
 * Loads the demo dataset derived from the published notice: the inspection, its problems and measures as parsed,
 * units implied by the text, a realistic mix of statuses and deadlines, and the demo accounts. One transaction.
 */
export async function loadDemoData(
  dataSource: DataSource,
  noticeText: string,
  options: { today: string; parsed?: ParsedNotice },
): Promise<DemoSeedResult> {
  const parsed = options.parsed ?? parseNotice(noticeText);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction((manager) => insertDemo(manager, parsed, noticeText, passwordHash, options.today));
}

async function insertDemo(
  manager: EntityManager,
  parsed: ParsedNotice,
  noticeText: string,
  passwordHash: string,
  today: string,
): Promise<DemoSeedResult> {
  const meta = parsed.inspection;
  const feedbackDate = meta.feedbackDate ?? today;
  // measures go in through the measure write path, like every other writer's
  const writes = new MeasureWritesRepository(manager.connection);

  // units: the task force, then every responsible body, in a tree under the Party working committee
  const root = await manager.save(UnitEntity, {
    name: meta.issuer ?? '中共武汉经开区党工委',
    shortName: '党工委',
    kind: '党工委',
    sortOrder: 0,
  });
  const unitByName = new Map<string, UnitEntity>();
  const taskForce = await manager.save(UnitEntity, {
    ...TASK_FORCE_UNIT,
    kind: '专班',
    parentId: root.id,
    sortOrder: 1,
  });
  unitByName.set(taskForce.name, taskForce);
  for (const [index, unit] of DEMO_UNITS.entries()) {
    const saved = await manager.save(UnitEntity, {
      name: unit.name,
      shortName: unit.shortName,
      kind: '部门',
      parentId: root.id,
      sortOrder: index + 2,
    });
    unitByName.set(unit.name, saved);
  }

  const leaders: PersonEntity[] = [];
  for (const leader of LEADERS)
    leaders.push(await manager.save(PersonEntity, { ...leader, unitId: root.id, isLeader: true }));
  const personByUnit = new Map<string, PersonEntity>();
  for (const [index, unit] of DEMO_UNITS.entries()) {
    const saved = unitByName.get(unit.name)!;
    const person = await manager.save(PersonEntity, {
      name: `${SURNAMES[index % SURNAMES.length]}某某`,
      title: `${unit.shortName}主要负责人`,
      unitId: saved.id,
    });
    personByUnit.set(unit.name, person);
  }

  const inspection = await manager.save(InspectionEntity, {
    title: meta.title ?? '巡视整改进展情况的通报',
    issuer: meta.issuer,
    kind: meta.kind ?? 'xunshi',
    level: meta.issuingCommittee === '省委' ? 'provincial' : null,
    term: meta.term,
    issuingCommittee: meta.issuingCommittee,
    round: meta.round,
    group: meta.group,
    inspectionType: meta.inspectionType,
    target: meta.target,
    onSiteFrom: meta.onSiteFrom,
    onSiteTo: meta.onSiteTo,
    feedbackDate: meta.feedbackDate,
    planDueDate: addDays(feedbackDate, 30),
    rectificationEnd: addDays(feedbackDate, 182),
    reportDue: addDays(feedbackDate, 190),
    publishedAt: meta.publishedAt ? new Date(meta.publishedAt) : null,
    publicityFrom: meta.publicityFrom,
    publicityTo: meta.publicityTo,
    contactPhone: meta.contactPhone,
    contactHours: meta.contactHours,
    contactEmail: meta.contactEmail,
    yellowDays: 7,
    sourceText: noticeText,
  });

  const fallback = DEMO_UNITS.find((unit) => unit.name === '党工委办公室')!;
  let measureCount = 0;
  for (const problem of parsed.problems) {
    const body = [problem.overview ?? '', ...problem.measures.map((measure) => measure.text)].join('');
    const leadUnit = pickUnit(problem.title, body, fallback);
    const kind = classify(problem.seq, problem.statusHint, leadUnit.name);
    const leader = leaders[problem.seq % leaders.length];
    const measures = problem.measures.map((measure) => {
      const status = measureStatus(kind, problem.seq, measure.seq, problem.measures.length);
      return { ...measure, status, units: assignUnits(measure.text, leadUnit) };
    });
    const saved = await manager.save(ProblemEntity, {
      inspectionId: inspection.id,
      seq: problem.seq,
      label: problem.label,
      title: problem.title,
      overview: problem.overview,
      description: null,
      status: deriveProblemStatus(measures.map((measure) => measure.status)),
      term: kind === 'deemed' ? 'long_term' : 'concentrated',
      leadLeaderId: leader.id,
      leadUnitId: unitByName.get(leadUnit.name)!.id,
    });

    for (const measure of measures) {
      const term: MeasureTerm =
        measure.status === 'deemed_completed' ? 'long_term' : measure.seq === 1 ? 'immediate' : 'concentrated';
      const plannedDeadline = addDays(feedbackDate, term === 'immediate' ? 30 : 182);
      const deadline = deadlineFor(measure.status, term, plannedDeadline, problem.seq + measure.seq, today);
      const done = measure.status === 'completed' || measure.status === 'deemed_completed';
      const completedOn = done ? addDays(plannedDeadline, -((problem.seq * 7 + measure.seq * 3) % 25)) : null;
      const lead = unitByName.get(measure.units[0].name)!;
      await writes.insertSeeded(
        manager,
        {
          problemId: saved.id,
          inspectionId: inspection.id,
          seq: measure.seq,
          lead: measure.lead,
          text: measure.text,
          term,
          status: measure.status,
          deadline,
          leadUnitId: lead.id,
          responsibleLeaderId: leader.id,
          responsiblePersonId: personByUnit.get(measure.units[0].name)?.id ?? null,
          submittedAt:
            measure.status === 'pending_review' || done
              ? new Date(`${completedOn ?? addDays(today, -2)}T10:00:00+08:00`)
              : null,
          completedAt: completedOn ? new Date(`${completedOn}T17:00:00+08:00`) : null,
          stageOutcome: measure.status === 'deemed_completed' ? '阶段性目标已完成，长效机制已建立。' : null,
          longTermMechanism: measure.status === 'deemed_completed' ? '纳入常态化监管，按季度调度、年度评估。' : null,
          nextCheckpoint: measure.status === 'deemed_completed' ? addDays(today, 30 + (problem.seq % 60)) : null,
        },
        measure.units.map((unit, index) => ({
          unitId: unitByName.get(unit.name)!.id,
          role: index === 0 ? 'lead' : 'co',
          status: index === 0 ? measure.status : done ? 'completed' : 'in_progress',
          progress: done
            ? 100
            : measure.status === 'not_started'
              ? 0
              : 40 + ((problem.seq * 13 + measure.seq * 7) % 50),
        })),
        measure.status === 'not_started'
          ? []
          : [
              {
                unitId: lead.id,
                reportedOn: completedOn ?? addDays(today, -((problem.seq + measure.seq) % 20) - 1),
                text: measure.text,
                facts: problem.facts
                  .filter((fact) => fact.total !== undefined && measure.text.includes(fact.rawText))
                  .map((fact) => ({
                    label: fact.rawText,
                    done: fact.done,
                    total: fact.total,
                    unit: fact.unit ?? undefined,
                  })),
              },
            ],
      );
      measureCount++;
    }

    for (const action of problem.accountability) {
      await manager.save(AccountabilityActionEntity, {
        inspectionId: inspection.id,
        problemId: saved.id,
        form: action.form,
        count: action.count,
        countUnit: action.countUnit,
        rawText: action.rawText,
      });
    }
    for (const rule of problem.rules) {
      await manager.save(RuleDocumentEntity, {
        inspectionId: inspection.id,
        problemId: saved.id,
        title: rule.title.slice(0, 300),
        role: rule.role,
        unitId: unitByName.get(leadUnit.name)!.id,
        rawText: rule.rawText,
      });
    }
    for (const fund of problem.funds) {
      await manager.save(FundRecoveryEntity, {
        inspectionId: inspection.id,
        problemId: saved.id,
        kind: fund.kind,
        amount: fund.amount,
        unit: fund.unit,
        rawText: fund.rawText,
      });
    }
  }

  for (const account of DEMO_ACCOUNTS) {
    await manager.save(UserAccountEntity, {
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      roles: account.roles,
      unitId: account.unitName ? (unitByName.get(account.unitName)?.id ?? null) : null,
      passwordChangedAt: new Date(),
    });
  }

  await insertDemoOrders(manager, writes, today);
  await insertDemoRounds(manager, inspection.id, today);
  await insertDemoLookback(manager, writes, inspection.id, today);
  await insertDemoCheckpoints(manager, writes, inspection.id, today);

  await manager.insert(AuditEventEntity, {
    action: 'DEMO_DATA_LOADED',
    entityType: 'inspection',
    entityId: inspection.id,
    actorUsername: 'system',
    detail: { problems: parsed.problems.length, measures: measureCount },
  });

  return {
    inspectionId: inspection.id,
    problems: parsed.problems.length,
    measures: measureCount,
    units: unitByName.size + 1,
    accounts: DEMO_ACCOUNTS.length,
  };
}

/**
 * Two 督办单 to the demo unit leader's unit, so that a newcomer sees both states: one answered, one waiting for the
 * reply (numbered 1 and 2 of the demo year).
 */
async function insertDemoOrders(manager: EntityManager, writes: MeasureWritesRepository, today: string): Promise<void> {
  const [unit] = (await manager.query(
    `SELECT ua.unit_id AS "unitId", ua.id AS "leadId", ua.display_name AS "leadName"
     FROM user_account ua WHERE ua.username = 'unitlead'`,
  )) as Array<{ unitId: string; leadId: string; leadName: string }>;
  const [officer] = (await manager.query(
    `SELECT id, display_name AS name FROM user_account WHERE username = 'officer'`,
  )) as Array<{ id: string; name: string }>;
  const measures = (await manager.query(
    `SELECT m.id FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id AND mu.unit_id = $1 AND mu.role = 'lead'
     JOIN problem p ON p.id = m.problem_id
     WHERE m.status IN ('in_progress', 'not_started') ORDER BY p.seq, m.seq LIMIT 3`,
    [unit.unitId],
  )) as Array<{ id: string }>;
  if (!unit?.unitId || !officer || measures.length < 2) return;
  const year = Number(today.slice(0, 4));
  const orders = [
    {
      seq: 1,
      measureIds: [measures[0].id],
      body: '该项整改进度滞后，请于期限内报送整改进展和下一步措施，并说明滞后原因。',
      replyBy: addDays(today, -5),
      issuedAt: new Date(`${addDays(today, -12)}T10:00:00+08:00`),
      reply: {
        body: '已召开专题会议部署，明确专人负责，已完成排查并制定整改台账，预计按期完成。',
        at: new Date(`${addDays(today, -7)}T16:30:00+08:00`),
      },
    },
    {
      seq: 2,
      measureIds: measures.slice(1).map((measure) => measure.id),
      body: '以上措施临近时限，请于期限内书面报告整改完成情况，附佐证材料。',
      replyBy: addDays(today, 5),
      issuedAt: new Date(`${addDays(today, -1)}T09:30:00+08:00`),
      reply: null,
    },
  ];
  for (const order of orders) {
    const { identifiers } = await manager.insert(SupervisionOrderEntity, {
      year,
      seq: order.seq,
      unitId: unit.unitId,
      body: order.body,
      replyBy: order.replyBy,
      issuedById: officer.id,
      issuedAt: order.issuedAt,
      replyBody: order.reply?.body ?? null,
      repliedById: order.reply ? unit.leadId : null,
      repliedAt: order.reply?.at ?? null,
    });
    const orderId = identifiers[0].id as string;
    await manager.insert(
      SupervisionOrderMeasureEntity,
      order.measureIds.map((measureId) => ({ orderId, measureId })),
    );
    const number = `督办〔${year}〕${order.seq}号`;
    await writes.insertEvents(manager, [
      ...order.measureIds.map((measureId) => ({
        measureId,
        action: 'order',
        unitId: unit.unitId,
        actorId: officer.id,
        actorName: officer.name,
        opinion: order.body,
        detail: { orderId, number, replyBy: order.replyBy },
      })),
      ...(order.reply
        ? order.measureIds.map((measureId) => ({
            measureId,
            action: 'order_reply',
            unitId: unit.unitId,
            actorId: unit.leadId,
            actorName: unit.leadName,
            opinion: order.reply!.body,
            detail: { orderId, number },
          }))
        : []),
    ]);
  }
  await manager.insert(SupervisionOrderCounterEntity, { year, last: orders.length });
}

/** The lead unit, then up to two co-units that the measure's own words point to. */
function assignUnits(text: string, problemLead: DemoUnit): DemoUnit[] {
  const ranked = DEMO_UNITS.map((unit) => ({ unit, score: unitScore(text, unit) }))
    .filter(({ score }) => score >= 2)
    .sort((a, b) => b.score - a.score)
    .map(({ unit }) => unit);
  return [problemLead, ...ranked.filter((unit) => unit.name !== problemLead.name).slice(0, 2)];
}

// Unfinished work: a third is overdue by days to weeks (as a live ledger is: long-overdue items get extended or
// escalated), a third due within days, the rest later; so the demo shows red, yellow and green whatever day it is
// loaded, and never items a thousand days late.
function deadlineFor(
  status: MeasureStatus,
  term: MeasureTerm,
  planned: string,
  salt: number,
  today: string,
): string | null {
  if (term === 'long_term') return null;
  if (status === 'completed' || status === 'deemed_completed') return planned;
  const bucket = salt % 3;
  if (bucket === 0) return addDays(today, -(3 + (salt % 40)));
  if (bucket === 1) return addDays(today, 2 + (salt % 5));
  return addDays(today, 30 + (salt % 90));
}
