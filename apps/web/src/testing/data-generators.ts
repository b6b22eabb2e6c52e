import type { Schemas } from '@zhenggai/api-client';
import { ROLL_UP_RULE } from '@zhenggai/domain';

type SessionUser = Schemas['SessionUserDto'];
type Inspection = Schemas['InspectionDto'];
type Problem = Schemas['ProblemDto'];
type ProblemDetail = Schemas['ProblemDetailDto'];
type Measure = Schemas['MeasureDto'];

let counter = 0;
function nextId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function sessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: nextId(),
    username: 'officer',
    displayName: '专班干部',
    roles: ['task_force_officer'],
    unitIds: [],
    unitName: '区委巡视整改工作专班',
    mustChangePassword: false,
    csrfToken: 'csrf-token-1',
    ...overrides,
  };
}

export function inspection(overrides: Partial<Inspection> = {}): Inspection {
  return {
    id: nextId(),
    title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
    issuer: '中共武汉经开区党工委',
    kind: 'xunshi',
    level: 'provincial',
    term: '十二届',
    issuingCommittee: '省委',
    round: 4,
    group: '省委第六巡视组',
    inspectionType: '常规巡视',
    target: '武汉经开区',
    onSiteFrom: '2023-09-10',
    onSiteTo: '2023-11-10',
    feedbackDate: '2024-01-12',
    planDueDate: null,
    rectificationEnd: null,
    reportDue: null,
    publishedAt: null,
    publicityFrom: null,
    publicityTo: null,
    contactPhone: null,
    contactHours: null,
    contactEmail: null,
    contactAddress: null,
    yellowDays: 7,
    problemCount: 41,
    version: 1,
    createdAt: '2024-07-18T08:00:00+08:00',
    updatedAt: '2024-07-18T08:00:00+08:00',
    ...overrides,
  };
}

export function problem(overrides: Partial<Problem> = {}): Problem {
  const seq = overrides.seq ?? 1;
  return {
    id: nextId(),
    inspectionId: nextId(),
    categoryId: null,
    categoryTitle: '（一）贯彻落实党中央决策部署方面',
    seq,
    label: `${seq}.`,
    title: `问题标题${seq}`,
    description: null,
    overview: null,
    status: 'in_progress',
    statusLabel: '未完成',
    term: 'long_term',
    deadline: '2024-12-31',
    light: 'green',
    leadUnit: { id: nextId(), name: '区水务和湖泊局' },
    leadLeader: null,
    measureCount: 3,
    completedMeasureCount: 1,
    version: 1,
    ...overrides,
  };
}

export function measure(overrides: Partial<Measure> = {}): Measure {
  const seq = overrides.seq ?? 1;
  return {
    id: nextId(),
    problemId: nextId(),
    inspectionId: nextId(),
    problemLabel: '7.',
    problemSeq: 7,
    problemTitle: '‘清四乱’、退垸还湖攻坚不力',
    seq,
    lead: null,
    text: `整改措施${seq}`,
    term: 'concentrated',
    termLabel: '集中整改',
    status: 'in_progress',
    statusLabel: '推进中',
    deadline: '2024-10-31',
    light: 'yellow',
    overdue: false,
    leadUnit: { id: nextId(), name: '区水务和湖泊局' },
    coUnits: [],
    units: [],
    responsibleLeader: null,
    responsiblePerson: null,
    nextCheckpoint: null,
    stageOutcome: null,
    longTermMechanism: null,
    remarks: null,
    rollUpRule: ROLL_UP_RULE,
    submittedAt: null,
    completedAt: null,
    version: 1,
    updatedAt: '2024-07-18T08:00:00+08:00',
    ...overrides,
  };
}

export function problemDetail(overrides: Partial<ProblemDetail> = {}): ProblemDetail {
  return { ...problem(overrides), measures: [], ...overrides };
}

export function page<T>(items: T[], overrides: { total?: number; page?: number; pageSize?: number } = {}) {
  return { items, total: items.length, page: 1, pageSize: 50, ...overrides };
}
