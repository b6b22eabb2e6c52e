import { describe, expect, it } from 'vitest';
import { MEASURE_STATUSES } from './status.js';
import {
  checkTransition,
  rollUpMeasureStatus,
  validateApproval,
  validateReason,
  TRANSITION_RULES,
  MEASURE_ACTIONS,
} from './workflow.js';

describe('checkTransition', () => {
  const officer = ['task_force_officer'] as const;
  const leader = ['unit_leader'] as const;

  it('lets a unit leader of the measure submit from 未启动, 推进中 and 视同完成 only', () => {
    for (const status of MEASURE_STATUSES) {
      const result = checkTransition('submit', { status, roles: leader, ownUnit: true });
      expect(result.ok).toBe(['not_started', 'in_progress', 'deemed_completed'].includes(status));
    }
  });

  it('refuses a submission by another unit, by staff or by an officer as FORBIDDEN', () => {
    expect(checkTransition('submit', { status: 'in_progress', roles: leader, ownUnit: false })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkTransition('submit', { status: 'in_progress', roles: ['unit_staff'], ownUnit: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkTransition('submit', { status: 'in_progress', roles: officer, ownUnit: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses a second submission by the same unit', () => {
    expect(
      checkTransition('submit', { status: 'in_progress', unitStatus: 'pending_review', roles: leader, ownUnit: true }),
    ).toMatchObject({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
    });
  });

  it('lets only officers approve or return a submission, and reopen a signed-off measure', () => {
    for (const action of ['approve', 'return'] as const) {
      for (const status of MEASURE_STATUSES) {
        expect(checkTransition(action, { status, roles: officer, ownUnit: false }).ok).toBe(
          status === 'pending_review',
        );
      }
      expect(checkTransition(action, { status: 'pending_review', roles: leader, ownUnit: true })).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(
        checkTransition(action, { status: 'pending_review', roles: ['supervisor'], ownUnit: false }),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const status of MEASURE_STATUSES) {
      expect(checkTransition('reopen', { status, roles: officer, ownUnit: false }).ok).toBe(
        status === 'completed' || status === 'deemed_completed',
      );
    }
  });

  it('explains a forbidden transition in Chinese', () => {
    const result = checkTransition('approve', { status: 'in_progress', roles: officer, ownUnit: false });
    expect(result).toEqual({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      message: '整改措施当前状态为“推进中”，不能审核通过',
    });
  });

  it('covers every action', () => {
    expect(Object.keys(TRANSITION_RULES).sort()).toEqual([...MEASURE_ACTIONS].sort());
  });
});

describe('rollUpMeasureStatus', () => {
  it('is 待审核 only when every unit submitted', () => {
    expect(rollUpMeasureStatus(['pending_review', 'pending_review'])).toBe('pending_review');
    expect(rollUpMeasureStatus(['pending_review', 'in_progress'])).toBe('in_progress');
    expect(rollUpMeasureStatus(['pending_review', 'not_started'])).toBe('in_progress');
    expect(rollUpMeasureStatus(['not_started', 'not_started'])).toBe('not_started');
    expect(rollUpMeasureStatus([])).toBe('not_started');
  });
});

describe('validateApproval', () => {
  const today = '2024-05-01';
  it('accepts 已完成 with just an opinion', () => {
    expect(validateApproval({ outcome: 'completed', opinion: '同意销号' }, today)).toEqual({});
  });
  it('requires the stage outcome, the mechanism and a future checkpoint for 视同完成', () => {
    expect(validateApproval({ outcome: 'deemed_completed' }, today)).toEqual({
      stageOutcome: ['视同完成须填写阶段性成果'],
      longTermMechanism: ['视同完成须填写长效机制'],
      nextCheckpoint: ['视同完成须填写下一检查节点日期'],
    });
    expect(
      validateApproval(
        {
          outcome: 'deemed_completed',
          stageOutcome: '已完成阶段目标',
          longTermMechanism: '季度调度',
          nextCheckpoint: '2024-05-01',
        },
        today,
      ),
    ).toEqual({ nextCheckpoint: ['下一检查节点须晚于今天'] });
    expect(
      validateApproval(
        {
          outcome: 'deemed_completed',
          stageOutcome: '已完成阶段目标',
          longTermMechanism: '季度调度',
          nextCheckpoint: '2024-08-01',
        },
        today,
      ),
    ).toEqual({});
  });
});

describe('validateReason', () => {
  it('requires a real reason', () => {
    expect(validateReason('')).toMatch(/请填写理由/);
    expect(validateReason(' ')).toMatch(/请填写理由/);
    expect(validateReason('佐证不足')).toBeNull();
  });
});
