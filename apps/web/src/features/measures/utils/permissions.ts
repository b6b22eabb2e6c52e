import { checkTransition, isMeasureDone, type MeasureAction, type MeasureStatus, type Role } from '@zhenggai/domain';
import type { SessionUser } from '@/lib/auth';
import type { Measure } from '../api/get-measures';

export interface Actor {
  roles: readonly Role[];
  unitIds: readonly string[];
}

export function actorOf(user: SessionUser): Actor {
  return { roles: user.roles, unitIds: user.unitIds };
}

const UNIT_ROLES: readonly Role[] = ['unit_leader', 'unit_staff'];

/** The share (lead or co-unit) of the user's own unit in this measure, if any. */
export function ownShare(measure: Measure, actor: Actor) {
  return measure.units.find((unit) => actor.unitIds.includes(unit.id)) ?? null;
}

/** Whether `action` would be accepted now: the same rule the API applies (packages/domain workflow). */
export function canTransition(action: MeasureAction, measure: Pick<Measure, 'status' | 'units'>, actor: Actor) {
  const share = measure.units.find((unit) => actor.unitIds.includes(unit.id)) ?? null;
  return checkTransition(action, {
    status: measure.status,
    unitStatus: (share?.status as MeasureStatus | undefined) ?? null,
    roles: actor.roles,
    ownUnit: share !== null,
  });
}

export interface MeasurePermissions {
  /** 报送进展: the measure's own units, until it is signed off as 已完成. */
  report: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  reopen: boolean;
  /** 申请延期: the measure's own units while it is not done. */
  requestExtension: boolean;
  /** 同意/不同意延期, 调整时限, 分办. */
  decideExtension: boolean;
  edit: boolean;
  assign: boolean;
  /** 上传佐证材料: own units and the task force, until 已完成. */
  upload: boolean;
  /** 催办: the task force, until 已完成, once units are assigned. */
  urge: boolean;
}

export function measurePermissions(measure: Measure, actor: Actor): MeasurePermissions {
  const officer = actor.roles.includes('task_force_officer');
  const unitRole = actor.roles.some((role) => UNIT_ROLES.includes(role));
  const own = unitRole && ownShare(measure, actor) !== null;
  return {
    report: own && measure.status !== 'completed',
    submit: canTransition('submit', measure, actor).ok,
    approve: canTransition('approve', measure, actor).ok,
    return: canTransition('return', measure, actor).ok,
    reopen: canTransition('reopen', measure, actor).ok,
    requestExtension: own && !isMeasureDone(measure.status) && measure.deadline !== null,
    decideExtension: officer,
    edit: officer,
    assign: officer,
    upload: (own || officer) && measure.status !== 'completed',
    urge: officer && measure.status !== 'completed' && measure.units.length > 0,
  };
}
