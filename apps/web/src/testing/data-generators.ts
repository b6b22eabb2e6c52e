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
    passwordExpired: false,
    mfaEnabled: false,
    mfaEnrollmentRequired: false,
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

type Extension = Schemas['ExtensionDto'];
type Attachment = Schemas['AttachmentDto'];
type MeasureEvent = Schemas['MeasureEventDto'];
type Statistics = Schemas['InspectionStatisticsDto'];
type UnitStatistics = Schemas['UnitStatisticsDto'];
type Unit = Schemas['UnitDto'];

export function extension(overrides: Partial<Extension> = {}): Extension {
  return {
    id: nextId(),
    measureId: nextId(),
    unit: { id: nextId(), name: '区水务和湖泊局' },
    requestedBy: { id: nextId(), name: '水湖局负责人' },
    previousDeadline: '2024-06-30',
    requestedDeadline: '2024-09-30',
    reason: '拆除工作涉及群众安置，需延长工期',
    status: 'pending',
    statusLabel: '待审批',
    decidedBy: null,
    decidedAt: null,
    opinion: null,
    createdAt: '2024-06-20T02:00:00.000Z',
    version: 1,
    measureRef: '7.(2)',
    measureText: '按计划完成拆除和生态修复。',
    ...overrides,
  };
}

export function attachment(overrides: Partial<Attachment> = {}): Attachment {
  return {
    id: nextId(),
    measureId: nextId(),
    name: '拆除验收报告.pdf',
    size: 204800,
    sha256: 'a'.repeat(64),
    mimeType: 'application/pdf',
    kind: 'document',
    unit: { id: nextId(), name: '区水务和湖泊局' },
    uploadedBy: { id: nextId(), name: '水湖局负责人' },
    createdAt: '2024-06-25T02:00:00.000Z',
    ...overrides,
  };
}

export function measureEvent(overrides: Partial<MeasureEvent> = {}): MeasureEvent {
  return {
    id: nextId(),
    action: 'update',
    actionLabel: '修改',
    fromStatus: null,
    toStatus: null,
    unit: null,
    actor: { id: nextId(), name: '另一位专班干部' },
    opinion: null,
    attachmentIds: [],
    detail: null,
    occurredAt: '2024-07-01T02:30:00.000Z',
    ...overrides,
  } as MeasureEvent;
}

export function unitStatistics(overrides: Partial<UnitStatistics> = {}): UnitStatistics {
  return {
    unitId: nextId(),
    name: '区水务和湖泊局',
    assigned: 10,
    completed: 5,
    deemedCompleted: 1,
    awaitingSignOff: 1,
    overdue: 2,
    dueSoon: 2,
    onTimeRate: 83.3,
    extensions: 0,
    urges: 0,
    light: 'red',
    ...overrides,
  };
}

export function statistics(overrides: Partial<Statistics> = {}): Statistics {
  return {
    inspectionId: nextId(),
    today: '2024-07-18',
    dueSoonDays: 7,
    countDeemedAsComplete: true,
    problems: { total: 41, completed: 18, deemedCompleted: 10, inProgress: 13 },
    completionRate: 68.3,
    measures: {
      total: 114,
      notStarted: 9,
      inProgress: 10,
      awaitingSignOff: 5,
      completed: 80,
      deemedCompleted: 10,
      overdue: 11,
      dueSoon: 9,
    },
    measureCompletionRate: 78.9,
    byCategory: [
      { categoryId: null, title: '未分类', problems: 41, completed: 18, deemedCompleted: 10, inProgress: 13 },
    ],
    byUnit: [unitStatistics()],
    overdueList: [],
    dueSoonList: [],
    weeklyTrend: [
      { weekStart: '2024-07-01', completed: 3, cumulative: 80 },
      { weekStart: '2024-07-08', completed: 10, cumulative: 90 },
    ],
    outcomes: { accountability: { people: 89, personTimes: 11, byForm: [] }, rules: 14, funds: 0 },
    generatedAt: '2024-07-18T02:00:00.000Z',
    ...overrides,
  };
}

export function unit(overrides: Partial<Unit> = {}): Unit {
  return {
    id: nextId(),
    parentId: nextId(),
    name: '区水务和湖泊局',
    shortName: null,
    kind: '部门',
    sortOrder: 1,
    measureCount: 0,
    version: 1,
    ...overrides,
  };
}
