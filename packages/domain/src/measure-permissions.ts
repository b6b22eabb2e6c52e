// What a user may do with a measure, as the screens offer it: the transitions are the API's own rule
// (`checkTransition`), the rest mirrors the measures service's checks.
import type { Role } from './roles.js';
import { isMeasureDone, type MeasureStatus } from './status.js';
import { checkTransition, type MeasureAction } from './workflow.js';

/** Who acts: the roles and the units of the signed-in user. */
export interface MeasureActor {
  roles: readonly Role[];
  unitIds: readonly string[];
}

/** What the rules read of a measure: its status, its deadline and its units (lead and co-units) with their status. */
export interface MeasureForPermissions {
  status: MeasureStatus;
  deadline: string | null;
  units: ReadonlyArray<{ id: string; status: MeasureStatus }>;
}

const UNIT_ROLES: readonly Role[] = ['unit_leader', 'unit_staff'];

/** The share (lead or co-unit) of the actor's own unit in this measure, if any. */
export function ownMeasureShare<U extends { id: string }>(
  measure: { units: readonly U[] },
  actor: MeasureActor,
): U | null {
  return measure.units.find((unit) => actor.unitIds.includes(unit.id)) ?? null;
}

/** Whether `action` would be accepted now: the same rule the API applies (`checkTransition`). */
export function canTransitionMeasure(
  action: MeasureAction,
  measure: Pick<MeasureForPermissions, 'status' | 'units'>,
  actor: MeasureActor,
) {
  const share = ownMeasureShare(measure, actor);
  return checkTransition(action, {
    status: measure.status,
    unitStatus: share?.status ?? null,
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

export function measurePermissions(measure: MeasureForPermissions, actor: MeasureActor): MeasurePermissions {
  const officer = actor.roles.includes('task_force_officer');
  const unitRole = actor.roles.some((role) => UNIT_ROLES.includes(role));
  const own = unitRole && ownMeasureShare(measure, actor) !== null;
  return {
    report: own && measure.status !== 'completed',
    submit: canTransitionMeasure('submit', measure, actor).ok,
    approve: canTransitionMeasure('approve', measure, actor).ok,
    return: canTransitionMeasure('return', measure, actor).ok,
    reopen: canTransitionMeasure('reopen', measure, actor).ok,
    requestExtension: own && !isMeasureDone(measure.status) && measure.deadline !== null,
    decideExtension: officer,
    edit: officer,
    assign: officer,
    upload: (own || officer) && measure.status !== 'completed',
    urge: officer && measure.status !== 'completed' && measure.units.length > 0,
  };
}
