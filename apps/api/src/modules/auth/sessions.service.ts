import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { accountGate, isMfaRequired, type AccountGate } from './account-gate.js';
import { hashToken } from './totp.js';
import { unitSubtree } from '../units/unit-tree.js';
import { UserAccountEntity } from './user-account.entity.js';
import { UserSessionEntity } from './user-session.entity.js';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(user: UserAccountEntity, meta: { ip: string | null; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const session = await this.dataSource.getRepository(UserSessionEntity).save({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    return { token, csrfToken, sessionId: session.id };
  }

  async validate(token: string): Promise<LiveSession | null> {
    if (token.length > 100) return null;
    const now = this.clock.now();
    const session = await this.dataSource
      .getRepository(UserSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :hash', { hash: hashToken(token) })
      .getOne();
    if (!session || session.revokedAt || session.user.disabledAt) return null;
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime()) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.getRepository(UserSessionEntity).update(session.id, { lastSeenAt: now });
    }
    const { user } = session;
    // roles and units are read on every request, so a change applies at once (SEC-15)
    const unitIds = await unitSubtree(this.dataSource, user.unitId);
    return {
      sessionId: session.id,
      csrfToken: session.csrfToken,
      mustChangePassword: user.mustChangePassword,
      gate: this.gateOf(user),
      actor: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        unitId: user.unitId,
        unitIds,
      },
    };
  }

  gateOf(user: UserAccountEntity): AccountGate | null {
    return accountGate(
      user,
      { maxAgeDays: this.config.PASSWORD_MAX_AGE_DAYS, mfaRequired: isMfaRequired(this.config) },
      this.clock.now(),
    );
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(UserSessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every live session of the account (but `except`); returns how many were ended. */
  async revokeAllForUser(
    userId: string,
    options: { except?: string } = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = (await manager.query(
      `UPDATE user_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [userId, this.clock.now(), options.except ?? null],
    )) as [unknown[], number];
    return result[1];
  }
}
