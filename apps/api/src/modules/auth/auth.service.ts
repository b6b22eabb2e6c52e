import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { unitSubtree } from '../units/unit-tree.js';
import { UnitEntity } from '../units/unit.entity.js';
import { isMfaRequired, isPasswordExpired, needsMfaEnrollment } from './account-gate.js';
import { AccountSecurityService } from './account-security.service.js';
import { AccountsRepository } from './accounts.repository.js';
import type { ChangePasswordDto, LoginDto, LoginMfaDto } from './dto/login.dto.js';
import type { SessionUserDto } from './dto/session-user.dto.js';
import { LoginThrottle } from './login-throttle.js';
import { MfaService } from './mfa.service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';
import { hashToken } from './totp.js';
import type { UserAccountEntity } from './user-account.entity.js';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export type LoginResult = { kind: 'session'; token: string; user: SessionUserDto } | { kind: 'mfa'; mfaToken: string };

const CHALLENGE_MS = 5 * 60_000;
// wrong codes against one challenge before it is spent (each also counts towards the account's lockout)
const CHALLENGE_ATTEMPTS = 5;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly security: AccountSecurityService,
    private readonly sessions: SessionsService,
    private readonly mfa: MfaService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // Unknown user, wrong password, disabled, locked or dormant account answer the same way, after the same password
  // hashing work: the answer tells nothing about the account.
  async login(dto: LoginDto, meta: ClientMeta): Promise<LoginResult> {
    await this.throttle.take(meta.ip);
    const username = dto.username.trim().toLowerCase();
    const user = await this.accounts.findByUsername(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), dto.password);
    let reason: string | null = null;
    if (!user) reason = 'unknown_user';
    else if (user.disabledAt) reason = 'disabled';
    else if (await this.security.isLocked(user)) reason = 'locked';
    else if (!valid) reason = 'wrong_password';
    else if (await this.security.disableIfDormant(user)) reason = 'dormant';
    if (reason || !user) {
      if (user && reason === 'wrong_password') await this.security.registerFailure(user, reason);
      await this.audit.record({
        action: 'LOGIN_FAILED',
        entityType: 'user_account',
        entityId: user?.id ?? null,
        result: 'failure',
        actor: null,
        username: username.slice(0, 64),
        detail: { reason },
      });
      // the same words whatever the reason (unknown user, wrong password, locked, disabled): nothing to enumerate
      throw new AppError(
        'INVALID_CREDENTIALS',
        `用户名或密码错误。连续输错 ${this.config.LOGIN_MAX_FAILURES} 次，账号将被锁定 ${this.config.LOGIN_LOCK_MINUTES} 分钟`,
      );
    }
    if (user.mfaEnabledAt && user.mfaSecret) {
      const mfaToken = randomBytes(32).toString('base64url');
      await this.accounts.createChallenge(
        user.id,
        hashToken(mfaToken),
        new Date(this.clock.now().getTime() + CHALLENGE_MS),
      );
      await this.audit.record({
        action: 'LOGIN_MFA_CHALLENGED',
        entityType: 'user_account',
        entityId: user.id,
        actor: null,
        username: user.username,
      });
      return { kind: 'mfa', mfaToken };
    }
    return this.startSession(user, meta, 'password');
  }

  /** The second step of a sign-in with a second factor: the challenge token and a TOTP or recovery code. */
  async loginMfa(dto: LoginMfaDto, meta: ClientMeta): Promise<LoginResult & { kind: 'session' }> {
    await this.throttle.take(meta.ip);
    if (!dto.code === !dto.recoveryCode) {
      throw new AppError('VALIDATION_FAILED', '请填写动态验证码或恢复码（二选一）', {
        errors: { code: ['请填写动态验证码或恢复码（二选一）'] },
      });
    }
    const now = this.clock.now();
    const challenge = await this.accounts.findLiveChallenge(hashToken(dto.mfaToken), now);
    if (!challenge) throw new AppError('MFA_CHALLENGE_EXPIRED');
    const user = await this.accounts.findById(challenge.userId);
    if (!user || user.disabledAt || (await this.security.isLocked(user)) || !user.mfaEnabledAt) {
      await this.accounts.consumeChallenge(challenge.id, now);
      throw new AppError('MFA_CHALLENGE_EXPIRED');
    }
    if (!(await this.mfa.verify(user, dto))) {
      await this.accounts.countChallengeAttempt(challenge.id, CHALLENGE_ATTEMPTS, now);
      await this.security.registerFailure(user, 'wrong_second_factor');
      await this.audit.record({
        action: 'LOGIN_FAILED',
        entityType: 'user_account',
        entityId: user.id,
        result: 'failure',
        actor: null,
        username: user.username,
        detail: { reason: dto.code ? 'wrong_or_used_code' : 'wrong_or_used_recovery_code' },
      });
      throw new AppError('MFA_CODE_INVALID');
    }
    if (!(await this.accounts.consumeChallenge(challenge.id, now))) throw new AppError('MFA_CHALLENGE_EXPIRED');
    return this.startSession(user, meta, dto.code ? 'totp' : 'recovery_code');
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
    await this.audit.record({ action: 'LOGOUT', entityType: 'user_session', entityId: sessionId });
  }

  // The session making the change stays (its cookie and CSRF token are unchanged); every other session ends.
  async changePassword(
    actor: Actor,
    sessionId: string,
    csrfToken: string,
    dto: ChangePasswordDto,
  ): Promise<SessionUserDto> {
    const user = await this.accounts.findById(actor.id);
    if (!user) throw new AppError('SESSION_EXPIRED');
    if ((await this.security.isLocked(user)) || !(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      await this.security.registerFailure(user, 'wrong_current_password');
      await this.audit.record({
        action: 'PASSWORD_CHANGE_FAILED',
        entityType: 'user_account',
        entityId: user.id,
        result: 'failure',
      });
      throw new AppError('CURRENT_PASSWORD_INVALID', undefined, { errors: { currentPassword: ['当前密码不正确'] } });
    }
    this.security.assertPasswordPolicy(dto.newPassword, user.username, 'newPassword');
    await this.security.assertNotReused(user, dto.newPassword, 'newPassword');
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.security.storePassword(manager, user.id, hash, false);
      const revokedSessions = await this.sessions.revokeAllForUser(user.id, { except: sessionId }, manager);
      await this.audit.record(
        {
          action: 'PASSWORD_CHANGED',
          entityType: 'user_account',
          entityId: user.id,
          detail: { forced: user.mustChangePassword, revokedSessions },
        },
        manager,
      );
    });
    return this.describe(user.id, csrfToken);
  }

  async describe(userId: string, csrfToken: string): Promise<SessionUserDto> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new AppError('SESSION_EXPIRED');
    const unit = user.unitId
      ? await this.dataSource.getRepository(UnitEntity).findOne({ where: { id: user.unitId } })
      : null;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      unitIds: await unitSubtree(this.dataSource, user.unitId),
      unitName: unit?.name ?? null,
      mustChangePassword: user.mustChangePassword,
      passwordExpired: isPasswordExpired(user, this.config.PASSWORD_MAX_AGE_DAYS, this.clock.now()),
      mfaEnabled: !!user.mfaEnabledAt,
      mfaEnrollmentRequired: needsMfaEnrollment(user, isMfaRequired(this.config)),
      csrfToken,
    };
  }

  private async startSession(
    user: UserAccountEntity,
    meta: ClientMeta,
    method: string,
  ): Promise<LoginResult & { kind: 'session' }> {
    // a fresh session id at every sign-in (no fixation)
    const session = await this.sessions.create(user, meta);
    await this.security.recordSignIn(user.id);
    await this.audit.record({
      action: 'LOGIN_SUCCEEDED',
      entityType: 'user_account',
      entityId: user.id,
      actor: user,
      detail: { sessionId: session.sessionId, method },
    });
    return { kind: 'session', token: session.token, user: await this.describe(user.id, session.csrfToken) };
  }
}
