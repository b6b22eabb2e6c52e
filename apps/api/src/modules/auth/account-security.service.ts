import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { validatePassword, type Role } from '@zhenggai/domain';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { requestContext } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { isDormant } from './account-gate.js';
import { AccountsRepository } from './accounts.repository.js';
import { verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';
import type { UserAccountEntity } from './user-account.entity.js';

const MINUTE_MS = 60_000;

// the client's address as the app sees it (TRUST_PROXY_HOPS); one key for requests without one
function clientAddress(): string {
  return (requestContext.get().ip ?? 'unknown').slice(0, 64);
}
const DAY_MS = 86_400_000;
// roles whose last enabled holder is never disabled for dormancy: someone must be able to re-enable accounts
const KEEP_ONE: readonly Role[] = ['system_admin', 'security_admin'];

// Credential rules shared by sign-in, self-service and user administration: lockout, the password policy and
// history, dormant accounts.
@Injectable()
export class AccountSecurityService {
  private readonly logger = new Logger('AccountSecurity');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Ends a lockout and clears the failed sign-in count (the security admin's 解锁), in the caller's transaction. */
  unlock(manager: EntityManager, userId: string): Promise<void> {
    return this.accounts.unlock(manager, userId);
  }

  /** Removes the account's second factor and recovery codes (the security admin's reset), in the caller's transaction. */
  clearMfa(manager: EntityManager, userId: string): Promise<void> {
    return this.accounts.clearMfa(manager, userId);
  }

  /**
   * Whether the account is locked for the client of this request: locked for every address (LOGIN_ACCOUNT_MAX_FAILURES
   * failures over all of them), or for this address by its own LOGIN_MAX_FAILURES failures.
   */
  async isLocked(user: Pick<UserAccountEntity, 'id' | 'lockedUntil'>): Promise<boolean> {
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) return true;
    return this.accounts.isSourceLocked(user.id, clientAddress(), now);
  }

  /**
   * Counts a failed password or second-factor check: for the client's address (LOGIN_MAX_FAILURES lock the account
   * for that address) and for the account (LOGIN_ACCOUNT_MAX_FAILURES lock it for everyone).
   */
  async registerFailure(
    user: Pick<UserAccountEntity, 'id' | 'username' | 'roles' | 'unitId'>,
    reason: string,
  ): Promise<void> {
    const now = this.clock.now();
    const lockUntil = new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * MINUTE_MS);
    const ip = clientAddress();
    const source = await this.accounts.registerSourceFailure(
      user.id,
      ip,
      this.config.LOGIN_MAX_FAILURES,
      lockUntil,
      now,
    );
    const account = await this.accounts.registerFailure(
      user.id,
      this.config.LOGIN_ACCOUNT_MAX_FAILURES,
      lockUntil,
      now,
    );
    if (!source.locked && !account.locked) return;
    await this.audit.record({
      action: 'ACCOUNT_LOCKED',
      entityType: 'user_account',
      entityId: user.id,
      result: 'failure',
      actor: null,
      username: user.username,
      detail: account.locked
        ? {
            reason,
            scope: 'account',
            failures: this.config.LOGIN_ACCOUNT_MAX_FAILURES,
            lockedUntil: lockUntil.toISOString(),
          }
        : {
            reason,
            scope: 'address',
            ip,
            failures: this.config.LOGIN_MAX_FAILURES,
            lockedUntil: lockUntil.toISOString(),
          },
    });
  }

  /** A successful sign-in: both counters start again (this address's and the account's). */
  recordSignIn(userId: string): Promise<void> {
    return this.accounts.recordSignIn(userId, this.clock.now(), clientAddress());
  }

  /** Drops address counters idle for a day (the job auth.login-lockout-purge); returns how many. */
  purgeAddressCounters(): Promise<number> {
    return this.accounts.purgeSourceCounters(new Date(this.clock.now().getTime() - DAY_MS));
  }

  /** 400 with the policy's Chinese messages under `field` when the new password may not be used. */
  assertPasswordPolicy(password: string, username: string, field: string): void {
    const problems = validatePassword(password, username);
    if (problems.length > 0)
      throw new AppError('PASSWORD_POLICY_VIOLATION', undefined, { errors: { [field]: problems } });
  }

  /** 400 when the password is the current one or one of the latest PASSWORD_HISTORY_COUNT. */
  async assertNotReused(
    user: Pick<UserAccountEntity, 'id' | 'passwordHash'>,
    password: string,
    field: string,
  ): Promise<void> {
    const count = this.config.PASSWORD_HISTORY_COUNT;
    const hashes = new Set([user.passwordHash, ...(await this.accounts.recentPasswordHashes(user.id, count))]);
    for (const hash of hashes) {
      if (await verifyPassword(hash, password)) {
        const message = `不能使用最近 ${count} 次用过的密码`;
        throw new AppError('PASSWORD_REUSED', message, { errors: { [field]: [message] } });
      }
    }
  }

  /** Stores a new password hash (and its history), in the caller's transaction. */
  storePassword(manager: EntityManager, userId: string, hash: string, mustChange: boolean): Promise<void> {
    return this.accounts.storePassword(manager, userId, hash, {
      now: this.clock.now(),
      mustChange,
      keep: this.config.PASSWORD_HISTORY_COUNT,
    });
  }

  /** Disables the account when it has been idle past ACCOUNT_DORMANT_DAYS (checked at sign-in); true if it did. */
  async disableIfDormant(user: UserAccountEntity): Promise<boolean> {
    if (!isDormant(user, this.config.ACCOUNT_DORMANT_DAYS, this.clock.now())) return false;
    if (await this.isLastAdmin(user.roles, [user.id])) return false;
    return this.disableDormant(user.id, user.username, user.lastLoginAt);
  }

  /** The daily job: disables every account idle past ACCOUNT_DORMANT_DAYS; returns their usernames. */
  async disableDormantAccounts(): Promise<string[]> {
    const days = this.config.ACCOUNT_DORMANT_DAYS;
    const now = this.clock.now();
    await this.accounts.purgeChallenges(new Date(now.getTime() - DAY_MS));
    if (days <= 0) return [];
    const candidates = await this.accounts.findDormant(new Date(now.getTime() - days * DAY_MS));
    const ids = candidates.map((candidate) => candidate.id);
    const disabled: string[] = [];
    for (const candidate of candidates) {
      if (await this.isLastAdmin(candidate.roles, ids)) {
        this.logger.warn(
          `dormant account ${candidate.username} kept enabled: it is the last enabled holder of an admin role`,
        );
        continue;
      }
      if (await this.disableDormant(candidate.id, candidate.username, candidate.lastLoginAt))
        disabled.push(candidate.username);
    }
    return disabled;
  }

  private async isLastAdmin(roles: readonly Role[], leaving: string[]): Promise<boolean> {
    for (const role of KEEP_ONE) {
      if (roles.includes(role) && (await this.accounts.countEnabledHolders(role, leaving)) === 0) return true;
    }
    return false;
  }

  private async disableDormant(userId: string, username: string, lastLoginAt: Date | null): Promise<boolean> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.accounts.disable(manager, userId, now, 'dormant'))) return false;
      const revokedSessions = await this.sessions.revokeAllForUser(userId, {}, manager);
      await this.audit.record(
        {
          action: 'ACCOUNT_DISABLED',
          entityType: 'user_account',
          entityId: userId,
          actor: null,
          username: 'system',
          before: { disabled: false },
          after: { disabled: true },
          detail: {
            reason: 'dormant',
            username,
            dormantDays: this.config.ACCOUNT_DORMANT_DAYS,
            lastLoginAt: lastLoginAt?.toISOString() ?? null,
            revokedSessions,
          },
        },
        manager,
      );
      return true;
    });
  }
}
