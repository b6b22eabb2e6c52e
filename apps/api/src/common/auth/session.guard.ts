import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Role } from '@zhenggai/domain';
import { ALLOW_DURING, type AccountGate } from '../../modules/auth/account-gate.js';
import { SessionsService } from '../../modules/auth/sessions.service.js';
import { AppError } from '../errors/app-error.js';
import { requestContext, type Actor } from '../http/request-context.js';
import { ANY_SIGNED_IN, IS_PUBLIC, ROLES } from './access.decorators.js';

export const SESSION_COOKIE = 'zg_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Deny by default: a route is open only when marked @Public(); otherwise it needs a live session, the CSRF token
// on writes, no open account gate (forced or expired password, second factor to enrol) unless the route is marked
// @AllowDuring() for it, and one of the roles named by @Roles() (or @SignedIn() for any account).
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<Request & { actor?: Actor; sessionId?: string; csrfToken?: string }>();
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const live = await this.sessions.validate(token);
    if (!live) throw new AppError('SESSION_EXPIRED');

    request.actor = live.actor;
    request.sessionId = live.sessionId;
    request.csrfToken = live.csrfToken;
    const store = requestContext.get();
    store.actor = live.actor;
    store.sessionId = live.sessionId;

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.header('x-csrf-token') ?? '';
      if (!sameToken(header, live.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
    }

    if (live.gate) {
      const allowed = this.reflector.getAllAndOverride<AccountGate[] | undefined>(ALLOW_DURING, targets) ?? [];
      if (!allowed.includes(live.gate)) throw new AppError(live.gate);
    }

    if (this.reflector.getAllAndOverride<boolean>(ANY_SIGNED_IN, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    // a route without an access declaration is closed to everyone
    if (!roles || !live.actor.roles.some((role) => roles.includes(role))) throw new AppError('FORBIDDEN');
    return true;
  }
}
