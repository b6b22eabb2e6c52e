import type { MeasureActor } from '@zhenggai/domain';
import type { SessionUser } from '@/lib/auth';

// The rules (measurePermissions, canTransitionMeasure, ownMeasureShare) live in packages/domain; this adapts the
// session to the actor they read.
export function actorOf(user: SessionUser): MeasureActor {
  return { roles: user.roles, unitIds: user.unitIds };
}
