import type { SessionUser } from '@/lib/auth';

interface RoundState {
  status: 'open' | 'closed';
}

export interface RoundPermissions {
  /** 发起报送 */
  open: boolean;
  /** 关闭轮次 */
  close: boolean;
  /** 催报 */
  urge: boolean;
  /** 退回 a unit's report */
  returnReport: boolean;
}

/**
 * What the user may do with reporting rounds — the API's rule: the task force's officers open, close, urge and
 * return; a unit's leader reports for the unit only; supervisors read everything and act on nothing.
 */
export function roundPermissions(user: SessionUser, round?: RoundState): RoundPermissions {
  const officer = user.roles.includes('task_force_officer');
  const open = !round || round.status === 'open';
  return { open: officer, close: officer && open, urge: officer && open, returnReport: officer && open };
}

/** 报送: the unit's leader, for one of the user's units, while the round is open. */
export function canSubmitFor(user: SessionUser, unitId: string, round?: RoundState): boolean {
  return user.roles.includes('unit_leader') && user.unitIds.includes(unitId) && (!round || round.status === 'open');
}
