import { describe, expect, it } from 'vitest';
import {
  canTransitionMeasure,
  measurePermissions,
  ownMeasureShare,
  type MeasureActor,
  type MeasureForPermissions,
} from './measure-permissions.js';

const LEAD = 'unit-lead';
const CO = 'unit-co';
const officer: MeasureActor = { roles: ['task_force_officer'], unitIds: [] };
const leader: MeasureActor = { roles: ['unit_leader'], unitIds: [LEAD] };
const coStaff: MeasureActor = { roles: ['unit_staff'], unitIds: [CO] };
const stranger: MeasureActor = { roles: ['unit_leader'], unitIds: ['elsewhere'] };
const supervisor: MeasureActor = { roles: ['supervisor'], unitIds: [] };

function measure(overrides: Partial<MeasureForPermissions> = {}): MeasureForPermissions {
  return {
    status: 'in_progress',
    deadline: '2024-10-31',
    units: [
      { id: LEAD, status: 'in_progress' },
      { id: CO, status: 'in_progress' },
    ],
    ...overrides,
  };
}

describe('ownMeasureShare', () => {
  it("finds the actor's own unit among the measure's units", () => {
    expect(ownMeasureShare(measure(), coStaff)).toEqual({ id: CO, status: 'in_progress' });
    expect(ownMeasureShare(measure(), stranger)).toBeNull();
  });
});

describe('canTransitionMeasure', () => {
  it('lets an own unit submit and the task force approve, as the API does', () => {
    expect(canTransitionMeasure('submit', measure(), leader).ok).toBe(true);
    expect(canTransitionMeasure('submit', measure(), stranger).ok).toBe(false);
    expect(canTransitionMeasure('approve', measure({ status: 'pending_review' }), officer).ok).toBe(true);
    expect(canTransitionMeasure('approve', measure({ status: 'pending_review' }), leader).ok).toBe(false);
  });
});

describe('measurePermissions', () => {
  it('gives the task force the office work and no unit work', () => {
    const permissions = measurePermissions(measure(), officer);
    expect(permissions).toMatchObject({
      report: false,
      requestExtension: false,
      decideExtension: true,
      edit: true,
      assign: true,
      upload: true,
      urge: true,
    });
  });

  it('gives an own unit reporting, extension requests and uploads until 已完成', () => {
    expect(measurePermissions(measure(), coStaff)).toMatchObject({
      report: true,
      requestExtension: true,
      upload: true,
      decideExtension: false,
      edit: false,
      urge: false,
    });
    const done = measure({ status: 'completed', units: [{ id: LEAD, status: 'completed' }] });
    expect(measurePermissions(done, leader)).toMatchObject({ report: false, upload: false, requestExtension: false });
    // 视同完成 still takes progress and evidence, but no extension
    const deemed = measure({ status: 'deemed_completed', units: [{ id: LEAD, status: 'deemed_completed' }] });
    expect(measurePermissions(deemed, leader)).toMatchObject({ report: true, upload: true, requestExtension: false });
  });

  it('asks no extension of a measure without a deadline', () => {
    expect(measurePermissions(measure({ deadline: null }), leader).requestExtension).toBe(false);
  });

  it('gives other units and supervisors nothing', () => {
    for (const actor of [stranger, supervisor])
      expect(Object.values(measurePermissions(measure(), actor)).some(Boolean)).toBe(false);
  });

  it('offers no 催办 before any unit is assigned, nor once 已完成', () => {
    expect(measurePermissions(measure({ units: [] }), officer).urge).toBe(false);
    expect(measurePermissions(measure({ status: 'completed' }), officer).urge).toBe(false);
  });
});
