import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
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
// recovery code (each usable once), and switching it off again.
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly security: AccountSecurityService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
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
    await this.accounts.setPendingMfaSecret(user.id, secret);
    await this.audit.record({ action: 'MFA_SETUP_STARTED', entityType: 'user_account', entityId: user.id });
    return { secret, otpauthUrl: totpUri(user.username, secret) };
  }

  async enable(actor: Actor, sessionId: string, code: string): Promise<MfaRecoveryCodesDto> {
    const user = await this.account(actor.id);
    if (user.mfaEnabledAt) throw new AppError('MFA_ALREADY_ENABLED');
    if (!user.mfaPendingSecret) throw new AppError('MFA_SETUP_REQUIRED');
    const step = acceptedTotpStep(user.mfaPendingSecret, code, this.clock.now(), null);
    if (step === null)
      throw new AppError('MFA_CODE_REJECTED', undefined, {
        errors: { code: ['动态验证码不正确，请核对手机时间后重试'] },
      });
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    await this.dataSource.transaction(async (manager) => {
      const enabled = await this.accounts.enableMfa(
        manager,
        user.id,
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
    if (this.security.isLocked(user) || !(await verifyPassword(user.passwordHash, dto.password))) {
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

  /** Checks a TOTP code (once per time step) or a recovery code (once), and marks it used. */
  async verify(user: UserAccountEntity, factor: SecondFactor): Promise<boolean> {
    if (!user.mfaSecret || !user.mfaEnabledAt) return false;
    const now = this.clock.now();
    if (factor.code) {
      const step = acceptedTotpStep(user.mfaSecret, factor.code, now, user.mfaLastStep);
      return step !== null && (await this.accounts.useTotpStep(user.id, step));
    }
    if (factor.recoveryCode) return this.accounts.useRecoveryCode(user.id, hashRecoveryCode(factor.recoveryCode), now);
    return false;
  }

  private async account(id: string): Promise<UserAccountEntity> {
    const user = await this.accounts.findById(id);
    if (!user) throw new AppError('SESSION_EXPIRED');
    return user;
  }
}
