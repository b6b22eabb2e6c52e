import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { accountGate, isMfaRequired, type AccountGate, type GateAccount } from './account-gate.js';
import { SessionsRepository } from './sessions.repository.js';
import { hashToken } from './totp.js';
import { UserAccountEntity } from './user-account.entity.js';

export interface LiveSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
  // what the account must do before anything else (forced or expired password, second-factor enrolment)
  gate: AccountGate | null;
}

const TOUCH_INTERVAL_MS = 60_000;

// Opaque server-side sessions: revocable at once, and the account's roles and unit are read on every request.
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(user: UserAccountEntity, meta: { ip: string | null; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const sessionId = await this.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    return { token, csrfToken, sessionId };
  }

  /**
   * The check of every request: one statement reads the session, its account and the account's unit subtree and
   * touches the session (at most once a minute). Nothing is cached, so a revoked session, a disabled account or a
   * change of roles or unit applies at the very next request (SEC-15).
   */
  async validate(token: string): Promise<LiveSession | null> {
    if (token.length > 100) return null;
    const now = this.clock.now();
    const idleMs = this.config.SESSION_IDLE_MINUTES * 60_000;
    const session = await this.sessions.check(hashToken(token), now, idleMs, TOUCH_INTERVAL_MS);
    if (!session || session.revokedAt || session.disabledAt) return null;
    const lastSeen = new Date(session.lastSeenAt).getTime();
    if (new Date(session.expiresAt).getTime() <= now.getTime() || lastSeen + idleMs <= now.getTime()) return null;
    return {
      sessionId: session.id,
      csrfToken: session.csrfToken,
      mustChangePassword: session.mustChangePassword,
      gate: this.gateOf({
        roles: session.roles,
        mustChangePassword: session.mustChangePassword,
        passwordChangedAt: session.passwordChangedAt === null ? null : new Date(session.passwordChangedAt),
        createdAt: new Date(session.createdAt),
        mfaEnabledAt: session.mfaEnabledAt === null ? null : new Date(session.mfaEnabledAt),
      }),
      actor: {
        id: session.userId,
        username: session.username,
        displayName: session.displayName,
        roles: session.roles,
        unitId: session.unitId,
        unitIds: session.unitIds,
      },
    };
  }

  gateOf(user: GateAccount): AccountGate | null {
    return accountGate(
      user,
      { maxAgeDays: this.config.PASSWORD_MAX_AGE_DAYS, mfaRequired: isMfaRequired(this.config) },
      this.clock.now(),
    );
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now());
  }

  /** Ends every live session of the account (but `except`); returns how many were ended. */
  async revokeAllForUser(userId: string, options: { except?: string } = {}, manager?: EntityManager): Promise<number> {
    return this.sessions.revokeAllForUser(userId, this.clock.now(), options.except ?? null, manager);
  }
}
