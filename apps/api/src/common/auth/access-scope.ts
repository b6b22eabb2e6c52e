import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '../http/request-context.js';

// Which units' items an account may see: everything (task force, supervisors) or its unit and that unit's sub-units.
export type AccessScope = { all: true } | { all: false; unitIds: string[] };

export function scopeOf(actor: Actor): AccessScope {
  if (actor.roles.includes('task_force_officer') || actor.roles.includes('supervisor')) return { all: true };
  if (actor.roles.includes('unit_leader') || actor.roles.includes('unit_staff')) {
    return { all: false, unitIds: actor.unitIds };
  }
  // admin roles hold no business-data access; the route's @Roles() keeps them out before this is asked
  throw new ForbiddenException();
}
