import type { SessionUser } from '@/lib/auth';

/** 评估: the task force's officers only; supervisors and unit leaders read the list. */
export function canReviewCheckpoints(user: SessionUser): boolean {
  return user.roles.includes('task_force_officer');
}
