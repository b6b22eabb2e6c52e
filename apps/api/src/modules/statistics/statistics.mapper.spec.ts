import { describe, expect, it } from '@jest/globals';
import { mapStatistics, type FiguresRow } from './statistics.mapper.js';

const alert = {
  id: 'm1',
  problemId: 'p1',
  problemLabel: '3.',
  problemTitle: '耕地保护工作推进不力',
  seq: 2,
  text: '全面排查问题线索台账',
  status: 'not_started' as const,
  deadline: '2024-03-01',
  leadUnitId: 'u1',
  leadUnitName: '区水务和湖泊局',
  daysOverdue: 14,
  daysLeft: -14,
};

const row: FiguresRow = {
  problems: { total: 4, completed: 1, deemedCompleted: 1, inProgress: 2 },
  byCategory: [
    {
      categoryId: 'c1',
      title: '在“贯彻落实党中央决策部署”方面',
      problems: 3,
      completed: 1,
      deemedCompleted: 0,
      inProgress: 2,
    },
    { categoryId: null, title: null, problems: 1, completed: 0, deemedCompleted: 1, inProgress: 0 },
  ],
  measures: {
    total: 3,
    notStarted: 1,
    inProgress: 0,
    awaitingSignOff: 0,
    completed: 1,
    deemedCompleted: 1,
    overdue: 1,
    dueSoon: 0,
  },
  byUnit: [
    {
      unitId: 'u1',
      name: '区水务和湖泊局',
      assigned: 3,
      completed: 1,
      deemedCompleted: 1,
      awaitingSignOff: 0,
      overdue: 1,
      dueSoon: 0,
      done: 2,
      onTime: 1,
      extensions: 2,
      urges: 3,
    },
    {
      unitId: 'u2',
      name: '区财政局',
      assigned: 1,
      completed: 1,
      deemedCompleted: 0,
      awaitingSignOff: 0,
      overdue: 0,
      dueSoon: 0,
      done: 1,
      onTime: 1,
      extensions: 0,
      urges: 0,
    },
  ],
  overdueList: [alert],
  dueSoonList: [
    { ...alert, leadUnitId: null, leadUnitName: null, deadline: '2024-03-18', daysOverdue: -3, daysLeft: 3 },
  ],
  weeklyTrend: [{ weekStart: '2024-03-11', completed: 2, cumulative: 2 }],
  accountability: { people: 3, personTimes: 2, byForm: [{ form: '诫勉', count: 3, unit: '人' }] },
  rules: 5,
  funds: 12.5,
};
const context = {
  inspectionId: 'i1',
  today: '2024-03-15',
  dueSoonDays: 7,
  countDeemedAsComplete: true,
  generatedAt: new Date('2024-03-15T04:00:00Z'),
};

describe('mapStatistics', () => {
  it('adds the rates, the labels and the lights to the aggregated figures', () => {
    const dto = mapStatistics(row, context);
    expect(dto).toMatchObject({
      completionRate: 50,
      measureCompletionRate: 66.7,
      generatedAt: '2024-03-15T04:00:00.000Z',
    });
    expect(dto.byCategory[1]).toEqual({
      categoryId: null,
      title: '未分类',
      problems: 1,
      completed: 0,
      deemedCompleted: 1,
      inProgress: 0,
    });
    expect(dto.byUnit.map((unit) => [unit.light, unit.onTimeRate])).toEqual([
      ['red', 50],
      ['grey', 100],
    ]);
    expect(dto.byUnit[0]).not.toHaveProperty('done');
    expect(dto.overdueList[0]).toEqual({
      id: 'm1',
      problemId: 'p1',
      problemLabel: '3.',
      problemTitle: '耕地保护工作推进不力',
      seq: 2,
      text: '全面排查问题线索台账',
      leadUnit: { id: 'u1', name: '区水务和湖泊局' },
      deadline: '2024-03-01',
      status: 'not_started',
      statusLabel: '未启动',
      daysOverdue: 14,
    });
    expect(dto.dueSoonList[0]).toMatchObject({ leadUnit: null, daysLeft: 3 });
    expect(dto.dueSoonList[0]).not.toHaveProperty('daysOverdue');
    expect(dto.outcomes).toEqual({ accountability: row.accountability, rules: 5, funds: 12.5 });
  });

  it('leaves 视同完成 out of the rates when asked', () => {
    const dto = mapStatistics(row, { ...context, countDeemedAsComplete: false });
    expect(dto).toMatchObject({ countDeemedAsComplete: false, completionRate: 25, measureCompletionRate: 33.3 });
  });
});
