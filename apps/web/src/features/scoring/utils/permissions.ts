import type { SessionUser } from '@/lib/auth';

export interface ScoringPermissions {
  /** 评分权重: the task force's officers; supervisors and units only read the ranking */
  editWeights: boolean;
}

/** What the user may do with the ranking — the API's rule: only officers change the weights. */
export function scoringPermissions(user: SessionUser): ScoringPermissions {
  return { editWeights: user.roles.includes('task_force_officer') };
}
