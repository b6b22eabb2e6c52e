import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { MFA_PENDING_SECRET, MFA_SECRET, secretAad } from '../../common/crypto/sealed-secrets.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { AccountSecurityService } from './account-security.service.js';
import { isMfaRequired, needsMfaEnrollment } from './account-gate.js';
import { AccountsRepository } from './accounts.repository.js';
import type { DisableMfaDto } from './dto/login.dto.js';
import type { MfaRecoveryCodesDto, MfaSetupDto, MfaStatusDto } from './dto/session-user.dto.js';
import { verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';
import {
  RECOVERY_CODE_COUNT,
  acceptedTotpStep,
  hashRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  totpUri,
} from './totp.js';
import type { UserAccountEntity } from './user-account.entity.js';

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

// The second factor: TOTP enrolment (setup → enable with a first code → recovery codes), checking a code or a
// recovery code (each usable once), and switching it off again. The secrets are stored sealed (SecretBox).
@Injectable()
export class MfaService {
  private readonly logger = new Logger('Mfa');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly security: AccountSecurityService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  async status(actor: Actor): Promise<MfaStatusDto> {
    const user = await this.account(actor.id);
    return {
      enabled: !!user.mfaEnabledAt,
      enabledAt: user.mfaEnabledAt?.toISOString() ?? null,
      pending: !!user.mfaPendingSecret,
      recoveryCodesLeft: user.mfaEnabledAt ? await this.accounts.unusedRecoveryCodes(user.id) : 0,
      required: needsMfaEnrollment({ roles: user.roles, mfaEnabledAt: null }, isMfaRequired(this.config)),
    };
  }

  /** A new secret, pending until a first code proves the app has it. Refused while a factor is enabled. */
  async setup(actor: Actor): Promise<MfaSetupDto> {
    const user = await this.account(actor.id);
    if (user.mfaEnabledAt) throw new AppError('MFA_ALREADY_ENABLED');
    const secret = newTotpSecret();
    await this.accounts.setPendingMfaSecret(user.id, this.box.seal(secret, secretAad(MFA_PENDING_SECRET, user.id)));
    await this.audit.record({ action: 'MFA_SETUP_STARTED', entityType: 'user_account', entityId: user.id });
    return { secret, otpauthUrl: totpUri(user.username, secret) };
  }

  async enable(actor: Actor, sessionId: string, code: string): Promise<MfaRecoveryCodesDto> {
    const user = await this.account(actor.id);
    if (user.mfaEnabledAt) throw new AppError('MFA_ALREADY_ENABLED');
    if (!user.mfaPendingSecret) throw new AppError('MFA_SETUP_REQUIRED');
    const pending = await this.openSecret(user, 'pending');
    // unreadable (altered, or sealed under another key): the user starts the setup again
    if (pending === null) throw new AppError('MFA_SETUP_REQUIRED');
    const step = acceptedTotpStep(pending, code, this.clock.now(), null);
    if (step === null)
      throw new AppError('MFA_CODE_REJECTED', undefined, {
        errors: { code: ['动态验证码不正确，请核对手机时间后重试'] },
      });
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    await this.dataSource.transaction(async (manager) => {
      // sealed again for its new column: the AAD binds a value to its column and row
      const enabled = await this.accounts.enableMfa(
        manager,
        user.id,
        { sealed: this.box.seal(pending, secretAad(MFA_SECRET, user.id)), pending: user.mfaPendingSecret! },
        step,
        this.clock.now(),
        recoveryCodes.map(hashRecoveryCode),
      );
      if (!enabled) throw new AppError('MFA_SETUP_REQUIRED');
      // a new factor: sessions opened without it end (this one stays)
      const revokedSessions = await this.sessions.revokeAllForUser(user.id, { except: sessionId }, manager);
      await this.audit.record(
        { action: 'MFA_ENABLED', entityType: 'user_account', entityId: user.id, detail: { revokedSessions } },
        manager,
      );
    });
    return { recoveryCodes };
  }

  async disable(actor: Actor, sessionId: string, dto: DisableMfaDto): Promise<MfaStatusDto> {
    const user = await this.account(actor.id);
    if (!user.mfaEnabledAt) throw new AppError('MFA_NOT_ENABLED');
    if ((await this.security.isLocked(user)) || !(await verifyPassword(user.passwordHash, dto.password))) {
      await this.security.registerFailure(user, 'mfa_disable_wrong_password');
      throw new AppError('CURRENT_PASSWORD_INVALID', undefined, { errors: { password: ['密码不正确'] } });
    }
    if (!(await this.verify(user, dto))) {
      await this.security.registerFailure(user, 'mfa_disable_wrong_code');
      throw new AppError('MFA_CODE_REJECTED', undefined, {
        errors: { [dto.code ? 'code' : 'recoveryCode']: ['不正确或已使用'] },
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await this.accounts.clearMfa(manager, user.id);
      const revokedSessions = await this.sessions.revokeAllForUser(user.id, { except: sessionId }, manager);
      await this.audit.record(
        { action: 'MFA_DISABLED', entityType: 'user_account', entityId: user.id, detail: { revokedSessions } },
        manager,
      );
    });
    return this.status(actor);
  }

  /**
   * Checks a TOTP code (once per time step) or a recovery code (once), and marks it used. A secret that does not
   * open (altered in the database, or another key) is logged and audited and answers MFA_SECRET_UNREADABLE; the
   * recovery codes still work.
   */
  async verify(user: UserAccountEntity, factor: SecondFactor): Promise<boolean> {
    if (!user.mfaSecret || !user.mfaEnabledAt) return false;
    const now = this.clock.now();
    if (factor.code) {
      const secret = await this.openSecret(user, 'active');
      if (secret === null) throw new AppError('MFA_SECRET_UNREADABLE');
      const step = acceptedTotpStep(secret, factor.code, now, user.mfaLastStep);
      return step !== null && (await this.accounts.useTotpStep(user.id, step));
    }
    if (factor.recoveryCode) return this.accounts.useRecoveryCode(user.id, hashRecoveryCode(factor.recoveryCode), now);
    return false;
  }

  /** The plain TOTP secret, or null (logged and audited) when the stored value does not open. */
  private async openSecret(user: UserAccountEntity, which: 'active' | 'pending'): Promise<string | null> {
    const column = which === 'active' ? MFA_SECRET : MFA_PENDING_SECRET;
    const stored = which === 'active' ? user.mfaSecret : user.mfaPendingSecret;
    try {
      return this.box.open(stored ?? '', secretAad(column, user.id));
    } catch (error) {
      this.logger.error(`${column.table}.${column.column} of ${user.id} does not open: ${(error as Error).message}`);
      await this.audit.record({
        action: 'MFA_SECRET_UNREADABLE',
        entityType: 'user_account',
        entityId: user.id,
        result: 'failure',
        username: user.username,
        detail: { column: column.column, reason: (error as Error).message },
      });
      return null;
    }
  }

  private async account(id: string): Promise<UserAccountEntity> {
    const user = await this.accounts.findById(id);
    if (!user) throw new AppError('SESSION_EXPIRED');
    return user;
  }
}
