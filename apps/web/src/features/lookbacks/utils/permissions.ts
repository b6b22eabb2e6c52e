import type { SessionUser } from '@/lib/auth';

interface LookbackState {
  status: 'open' | 'finished';
}

export interface LookbackPermissions {
  /** 发起回头看 */
  create: boolean;
  /** 登记核查结果 */
  record: boolean;
  /** 加抽措施 */
  addItem: boolean;
  /** 完成回头看 */
  finish: boolean;
}

/**
 * The API's rule: the task force's officers draw, check, add and finish while the look-back is open; supervisors
 * read every item; a unit's leader reads its own items only.
 */
export function lookbackPermissions(user: SessionUser, lookback?: LookbackState): LookbackPermissions {
  const officer = user.roles.includes('task_force_officer');
  const open = !lookback || lookback.status === 'open';
  return { create: officer, record: officer && open, addItem: officer && open, finish: officer && open };
}
