import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@zhenggai/domain';
import type { Actor } from '../http/request-context.js';

export const IS_PUBLIC = 'zg:public';
export const ROLES = 'zg:roles';
export const ANY_SIGNED_IN = 'zg:any-signed-in';

/** Reachable without a session (health, docs, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Reachable by a session holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Reachable by any signed-in account, whatever its roles (own profile, logout). */
export const SignedIn = () => SetMetadata(ANY_SIGNED_IN, true);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** Every role that may read business data. */
export const READERS: Role[] = ['task_force_officer', 'unit_leader', 'unit_staff', 'supervisor'];
